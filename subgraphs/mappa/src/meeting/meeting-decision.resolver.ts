import { randomUUID } from 'node:crypto';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Access, addDays, BadUserInputError, changedFields, parseInput } from '@mappa/shared';
import type { MeetingEvidence } from '@mappa/shared';
import type { MappaContext } from '../mappa.context';
import { mappaPolicies } from '../mappa.policies';
import { applyCaseDecision, REVIEW_PERIOD_DAYS } from '../mappa-case/mappa-case-change';
import type { CaseHistoryLine } from '../mappa-case/mappa-case-change';
import { caseById } from '../mappa-case/mappa-case.query';
import type { MappaCaseRow } from '../mappa-case/mappa-case.table';
import { MappaCaseChangeField, MappaCaseStatus, MappaDecisionKind } from '../mappa-case/mappa-case.type';
import { recordMeetingDecisionInputSchema } from './meeting-decision.input';
import type { RecordMeetingDecisionValues } from './meeting-decision.input';
import { MeetingDecision, MeetingDecisionKind, RecordMeetingDecisionInput } from './meeting-decision.type';
import { meetingIdSchema } from './meeting-minutes.input';
import { requireMeetingParty } from './meeting-minutes.party';
import { meetingEvidenceFor } from './meeting.actors';
import { isMinutesReader, meetingDay, minutesVersions } from './meeting-minutes.query';
import { decisionOfMeeting, insertMeetingDecision, meetingHasDecision } from './meeting-decision.query';
import type { MeetingDecisionRow, MeetingRow } from './meeting.table';
import { Meeting } from './meeting.type';

const DECISION_FIELDS = [
  'meetingId',
  'kind',
  'levelBefore',
  'levelAfter',
  'rationale',
  'nextReviewDate',
  'recordedByStaffId',
  'recordedAt',
] as const satisfies readonly (keyof MeetingDecisionRow)[];

function toDecision(row: MeetingDecisionRow): MeetingDecision {
  return { ...row, kind: row.kind as MeetingDecisionKind };
}

const refuse = (message: string, path: string, issue: string): never => {
  throw new BadUserInputError(message, [{ path: `input.${path}`, message: issue }]);
};

/**
 * The next review a decision keeping the case at `level` sets: the chair's date when given, after the
 * meeting and within the level's period from it; otherwise the end of that period (A §5, B §5).
 */
function nextReview(level: number, day: string, chosen: string | null | undefined): string {
  const latest = addDays(day, REVIEW_PERIOD_DAYS[level] ?? 0);
  if (chosen == null) return latest;
  if (chosen <= day || chosen > latest)
    refuse(
      `At level ${level} the next review is after the meeting and no later than ${latest}.`,
      'nextReviewDate',
      `must be after ${day} and no later than ${latest}`,
    );
  return chosen;
}

/** What the decision does to the case: the columns it sets, the history it writes, and the level after. */
function caseChange(values: RecordMeetingDecisionValues, current: MappaCaseRow, day: string) {
  const levelLine = (after: number): CaseHistoryLine => ({
    field: MappaCaseChangeField.LEVEL,
    valueBefore: String(current.level),
    valueAfter: String(after),
  });
  switch (values.kind) {
    case MeetingDecisionKind.LEVEL_RETAINED: {
      const review = nextReview(current.level, day, values.nextReviewDate);
      return { set: { nextReviewDate: review }, history: [], levelAfter: current.level, nextReviewDate: review };
    }
    case MeetingDecisionKind.LEVEL_CHANGED: {
      const level = values.level!;
      if (level === current.level) refuse(`The case is at level ${level} already; that is LEVEL_RETAINED.`, 'level', 'unchanged level');
      const review = nextReview(level, day, values.nextReviewDate);
      return { set: { level, nextReviewDate: review }, history: [levelLine(level)], levelAfter: level, nextReviewDate: review };
    }
    case MeetingDecisionKind.MOVED_TO_LEVEL_1:
      // Category 3 exists only for active multi-agency management (the case table's check says so too).
      if (current.category === 3)
        refuse('A category 3 case is managed at level 2 or 3; ending it is a case closure.', 'kind', 'category 3 cannot go to level 1');
      // Level 1 keeps the lead agency's review date: its own policy sets it, not the meeting.
      return { set: { level: 1 }, history: [levelLine(1)], levelAfter: 1, nextReviewDate: null };
    case MeetingDecisionKind.CASE_CLOSED:
      return {
        set: { status: MappaCaseStatus.CLOSED, endDate: day, endReason: values.endReason!, nextReviewDate: null },
        history: [{ field: MappaCaseChangeField.STATUS, valueBefore: MappaCaseStatus.ACTIVE, valueAfter: MappaCaseStatus.CLOSED }],
        levelAfter: null,
        nextReviewDate: null,
      };
  }
}

/** The level decision of a MAPP meeting (B §5 agenda 11-12, B.44), recorded by its chair and applied to the MAPPA case. */
@Resolver(() => Meeting)
export class MeetingDecisionResolver {
  @Access(mappaPolicies.meetingDecisionRecording)
  @Mutation(() => MeetingDecision, {
    nullable: true,
    description:
      "Records the level decision of the meeting in session (B.44): LEVEL_RETAINED, LEVEL_CHANGED (2 and 3), MOVED_TO_LEVEL_1 (never category 3) or CASE_CLOSED (with the end reason), with the rationale; in the same transaction applies it to the MAPPA case and its history (decision MAPP_MEETING, reference the meeting id), setting the next review (level 2 within 16 weeks of the meeting, level 3 within 8) unless the case leaves levels 2-3. One decision per meeting. The meeting's own chair; any other meeting is NOT_FOUND.",
  })
  async recordMeetingDecision(
    @Arg('input', () => RecordMeetingDecisionInput, { description: 'The meeting, the decision and why.' })
    input: RecordMeetingDecisionInput,
    @Ctx() context: MappaContext,
  ): Promise<MeetingDecision> {
    const values = parseInput(recordMeetingDecisionInputSchema, input, 'input');
    const { decision, mappaCase } = await context.db.transaction(async (tx) => {
      // The meeting and then its case locked: one decision per meeting, and the case's "before" values are the ones changed.
      const { meeting } = await requireMeetingParty(context, tx, values.meetingId, ['CHAIR'], true);
      if (meeting.status !== 'IN_SESSION')
        refuse('The level is decided while the meeting is in session.', 'meetingId', `meeting is ${meeting.status}`);
      if (await meetingHasDecision(tx, meeting.meetingId))
        refuse('This meeting has recorded its decision already.', 'meetingId', 'one decision per meeting');
      const current = await caseById(tx, meeting.caseId, true);
      if (!current) throw new Error('a meeting names a case that does not exist');
      if (current.status !== MappaCaseStatus.ACTIVE || current.level < 2)
        refuse('A meeting decides for an active case at level 2 or 3.', 'meetingId', `case is ${current.status} at level ${current.level}`);
      const day = meetingDay(meeting);
      const change = caseChange(values, current, day);
      const inserted = await insertMeetingDecision(tx, {
        decisionId: randomUUID(),
        meetingId: meeting.meetingId,
        kind: values.kind,
        levelBefore: current.level,
        levelAfter: change.levelAfter,
        rationale: values.rationale,
        nextReviewDate: change.nextReviewDate,
        recordedByStaffId: context.caller.principal.staffId,
        recordedAt: new Date(),
      });
      if (!inserted) throw new Error('insert returned no row');
      const { row } = await applyCaseDecision(tx, context, current, change.set, change.history, {
        decisionKind: MappaDecisionKind.MAPP_MEETING,
        decisionReference: meeting.meetingId,
        reason: values.rationale,
        changedDate: day,
      });
      await context.audit.recordChanges(
        tx,
        [meeting.pncId],
        changedFields(`MeetingDecision:${inserted.decisionId}`, null, inserted, DECISION_FIELDS),
      );
      return { decision: inserted, mappaCase: row };
    });
    // Any later `mappaCase` in this request must see the change.
    context.loaders.mappaCase.clear(mappaCase.pncId).prime(mappaCase.pncId, mappaCase);
    context.loaders.mappaCaseHistory.clear(mappaCase.caseId);
    context.log.info({ kind: decision.kind }, 'meeting decision recorded');
    return toDecision(decision);
  }

  @Access(mappaPolicies.meetingDecision)
  @Query(() => MeetingDecision, {
    nullable: true,
    description:
      'The level decision of the meeting declared in x-mappa-case; null before it is recorded, and for an invitee not attending who is not a recipient of its distributed minutes (B.25). The chair, the co-ordinator, attending invitees and minutes recipients. An unknown or other meeting is NOT_FOUND.',
  })
  async meetingDecision(
    @Arg('meetingId', () => ID, { description: 'The meeting (as declared in x-mappa-case).' }) meetingId: string,
    @Ctx() context: MappaContext,
  ): Promise<MeetingDecision | null> {
    const validMeetingId = parseInput(meetingIdSchema, meetingId, 'meetingId');
    const { meeting, evidence } = await requireMeetingParty(context, context.db, validMeetingId, ['COORDINATOR', 'CHAIR', 'INVITEE']);
    return this.readableDecision(meeting, evidence, context);
  }

  @Access(mappaPolicies.meetingDecision)
  @FieldResolver(() => MeetingDecision, {
    nullable: true,
    description: "The meeting's level decision, as `meetingDecision`; null when the meeting is not the one declared in x-mappa-case.",
  })
  async decision(@Root() meeting: MeetingRow, @Ctx() context: MappaContext): Promise<MeetingDecision | null> {
    const evidence = meetingEvidenceFor(context, meeting.meetingId);
    return evidence ? this.readableDecision(meeting, evidence, context) : null;
  }

  private async readableDecision(meeting: MeetingRow, evidence: MeetingEvidence, context: MappaContext): Promise<MeetingDecision | null> {
    if (evidence.standing === 'INVITEE' && !evidence.attending) {
      // B.25: outside the meeting an invitee sees its outcome through the minutes they receive, or not at all.
      const versions = await minutesVersions(context.db, meeting.meetingId);
      if (!versions.some((version) => isMinutesReader(version, context.caller.principal))) return null;
    }
    const row = await decisionOfMeeting(context.db, meeting.meetingId);
    return row ? toDecision(row) : null;
  }
}
