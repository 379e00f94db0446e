import { sql } from 'drizzle-orm';
import { finishedDecisionRows, todayOf } from '@mappa/shared';
import { TEST_ISSUER } from '@mappa/testing';
import type { Caller, FinishedDecisionState } from '@mappa/shared';
import {
  atMeeting,
  auditChangesOf,
  chairIn,
  codes,
  coordinatorIn,
  db,
  freshCase,
  insertMeeting,
  invite,
  post,
  sign,
  staff,
  startMeetingStack,
} from '../meeting/meeting-minutes.fixtures';
import type { MeetingTestStack } from '../meeting/meeting-minutes.fixtures';
import { meetingMinutesTable } from '../meeting/meeting.table';
import type { MeetingRow } from '../meeting/meeting.table';
import { disclosureConsiderationTable, disclosureDecisionTable, disclosureTransitionTable } from './disclosure.table';

// Issue 11: disclosure considered at every level 2/3 meeting (B §2 "Obligation to consider", agenda
// item 3, L8792, L11131; KPI 3, C §7), recorded by the chair or co-ordinator, and the minutes'
// disclosure section ("Is a disclosure going to be made", L12740-12746) for the minutes' readers.

let stack: MeetingTestStack;

const CONSIDER =
  'mutation($i: RecordDisclosureConsiderationInput!) { recordDisclosureConsideration(input: $i) { considerationId meetingId outcome reason decisionId reviewedOn recordedByStaffId } }';
const consider = (meeting: MeetingRow, caller: Caller, input: Record<string, unknown> = {}) =>
  post(
    stack,
    CONSIDER,
    { i: { meetingId: meeting.meetingId, outcome: 'NOT_NECESSARY', reason: 'No third party at risk identified', ...input } },
    caller,
  );
const SECTION =
  'query($id: ID!) { meeting(id: $id) { meetingId disclosure { considered considerations { outcome reason decisionId } decisions { decisionId level recipientKind status outcome } } } }';
const section = async (meeting: MeetingRow, caller: Caller) => {
  const answer = await post(stack, SECTION, { id: meeting.meetingId }, caller);
  expect(answer.errors).toBeUndefined();
  return (answer.data?.meeting as { disclosure: unknown } | null)?.disclosure;
};

/** A MAPPA decision of `meeting` in its final `state`, as the workflow would have left it (a history load). */
async function decisionOf(meeting: MeetingRow, state: FinishedDecisionState, suffix: string): Promise<string> {
  const decisionId = `DSC-MAPPA-T${suffix}`;
  const rows = finishedDecisionRows({
    holder: 'MAPPA',
    decisionId,
    pncId: meeting.pncId,
    area: meeting.area,
    level: 2,
    caseId: meeting.caseId,
    meetingId: meeting.meetingId,
    subjectUnder18: false,
    recipientKind: 'EMPLOYER',
    recipientIsChild: false,
    recipientIsAdultAtRisk: false,
    state,
    proposedAt: new Date(Date.now() - 10 * 86_400_000),
    proposer: { staffId: 'PPU00011', issuer: TEST_ISSUER, agency: 'police' },
    decisionMaker: { staffId: meeting.chairStaffId, issuer: meeting.chairIssuer, agency: meeting.chairAgency },
    items: [
      { sourceAgency: 'police', fieldCoordinate: 'PoliceConviction.offenceDescription', wording: 'A conviction for a violent offence.' },
    ],
    representationsSought: true,
  });
  await db(stack).transaction(async (tx) => {
    await tx.execute(sql`set local mappa.loading_history = 'on'`);
    await tx.insert(disclosureDecisionTable).values(rows.decision);
    await tx.insert(disclosureTransitionTable).values(rows.transitions);
  });
  return decisionId;
}

beforeAll(async () => {
  stack = await startMeetingStack(23);
});

afterAll(async () => {
  await stack.subgraph.close();
  await stack.database.drop();
});

describe('disclosure considered at every meeting (B §2, KPI 3)', () => {
  it('KPI 3: the chair records "not necessary" with the reason while the meeting sits; the audit proves it; the meeting then closes', async () => {
    const mappaCase = await freshCase(stack, 2);
    const meeting = await insertMeeting(stack, mappaCase, 'IN_SESSION', chairIn(mappaCase.area));
    const chair = atMeeting(chairIn(mappaCase.area), meeting, 'CHAIR');
    const recorded = await consider(meeting, chair);
    expect(recorded.errors).toBeUndefined();
    const row = recorded.data?.recordDisclosureConsideration as Record<string, unknown>;
    expect(row).toMatchObject({
      meetingId: meeting.meetingId,
      outcome: 'NOT_NECESSARY',
      reason: 'No third party at risk identified',
      decisionId: null,
      recordedByStaffId: 'NPS00077',
      reviewedOn: todayOf(),
    });
    expect((await auditChangesOf(stack, `DisclosureConsideration:${row.considerationId as string}`)).map((change) => change.field)).toEqual(
      expect.arrayContaining(['outcome', 'reason', 'meetingId']),
    );
    const closed = await post(stack, 'mutation($id: ID!) { closeMeeting(meetingId: $id) { status } }', { id: meeting.meetingId }, chair);
    expect(closed.errors).toBeUndefined();
    expect(closed.data?.closeMeeting).toEqual({ status: 'HELD' });
  });

  it('KPI 3: a meeting is not closed until disclosure was considered (BAD_USER_INPUT naming it)', async () => {
    const mappaCase = await freshCase(stack, 3);
    const meeting = await insertMeeting(stack, mappaCase, 'IN_SESSION', chairIn(mappaCase.area));
    const chair = atMeeting(chairIn(mappaCase.area), meeting, 'CHAIR');
    const refused = await post(stack, 'mutation($id: ID!) { closeMeeting(meetingId: $id) { status } }', { id: meeting.meetingId }, chair);
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors?.[0]?.extensions?.issues).toEqual([{ path: 'meetingId', message: 'disclosure not considered' }]);
    // The co-ordinator may record it too; then the chair closes.
    expect((await consider(meeting, atMeeting(coordinatorIn(mappaCase.area), meeting, 'COORDINATOR'))).errors).toBeUndefined();
    expect(
      (await post(stack, 'mutation($id: ID!) { closeMeeting(meetingId: $id) { status } }', { id: meeting.meetingId }, chair)).errors,
    ).toBeUndefined();
  });

  it("B §2: DECISION_PROPOSED names a decision proposed at this meeting about its subject; another meeting's or an unknown id is refused alike", async () => {
    const mappaCase = await freshCase(stack, 2);
    const meeting = await insertMeeting(stack, mappaCase, 'IN_SESSION', chairIn(mappaCase.area));
    const chair = atMeeting(chairIn(mappaCase.area), meeting, 'CHAIR');
    const own = await decisionOf(meeting, 'PROPOSED', 'OWN1');
    const otherCase = await freshCase(stack, 2);
    const otherMeeting = await insertMeeting(stack, otherCase, 'IN_SESSION', chairIn(otherCase.area));
    const others = await decisionOf(otherMeeting, 'PROPOSED', 'OTHER1');

    const recorded = await consider(meeting, chair, {
      outcome: 'DECISION_PROPOSED',
      reason: 'Disclosure to his employer proposed',
      decisionId: own,
    });
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data?.recordDisclosureConsideration).toMatchObject({ outcome: 'DECISION_PROPOSED', decisionId: own });
    const another = await consider(meeting, chair, { outcome: 'DECISION_PROPOSED', decisionId: others });
    const unknown = await consider(meeting, chair, { outcome: 'DECISION_PROPOSED', decisionId: 'DSC-MAPPA-NOSUCH' });
    expect(codes(another)).toEqual(['BAD_USER_INPUT']);
    expect(another.errors?.[0]?.extensions?.issues).toEqual(unknown.errors?.[0]?.extensions?.issues);
    expect(another.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
  });

  it('zod: every problem of the input is listed (outcome and decision disagree, reason empty, a level 1 decision id)', async () => {
    const mappaCase = await freshCase(stack, 2);
    const meeting = await insertMeeting(stack, mappaCase, 'IN_SESSION', chairIn(mappaCase.area));
    const chair = atMeeting(chairIn(mappaCase.area), meeting, 'CHAIR');
    const mismatched = await consider(meeting, chair, { outcome: 'NOT_NECESSARY', reason: '  ', decisionId: 'DSC-MAPPA-X1' });
    expect(codes(mismatched)).toEqual(['BAD_USER_INPUT']);
    expect(mismatched.errors?.[0]?.extensions?.issues?.map((issue) => issue.path).sort()).toEqual(['input.decisionId', 'input.reason']);
    const levelOne = await consider(meeting, chair, { outcome: 'DECISION_PROPOSED', decisionId: 'DSC-PROBATION-X1' });
    expect(levelOne.errors?.[0]?.extensions?.issues).toEqual([
      { path: 'input.decisionId', message: 'decisionId must be a MAPPA disclosure decision id (DSC-MAPPA-…)' },
    ]);
    const proposedWithout = await consider(meeting, chair, { outcome: 'DECISION_PROPOSED' });
    expect(proposedWithout.errors?.[0]?.extensions?.issues).toEqual([
      { path: 'input.decisionId', message: 'DECISION_PROPOSED names the decision proposed' },
    ]);
    expect(
      await db(stack)
        .select()
        .from(disclosureConsiderationTable)
        .where(sql`meeting_id = ${meeting.meetingId}`),
    ).toEqual([]);
  });

  it("principle 9: only the meeting's chair or co-ordinator, while it sits; another chair or area is answered as an unknown meeting; an invitee is refused", async () => {
    const mappaCase = await freshCase(stack, 2);
    const meeting = await insertMeeting(stack, mappaCase, 'IN_SESSION', chairIn(mappaCase.area));
    const unknown = await consider(
      { ...meeting, meetingId: '00000000-0000-4000-8000-000000000000' },
      atMeeting(chairIn(mappaCase.area), { ...meeting, meetingId: '00000000-0000-4000-8000-000000000000' }, 'CHAIR'),
    );
    expect(codes(unknown)).toEqual(['NOT_FOUND']);
    const otherChair = await consider(meeting, atMeeting(staff('PCH00009', 'police', 'mappa_chair', mappaCase.area), meeting, 'CHAIR'));
    const otherArea = mappaCase.area === 'KENT' ? 'ESSEX' : 'KENT';
    const otherCoordinator = await consider(meeting, atMeeting(coordinatorIn(otherArea as MeetingRow['area']), meeting, 'COORDINATOR'));
    // The same answer (stack traces of development mode aside).
    const answer = (response: typeof unknown) => ({
      data: response.data,
      errors: response.errors?.map((error) => ({ message: error.message, code: error.extensions?.code })),
    });
    expect(answer(otherChair)).toEqual(answer(unknown));
    expect(answer(otherCoordinator)).toEqual(answer(unknown));
    expect(
      codes(await consider(meeting, atMeeting(staff('PPU00011', 'police', 'ppu_officer', mappaCase.area), meeting, 'INVITEE'))),
    ).toEqual(['FORBIDDEN']);
    // Not before the meeting sits, nor once held.
    const scheduled = await insertMeeting(stack, await freshCase(stack, 2), 'SCHEDULED', chairIn(mappaCase.area));
    expect(codes(await consider(scheduled, atMeeting(chairIn(mappaCase.area), scheduled, 'CHAIR')))).toEqual(['BAD_USER_INPUT']);
    const held = await insertMeeting(stack, await freshCase(stack, 2), 'HELD', chairIn(mappaCase.area));
    expect(codes(await consider(held, atMeeting(chairIn(mappaCase.area), held, 'CHAIR')))).toEqual(['BAD_USER_INPUT']);
  });
});

describe("the minutes' disclosure section (L12740-12746, B.23-B.25)", () => {
  it('B.23, B.25: the chair and co-ordinator see the considerations and linked decisions; an invitee only once a recipient of the distributed minutes', async () => {
    const mappaCase = await freshCase(stack, 3);
    const chairPrincipal = chairIn(mappaCase.area);
    const officer = staff('PPU00021', 'police', 'ppu_officer', mappaCase.area);
    const meeting = await insertMeeting(stack, mappaCase, 'IN_SESSION', chairPrincipal);
    const invitation = await invite(stack, meeting, { agency: 'police', staffId: officer.staffId });
    await sign(stack, meeting, officer, invitation);
    const chair = atMeeting(chairPrincipal, meeting, 'CHAIR');
    const made = await decisionOf(meeting, 'MADE', 'SEC1');
    const withdrawn = await decisionOf(meeting, 'WITHDRAWN', 'SEC2');
    expect(
      (await consider(meeting, chair, { outcome: 'DECISION_PROPOSED', reason: 'Disclosure to his employer proposed', decisionId: made }))
        .errors,
    ).toBeUndefined();
    expect(
      (await consider(meeting, chair, { outcome: 'DECISION_PROPOSED', reason: 'A second recipient proposed', decisionId: withdrawn }))
        .errors,
    ).toBeUndefined();
    const expected = {
      considered: true,
      considerations: [
        { outcome: 'DECISION_PROPOSED', reason: 'Disclosure to his employer proposed', decisionId: made },
        { outcome: 'DECISION_PROPOSED', reason: 'A second recipient proposed', decisionId: withdrawn },
      ],
      decisions: [
        { decisionId: made, level: 2, recipientKind: 'EMPLOYER', status: 'MADE', outcome: 'DISCLOSE' },
        { decisionId: withdrawn, level: 2, recipientKind: 'EMPLOYER', status: 'WITHDRAWN', outcome: null },
      ],
    };
    expect(await section(meeting, chair)).toEqual(expected);
    expect(await section(meeting, atMeeting(coordinatorIn(mappaCase.area), meeting, 'COORDINATOR'))).toEqual(expected);
    const invitee = atMeeting(officer, meeting, 'INVITEE', { invitationId: invitation.invitationId, attending: true });
    // Attending, but the minutes are not yet distributed: the section is the minutes', not the meeting's.
    expect(await section(meeting, invitee)).toBeNull();
    await db(stack).execute(sql`update mappa.meeting set status = 'HELD', closed_at = now() where meeting_id = ${meeting.meetingId}`);
    await db(stack).transaction(async (tx) => {
      await tx.execute(sql`set local mappa.loading_history = 'on'`);
      await tx.insert(meetingMinutesTable).values({
        meetingId: meeting.meetingId,
        version: 1,
        status: 'APPROVED',
        dueDate: '2026-12-01',
        summary: 'Plan agreed.',
        disclosureConsidered: true,
        draftedByStaffId: 'MCU00001',
        draftedAt: new Date(),
        approvedByStaffId: chairPrincipal.staffId,
        approvedAt: new Date(),
        distributedAt: new Date(),
        recipients: [{ agency: 'police', staffId: officer.staffId, issuer: TEST_ISSUER, role: 'ppu_officer', reason: null }],
        withheldFrom: [],
      });
    });
    expect(
      await section(meeting, atMeeting(officer, meeting, 'INVITEE', { invitationId: invitation.invitationId, attending: false })),
    ).toEqual(expected);
    // Someone else of the same agency, not a recipient, sees nothing.
    expect(
      await section(
        meeting,
        atMeeting(staff('PPU00099', 'police', 'ppu_officer', mappaCase.area), meeting, 'INVITEE', {
          invitationId: invitation.invitationId,
          attending: false,
        }),
      ),
    ).toBeNull();
  });
});
