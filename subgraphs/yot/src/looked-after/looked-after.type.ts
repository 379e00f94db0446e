import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Access, LocalDate } from '@mappa/shared';
import { yotPolicies } from '../yot.policies';

export enum LookedAfterLegalBasis {
  SECTION_20 = 'SECTION_20',
  SECTION_31_CARE_ORDER = 'SECTION_31_CARE_ORDER',
  SECTION_38_INTERIM_CARE_ORDER = 'SECTION_38_INTERIM_CARE_ORDER',
  YOUTH_REMAND = 'YOUTH_REMAND',
}

export enum ParentalResponsibilityHolder {
  MOTHER = 'MOTHER',
  FATHER = 'FATHER',
  STEP_PARENT = 'STEP_PARENT',
  GRANDPARENT = 'GRANDPARENT',
  OTHER_RELATIVE = 'OTHER_RELATIVE',
  SPECIAL_GUARDIAN = 'SPECIAL_GUARDIAN',
  LOCAL_AUTHORITY = 'LOCAL_AUTHORITY',
}

export enum YotInformationSource {
  CHILDRENS_SOCIAL_CARE = 'CHILDRENS_SOCIAL_CARE',
  YOUTH_OFFENDING_TEAM = 'YOUTH_OFFENDING_TEAM',
}

registerEnumType(LookedAfterLegalBasis, {
  name: 'LookedAfterLegalBasis',
  description: 'The legal basis on which a child is looked after by a local authority.',
  valuesConfig: {
    SECTION_20: { description: 'Accommodated by agreement under s20 Children Act 1989; the parents keep parental responsibility.' },
    SECTION_31_CARE_ORDER: { description: 'Care order under s31 Children Act 1989; the local authority shares parental responsibility.' },
    SECTION_38_INTERIM_CARE_ORDER: {
      description: 'Interim care order under s38 Children Act 1989; the local authority shares parental responsibility.',
    },
    YOUTH_REMAND: { description: 'Looked after because remanded to local authority accommodation or youth detention (LASPO 2012 s104).' },
  },
});

registerEnumType(ParentalResponsibilityHolder, {
  name: 'ParentalResponsibilityHolder',
  description: 'Who holds parental responsibility for the child, by relationship only (no names).',
});

registerEnumType(YotInformationSource, {
  name: 'YotInformationSource',
  description: 'Which service supplied a record the YOT holds: CHILDRENS_SOCIAL_CARE (read-only to the YOT) or YOUTH_OFFENDING_TEAM.',
});

@ObjectType({
  description:
    "Looked-after status and parental responsibility as supplied by children's social care. Read-only for the YOT: only children's social care may change it (A.R51). Owner: yot (source: children's social care).",
})
export class LookedAfterStatus {
  @Access(yotPolicies.lookedAfter)
  @Field(() => Boolean, { description: 'True when the child is looked after by a local authority.' })
  lookedAfter!: boolean;

  @Access(yotPolicies.lookedAfter)
  @Field(() => LookedAfterLegalBasis, {
    nullable: true,
    description: 'Legal basis of the looked-after status; null when not looked after.',
  })
  legalBasis!: LookedAfterLegalBasis | null;

  @Access(yotPolicies.lookedAfter)
  @Field(() => String, {
    nullable: true,
    description:
      "Local authority responsible for the looked-after child (may differ from the YOT's when placed out of area); null when not looked after.",
  })
  responsibleLocalAuthority!: string | null;

  @Access(yotPolicies.lookedAfter)
  @Field(() => [ParentalResponsibilityHolder], { description: 'Everyone holding parental responsibility, by relationship; at least one.' })
  parentalResponsibilityHolders!: ParentalResponsibilityHolder[];

  @Access(yotPolicies.lookedAfter)
  @Field(() => YotInformationSource, { description: 'Who supplied the record: always CHILDRENS_SOCIAL_CARE.' })
  source!: YotInformationSource;

  @Access(yotPolicies.lookedAfter)
  @Field(() => LocalDate, { description: "Date children's social care's information was current." })
  asAtDate!: string;
}
