import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Access, LocalDate } from '@mappa/shared';
import { yotPolicies } from '../yot.policies';

export enum YotConsentPurpose {
  INFORMATION_SHARING_WITH_MAPPA = 'INFORMATION_SHARING_WITH_MAPPA',
  INFORMATION_SHARING_WITH_CHILDRENS_SOCIAL_CARE = 'INFORMATION_SHARING_WITH_CHILDRENS_SOCIAL_CARE',
  REFERRAL_TO_HEALTH_SERVICES = 'REFERRAL_TO_HEALTH_SERVICES',
  ELECTRONIC_MONITORING = 'ELECTRONIC_MONITORING',
}

export enum YotConsentDecision {
  GIVEN = 'GIVEN',
  REFUSED = 'REFUSED',
}

export enum YotConsentGivenBy {
  YOUNG_PERSON = 'YOUNG_PERSON',
  PARENT_OR_CARER = 'PARENT_OR_CARER',
}

export enum YotFraserAssessorRole {
  ALLOCATED_SOCIAL_WORKER = 'ALLOCATED_SOCIAL_WORKER',
  YOT_SOCIAL_WORKER = 'YOT_SOCIAL_WORKER',
}

registerEnumType(YotConsentPurpose, {
  name: 'YotConsentPurpose',
  description: 'What the consent was sought for.',
  valuesConfig: {
    INFORMATION_SHARING_WITH_MAPPA: { description: "Sharing the young person's information with MAPPA agencies." },
    INFORMATION_SHARING_WITH_CHILDRENS_SOCIAL_CARE: { description: "Sharing the young person's information with children's social care." },
    REFERRAL_TO_HEALTH_SERVICES: { description: 'Referral to health services (for example mental health or substance misuse).' },
    ELECTRONIC_MONITORING: { description: 'Consent to electronic monitoring (tagging) at the home address.' },
  },
});

registerEnumType(YotConsentDecision, { name: 'YotConsentDecision', description: 'Whether consent was GIVEN or REFUSED.' });

registerEnumType(YotConsentGivenBy, {
  name: 'YotConsentGivenBy',
  description:
    'Who made the consent decision: the YOUNG_PERSON (only when Fraser competent) or a PARENT_OR_CARER with parental responsibility.',
});

registerEnumType(YotFraserAssessorRole, {
  name: 'YotFraserAssessorRole',
  description:
    "Who judged Fraser competence (A.R44): the child's ALLOCATED_SOCIAL_WORKER or the YOT-based social worker (YOT_SOCIAL_WORKER).",
});

@ObjectType({
  description:
    "A consent decision about the young person's information, with the Fraser competence judgement behind it. A refusal may be overridden on safeguarding or public-protection grounds. Owner: yot.",
})
export class YotConsentRecord {
  @Access(yotPolicies.consent)
  @Field(() => YotConsentPurpose, { description: 'What the consent is for.' })
  purpose!: YotConsentPurpose;

  @Access(yotPolicies.consent)
  @Field(() => YotConsentDecision, { description: 'Whether consent was given or refused.' })
  decision!: YotConsentDecision;

  @Access(yotPolicies.consent)
  @Field(() => YotConsentGivenBy, { description: 'Who made the decision.' })
  givenBy!: YotConsentGivenBy;

  @Access(yotPolicies.consent)
  @Field(() => Boolean, {
    description:
      'True when the young person was judged Fraser competent to decide for themselves; the young person decides only when true.',
  })
  fraserCompetent!: boolean;

  @Access(yotPolicies.consent)
  @Field(() => String, { description: 'Staff id of the social worker who judged Fraser competence.' })
  assessedByStaffId!: string;

  @Access(yotPolicies.consent)
  @Field(() => YotFraserAssessorRole, { description: 'Role of the social worker who judged Fraser competence.' })
  assessedByRole!: YotFraserAssessorRole;

  @Access(yotPolicies.consent)
  @Field(() => LocalDate, { description: 'Date the consent decision (and the competence judgement) was recorded.' })
  decisionDate!: string;

  @Access(yotPolicies.consent)
  @Field(() => LocalDate, { nullable: true, description: 'Date consent was withdrawn; null while it stands (always null for a refusal).' })
  withdrawnDate!: string | null;

  @Access(yotPolicies.consent)
  @Field(() => Boolean, {
    description:
      'True when a refusal was overridden and the information shared on safeguarding or public-protection grounds, as a recorded defensible decision.',
  })
  overriddenOnPublicProtectionGrounds!: boolean;
}
