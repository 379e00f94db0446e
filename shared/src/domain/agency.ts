import { registerEnumType } from 'type-graphql';

/** The agencies that own records in this federation, one subgraph each. */
export enum Agency {
  POLICE = 'POLICE',
  PROBATION = 'PROBATION',
  PRISON = 'PRISON',
  YOT = 'YOT',
  MAPPA_UNIT = 'MAPPA_UNIT',
  HOME_OFFICE = 'HOME_OFFICE',
}

registerEnumType(Agency, {
  name: 'Agency',
  description:
    'An agency that owns records: POLICE, PROBATION, PRISON, YOT (youth offending team) or MAPPA_UNIT (the MAPPA Co-ordination Unit) or HOME_OFFICE (Home Office Immigration Enforcement: foreign national offenders in immigration detention).',
});
