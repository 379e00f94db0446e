import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Access, LocalDate, RiskLevel } from '@mappa/shared';
import { policePolicies } from '../police.policies';

export enum MappaJRestrictionType {
  NO_WORK_WITH_CHILDREN = 'NO_WORK_WITH_CHILDREN',
  NO_WORK_WITH_VULNERABLE_ADULTS = 'NO_WORK_WITH_VULNERABLE_ADULTS',
  NO_LONE_WORKING_IN_HOMES = 'NO_LONE_WORKING_IN_HOMES',
  NO_INTERNET_ENABLED_WORK = 'NO_INTERNET_ENABLED_WORK',
  NO_WORK_IN_EXCLUSION_ZONE = 'NO_WORK_IN_EXCLUSION_ZONE',
}

registerEnumType(MappaJRestrictionType, {
  name: 'MappaJRestrictionType',
  description: 'The employment or benefit-related restriction a MAPPA J tells Jobcentre Plus about (A.R32).',
});

export enum MappaJSender {
  POLICE = 'POLICE',
  PROBATION = 'PROBATION',
}

registerEnumType(MappaJSender, {
  name: 'MappaJSender',
  description:
    'Which offender manager sent the MAPPA J (A.R31): the police when they manage the offender alone, probation when it supervises and the police manage too.',
});

@ObjectType({
  description:
    'MAPPA J: the notification to Jobcentre Plus of an employment or benefit-related restriction on an adult offender (A.R31–A.R35), as noted on the ViSOR record. The latest one sent. Owner: police.',
})
export class MappaJNotification {
  @Access(policePolicies.mappaJContent)
  @Field(() => MappaJRestrictionType, { description: 'The restriction.' })
  restrictionType!: MappaJRestrictionType;

  @Access(policePolicies.mappaJContent)
  @Field(() => LocalDate, { description: 'When the restriction ends; Jobcentre Plus deletes it on this date (A.R33).' })
  restrictionEndDate!: string;

  @Access(policePolicies.mappaJContent)
  @Field(() => RiskLevel, { description: 'Risk of serious harm to Jobcentre Plus staff (A.R32).' })
  riskToJobcentreStaff!: RiskLevel;

  @Access(policePolicies.mappaJAdministration)
  @Field(() => LocalDate, { nullable: true, description: 'Date the MAPPA J was sent.' })
  sentDate!: string;

  @Access(policePolicies.mappaJAdministration)
  @Field(() => MappaJSender, { nullable: true, description: 'Which offender manager sent it (A.R31).' })
  sentBy!: MappaJSender;

  @Access(policePolicies.mappaJAdministration)
  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether the offender was told of the restriction; when not, the Jobcentre Plus SPOC was consulted first (A.R35).',
  })
  offenderInformed!: boolean;

  @Access(policePolicies.mappaJAdministration)
  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether the Jobcentre Plus single point of contact was consulted before it was sent (A.R35).',
  })
  jobcentreSpocConsulted!: boolean;

  @Access(policePolicies.policeStaff)
  @Field(() => String, { nullable: true, description: 'Staff id of the offender manager who sent it (attributed, A.R12).' })
  senderStaffId!: string;
}
