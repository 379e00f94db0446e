import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Access, Agency, DateTimeISO, LocalDate, MappaArea } from '@mappa/shared';
import { mappaPolicies } from '../mappa.policies';
import { OffenderPageInfo } from '../register/register.type';
import { Offender } from '../offender/offender.type';

/** Where a MAPPA A referral is in its life; the database trigger (migration 0006) allows the same transitions. */
export enum ReferralStatus {
  AWAITING_ENDORSEMENT = 'AWAITING_ENDORSEMENT',
  SUBMITTED = 'SUBMITTED',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}

registerEnumType(ReferralStatus, {
  name: 'ReferralStatus',
  description:
    'Where a MAPPA A referral is: AWAITING_ENDORSEMENT → SUBMITTED | WITHDRAWN; SUBMITTED → ACCEPTED | REJECTED | WITHDRAWN; ACCEPTED, REJECTED and WITHDRAWN are final.',
  valuesConfig: {
    AWAITING_ENDORSEMENT: {
      description: "A YOT referral waiting for a YOT manager's endorsement (C.50); the co-ordinator has not received it.",
    },
    SUBMITTED: { description: 'Received by the co-ordinator of its area; the screening clock runs (decision within 10 days, A §5).' },
    ACCEPTED: { description: 'Screened and accepted: the MAPPA case was opened or changed by the screening decision.' },
    REJECTED: { description: 'Screened and rejected, with reasons.' },
    WITHDRAWN: { description: 'Withdrawn by its referrer before screening.' },
  },
});

/** The co-ordinator's screening decision on a referral. */
export enum ScreeningOutcome {
  ACCEPT = 'ACCEPT',
  REJECT = 'REJECT',
}

registerEnumType(ScreeningOutcome, {
  name: 'ScreeningOutcome',
  description:
    "The co-ordinator's screening decision: ACCEPT to level 2 or 3 management (with category, level and lead agency), or REJECT with reasons.",
});

@ObjectType({
  description:
    'Someone the referrer proposes to invite to the MAPP meeting (MAPPA A "additional invitees"). Owner: mappa (MAPPA Co-ordination Unit).',
})
export class ProposedInvitee {
  @Access(mappaPolicies.referral)
  @Field(() => String, { description: 'The agency (`police`, `health`, `children_social_care`…), through its single point of contact.' })
  agency!: string;

  @Access(mappaPolicies.referral)
  @Field(() => String, {
    nullable: true,
    description: 'A role within the agency (`dtc_attendee`, `ppu_officer`…); null when the agency chooses who attends.',
  })
  role!: string | null;

  @Access(mappaPolicies.referral)
  @Field(() => String, { description: 'Why they should attend.' })
  reason!: string;
}

@ObjectType({
  description:
    'A MAPPA A referral to level 2 or 3 management, about one person, and its screening decision. Visible to its referrer, its YOT endorser and the co-ordinator of its area; to anyone else it does not exist. Owner: mappa (MAPPA Co-ordination Unit).',
})
export class Referral {
  @Access(mappaPolicies.referral)
  @Field(() => ID, { description: "The referral's id, `REF-` and a UUID; the screening decision's reference in the MAPPA case history." })
  referralId!: string;

  @Access(mappaPolicies.referral)
  @Field(() => ID, { description: 'PNC ID of the person referred.' })
  pncId!: string;

  @Access(mappaPolicies.referral)
  @Field(() => Offender, {
    description: "The person referred; other agencies' fields resolve through the federation under the caller's own policies.",
  })
  subject!: Offender;

  @Access(mappaPolicies.referral)
  @Field(() => MappaArea, { description: "The MAPPA area whose co-ordinator screens it: the referrer's own." })
  area!: MappaArea;

  @Access(mappaPolicies.referral)
  @Field(() => String, { description: "The referrer's agency: `police`, `probation`, `prison` or `yot`." })
  referringAgency!: string;

  @Access(mappaPolicies.referral)
  @Field(() => String, { description: 'Staff id of the referrer.' })
  referrerStaffId!: string;

  @Access(mappaPolicies.referral)
  @Field(() => String, { description: 'The identity provider that issued `referrerStaffId`.' })
  referrerIssuer!: string;

  @Access(mappaPolicies.referral)
  @Field(() => Int, { description: 'The MAPPA category the referrer seeks, 1 to 4.' })
  categorySought!: number;

  @Access(mappaPolicies.referral)
  @Field(() => Int, { description: 'The MAPPA level the referrer seeks, 2 or 3.' })
  levelSought!: number;

  @Access(mappaPolicies.referral)
  @Field(() => LocalDate, { description: "The person's date of birth, as MAPPA A records it." })
  subjectDateOfBirth!: string;

  @Access(mappaPolicies.referral)
  @Field(() => Boolean, { description: 'Whether the person is in custody (prison, youth custody or hospital).' })
  inCustody!: boolean;

  @Access(mappaPolicies.referral)
  @Field(() => LocalDate, { nullable: true, description: 'The expected release date; set when in custody.' })
  expectedReleaseDate!: string | null;

  @Access(mappaPolicies.referral)
  @Field(() => String, { description: 'Why the referrer seeks level 2 or 3 management.' })
  reasons!: string;

  @Access(mappaPolicies.referral)
  @Field(() => String, { description: "What multi-agency management would add to the lead agency's own." })
  addedValue!: string;

  @Access(mappaPolicies.referral)
  @Field(() => String, { nullable: true, description: 'Concerns for victims; null when none are recorded.' })
  victimConcerns!: string | null;

  @Access(mappaPolicies.referral)
  @Field(() => String, { nullable: true, description: 'Safeguarding concerns (children, adults at risk); null when none are recorded.' })
  safeguardingConcerns!: string | null;

  @Access(mappaPolicies.referral)
  @Field(() => [ProposedInvitee], { description: 'Who the referrer proposes to invite.' })
  proposedInvitees!: ProposedInvitee[];

  @Access(mappaPolicies.referral)
  @Field(() => ReferralStatus, { description: 'Where the referral is.' })
  status!: ReferralStatus;

  @Access(mappaPolicies.referral)
  @Field(() => DateTimeISO, { description: 'When the referrer made it.' })
  createdAt!: Date;

  @Access(mappaPolicies.referral)
  @Field(() => DateTimeISO, {
    nullable: true,
    description: 'When the co-ordinator received it (a YOT referral: at its endorsement); null before.',
  })
  submittedAt!: Date | null;

  @Access(mappaPolicies.referral)
  @Field(() => LocalDate, {
    nullable: true,
    description: 'The day the screening decision is due: 10 days after it was received (A §5); null before it is received.',
  })
  screeningDueDate!: string | null;

  @Access(mappaPolicies.referral)
  @Field(() => Boolean, { description: 'True while it is SUBMITTED and today (Europe/London) is after `screeningDueDate`.' })
  screeningOverdue!: boolean;

  @Access(mappaPolicies.referral)
  @Field(() => String, {
    nullable: true,
    description: 'Staff id of the YOT manager who endorsed it (C.50); null when not a YOT referral or not yet endorsed.',
  })
  endorsedByStaffId!: string | null;

  @Access(mappaPolicies.referral)
  @Field(() => DateTimeISO, { nullable: true, description: 'When a YOT manager endorsed it.' })
  endorsedAt!: Date | null;

  @Access(mappaPolicies.referral)
  @Field(() => DateTimeISO, { nullable: true, description: 'When the co-ordinator screened it; null before.' })
  screenedAt!: Date | null;

  @Access(mappaPolicies.referral)
  @Field(() => String, { nullable: true, description: 'Staff id of the co-ordinator who screened it.' })
  screenedByStaffId!: string | null;

  @Access(mappaPolicies.referral)
  @Field(() => Int, { nullable: true, description: 'The category the screening accepted it in; null unless ACCEPTED.' })
  acceptedCategory!: number | null;

  @Access(mappaPolicies.referral)
  @Field(() => Int, { nullable: true, description: 'The level the screening accepted it at; null unless ACCEPTED.' })
  acceptedLevel!: number | null;

  @Access(mappaPolicies.referral)
  @Field(() => Agency, {
    nullable: true,
    description: 'The lead agency the screening set (POLICE, PROBATION or YOT); null unless ACCEPTED.',
  })
  acceptedLeadAgency!: Agency | null;

  @Access(mappaPolicies.referral)
  @Field(() => String, { nullable: true, description: 'Why the screening rejected it; null unless REJECTED.' })
  rejectionReasons!: string | null;

  @Access(mappaPolicies.referral)
  @Field(() => ID, { nullable: true, description: 'The MAPPA case the accepted screening opened or changed; null unless ACCEPTED.' })
  caseId!: string | null;

  @Access(mappaPolicies.referral)
  @Field(() => DateTimeISO, { nullable: true, description: 'When its referrer withdrew it.' })
  withdrawnAt!: Date | null;

  @Access(mappaPolicies.referral)
  @Field(() => String, { nullable: true, description: 'Why its referrer withdrew it.' })
  withdrawalReason!: string | null;
}

@InputType({ description: 'Someone to propose for the MAPP meeting.' })
export class ProposedInviteeInput {
  @Field(() => String, {
    description: 'The agency (`police`, `probation`, `prison`, `yot`, `mappa_unit`, `health`, `housing`, `children_social_care`…).',
  })
  agency!: string;

  @Field(() => String, { nullable: true, description: 'Optionally, a role the agency holds (`dtc_attendee`, `ppu_officer`…).' })
  role?: string | null;

  @Field(() => String, { description: 'Why they should attend (1-500 characters).' })
  reason!: string;
}

@InputType({ description: 'A MAPPA A referral: the person, what is sought, and why.' })
export class SubmitReferralInput {
  @Field(() => ID, { description: 'PNC ID of the person referred, e.g. `2008/0545166T`.' })
  pncId!: string;

  @Field(() => Int, { description: 'The MAPPA category sought, 1 to 4.' })
  categorySought!: number;

  @Field(() => Int, { description: 'The MAPPA level sought, 2 or 3 (level 1 needs no referral).' })
  levelSought!: number;

  @Field(() => LocalDate, { description: "The person's date of birth (in the past)." })
  subjectDateOfBirth!: string;

  @Field(() => Boolean, { description: 'Whether the person is in custody now.' })
  inCustody!: boolean;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'Expected release date: required, and in the future, when in custody; absent otherwise.',
  })
  expectedReleaseDate?: string | null;

  @Field(() => String, { description: 'Why level 2 or 3 management is sought (1-4000 characters).' })
  reasons!: string;

  @Field(() => String, { description: 'What multi-agency management would add (1-4000 characters).' })
  addedValue!: string;

  @Field(() => String, { nullable: true, description: 'Concerns for victims (up to 4000 characters).' })
  victimConcerns?: string | null;

  @Field(() => String, { nullable: true, description: 'Safeguarding concerns (up to 4000 characters).' })
  safeguardingConcerns?: string | null;

  @Field(() => [ProposedInviteeInput], { nullable: true, defaultValue: [], description: 'Who to invite to the meeting (at most 20).' })
  proposedInvitees?: ProposedInviteeInput[] | null;
}

@InputType({ description: "The co-ordinator's screening decision on a SUBMITTED referral." })
export class ScreenReferralInput {
  @Field(() => ID, { description: 'The referral screened.' })
  referralId!: string;

  @Field(() => ScreeningOutcome, { description: 'ACCEPT or REJECT.' })
  outcome!: ScreeningOutcome;

  @Field(() => Int, {
    nullable: true,
    description: 'ACCEPT: the MAPPA category, 1 to 4 (category 3 is set only by this route, A.R18). Absent for REJECT.',
  })
  category?: number | null;

  @Field(() => Int, { nullable: true, description: 'ACCEPT: the level, 2 or 3. Absent for REJECT.' })
  level?: number | null;

  @Field(() => Agency, { nullable: true, description: 'ACCEPT: the lead agency, POLICE, PROBATION or YOT. Absent for REJECT.' })
  leadAgency?: Agency | null;

  @Field(() => String, {
    description: 'Why: for ACCEPT recorded with each change in the case history; for REJECT the rejection reasons (1-2000 characters).',
  })
  reasons!: string;
}

@ObjectType({
  description:
    'A person in custody whose MAPPA A was due 6 months before release and has not arrived by then (A §5). Owner: mappa (MAPPA Co-ordination Unit).',
})
export class ReleaseNeedingReferral {
  @Access(mappaPolicies.referralDiary)
  @Field(() => Offender, { description: 'The person in custody.' })
  subject!: Offender;

  @Access(mappaPolicies.referralDiary)
  @Field(() => ID, { description: 'The MAPPA case (ACTIVE, level 2 or 3) of the person.' })
  caseId!: string;

  @Access(mappaPolicies.referralDiary)
  @Field(() => LocalDate, { description: 'The release date the prison has notified.' })
  releaseDate!: string;

  @Access(mappaPolicies.referralDiary)
  @Field(() => LocalDate, { description: 'The day the MAPPA A was due: 6 months before release (A §5).' })
  referralDueDate!: string;

  @Access(mappaPolicies.referralDiary)
  @Field(() => Int, { description: 'Days from the due date to today (Europe/London): at least 1.' })
  daysLate!: number;

  @Access(mappaPolicies.referralDiary)
  @Field(() => Referral, {
    nullable: true,
    description:
      "The earliest referral about the person received after the due date (before release), if one arrived and it is of the co-ordinator's area; else null.",
  })
  lateReferral!: Referral | null;
}

@ObjectType({ description: 'A release needing a referral, with the cursor to page on from it. Owner: mappa.' })
export class ReleaseNeedingReferralEdge {
  @Access(mappaPolicies.referralDiary)
  @Field(() => String, { description: 'Opaque cursor for this position; pass it as `after` for the entries that follow.' })
  cursor!: string;

  @Access(mappaPolicies.referralDiary)
  @Field(() => ReleaseNeedingReferral, { description: 'The late release.' })
  node!: ReleaseNeedingReferral;
}

@ObjectType({
  description: 'A page of releases from custody whose MAPPA A is late, nearest release first. Owner: mappa (MAPPA Co-ordination Unit).',
})
export class ReleaseNeedingReferralConnection {
  @Access(mappaPolicies.referralDiary)
  @Field(() => [ReleaseNeedingReferralEdge], { description: 'The releases on this page, by release date then PNC ID.' })
  edges!: ReleaseNeedingReferralEdge[];

  @Access(mappaPolicies.referralDiary)
  @Field(() => OffenderPageInfo, { description: 'Whether more pages follow, and the cursor to fetch the next one.' })
  pageInfo!: OffenderPageInfo;
}

@ArgsType()
export class ReleasesNeedingReferralArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20, description: 'Page size, 1 to 100 (default 20).' })
  first!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Return the entries after this cursor (an `endCursor` or edge `cursor`); omit for the first page.',
  })
  after?: string | null;
}
