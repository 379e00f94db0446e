import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Access, LocalDate, MappaArea } from '@mappa/shared';
import { probationPolicies } from '../probation.policies';

export enum ProbationCaseStatus {
  CURRENT = 'CURRENT',
  PREVIOUSLY_KNOWN = 'PREVIOUSLY_KNOWN',
}

export enum ProbationSupervisionType {
  CUSTODY = 'CUSTODY',
  LICENCE = 'LICENCE',
  COMMUNITY_ORDER = 'COMMUNITY_ORDER',
}

registerEnumType(ProbationCaseStatus, {
  name: 'ProbationCaseStatus',
  description: 'nDelius probation status: CURRENT (under probation supervision now) or PREVIOUSLY_KNOWN (supervision has ended).',
});

registerEnumType(ProbationSupervisionType, {
  name: 'ProbationSupervisionType',
  description:
    'What probation is supervising: CUSTODY (a custodial sentence; the community offender manager prepares release), LICENCE (released on licence) or COMMUNITY_ORDER (a community sentence).',
});

@ObjectType({ description: 'A probation region (nDelius provider). Owner: probation.' })
export class ProbationProvider {
  @Access(probationPolicies.caseSummary)
  @Field(() => String, { description: 'nDelius provider code, e.g. `N07`.' })
  code!: string;

  @Access(probationPolicies.caseSummary)
  @Field(() => String, { description: 'Provider (probation region) name, e.g. `London`.' })
  description!: string;
}

@ObjectType({ description: 'A probation team that holds cases. Owner: probation.' })
export class ProbationTeam {
  @Access(probationPolicies.offenderManagerContact)
  @Field(() => String, { description: 'nDelius team code, e.g. `N07LT03`.' })
  code!: string;

  @Access(probationPolicies.offenderManagerContact)
  @Field(() => String, { description: 'Team name, e.g. `London Public Protection Team 3`.' })
  description!: string;

  @Access(probationPolicies.offenderManagerContact)
  @Field(() => String, { description: 'Team duty telephone number (synthetic).' })
  telephoneNumber!: string;
}

@ObjectType({
  description:
    'The community offender manager (probation practitioner) responsible for the case, or the unallocated placeholder when none is allocated. Owner: probation.',
})
export class ProbationOffenderManager {
  @Access(probationPolicies.caseReference)
  @Field(() => String, {
    nullable: true,
    description:
      "nDelius staff code, e.g. `N07A123`. A code ending in `U` (e.g. `N07UATU`) is the unallocated placeholder, not a person. Nullable so that a reader granted only the offender manager's contact (the duty-to-co-operate minimal summary) gets that part.",
  })
  staffCode!: string;

  @Access(probationPolicies.caseReference)
  @Field(() => Boolean, {
    nullable: true,
    description:
      "False when no practitioner is allocated (the staff code ends in `U`). Nullable so that a reader granted only the offender manager's contact (the duty-to-co-operate minimal summary) gets that part.",
  })
  allocated!: boolean;

  @Access(probationPolicies.offenderManagerContact)
  @Field(() => String, { nullable: true, description: 'Forenames of the practitioner; null when unallocated.' })
  forenames!: string | null;

  @Access(probationPolicies.offenderManagerContact)
  @Field(() => String, { nullable: true, description: 'Surname of the practitioner; null when unallocated.' })
  surname!: string | null;

  @Access(probationPolicies.offenderManagerContact)
  @Field(() => String, { nullable: true, description: 'Work email address (synthetic); null when unallocated.' })
  email!: string | null;

  @Access(probationPolicies.offenderManagerContact)
  @Field(() => String, { nullable: true, description: 'Work telephone number (synthetic); null when unallocated.' })
  telephoneNumber!: string | null;

  @Access(probationPolicies.offenderManagerContact)
  @Field(() => ProbationTeam, { description: 'The team the case is held in.' })
  team!: ProbationTeam;
}

@ObjectType({ description: 'The main offence of the event probation is supervising. Owner: probation.' })
export class ProbationOffence {
  @Access(probationPolicies.caseSummary)
  @Field(() => String, { description: 'Offence code, e.g. `SX03014`.' })
  code!: string;

  @Access(probationPolicies.caseSummary)
  @Field(() => String, { description: 'Offence description.' })
  description!: string;

  @Access(probationPolicies.caseSummary)
  @Field(() => LocalDate, { description: 'Date of conviction.' })
  convictionDate!: string;
}

@ObjectType({
  description:
    "The nDelius probation case. Held only for people with a CRN; never for under-18s (they are the youth offending team's). Owner: probation.",
})
export class ProbationCase {
  @Access(probationPolicies.caseReference)
  @Field(() => ID, {
    nullable: true,
    description:
      "Case reference number (CRN), one letter and six digits, e.g. `X123456`. Nullable so that a reader granted only the offender manager's contact (the duty-to-co-operate minimal summary) gets that part.",
  })
  crn!: string;

  @Access(probationPolicies.caseSummary)
  @Field(() => ProbationCaseStatus, { nullable: true, description: 'CURRENT or PREVIOUSLY_KNOWN.' })
  status!: ProbationCaseStatus | null;

  @Access(probationPolicies.caseAdministration)
  @Field(() => LocalDate, { nullable: true, description: 'Date supervision ended, for a PREVIOUSLY_KNOWN case; null for a CURRENT case.' })
  previouslyKnownTerminationDate!: string | null;

  @Access(probationPolicies.caseSummary)
  @Field(() => ProbationSupervisionType, {
    nullable: true,
    description: 'What probation is supervising now; null for a PREVIOUSLY_KNOWN case.',
  })
  supervisionType!: ProbationSupervisionType | null;

  @Access(probationPolicies.caseSummary)
  @Field(() => MappaArea, { nullable: true, description: 'MAPPA area the case is managed in.' })
  area!: MappaArea | null;

  @Access(probationPolicies.caseSummary)
  @Field(() => String, {
    nullable: true,
    description:
      'Current tier, a letter and a digit, e.g. `A3`, `B2`. The letter follows the risk of serious harm (A very high, B high, C medium, D low), the digit the OGRS reoffending band (3 very high … 0 low). Null for a PREVIOUSLY_KNOWN case.',
  })
  tier!: string | null;

  @Access(probationPolicies.caseSummary)
  @Field(() => Boolean, { nullable: true, description: 'True when the person is currently in breach of their order or licence.' })
  inBreach!: boolean | null;

  @Access(probationPolicies.caseAdministration)
  @Field(() => Boolean, {
    nullable: true,
    description: 'True when the case is a limited access offender restriction: only named staff may see it in nDelius.',
  })
  currentRestriction!: boolean | null;
}
