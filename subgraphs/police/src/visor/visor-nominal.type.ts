import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Access, LocalDate } from '@mappa/shared';
import { policePolicies } from '../police.policies';

export enum VisorStatus {
  ACTIVE = 'ACTIVE',
  ARCHIVED = 'ARCHIVED',
}

registerEnumType(VisorStatus, {
  name: 'VisorStatus',
  description: 'Whether the ViSOR nominal is being actively managed (ACTIVE) or closed and kept for retention (ARCHIVED).',
});

@ObjectType({
  description:
    'The ViSOR (Violent and Sex Offender Register) nominal record. Held for category 1 and 4 offenders and for categories 2 and 3 managed at level 2 or 3; never for category 2 level 1 (A.R4). Owner: police.',
})
export class VisorNominal {
  @Access(policePolicies.visorNominal)
  @Field(() => ID, { description: 'ViSOR nominal reference, e.g. `VN-0001234`.' })
  visorReference!: string;

  @Access(policePolicies.visorNominal)
  @Field(() => VisorStatus, { description: 'ACTIVE or ARCHIVED.' })
  status!: VisorStatus;

  @Access(policePolicies.policeStaff)
  @Field(() => String, { nullable: true, description: 'Staff id of the ViSOR record manager (the officer responsible for the record).' })
  recordManagerStaffId!: string;

  @Access(policePolicies.visorNominal)
  @Field(() => String, { description: 'Police force of the record manager.' })
  recordManagerForce!: string;

  @Access(policePolicies.visorNominal)
  @Field(() => [String], { description: 'Agencies with partner access to the record, e.g. `PROBATION`, `PRISON`.' })
  partnerAgencies!: string[];

  @Access(policePolicies.visorNominal)
  @Field(() => Boolean, {
    description: 'True when the record is restricted-access: only counter-terrorism cleared users may see the case.',
  })
  restrictedAccess!: boolean;

  @Access(policePolicies.visorNominal)
  @Field(() => LocalDate, { description: 'Date the nominal was created on ViSOR.' })
  createdDate!: string;

  @Access(policePolicies.visorAdministration)
  @Field(() => LocalDate, { nullable: true, description: "Date the record must be reviewed for retention: the person's 100th birthday." })
  retentionReviewDate!: string;
}
