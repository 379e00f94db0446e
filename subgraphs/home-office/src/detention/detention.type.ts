import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Access, LocalDate } from '@mappa/shared';
import { homeOfficePolicies } from '../home-office.policies';

export enum ImmigrationDetentionStatus {
  DETAINED = 'DETAINED',
  ARRANGEMENTS_CONFIRMED = 'ARRANGEMENTS_CONFIRMED',
  RELEASED = 'RELEASED',
  REMOVED = 'REMOVED',
}
registerEnumType(ImmigrationDetentionStatus, {
  name: 'ImmigrationDetentionStatus',
  description: 'Where a period of immigration detention stands (seed 000 §6: released only once the MAPPA arrangements are confirmed).',
  valuesConfig: {
    DETAINED: { description: 'Held in an immigration removal centre.' },
    ARRANGEMENTS_CONFIRMED: { description: 'Still held; the MAPPA arrangements for release are confirmed in place.' },
    RELEASED: {
      description: 'Released into the community (immigration bail or executive release), after the arrangements were confirmed.',
    },
    REMOVED: { description: 'Deported or administratively removed from the UK: the case ends for probation (C.73).' },
  },
});

export enum ImmigrationReleaseRoute {
  IMMIGRATION_BAIL = 'IMMIGRATION_BAIL',
  EXECUTIVE_RELEASE = 'EXECUTIVE_RELEASE',
}
registerEnumType(ImmigrationReleaseRoute, {
  name: 'ImmigrationReleaseRoute',
  description: 'How a detainee was released: an immigration bail hearing or an executive decision.',
});

export enum ImmigrationRemovalType {
  DEPORTATION = 'DEPORTATION',
  ADMINISTRATIVE_REMOVAL = 'ADMINISTRATIVE_REMOVAL',
}
registerEnumType(ImmigrationRemovalType, {
  name: 'ImmigrationRemovalType',
  description: 'How the person left the UK: deportation or administrative removal.',
});

@ObjectType({ description: 'A period of immigration detention in an immigration removal centre, and how it ended. Owner: home-office.' })
export class ImmigrationDetention {
  pncId!: string;

  @Access(homeOfficePolicies.detentionStatus)
  @Field(() => ImmigrationDetentionStatus, { description: 'Where the detention stands.' })
  status!: ImmigrationDetentionStatus;

  @Access(homeOfficePolicies.detentionStatus)
  @Field(() => String, { description: 'The immigration removal centre (synthetic name).' })
  ircName!: string;

  @Access(homeOfficePolicies.detentionStatus)
  @Field(() => LocalDate, { description: 'First day of immigration detention.' })
  detainedFrom!: string;

  @Access(homeOfficePolicies.detentionStatus)
  @Field(() => LocalDate, {
    nullable: true,
    description: 'When the MAPPA arrangements for release were confirmed in place; null until then.',
  })
  arrangementsConfirmedDate!: string | null;

  @Access(homeOfficePolicies.detentionStatus)
  @Field(() => LocalDate, { nullable: true, description: 'Release date; null unless released.' })
  releasedDate!: string | null;

  @Access(homeOfficePolicies.detentionStatus)
  @Field(() => ImmigrationReleaseRoute, { nullable: true, description: 'How released; null unless released.' })
  releaseRoute!: ImmigrationReleaseRoute | null;

  @Access(homeOfficePolicies.detentionStatus)
  @Field(() => LocalDate, { nullable: true, description: 'Date of deportation or removal; null unless removed.' })
  removedDate!: string | null;

  @Access(homeOfficePolicies.detentionStatus)
  @Field(() => ImmigrationRemovalType, { nullable: true, description: 'Deportation or administrative removal; null unless removed.' })
  removalType!: ImmigrationRemovalType | null;

  @Access(homeOfficePolicies.homeOfficeStaff)
  @Field(() => String, { nullable: true, description: 'Staff id of who confirmed the arrangements.' })
  arrangementsConfirmedByStaffId!: string | null;
}
