import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { addDays, MappaArea, todayOf } from '@mappa/shared';
import { TEST_ISSUER } from '@mappa/testing';
import type { Caller } from '@mappa/shared';
import {
  atMeeting,
  auditChangesOf,
  chairIn,
  codes,
  coordinatorIn,
  freshCase,
  insertMeeting,
  invite,
  managingCases,
  post,
  refusedSql,
  staff,
  startMeetingStack,
} from './meeting-minutes.fixtures';
import type { MeetingTestStack } from './meeting-minutes.fixtures';
import type { MeetingRow } from './meeting.table';

let stack: MeetingTestStack;

const ACTION =
  'actionId meetingId subjectPncId ownerAgency ownerStaffId ownerIssuer dueDate text status declineReason respondedByStaffId completedAt';
const today = () => todayOf();

const create = (meeting: MeetingRow, caller: Caller, input: Record<string, unknown>) =>
  post(
    stack,
    `mutation($input: CreateMeetingActionInput!) { createMeetingAction(input: $input) { ${ACTION} } }`,
    { input: { meetingId: meeting.meetingId, dueDate: addDays(today(), 14), ...input } },
    caller,
  );
const accept = (actionId: string, caller: Caller) =>
  post(stack, `mutation($id: ID!) { acceptAction(actionId: $id) { ${ACTION} } }`, { id: actionId }, caller);
const decline = (actionId: string, reason: string, caller: Caller) =>
  post(
    stack,
    `mutation($id: ID!, $reason: String!) { declineAction(actionId: $id, reason: $reason) { ${ACTION} } }`,
    { id: actionId, reason },
    caller,
  );
const complete = (actionId: string, caller: Caller) =>
  post(stack, `mutation($id: ID!) { completeAction(actionId: $id) { ${ACTION} } }`, { id: actionId }, caller);
const mine = (caller: Caller) => post(stack, `{ myActions { actionId meetingId subjectPncId dueDate text status } }`, {}, caller);
const ofMeeting = (meeting: MeetingRow, caller: Caller) =>
  post(stack, `query($id: ID!) { meetingActions(meetingId: $id) { actionId text } }`, { id: meeting.meetingId }, caller);

const idOf = (response: Awaited<ReturnType<typeof create>>) => {
  expect(response.errors).toBeUndefined();
  return (response.data?.createMeetingAction as { actionId: string }).actionId;
};

beforeAll(async () => {
  stack = await startMeetingStack(23);
});

afterAll(async () => {
  await stack.subgraph.close();
  await stack.database.drop();
});

describe('meeting actions (B.41, W3)', () => {
  let meeting: MeetingRow;
  let area: MeetingRow['area'];
  const officer = () => staff('PPU00021', 'police', 'ppu_officer', area);
  const colleague = () => staff('PPU00022', 'police', 'ppu_officer', area);
  const housing = () => staff('HSG00023', 'housing', 'dtc_attendee', area);
  let chair: Caller;
  let coordinator: Caller;

  beforeAll(async () => {
    const mappaCase = await freshCase(stack, 2);
    area = mappaCase.area;
    meeting = await insertMeeting(stack, mappaCase, 'IN_SESSION', chairIn(area));
    chair = atMeeting(chairIn(area), meeting, 'CHAIR');
    coordinator = atMeeting(coordinatorIn(area), meeting, 'COORDINATOR');
  });

  it('B.41: the chair and the co-ordinator record actions, PROPOSED; invitees do not; a past due date and a staff id without issuer are BAD_USER_INPUT', async () => {
    const byChair = await create(meeting, chair, {
      ownerAgency: 'police',
      ownerStaffId: officer().staffId,
      ownerIssuer: TEST_ISSUER,
      text: 'Home visit within 7 days.',
    });
    expect(byChair.data?.createMeetingAction).toMatchObject({
      meetingId: meeting.meetingId,
      subjectPncId: meeting.pncId,
      ownerAgency: 'police',
      ownerStaffId: officer().staffId,
      status: 'PROPOSED',
      declineReason: null,
    });
    const byCoordinator = await create(meeting, coordinator, { ownerAgency: 'housing', text: 'Review the tenancy.' });
    expect(byCoordinator.data?.createMeetingAction).toMatchObject({ ownerAgency: 'housing', ownerStaffId: null, status: 'PROPOSED' });
    expect((await auditChangesOf(stack, `MeetingAction:${idOf(byChair)}`)).map((change) => change.field)).toEqual(
      expect.arrayContaining(['ownerAgency', 'dueDate', 'text', 'status']),
    );

    expect(
      codes(await create(meeting, atMeeting(officer(), meeting, 'INVITEE', { attending: true }), { ownerAgency: 'police', text: 'x' })),
    ).toEqual(['FORBIDDEN']);
    const invalid = await create(meeting, chair, {
      ownerAgency: 'police',
      ownerStaffId: 'PPU00021',
      dueDate: addDays(today(), -1),
      text: '',
    });
    expect(codes(invalid)).toEqual(['BAD_USER_INPUT']);
    expect(invalid.errors?.[0]?.extensions?.issues?.map((issue) => issue.path).sort()).toEqual([
      'input.dueDate',
      'input.ownerIssuer',
      'input.text',
    ]);
  });

  it('B.41: the owner accepts, then completes; another agency or another staff id is answered as for an unknown action; out-of-order moves are BAD_USER_INPUT', async () => {
    const actionId = idOf(
      await create(meeting, chair, {
        ownerAgency: 'police',
        ownerStaffId: officer().staffId,
        ownerIssuer: TEST_ISSUER,
        text: 'Check the exclusion zone.',
      }),
    );
    // Ownership is the principal's, under CASE_MANAGEMENT: a colleague of the same agency, or another agency, is not the owner.
    expect(codes(await accept(actionId, managingCases(colleague())))).toEqual(['NOT_FOUND']);
    expect(codes(await accept(actionId, managingCases(housing())))).toEqual(['NOT_FOUND']);
    expect(codes(await accept(randomUUID(), managingCases(officer())))).toEqual(['NOT_FOUND']);
    // Purpose evidence does not make anyone an owner: answering is case management.
    expect(codes(await accept(actionId, atMeeting(officer(), meeting, 'INVITEE', { attending: true })))).toEqual(['FORBIDDEN']);

    expect(codes(await complete(actionId, managingCases(officer())))).toEqual(['BAD_USER_INPUT']);
    const accepted = await accept(actionId, managingCases(officer()));
    expect(accepted.data?.acceptAction).toMatchObject({ status: 'ACCEPTED', respondedByStaffId: officer().staffId });
    expect(codes(await decline(actionId, 'Changed my mind', managingCases(officer())))).toEqual(['BAD_USER_INPUT']);
    const completed = await complete(actionId, managingCases(officer()));
    expect(completed.data?.completeAction).toMatchObject({ status: 'COMPLETED', completedAt: expect.any(String) });
    expect(codes(await complete(actionId, managingCases(officer())))).toEqual(['BAD_USER_INPUT']);
    expect((await auditChangesOf(stack, `MeetingAction:${actionId}`)).map((change) => change.field)).toEqual(
      expect.arrayContaining(['respondedByStaffId', 'completedAt']),
    );
  });

  it("B.41: any holder of the owning agency declines an agency's action, with the reason; the reason is required", async () => {
    const actionId = idOf(await create(meeting, coordinator, { ownerAgency: 'housing', text: 'Find supported accommodation.' }));
    expect(codes(await decline(actionId, ' ', managingCases(housing())))).toEqual(['BAD_USER_INPUT']);
    const declined = await decline(actionId, 'No supported housing in the area; refer to the council.', managingCases(housing()));
    expect(declined.data?.declineAction).toMatchObject({
      status: 'DECLINED',
      declineReason: 'No supported housing in the area; refer to the council.',
      respondedByStaffId: housing().staffId,
    });
    expect(codes(await accept(actionId, managingCases(housing())))).toEqual(['BAD_USER_INPUT']);
  });

  it('B.41: the database allows only PROPOSED -> ACCEPTED | DECLINED and ACCEPTED -> COMPLETED, and never an edit or a delete (raw SQL)', async () => {
    const proposed = idOf(await create(meeting, chair, { ownerAgency: 'police', text: 'Raw SQL target.' }));
    expect(
      await refusedSql(
        stack,
        sql`update mappa.meeting_action set status = 'COMPLETED', completed_at = now() where action_id = ${proposed}`,
      ),
    ).toMatch(/cannot go from PROPOSED to COMPLETED/);
    expect(await refusedSql(stack, sql`update mappa.meeting_action set text = 'rewritten' where action_id = ${proposed}`)).toMatch(
      /cannot go from PROPOSED to PROPOSED/,
    );
    expect(
      await refusedSql(stack, sql`update mappa.meeting_action set status = 'ACCEPTED', text = 'rewritten' where action_id = ${proposed}`),
    ).toMatch(/changes only/);
    expect(await refusedSql(stack, sql`delete from mappa.meeting_action where action_id = ${proposed}`)).toMatch(/never deleted/);
    expect(
      await refusedSql(
        stack,
        sql`insert into mappa.meeting_action (action_id, meeting_id, owner_agency, due_date, text, status, created_by_staff_id) values (${randomUUID()}, ${meeting.meetingId}, 'police', '2027-01-01', 'x', 'ACCEPTED', 'MCU00001')`,
      ),
    ).toMatch(/starts PROPOSED/);
    const declined = idOf(await create(meeting, chair, { ownerAgency: 'housing', text: 'Declined then accepted?' }));
    await decline(declined, 'Not ours', managingCases(housing()));
    expect(
      await refusedSql(
        stack,
        sql`update mappa.meeting_action set status = 'ACCEPTED', decline_reason = null where action_id = ${declined}`,
      ),
    ).toMatch(/cannot go from DECLINED to ACCEPTED/);
  });

  it("myActions: the caller's open actions across meetings, by their staff id or by their agency with no staff id, with meeting, due date, text and subject", async () => {
    const otherCase = await freshCase(stack, 3);
    const other = await insertMeeting(stack, otherCase, 'HELD', chairIn(otherCase.area));
    const otherChair = atMeeting(chairIn(otherCase.area), other, 'CHAIR');
    const personal = idOf(
      await create(other, otherChair, {
        ownerAgency: 'police',
        ownerStaffId: colleague().staffId,
        ownerIssuer: TEST_ISSUER,
        dueDate: addDays(today(), 3),
        text: 'Personal action.',
      }),
    );
    const agencyWide = idOf(await create(meeting, chair, { ownerAgency: 'police', dueDate: addDays(today(), 5), text: 'Agency action.' }));
    const someoneElses = idOf(
      await create(meeting, chair, {
        ownerAgency: 'police',
        ownerStaffId: officer().staffId,
        ownerIssuer: TEST_ISSUER,
        text: "Not the colleague's.",
      }),
    );
    const sameIdOtherIssuer = idOf(
      await create(meeting, chair, {
        ownerAgency: 'police',
        ownerStaffId: colleague().staffId,
        ownerIssuer: 'https://idp.other.example',
        text: "Another provider's staff id.",
      }),
    );
    const done = idOf(
      await create(meeting, chair, {
        ownerAgency: 'police',
        ownerStaffId: colleague().staffId,
        ownerIssuer: TEST_ISSUER,
        text: 'Done already.',
      }),
    );
    await accept(done, managingCases(colleague()));
    await complete(done, managingCases(colleague()));

    const listed = (await mine(managingCases(colleague()))).data?.myActions as { actionId: string }[];
    const ids = listed.map((action) => action.actionId);
    expect(ids).toEqual(expect.arrayContaining([personal, agencyWide]));
    for (const excluded of [someoneElses, sameIdOtherIssuer, done]) expect(ids).not.toContain(excluded);
    expect(listed.find((action) => action.actionId === personal)).toEqual({
      actionId: personal,
      meetingId: other.meetingId,
      subjectPncId: other.pncId,
      dueDate: addDays(today(), 3),
      text: 'Personal action.',
      status: 'PROPOSED',
    });
    // Soonest due first.
    expect(ids.indexOf(personal)).toBeLessThan(ids.indexOf(agencyWide));
    // Another agency sees none of these.
    const housingIds = ((await mine(managingCases(housing()))).data?.myActions as { actionId: string }[]).map((action) => action.actionId);
    for (const id of [personal, agencyWide, someoneElses]) expect(housingIds).not.toContain(id);
    // Only under CASE_MANAGEMENT.
    expect(codes(await mine(atMeeting(colleague(), meeting, 'INVITEE', { attending: true })))).toEqual(['FORBIDDEN']);
  });

  it("principle 2: an action given to an agency as a whole goes to its people in the meeting's area only; a named owner keeps theirs anywhere", async () => {
    const agencyWide = idOf(await create(meeting, chair, { ownerAgency: 'police', text: 'Agency action, this area only.' }));
    const named = idOf(
      await create(meeting, chair, { ownerAgency: 'police', ownerStaffId: 'PPU00029', ownerIssuer: TEST_ISSUER, text: 'Named officer.' }),
    );
    const elsewhere = area === MappaArea.LONDON ? MappaArea.WEST_MIDLANDS : MappaArea.LONDON;
    const idsFor = async (caller: Caller) =>
      ((await mine(caller)).data?.myActions as { actionId: string }[]).map((action) => action.actionId);
    expect(await idsFor(managingCases(staff('PPU00028', 'police', 'ppu_officer', area)))).toContain(agencyWide);
    expect(await idsFor(managingCases(staff('PPU00028', 'police', 'ppu_officer', elsewhere)))).not.toContain(agencyWide);
    // Nor can an officer of another area answer it.
    expect(codes(await accept(agencyWide, managingCases(staff('PPU00028', 'police', 'ppu_officer', elsewhere))))).toEqual(['NOT_FOUND']);
    // The named owner has moved area: the action is still theirs.
    expect(await idsFor(managingCases(staff('PPU00029', 'police', 'ppu_officer', elsewhere)))).toContain(named);
  });

  it('myActions is bounded: at most `first` (default 50, at most 200), soonest due first', async () => {
    const owner = managingCases(staff('PPU00027', 'police', 'ppu_officer', area));
    for (const days of [9, 7, 8])
      await create(meeting, chair, {
        ownerAgency: 'police',
        ownerStaffId: 'PPU00027',
        ownerIssuer: TEST_ISSUER,
        dueDate: addDays(today(), days),
        text: `Due in ${days} days.`,
      });
    const firstTwo = await post(stack, '{ myActions(first: 2) { dueDate } }', {}, owner);
    expect(firstTwo.data?.myActions).toHaveLength(2);
    expect(codes(await post(stack, '{ myActions(first: 201) { dueDate } }', {}, owner))).toEqual(['BAD_USER_INPUT']);
  });

  it("B.25: an invitee who has not signed attendance, or has left, sees the meeting's actions that are theirs and nothing else; attending, all of them", async () => {
    const mappaCase = await freshCase(stack, 2);
    const quiet = await insertMeeting(stack, mappaCase, 'IN_SESSION', chairIn(mappaCase.area));
    const quietChair = atMeeting(chairIn(mappaCase.area), quiet, 'CHAIR');
    const invitee = staff('HLT00031', 'health', 'dtc_attendee', mappaCase.area);
    const theirs = idOf(
      await create(quiet, quietChair, {
        ownerAgency: 'health',
        ownerStaffId: invitee.staffId,
        ownerIssuer: TEST_ISSUER,
        text: 'Health: share the care plan.',
      }),
    );
    const theirAgency = idOf(await create(quiet, quietChair, { ownerAgency: 'health', text: 'Health: name a contact.' }));
    const notTheirs = idOf(await create(quiet, quietChair, { ownerAgency: 'police', text: 'Police: intelligence check.' }));

    const notSigned = (await ofMeeting(quiet, atMeeting(invitee, quiet, 'INVITEE', { attending: false }))).data?.meetingActions as {
      actionId: string;
    }[];
    expect(notSigned.map((action) => action.actionId).sort()).toEqual([theirs, theirAgency].sort());
    const attending = (await ofMeeting(quiet, atMeeting(invitee, quiet, 'INVITEE', { attending: true }))).data?.meetingActions as {
      actionId: string;
    }[];
    expect(attending.map((action) => action.actionId).sort()).toEqual([theirs, theirAgency, notTheirs].sort());
    expect(((await ofMeeting(quiet, quietChair)).data?.meetingActions as unknown[]).length).toBe(3);
    // Without evidence for this meeting: NOT_FOUND, as for an unknown id (principle 9).
    expect(codes(await ofMeeting(quiet, atMeeting(invitee, meeting, 'INVITEE', { attending: true })))).toEqual(['NOT_FOUND']);

    // The same through the meeting pack: `Meeting.actions` (and nothing of the decision) for an invitee not signed in.
    const invitation = await invite(stack, quiet, { agency: 'health', staffId: invitee.staffId });
    await create(quiet, quietChair, {
      ownerAgency: 'health',
      ownerStaffId: invitee.staffId,
      ownerIssuer: TEST_ISSUER,
      text: 'Health: one more.',
    });
    const pack = await post(
      stack,
      'query($id: ID!) { meeting(id: $id) { actions { text } decision { kind } minutes { version } } }',
      { id: quiet.meetingId },
      atMeeting(invitee, quiet, 'INVITEE', { attending: false, invitationId: invitation.invitationId }),
    );
    expect(pack.errors).toBeUndefined();
    const packed = pack.data?.meeting as { actions: { text: string }[]; decision: unknown; minutes: unknown[] };
    expect(packed.actions.map((action) => action.text).sort()).toEqual([
      'Health: name a contact.',
      'Health: one more.',
      'Health: share the care plan.',
    ]);
    expect(packed.decision).toBeNull();
    expect(packed.minutes).toEqual([]);
  });
});
