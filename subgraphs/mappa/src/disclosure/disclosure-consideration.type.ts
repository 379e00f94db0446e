import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Access, DateTimeISO } from '@mappa/shared';
import { mappaPolicies } from '../mappa.policies';

/** How disclosure was considered at a meeting (B §2 "Obligation to consider"). */
export enum DisclosureConsiderationOutcome {
  NOT_NECESSARY = 'NOT_NECESSARY',
  DECISION_PROPOSED = 'DECISION_PROPOSED',
}

registerEnumType(DisclosureConsiderationOutcome, {
  name: 'DisclosureConsiderationOutcome',
  description: 'How disclosure was considered at a level 2/3 meeting (B §2, agenda item 3; KPI 3).',
  valuesConfig: {
    NOT_NECESSARY: { description: 'Considered and not considered necessary, with the reason.' },
    DECISION_PROPOSED: { description: 'A disclosure decision about the subject was proposed, linked to the meeting.' },
  },
});

@InputType({
  description:
    'That disclosure was considered at the meeting in session: NOT_NECESSARY with the reason, or DECISION_PROPOSED naming the decision (proposed at this meeting, about its subject).',
})
export class RecordDisclosureConsiderationInput {
  @Field(() => ID, { description: 'The meeting, as declared in `x-mappa-case`.' })
  meetingId!: string;

  @Field(() => DisclosureConsiderationOutcome, { description: 'Not necessary, or a decision proposed.' })
  outcome!: DisclosureConsiderationOutcome;

  @Field(() => String, { description: 'Why (for NOT_NECESSARY, why disclosure is not needed now), 1-2000 characters.' })
  reason!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'For DECISION_PROPOSED: the MAPPA disclosure decision (DSC-MAPPA-…) proposed at this meeting. Null otherwise.',
  })
  decisionId?: string | null;
}

@ObjectType({
  description:
    'That disclosure was considered at a MAPP meeting: the minutes\' "Is a disclosure going to be made" (MAPPA B). Never changed once recorded. Owner: mappa (MAPPA Co-ordination Unit).',
})
export class MeetingDisclosureConsideration {
  @Access(mappaPolicies.meetingDisclosure)
  @Field(() => ID, { description: "The consideration's id (opaque)." })
  considerationId!: string;

  @Access(mappaPolicies.meetingDisclosure)
  @Field(() => ID, { description: 'The meeting it was considered at.' })
  meetingId!: string;

  @Access(mappaPolicies.meetingDisclosure)
  @Field(() => DisclosureConsiderationOutcome, { description: 'Not necessary, or a decision proposed.' })
  outcome!: DisclosureConsiderationOutcome;

  @Access(mappaPolicies.meetingDisclosure)
  @Field(() => String, { description: 'Why, as the chair or co-ordinator recorded it.' })
  reason!: string;

  @Access(mappaPolicies.meetingDisclosure)
  @Field(() => ID, { nullable: true, description: 'The decision proposed (DECISION_PROPOSED only).' })
  decisionId!: string | null;

  @Access(mappaPolicies.meetingDisclosure)
  @Field(() => String, { description: 'The day of the meeting it was considered at (YYYY-MM-DD).' })
  reviewedOn!: string;

  @Access(mappaPolicies.meetingDisclosure)
  @Field(() => String, { description: 'Staff id of who recorded it.' })
  recordedByStaffId!: string;

  @Access(mappaPolicies.meetingDisclosure)
  @Field(() => DateTimeISO, { description: 'When it was recorded.' })
  recordedAt!: Date;
}

@ObjectType({
  description:
    'A disclosure decision linked to a meeting, as its minutes show it: what and where it stands, never its content (that is read under DISCLOSURE_DECISION by its parties). Owner: mappa (MAPPA Co-ordination Unit).',
})
export class MeetingDisclosureDecision {
  @Access(mappaPolicies.meetingDisclosure)
  @Field(() => ID, { description: 'The decision id (DSC-MAPPA-…), which its parties declare in x-mappa-case under DISCLOSURE_DECISION.' })
  decisionId!: string;

  @Access(mappaPolicies.meetingDisclosure)
  @Field(() => Int, { description: 'The MAPPA level (2 or 3) the case was managed at when it was proposed.' })
  level!: number;

  @Access(mappaPolicies.meetingDisclosure)
  @Field(() => String, {
    description:
      'The kind of recipient (SCHOOL, EMPLOYER, PARTNER, VICTIM, ACCOMMODATION, WORSHIP, MEDIA, PROFESSIONAL, LEISURE, NEIGHBOUR_OR_FRIEND, OTHER).',
  })
  recipientKind!: string;

  @Access(mappaPolicies.meetingDisclosure)
  @Field(() => String, { description: 'PROPOSED, CONSULTING, DECIDED, MADE or WITHDRAWN.' })
  status!: string;

  @Access(mappaPolicies.meetingDisclosure)
  @Field(() => String, { nullable: true, description: 'DISCLOSE or NOT_DISCLOSE once decided; null before.' })
  outcome!: string | null;

  @Access(mappaPolicies.meetingDisclosure)
  @Field(() => DateTimeISO, { description: 'When it was proposed.' })
  proposedAt!: Date;
}

@ObjectType({
  description:
    'The minutes\' disclosure section of a MAPP meeting ("Is a disclosure going to be made", MAPPA B; KPI 3): whether disclosure was considered, how, and the decisions linked to the meeting. Owner: mappa (MAPPA Co-ordination Unit).',
})
export class MeetingDisclosureSection {
  @Access(mappaPolicies.meetingDisclosure)
  @Field(() => Boolean, {
    description:
      'Whether disclosure was considered at the meeting (at least one consideration recorded); a meeting is not closed without it.',
  })
  considered!: boolean;

  @Access(mappaPolicies.meetingDisclosure)
  @Field(() => [MeetingDisclosureConsideration], { description: 'Each consideration recorded, oldest first.' })
  considerations!: MeetingDisclosureConsideration[];

  @Access(mappaPolicies.meetingDisclosure)
  @Field(() => [MeetingDisclosureDecision], { description: 'The disclosure decisions linked to the meeting, oldest first.' })
  decisions!: MeetingDisclosureDecision[];
}
