import { registerEnumType } from 'type-graphql';

/** The agencies that own records in this federation, one subgraph each. */
export enum Agency {
  POLICE = 'POLICE',
  PROBATION = 'PROBATION',
  PRISON = 'PRISON',
  YOT = 'YOT',
  MAPPA_UNIT = 'MAPPA_UNIT',
}

registerEnumType(Agency, {
  name: 'Agency',
  description:
    'An agency that owns records: POLICE, PROBATION, PRISON, YOT (youth offending team) or MAPPA_UNIT (the MAPPA Co-ordination Unit).',
});
