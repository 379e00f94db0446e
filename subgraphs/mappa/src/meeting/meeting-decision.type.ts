import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Access, DateTimeISO } from '@mappa/shared';
import { mappaPolicies } from '../mappa.policies';
import { MappaCaseEndReason } from '../mappa-case/mappa-case.type';

/** The level decision a MAPP meeting ends with (B §5 agenda 11-12). */
export enum MeetingDecisionKind {
  LEVEL_RETAINED = 'LEVEL_RETAINED',
  LEVEL_CHANGED = 'LEVEL_CHANGED',
  MOVED_TO_LEVEL_1 = 'MOVED_TO_LEVEL_1',
  CASE_CLOSED = 'CASE_CLOSED',
}

registerEnumType(MeetingDecisionKind, {
  name: 'MeetingDecisionKind',
  description: 'The level decision of a MAPP meeting (B §5 agenda 11-12, B.44).',
  valuesConfig: {
    LEVEL_RETAINED: { description: 'The case stays at its level (2 or 3); the next review is set.' },
    LEVEL_CHANGED: { description: 'The case moves between levels 2 and 3; the next review is set.' },
    MOVED_TO_LEVEL_1: {
      description: 'The case moves to level 1 (ordinary agency management); never for category 3, whose end is a closure.',
    },
    CASE_CLOSED: { description: 'The MAPPA case is closed, with its end reason.' },
  },
});

@ObjectType({
  description:
    'The level decision of a MAPP meeting, applied to the MAPPA case with its history when recorded. Owner: mappa (MAPPA Co-ordination Unit).',
})
export class MeetingDecision {
  @Access(mappaPolicies.meetingDecision)
  @Field(() => String, { description: "The decision's id (opaque)." })
  decisionId!: string;

  @Access(mappaPolicies.meetingDecision)
  @Field(() => ID, { description: 'The meeting that decided.' })
  meetingId!: string;

  @Access(mappaPolicies.meetingDecision)
  @Field(() => MeetingDecisionKind, { description: 'Retained, changed, moved to level 1, or closed.' })
  kind!: MeetingDecisionKind;

  @Access(mappaPolicies.meetingDecision)
  @Field(() => Int, { description: "The case's level when the meeting decided." })
  levelBefore!: number;

  @Access(mappaPolicies.meetingDecision)
  @Field(() => Int, { nullable: true, description: 'The level after the decision; null when the case was closed.' })
  levelAfter!: number | null;

  @Access(mappaPolicies.meetingDecision)
  @Field(() => String, { description: "Why, in the chair's words." })
  rationale!: string;

  @Access(mappaPolicies.meetingDecision)
  @Field(() => String, {
    nullable: true,
    description: 'The next review (level 2 within 16 weeks of the meeting, level 3 within 8); null when the case left levels 2-3.',
  })
  nextReviewDate!: string | null;

  @Access(mappaPolicies.meetingDecision)
  @Field(() => String, { description: 'Staff id of the chair who recorded it.' })
  recordedByStaffId!: string;

  @Access(mappaPolicies.meetingDecision)
  @Field(() => DateTimeISO, { description: 'When it was recorded.' })
  recordedAt!: Date;
}

@InputType({ description: 'The level decision of the meeting in session.' })
export class RecordMeetingDecisionInput {
  @Field(() => ID, { description: 'The meeting (as declared in x-mappa-case).' })
  meetingId!: string;

  @Field(() => MeetingDecisionKind, { description: 'What the meeting decided.' })
  kind!: MeetingDecisionKind;

  @Field(() => Int, { nullable: true, description: 'LEVEL_CHANGED only: the new level, 2 or 3.' })
  level?: number | null;

  @Field(() => MappaCaseEndReason, { nullable: true, description: 'CASE_CLOSED only: why the case ends.' })
  endReason?: MappaCaseEndReason | null;

  @Field(() => String, {
    nullable: true,
    description:
      "LEVEL_RETAINED or LEVEL_CHANGED: the next review (YYYY-MM-DD), after the meeting and within the level's period (16 weeks at level 2, 8 at level 3); default the end of the period.",
  })
  nextReviewDate?: string | null;

  @Field(() => String, { description: 'Why (1-2000 characters).' })
  rationale!: string;
}
