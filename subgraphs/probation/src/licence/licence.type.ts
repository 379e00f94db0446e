import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Access, LocalDate } from '@mappa/shared';
import { probationPolicies } from '../probation.policies';

export enum ProbationLicenceType {
  AP = 'AP',
  PSS = 'PSS',
  AP_PSS = 'AP_PSS',
}

export enum ProbationLicenceStatus {
  IN_PROGRESS = 'IN_PROGRESS',
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  ACTIVE = 'ACTIVE',
  VARIATION_IN_PROGRESS = 'VARIATION_IN_PROGRESS',
  VARIATION_SUBMITTED = 'VARIATION_SUBMITTED',
  VARIATION_APPROVED = 'VARIATION_APPROVED',
  VARIATION_REJECTED = 'VARIATION_REJECTED',
  INACTIVE = 'INACTIVE',
}

export enum ProbationLicenceConditionKind {
  STANDARD = 'STANDARD',
  ADDITIONAL = 'ADDITIONAL',
  BESPOKE = 'BESPOKE',
}

export enum ProbationLicencePeriod {
  AP = 'AP',
  PSS = 'PSS',
}

registerEnumType(ProbationLicenceType, {
  name: 'ProbationLicenceType',
  description:
    'CVL licence type: AP (licence only), PSS (post-sentence supervision only) or AP_PSS (a licence followed by post-sentence supervision to the top-up supervision expiry date).',
});

registerEnumType(ProbationLicenceStatus, {
  name: 'ProbationLicenceStatus',
  description:
    'CVL licence status. Before release: IN_PROGRESS (being written), SUBMITTED (sent for approval), APPROVED. After release: ACTIVE (in force). A variation of an active licence goes VARIATION_IN_PROGRESS, VARIATION_SUBMITTED, then VARIATION_APPROVED (it becomes ACTIVE and the licence it varied INACTIVE) or VARIATION_REJECTED.',
});

registerEnumType(ProbationLicenceConditionKind, {
  name: 'ProbationLicenceConditionKind',
  description: 'STANDARD (set by law for every licence), ADDITIONAL (chosen from the national list) or BESPOKE (written for this person).',
});

registerEnumType(ProbationLicencePeriod, {
  name: 'ProbationLicencePeriod',
  description: 'Which part of the supervision a condition applies to: AP (the licence period) or PSS (post-sentence supervision).',
});

@ObjectType({
  description:
    'One condition of a licence. Conditions flagged `identifiesVictim` or `isExclusionZone` carry victim-identifying or location detail and are restricted. Owner: probation.',
})
export class ProbationLicenceCondition {
  @Access(probationPolicies.licenceConditions)
  @Field(() => ProbationLicenceConditionKind, { description: 'STANDARD, ADDITIONAL or BESPOKE.' })
  kind!: ProbationLicenceConditionKind;

  @Access(probationPolicies.licenceConditions)
  @Field(() => ProbationLicencePeriod, { description: 'AP (licence period) or PSS (post-sentence supervision period).' })
  period!: ProbationLicencePeriod;

  @Access(probationPolicies.licenceConditions)
  @Field(() => String, { description: 'Condition code, e.g. `NOT_OFFEND`, `NO_CONTACT_NAMED_PERSON`; `BESPOKE` for bespoke conditions.' })
  code!: string;

  @Access(probationPolicies.licenceConditions)
  @Field(() => String, { description: 'Condition category, e.g. `Freedom of movement`, `Making or maintaining contact with a person`.' })
  category!: string;

  @Access(probationPolicies.licenceConditionText)
  @Field(() => String, { nullable: true, description: 'The condition as written on the licence.' })
  text!: string | null;

  @Access(probationPolicies.licenceConditions)
  @Field(() => Boolean, {
    description: 'True when the text names a victim or reveals where a victim lives: strip it for anyone not entitled to victim detail.',
  })
  identifiesVictim!: boolean;

  @Access(probationPolicies.licenceConditions)
  @Field(() => Boolean, { description: 'True when the condition is an exclusion zone (an area the person must not enter).' })
  isExclusionZone!: boolean;
}

@ObjectType({
  description:
    'A licence from Create and Vary a Licence (CVL). Someone on licence has exactly one ACTIVE licence; someone in custody within six months of release has one being prepared. Owner: probation.',
})
export class ProbationLicence {
  @Access(probationPolicies.licence)
  @Field(() => ID, { nullable: true, description: 'CVL licence id.' })
  licenceId!: number | null;

  @Access(probationPolicies.licence)
  @Field(() => ProbationLicenceType, { nullable: true, description: 'AP, PSS or AP_PSS.' })
  typeCode!: ProbationLicenceType | null;

  @Access(probationPolicies.licenceDates)
  @Field(() => ProbationLicenceStatus, { description: 'Where the licence is in its life cycle.' })
  status!: ProbationLicenceStatus;

  @Access(probationPolicies.licence)
  @Field(() => String, { nullable: true, description: 'Licence version, e.g. `1.0`; each variation adds one.' })
  version!: string | null;

  @Access(probationPolicies.licence)
  @Field(() => ID, { nullable: true, description: 'Licence id of the licence this one varies; null for an original licence.' })
  variationOf!: number | null;

  @Access(probationPolicies.licence)
  @Field(() => String, { nullable: true, description: 'Prison number (NOMIS) of the person, e.g. `A1234BC`.' })
  prisonNumber!: string | null;

  @Access(probationPolicies.licence)
  @Field(() => LocalDate, { nullable: true, description: 'Start date of the custodial sentence the licence follows.' })
  sentenceStartDate!: string | null;

  @Access(probationPolicies.licenceDates)
  @Field(() => LocalDate, { description: 'Conditional release date (CRD).' })
  conditionalReleaseDate!: string;

  @Access(probationPolicies.licenceDates)
  @Field(() => LocalDate, { description: 'Date the licence starts: the conditional release date.' })
  licenceStartDate!: string;

  @Access(probationPolicies.licenceDates)
  @Field(() => LocalDate, {
    nullable: true,
    description: 'Licence expiry date (LED); null for an indeterminate sentence (life, IPP), whose licence can last for life.',
  })
  licenceExpiryDate!: string | null;

  @Access(probationPolicies.licenceDates)
  @Field(() => LocalDate, { nullable: true, description: 'Sentence expiry date (SED); null for an indeterminate sentence.' })
  sentenceExpiryDate!: string | null;

  @Access(probationPolicies.licence)
  @Field(() => LocalDate, {
    nullable: true,
    description: 'Top-up supervision expiry date (TUSED), the end of post-sentence supervision; null when there is none.',
  })
  topUpSupervisionExpiryDate!: string | null;

  @Access(probationPolicies.licence)
  @Field(() => LocalDate, { nullable: true, description: 'Date the licence (or this variation) was created.' })
  createdDate!: string | null;

  @Access(probationPolicies.licence)
  @Field(() => LocalDate, { nullable: true, description: 'Date the licence was approved; null until approved.' })
  approvedDate!: string | null;

  @Access(probationPolicies.licence)
  @Field(() => LocalDate, { nullable: true, description: 'Date the licence was last changed.' })
  updatedDate!: string | null;

  @Access(probationPolicies.licence)
  @Field(() => String, { nullable: true, description: 'nDelius staff code of the community offender manager responsible for the licence.' })
  responsibleComStaffCode!: string | null;
}
