import { asc, eq, sql } from 'drizzle-orm';
import { addDays, todayOf } from '@mappa/shared';
import type { Caller } from '@mappa/shared';
import { mappaCaseChangeTable, mappaCaseTable } from '../mappa-case/mappa-case.table';
import {
  atMeeting,
  auditChangesOf,
  chairIn,
  codes,
  coordinatorIn,
  db,
  freshCase,
  holdMeeting,
  insertMeeting,
  post,
  refusedSql,
  staff,
  startMeetingStack,
} from './meeting-minutes.fixtures';
import type { MeetingTestStack } from './meeting-minutes.fixtures';
import { meetingDecisionTable } from './meeting.table';
import type { MeetingRow } from './meeting.table';

let stack: MeetingTestStack;

const DECISION = 'decisionId meetingId kind levelBefore levelAfter rationale nextReviewDate recordedByStaffId';
const decide = (meeting: MeetingRow, caller: Caller, input: Record<string, unknown>) =>
  post(
    stack,
    `mutation($input: RecordMeetingDecisionInput!) { recordMeetingDecision(input: $input) { ${DECISION} } }`,
    { input: { meetingId: meeting.meetingId, rationale: 'Risk reduced after stable accommodation.', ...input } },
    caller,
  );
const readDecision = (meeting: MeetingRow, caller: Caller) =>
  post(stack, `query($id: ID!) { meetingDecision(meetingId: $id) { kind } }`, { id: meeting.meetingId }, caller);

async function caseState(caseId: string) {
  const [row] = await db(stack).select().from(mappaCaseTable).where(eq(mappaCaseTable.caseId, caseId));
  const history = await db(stack)
    .select()
    .from(mappaCaseChangeTable)
    .where(eq(mappaCaseChangeTable.caseId, caseId))
    .orderBy(asc(mappaCaseChangeTable.sequence));
  return { row: row!, history };
}

const today = () => todayOf();

beforeAll(async () => {
  stack = await startMeetingStack(22);
});

afterAll(async () => {
  await stack.subgraph.close();
  await stack.database.drop();
});

describe("the meeting's level decision (B §5 agenda 11-12, B.44)", () => {
  it('B.44: the chair re-grades a level 2 case to level 3 in session; the case, its history (MAPP_MEETING, the meeting id) and the 8-week review change with it', async () => {
    const mappaCase = await freshCase(stack, 2);
    const meeting = await insertMeeting(stack, mappaCase, 'IN_SESSION', chairIn(mappaCase.area));
    const before = await caseState(mappaCase.caseId);
    const result = await decide(meeting, atMeeting(chairIn(mappaCase.area), meeting, 'CHAIR'), { kind: 'LEVEL_CHANGED', level: 3 });
    expect(result.errors).toBeUndefined();
    expect(result.data?.recordMeetingDecision).toMatchObject({
      meetingId: meeting.meetingId,
      kind: 'LEVEL_CHANGED',
      levelBefore: 2,
      levelAfter: 3,
      nextReviewDate: addDays(today(), 56),
      recordedByStaffId: 'NPS00077',
    });
    const after = await caseState(mappaCase.caseId);
    expect(after.row).toMatchObject({ level: 3, nextReviewDate: addDays(today(), 56), status: 'ACTIVE' });
    expect(after.history).toHaveLength(before.history.length + 1);
    expect(after.history.at(-1)).toMatchObject({
      field: 'LEVEL',
      valueBefore: '2',
      valueAfter: '3',
      decisionKind: 'MAPP_MEETING',
      decisionReference: meeting.meetingId,
      reason: 'Risk reduced after stable accommodation.',
      changedByStaffId: 'NPS00077',
    });
    const decisionId = (result.data?.recordMeetingDecision as { decisionId: string }).decisionId;
    expect((await auditChangesOf(stack, `MeetingDecision:${decisionId}`)).map((change) => change.field)).toEqual(
      expect.arrayContaining(['kind', 'levelBefore', 'levelAfter', 'rationale']),
    );
    expect((await auditChangesOf(stack, `MappaCase:${mappaCase.caseId}`)).map((change) => change.field)).toEqual(
      expect.arrayContaining(['level', 'nextReviewDate']),
    );

    // One decision per meeting, in code and in the database; a recorded decision is never edited.
    expect(codes(await decide(meeting, atMeeting(chairIn(mappaCase.area), meeting, 'CHAIR'), { kind: 'LEVEL_RETAINED' }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(
      await refusedSql(
        stack,
        sql`insert into mappa.meeting_decision (decision_id, meeting_id, kind, level_before, level_after, rationale, next_review_date, recorded_by_staff_id) values ('second', ${meeting.meetingId}, 'LEVEL_RETAINED', 3, 3, 'again', '2027-01-01', 'NPS00077')`,
      ),
    ).toMatch(/duplicate key|unique/);
    expect(
      await refusedSql(stack, sql`update mappa.meeting_decision set rationale = 'rewritten' where meeting_id = ${meeting.meetingId}`),
    ).toMatch(/never edited or deleted/);
    expect(await refusedSql(stack, sql`delete from mappa.meeting_decision where meeting_id = ${meeting.meetingId}`)).toMatch(
      /never edited or deleted/,
    );
  });

  it('B.44: a retained level 2 case gets its next review within 16 weeks of the meeting; a later date is BAD_USER_INPUT', async () => {
    const mappaCase = await freshCase(stack, 2);
    const meeting = await insertMeeting(stack, mappaCase, 'IN_SESSION', chairIn(mappaCase.area));
    const chair = atMeeting(chairIn(mappaCase.area), meeting, 'CHAIR');
    const late = await decide(meeting, chair, { kind: 'LEVEL_RETAINED', nextReviewDate: addDays(today(), 113) });
    expect(codes(late)).toEqual(['BAD_USER_INPUT']);
    expect(late.errors?.[0]?.extensions?.issues?.map((issue) => issue.path)).toEqual(['input.nextReviewDate']);
    const history = (await caseState(mappaCase.caseId)).history.length;
    const kept = await decide(meeting, chair, { kind: 'LEVEL_RETAINED', nextReviewDate: addDays(today(), 84) });
    expect(kept.data?.recordMeetingDecision).toMatchObject({
      kind: 'LEVEL_RETAINED',
      levelBefore: 2,
      levelAfter: 2,
      nextReviewDate: addDays(today(), 84),
    });
    const after = await caseState(mappaCase.caseId);
    expect(after.row).toMatchObject({ level: 2, nextReviewDate: addDays(today(), 84) });
    // Retaining the level is no change of level: the history is unchanged.
    expect(after.history).toHaveLength(history);
  });

  it("B.44: a category 3 case cannot be moved to level 1 (its end is a closure); a category 1 or 2 case can, keeping the lead agency's review date", async () => {
    const category3 = await freshCase(stack, 2, { category3: true });
    const meeting3 = await insertMeeting(stack, category3, 'IN_SESSION', chairIn(category3.area));
    const refused = await decide(meeting3, atMeeting(chairIn(category3.area), meeting3, 'CHAIR'), { kind: 'MOVED_TO_LEVEL_1' });
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect((await caseState(category3.caseId)).row.level).toBe(2);
    expect(await db(stack).select().from(meetingDecisionTable).where(eq(meetingDecisionTable.meetingId, meeting3.meetingId))).toEqual([]);

    const mappaCase = await freshCase(stack, 3);
    const meeting = await insertMeeting(stack, mappaCase, 'IN_SESSION', chairIn(mappaCase.area));
    const moved = await decide(meeting, atMeeting(chairIn(mappaCase.area), meeting, 'CHAIR'), { kind: 'MOVED_TO_LEVEL_1' });
    expect(moved.data?.recordMeetingDecision).toMatchObject({
      kind: 'MOVED_TO_LEVEL_1',
      levelBefore: 3,
      levelAfter: 1,
      nextReviewDate: null,
    });
    const after = await caseState(mappaCase.caseId);
    expect(after.row).toMatchObject({ level: 1, nextReviewDate: mappaCase.nextReviewDate });
    expect(after.history.at(-1)).toMatchObject({
      field: 'LEVEL',
      valueBefore: '3',
      valueAfter: '1',
      decisionKind: 'MAPP_MEETING',
      decisionReference: meeting.meetingId,
    });
  });

  it('B.44: closing the case records its end reason and date, clears the review, and writes the closure to the history', async () => {
    const mappaCase = await freshCase(stack, 3, { category3: true });
    const meeting = await insertMeeting(stack, mappaCase, 'IN_SESSION', chairIn(mappaCase.area));
    const chair = atMeeting(chairIn(mappaCase.area), meeting, 'CHAIR');
    const missing = await decide(meeting, chair, { kind: 'CASE_CLOSED', level: 2 });
    expect(missing.errors?.[0]?.extensions?.issues?.map((issue) => issue.path).sort()).toEqual(['input.endReason', 'input.level']);
    const closed = await decide(meeting, chair, { kind: 'CASE_CLOSED', endReason: 'LICENCE_EXPIRED' });
    expect(closed.errors).toBeUndefined();
    expect(closed.data?.recordMeetingDecision).toMatchObject({
      kind: 'CASE_CLOSED',
      levelBefore: 3,
      levelAfter: null,
      nextReviewDate: null,
    });
    const after = await caseState(mappaCase.caseId);
    expect(after.row).toMatchObject({ status: 'CLOSED', endReason: 'LICENCE_EXPIRED', endDate: today(), nextReviewDate: null });
    expect(after.history.at(-1)).toMatchObject({
      field: 'STATUS',
      valueBefore: 'ACTIVE',
      valueAfter: 'CLOSED',
      decisionKind: 'MAPP_MEETING',
      decisionReference: meeting.meetingId,
    });
  });

  it("B.44, A.R16: only the meeting's own chair decides, and only in session (code and database)", async () => {
    const mappaCase = await freshCase(stack, 2);
    const meeting = await insertMeeting(stack, mappaCase, 'SCHEDULED', chairIn(mappaCase.area));
    const chair = atMeeting(chairIn(mappaCase.area), meeting, 'CHAIR');
    expect(codes(await decide(meeting, chair, { kind: 'LEVEL_RETAINED' }))).toEqual(['BAD_USER_INPUT']);
    expect(
      codes(await decide(meeting, atMeeting(coordinatorIn(mappaCase.area), meeting, 'COORDINATOR'), { kind: 'LEVEL_RETAINED' })),
    ).toEqual(['FORBIDDEN']);
    // A.R16: a prison principal never sets the level, whatever its role.
    expect(
      codes(
        await decide(meeting, atMeeting(staff('PRC00001', 'prison', 'mappa_chair', mappaCase.area), meeting, 'CHAIR'), {
          kind: 'LEVEL_RETAINED',
        }),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(
      codes(
        await decide(
          meeting,
          atMeeting(staff('PPU00002', 'police', 'ppu_officer', mappaCase.area), meeting, 'INVITEE', { attending: true }),
          { kind: 'LEVEL_RETAINED' },
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    // A chair vouched for a meeting that is not theirs is answered as for an unknown meeting.
    expect(
      codes(
        await decide(meeting, atMeeting(staff('PCH00003', 'police', 'mappa_chair', mappaCase.area), meeting, 'CHAIR'), {
          kind: 'LEVEL_RETAINED',
        }),
      ),
    ).toEqual(['NOT_FOUND']);

    const held = await insertMeeting(stack, mappaCase, 'HELD', chairIn(mappaCase.area));
    expect(codes(await decide(held, atMeeting(chairIn(mappaCase.area), held, 'CHAIR'), { kind: 'LEVEL_RETAINED' }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(
      await refusedSql(
        stack,
        sql`insert into mappa.meeting_decision (decision_id, meeting_id, kind, level_before, level_after, rationale, next_review_date, recorded_by_staff_id) values ('late', ${held.meetingId}, 'LEVEL_RETAINED', 2, 2, 'after', '2027-01-01', 'NPS00077')`,
      ),
    ).toMatch(/while in session/);
  });

  it('B.44: the decision and the case change commit together or not at all (one transaction)', async () => {
    const mappaCase = await freshCase(stack, 2);
    const meeting = await insertMeeting(stack, mappaCase, 'IN_SESSION', chairIn(mappaCase.area));
    // The history write fails: nothing of the decision may remain.
    await db(stack).execute(
      sql`create function mappa.test_refuse_history() returns trigger language plpgsql as $$ begin raise exception 'history unavailable'; end; $$`,
    );
    await db(stack).execute(
      sql`create trigger test_refuse_history before insert on mappa.mappa_case_change for each row execute function mappa.test_refuse_history()`,
    );
    try {
      const failed = await decide(meeting, atMeeting(chairIn(mappaCase.area), meeting, 'CHAIR'), { kind: 'LEVEL_CHANGED', level: 3 });
      expect(codes(failed)).toEqual(['INTERNAL_SERVER_ERROR']);
    } finally {
      await db(stack).execute(sql`drop trigger test_refuse_history on mappa.mappa_case_change`);
      await db(stack).execute(sql`drop function mappa.test_refuse_history()`);
    }
    expect(await db(stack).select().from(meetingDecisionTable).where(eq(meetingDecisionTable.meetingId, meeting.meetingId))).toEqual([]);
    expect((await caseState(mappaCase.caseId)).row).toMatchObject({ level: 2, nextReviewDate: mappaCase.nextReviewDate });
  });

  it('B.25: an invitee who is not attending does not see the decision; one attending does', async () => {
    const mappaCase = await freshCase(stack, 2);
    let meeting = await insertMeeting(stack, mappaCase, 'IN_SESSION', chairIn(mappaCase.area));
    expect(
      (await decide(meeting, atMeeting(chairIn(mappaCase.area), meeting, 'CHAIR'), { kind: 'LEVEL_RETAINED' })).errors,
    ).toBeUndefined();
    meeting = await holdMeeting(stack, meeting);
    const invitee = staff('HLT00004', 'health', 'dtc_attendee', mappaCase.area);
    expect((await readDecision(meeting, atMeeting(invitee, meeting, 'INVITEE', { attending: false }))).data?.meetingDecision).toBeNull();
    expect((await readDecision(meeting, atMeeting(invitee, meeting, 'INVITEE', { attending: true }))).data?.meetingDecision).toEqual({
      kind: 'LEVEL_RETAINED',
    });
    expect((await readDecision(meeting, atMeeting(coordinatorIn(mappaCase.area), meeting, 'COORDINATOR'))).data?.meetingDecision).toEqual({
      kind: 'LEVEL_RETAINED',
    });
    // Without evidence for this meeting: NOT_FOUND, as for an unknown id.
    const other = await insertMeeting(stack, mappaCase, 'HELD', chairIn(mappaCase.area));
    expect(codes(await readDecision(meeting, atMeeting(invitee, other, 'INVITEE', { attending: true })))).toEqual(['NOT_FOUND']);
  });
});
