import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { calendarDateOf, MappaArea } from '@mappa/shared';
import { startTestSubgraph, TEST_ISSUER, querySubgraph } from '@mappa/testing';
import type { GraphQLResponse, TestDatabase, TestGatewayKeys } from '@mappa/testing';
import type { Caller, DeclaredPurpose, MeetingEvidence, Principal, RunningSubgraph } from '@mappa/shared';
import { mappaSubgraph } from '../index';
import { caseAccessGrantTable } from '../case-access-grant/case-access-grant.table';
import { childSafeguardsMet } from './meeting.rules';

// The meeting workflow through the real MAPPA subgraph and database (issue 10). Under MAPPA_MEETING the
// gateway vouches the caller's standing to the declared meeting as purpose evidence; these tests sign
// it themselves, as the gateway will, and check that the subgraph acts on it and on nothing else.

const AREA = MappaArea.LONDON;
const OTHER_AREA = MappaArea.KENT;
const dataset = { offenders: 1_000, seed: 3, asOf: '2026-11-01', areas: [AREA, OTHER_AREA] };
const DAY_MS = 86_400_000;
const UNKNOWN_MEETING_ID = '00000000-0000-4000-8000-000000000000';

let database: TestDatabase;
let subgraph: RunningSubgraph;
let gateway: TestGatewayKeys;

const principal = (staffId: string, agency: Principal['agency'], roles: Principal['roles'], area: MappaArea = AREA): Principal => ({
  issuer: TEST_ISSUER,
  staffId,
  agency,
  roles,
  area,
  clearance: 'SC',
});
const COORDINATOR = principal('MCU00001', 'mappa_unit', ['mappa_coordinator']);
const OTHER_COORDINATOR = principal('MCU00002', 'mappa_unit', ['mappa_coordinator'], OTHER_AREA);
const CHAIR = principal('CHAIR0001', 'police', ['mappa_chair']);
const OTHER_CHAIR = principal('CHAIR0002', 'police', ['mappa_chair']);
const HEALTH = principal('HLT00001', 'health', ['dtc_attendee']);
const PROBATION = principal('PRB00001', 'probation', ['probation_practitioner']);
const YOT = principal('YOT00001', 'yot', ['yot_case_manager']);
const CASE_MANAGEMENT: DeclaredPurpose = { purpose: 'CASE_MANAGEMENT', caseId: null };

const as = (who: Principal, declaredPurpose: DeclaredPurpose = CASE_MANAGEMENT): Caller => ({ principal: who, declaredPurpose });

/** A caller under MAPPA_MEETING for `meetingId` with the evidence the gateway would vouch. */
function atMeeting(who: Principal, meetingId: string, pncId: string, evidence: Partial<MeetingEvidence> = {}): Caller {
  return {
    principal: who,
    declaredPurpose: { purpose: 'MAPPA_MEETING', caseId: meetingId },
    purposeEvidence: {
      kind: 'MEETING',
      meetingId,
      pncId,
      standing: 'CHAIR',
      invitationId: null,
      attending: true,
      childSafeguardsMet: true,
      validUntil: new Date(Date.now() + 3_600_000).toISOString(),
      ...evidence,
    },
  };
}

async function post(query: string, variables: Record<string, unknown>, caller: Caller): Promise<GraphQLResponse> {
  return querySubgraph(subgraph, gateway, query, variables, caller);
}

const db = () => database.connection.database();
async function rows<Row>(query: ReturnType<typeof sql>): Promise<Row[]> {
  const result = (await db().execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}

const MEETING_FIELDS =
  'meetingId caseId kind scheduledFor status area chairStaffId chairIssuer chairAgency confidentialityStatementReadAt openedAt closedAt cancelledAt cancellationReason';
const INVITATION_FIELDS =
  'invitationId meetingId inviteeAgency inviteeRole inviteeStaffId inviteeIssuer reason mappaFRequested policeAgreementReference invitedAt consultedAt consultationNote withdrawnAt withdrawalReason';
const ATTENDANCE_FIELDS =
  'attendanceId meetingId invitationId staffId issuer agency role extent grade informationSharingAgreement signedAt leftAt';

const inDays = (days: number) => new Date(Date.now() + days * DAY_MS);

interface TestCase {
  caseId: string;
  pncId: string;
}

let cases: TestCase[] = [];
let used = 0;
/** A fresh level 2 or 3 active adult case of the area (each test its own, so meetings do not mix). */
function freshCase(): TestCase {
  const found = cases[used];
  used += 1;
  if (!found) throw new Error('out of level 2 and 3 cases in the area');
  return found;
}

const schedule = (input: Record<string, unknown>, caller: Caller = as(COORDINATOR)) =>
  post(`mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { ${MEETING_FIELDS} } }`, { input }, caller);
const scheduleInput = (caseId: string, overrides: Record<string, unknown> = {}) => ({
  caseId,
  kind: 'REVIEW',
  scheduledFor: inDays(14).toISOString(),
  chairStaffId: CHAIR.staffId,
  chairIssuer: CHAIR.issuer,
  chairAgency: CHAIR.agency,
  ...overrides,
});
const invite = (input: Record<string, unknown>, caller: Caller = as(COORDINATOR)) =>
  post(`mutation($input: InviteToMeetingInput!) { inviteToMeeting(input: $input) { ${INVITATION_FIELDS} } }`, { input }, caller);
const withdraw = (invitationId: string, caller: Caller = as(COORDINATOR)) =>
  post(
    `mutation($id: ID!) { withdrawInvitation(invitationId: $id, reason: "No longer needed") { ${INVITATION_FIELDS} } }`,
    { id: invitationId },
    caller,
  );
const consult = (invitationId: string, caller: Caller = as(COORDINATOR)) =>
  post(
    `mutation($id: ID!) { recordConsultation(invitationId: $id, note: "Consulted by telephone before the meeting") { ${INVITATION_FIELDS} } }`,
    { id: invitationId },
    caller,
  );
const cancel = (meetingId: string, caller: Caller = as(COORDINATOR)) =>
  post(
    `mutation($id: ID!) { cancelMeeting(meetingId: $id, reason: "Chair unavailable") { ${MEETING_FIELDS} } }`,
    { id: meetingId },
    caller,
  );
const open = (meetingId: string, caller: Caller, read = true) =>
  post(
    `mutation($id: ID!, $read: Boolean!) { openMeeting(meetingId: $id, confidentialityStatementRead: $read) { ${MEETING_FIELDS} } }`,
    { id: meetingId, read },
    caller,
  );
const close = (meetingId: string, caller: Caller) =>
  post(`mutation($id: ID!) { closeMeeting(meetingId: $id) { ${MEETING_FIELDS} } }`, { id: meetingId }, caller);
// B §2: disclosure is considered at every meeting before it closes ("not necessary" here).
const consider = (meetingId: string, caller: Caller) =>
  post(
    'mutation($i: RecordDisclosureConsiderationInput!) { recordDisclosureConsideration(input: $i) { considerationId outcome } }',
    { i: { meetingId, outcome: 'NOT_NECESSARY', reason: 'No third party at risk identified' } },
    caller,
  );
/** The same, written directly, for a meeting put into HELD by SQL. */
const consideredBySql = (meetingId: string, pncId: string) =>
  db()
    .execute(sql`insert into mappa.disclosure_consideration (consideration_id, pnc_id, area, meeting_id, reviewed_on, outcome, reason, recorded_by_staff_id, recorded_by_issuer)
    values (gen_random_uuid()::text, ${pncId}, ${AREA}, ${meetingId}, current_date, 'NOT_NECESSARY', 'No third party at risk identified', 'CHAIR0001', ${TEST_ISSUER})`);
const sign = (meetingId: string, caller: Caller, extent = 'WHOLE', grade: string | null = null) =>
  post(
    `mutation($input: SignAttendanceInput!) { signAttendance(input: $input) { ${ATTENDANCE_FIELDS} } }`,
    { input: { meetingId, extent, informationSharingAgreement: true, grade } },
    caller,
  );
const leave = (meetingId: string, caller: Caller) =>
  post(`mutation($id: ID!) { leaveMeeting(meetingId: $id) { ${ATTENDANCE_FIELDS} } }`, { id: meetingId }, caller);
const readMeeting = (id: string, caller: Caller) =>
  post(
    `query($id: ID!) { meeting(id: $id) { ${MEETING_FIELDS} subject { pncId } invitations { invitationId inviteeAgency } attendance { staffId agency leftAt } } }`,
    { id },
    caller,
  );

async function scheduled(
  subject: TestCase = freshCase(),
  overrides: Record<string, unknown> = {},
): Promise<{ meetingId: string; scheduledFor: string } & TestCase> {
  const result = await schedule(scheduleInput(subject.caseId, overrides));
  expect(result.errors).toBeUndefined();
  const meeting = result.data?.scheduleMeeting as { meetingId: string; scheduledFor: string };
  return { ...subject, ...meeting };
}

async function invited(meetingId: string, input: Record<string, unknown>): Promise<Record<string, unknown> & { invitationId: string }> {
  const result = await invite({ meetingId, reason: 'Holds information on the risk to others', ...input });
  expect(result.errors).toBeUndefined();
  return result.data?.inviteToMeeting as Record<string, unknown> & { invitationId: string };
}

const grantOf = async (invitationId: string) => {
  const [row] = await rows<{ grant_id: string }>(sql`select grant_id from mappa.meeting_invitation where invitation_id = ${invitationId}`);
  const [grant] = await db().select().from(caseAccessGrantTable).where(eq(caseAccessGrantTable.grantId, row!.grant_id));
  return grant!;
};

/** The audit entries of the MAPPA log that record a change of `record`; the audit is written after the response, so it is awaited a little. */
async function auditedChanges(record: string): Promise<{ record: string; field: string }[]> {
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const entries = await rows<{ payload: { changes?: { record: string; field: string }[] } }>(
      sql`select payload from audit.entry where log = 'mappa' and payload::text like ${`%${record}%`}`,
    );
    const changes = entries.flatMap((entry) => entry.payload.changes ?? []).filter((change) => change.record === record);
    if (changes.length > 0) return changes;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return [];
}

const codes = (result: GraphQLResponse) => result.errors?.map((error) => error.extensions?.code);

beforeAll(async () => {
  ({ database, subgraph, gateway } = await startTestSubgraph(mappaSubgraph, dataset));
  // Adults of the area, not counter-terrorism restricted, raised to level 2 where they are at level 1
  // (level 2 and 3 cases are a few per cent of the population): the subjects these tests schedule for.
  await db().execute(sql`update mappa.mappa_case set level = 2 where case_id in (
    select case_id from mappa.mappa_case where status = 'ACTIVE' and area = ${AREA} and not ct_restricted and subject_date_of_birth < '2000-01-01' order by case_id limit 40)`);
  cases = (
    await rows<{ case_id: string; pnc_id: string }>(
      sql`select case_id, pnc_id from mappa.mappa_case where status = 'ACTIVE' and level >= 2 and area = ${AREA} and not ct_restricted and subject_date_of_birth < '2000-01-01' order by case_id`,
    )
  ).map((row) => ({ caseId: row.case_id, pncId: row.pnc_id }));
}, 120_000);

afterAll(async () => {
  await subgraph.close();
  await database.drop();
});

describe('scheduling (B §5, B.52)', () => {
  it('the dataset has the cases these tests need', () => {
    expect(cases.length).toBeGreaterThanOrEqual(16);
  });

  it('B.52: the co-ordinator schedules a meeting for a level 2 or 3 case of their area, with a police chair, and the audit records it', async () => {
    const subject = freshCase();
    const scheduledFor = inDays(10).toISOString();
    const result = await schedule(scheduleInput(subject.caseId, { scheduledFor, kind: 'INITIAL' }));
    expect(result.errors).toBeUndefined();
    const meeting = result.data?.scheduleMeeting as Record<string, unknown>;
    expect(meeting).toMatchObject({
      caseId: subject.caseId,
      kind: 'INITIAL',
      scheduledFor,
      status: 'SCHEDULED',
      area: AREA,
      chairStaffId: CHAIR.staffId,
      chairIssuer: TEST_ISSUER,
      chairAgency: 'police',
      openedAt: null,
    });
    const audited = await auditedChanges(`Meeting:${meeting.meetingId as string}`);
    expect(audited.map((change) => change.field)).toEqual(expect.arrayContaining(['caseId', 'scheduledFor', 'chairStaffId', 'status']));
  });

  it('principle 9: a case of another area and an unknown case number get the same NOT_FOUND', async () => {
    const [otherAreaCase] = await rows<{ case_id: string }>(
      sql`select case_id from mappa.mappa_case where status = 'ACTIVE' and level >= 2 and area = ${OTHER_AREA} limit 1`,
    );
    const outOfArea = await schedule(scheduleInput(otherAreaCase!.case_id));
    const unknown = await schedule(scheduleInput('MC-9999999'));
    expect(codes(outOfArea)).toEqual(['NOT_FOUND']);
    expect(outOfArea.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
    expect(codes(unknown)).toEqual(['NOT_FOUND']);
    // The other area's co-ordinator cannot schedule for this area's case either.
    const byOtherCoordinator = await schedule(scheduleInput(cases.at(-1)!.caseId), as(OTHER_COORDINATOR));
    expect(byOtherCoordinator.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
  });

  it('A §5: a level 1 case has no MAPP meeting', async () => {
    const [levelOne] = await rows<{ case_id: string }>(
      sql`select case_id from mappa.mappa_case where status = 'ACTIVE' and level = 1 and area = ${AREA} and not ct_restricted limit 1`,
    );
    const result = await schedule(scheduleInput(levelOne!.case_id));
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
  });

  it('B.52: the chair is police, probation or the MAPPA unit; the date is in the future; every problem is listed', async () => {
    const result = await schedule(scheduleInput(cases[0]!.caseId, { chairAgency: 'prison', scheduledFor: inDays(-1).toISOString() }));
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.extensions?.issues?.map((issue) => issue.path).sort()).toEqual(['input.chairAgency', 'input.scheduledFor']);
  });

  it.each([
    ['the chair', as(CHAIR)],
    ['a probation practitioner', as(PROBATION)],
    ['a duty-to-co-operate attendee', as(HEALTH)],
  ])('B.52: %s may not schedule (FORBIDDEN)', async (_name, caller) => {
    const result = await schedule(scheduleInput(cases[0]!.caseId), caller);
    expect(result.errors?.map((error) => [error.extensions?.code, error.extensions?.policy])).toEqual([
      ['FORBIDDEN', 'mappa.meetingAdministration'],
    ]);
  });
});

describe('invitations: the invitation is the access (principle 5, B.6, C.65)', () => {
  it('principle 5: inviting an agency creates its MAPPA_MEETING grant for that meeting in the same transaction, and withdrawing revokes it', async () => {
    const meeting = await scheduled();
    const invitation = await invited(meeting.meetingId, {
      inviteeAgency: 'health',
      inviteeRole: 'dtc_attendee',
      reason: 'Mental health treatment relevant to risk',
    });
    expect(invitation).toMatchObject({
      meetingId: meeting.meetingId,
      inviteeAgency: 'health',
      inviteeRole: 'dtc_attendee',
      inviteeStaffId: null,
      mappaFRequested: false,
      withdrawnAt: null,
    });
    const grant = await grantOf(invitation.invitationId);
    expect(grant).toMatchObject({
      granteeAgency: 'health',
      granteeRole: 'dtc_attendee',
      granteeAreas: [AREA],
      granteeStaffId: null,
      pncId: meeting.pncId,
      purpose: 'MAPPA_MEETING',
      caseId: meeting.meetingId,
      revokedAt: null,
    });
    // Valid until the meeting plus MEETING_ACCESS_DAYS (28 by default).
    expect(grant.validUntil.getTime()).toBe(Date.parse(meeting.scheduledFor) + 28 * DAY_MS);
    expect(Math.abs(grant.validFrom.getTime() - Date.now())).toBeLessThan(60_000);
    expect((await auditedChanges(`CaseAccessGrant:${grant.grantId}`)).map((change) => change.field)).toEqual(
      expect.arrayContaining(['purpose', 'caseId', 'validUntil']),
    );

    const withdrawn = await withdraw(invitation.invitationId);
    expect(withdrawn.errors).toBeUndefined();
    expect(withdrawn.data?.withdrawInvitation).toMatchObject({ withdrawalReason: 'No longer needed' });
    const revoked = await grantOf(invitation.invitationId);
    expect(revoked.revokedAt).not.toBeNull();
    expect(revoked.revokedByStaffId).toBe(COORDINATOR.staffId);
    const again = await withdraw(invitation.invitationId);
    expect(codes(again)).toEqual(['BAD_USER_INPUT']);
  });

  it('principle 5: one staff id is invited with its identity provider, and the grant names that staff id only', async () => {
    const meeting = await scheduled();
    const invitation = await invited(meeting.meetingId, {
      inviteeAgency: 'probation',
      inviteeStaffId: PROBATION.staffId,
      inviteeIssuer: TEST_ISSUER,
    });
    const grant = await grantOf(invitation.invitationId);
    expect(grant).toMatchObject({ granteeStaffId: PROBATION.staffId, granteeIssuer: TEST_ISSUER, granteeAgency: null, granteeRole: null });
  });

  it('principle 5: the reason is required, and the role must be one the agency holds; every problem is listed', async () => {
    const meeting = await scheduled();
    const result = await invite({ meetingId: meeting.meetingId, inviteeAgency: 'health', inviteeRole: 'ppu_officer', reason: '  ' });
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.extensions?.issues?.map((issue) => issue.path).sort()).toEqual(['input.inviteeRole', 'input.reason']);
    const noRole = await invite({ meetingId: meeting.meetingId, inviteeAgency: 'housing', reason: 'Housing the subject' });
    expect(codes(noRole)).toEqual(['BAD_USER_INPUT']);
  });

  it('B.6: inviting the prison requests its MAPPA F report', async () => {
    const meeting = await scheduled();
    const prison = await invited(meeting.meetingId, { inviteeAgency: 'prison', inviteeRole: 'prison_offender_manager' });
    expect(prison.mappaFRequested).toBe(true);
    const police = await invited(meeting.meetingId, { inviteeAgency: 'police', inviteeRole: 'ppu_officer' });
    expect(police.mappaFRequested).toBe(false);
  });

  it("C.65: for a category 4 subject, inviting any agency but the police needs the police's agreement", async () => {
    const meeting = await scheduled();
    await db().execute(sql`update mappa.mappa_case set category = 4, ct_restricted = true where case_id = ${meeting.caseId}`);
    try {
      const refused = await invite({
        meetingId: meeting.meetingId,
        inviteeAgency: 'health',
        inviteeRole: 'dtc_attendee',
        reason: 'Treatment',
      });
      expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
      expect(refused.errors?.[0]?.extensions?.issues?.map((issue) => issue.path)).toEqual(['input.policeAgreementReference']);
      expect(await rows(sql`select 1 from mappa.case_access_grant where case_id = ${meeting.meetingId}`)).toEqual([]);
      await invited(meeting.meetingId, { inviteeAgency: 'police', inviteeRole: 'ct_officer' });
      const agreed = await invited(meeting.meetingId, {
        inviteeAgency: 'health',
        inviteeRole: 'dtc_attendee',
        policeAgreementReference: 'CTP-AGR-0042',
      });
      expect(agreed.policeAgreementReference).toBe('CTP-AGR-0042');
    } finally {
      await db().execute(sql`update mappa.mappa_case set category = 2, ct_restricted = false where case_id = ${meeting.caseId}`);
    }
  });

  it("principle 9: another area's co-ordinator cannot invite to, withdraw from or cancel this area's meeting, and is answered as for an unknown id", async () => {
    const meeting = await scheduled();
    const invitation = await invited(meeting.meetingId, { inviteeAgency: 'police', inviteeRole: 'ppu_officer' });
    const inviteOther = await invite(
      { meetingId: meeting.meetingId, inviteeAgency: 'police', inviteeRole: 'ppu_officer', reason: 'x' },
      as(OTHER_COORDINATOR),
    );
    const inviteUnknown = await invite({ meetingId: UNKNOWN_MEETING_ID, inviteeAgency: 'police', inviteeRole: 'ppu_officer', reason: 'x' });
    expect(codes(inviteOther)).toEqual(['NOT_FOUND']);
    expect(inviteOther.errors?.[0]?.message).toBe(inviteUnknown.errors?.[0]?.message);
    expect(codes(await withdraw(invitation.invitationId, as(OTHER_COORDINATOR)))).toEqual(['NOT_FOUND']);
    expect(codes(await cancel(meeting.meetingId, as(OTHER_COORDINATOR)))).toEqual(['NOT_FOUND']);
    expect((await grantOf(invitation.invitationId)).revokedAt).toBeNull();
  });

  it('principle 9: under MAPPA_MEETING the co-ordinator administers the declared meeting when vouched COORDINATOR for it, and no other', async () => {
    const meeting = await scheduled();
    const other = await scheduled();
    const asCoordinator = atMeeting(COORDINATOR, meeting.meetingId, meeting.pncId, { standing: 'COORDINATOR' });
    const input = { meetingId: meeting.meetingId, inviteeAgency: 'police', inviteeRole: 'ppu_officer', reason: 'Manages the registration' };
    expect((await invite(input, asCoordinator)).errors).toBeUndefined();
    // Vouched for this meeting, acting on another: answered as for an unknown meeting.
    const onOther = await invite({ ...input, meetingId: other.meetingId }, asCoordinator);
    const unknown = await invite({ ...input, meetingId: UNKNOWN_MEETING_ID }, asCoordinator);
    expect(codes(onOther)).toEqual(['NOT_FOUND']);
    expect(onOther.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
    // Vouched CHAIR is not vouched COORDINATOR.
    expect(codes(await invite(input, atMeeting(COORDINATOR, meeting.meetingId, meeting.pncId, { standing: 'CHAIR' })))).toEqual([
      'NOT_FOUND',
    ]);
  });

  it.each([
    ['the chair', CHAIR],
    ['an invitee', HEALTH],
  ])('B.52, principle 5: %s neither invites, withdraws, consults nor cancels (FORBIDDEN)', async (_name, who) => {
    const meeting = await scheduled();
    const invitation = await invited(meeting.meetingId, { inviteeAgency: 'health', inviteeRole: 'dtc_attendee' });
    const caller = atMeeting(who, meeting.meetingId, meeting.pncId, {
      standing: who === CHAIR ? 'CHAIR' : 'INVITEE',
      invitationId: who === CHAIR ? null : invitation.invitationId,
    });
    const answers = [
      await invite({ meetingId: meeting.meetingId, inviteeAgency: 'police', inviteeRole: 'ppu_officer', reason: 'x' }, caller),
      await withdraw(invitation.invitationId, caller),
      await consult(invitation.invitationId, caller),
      await cancel(meeting.meetingId, caller),
    ];
    for (const answer of answers)
      expect(answer.errors?.map((error) => [error.extensions?.code, error.extensions?.policy])).toEqual([
        ['FORBIDDEN', 'mappa.meetingAdministration'],
      ]);
    expect((await grantOf(invitation.invitationId)).revokedAt).toBeNull();
  });

  it("cancelling a scheduled meeting revokes every invitation's grant; a cancelled meeting is not cancelled again", async () => {
    const meeting = await scheduled();
    const first = await invited(meeting.meetingId, { inviteeAgency: 'police', inviteeRole: 'ppu_officer' });
    const second = await invited(meeting.meetingId, { inviteeAgency: 'housing', inviteeRole: 'dtc_attendee' });
    const cancelled = await cancel(meeting.meetingId);
    expect(cancelled.errors).toBeUndefined();
    expect(cancelled.data?.cancelMeeting).toMatchObject({ status: 'CANCELLED', cancellationReason: 'Chair unavailable' });
    expect((await grantOf(first.invitationId)).revokedAt).not.toBeNull();
    expect((await grantOf(second.invitationId)).revokedAt).not.toBeNull();
    expect(codes(await cancel(meeting.meetingId))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await invite({ meetingId: meeting.meetingId, inviteeAgency: 'police', inviteeRole: 'ppu_officer', reason: 'x' }))).toEqual(
      ['BAD_USER_INPUT'],
    );
  });
});

describe('opening, attendance and closing (B.52, B.53, B.54, B.25)', () => {
  it('B.54: the chair opens with the confidentiality statement read, an invitee signs (MAPPA E) and leaves once, the chair closes once', async () => {
    const meeting = await scheduled();
    const invitation = await invited(meeting.meetingId, { inviteeAgency: 'health', inviteeRole: 'dtc_attendee' });
    const chair = atMeeting(CHAIR, meeting.meetingId, meeting.pncId, { standing: 'CHAIR' });
    const invitee = atMeeting(HEALTH, meeting.meetingId, meeting.pncId, {
      standing: 'INVITEE',
      invitationId: invitation.invitationId,
      attending: false,
    });

    // Not before the meeting is open.
    expect(codes(await sign(meeting.meetingId, invitee))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await open(meeting.meetingId, chair, false))).toEqual(['BAD_USER_INPUT']);
    const opened = await open(meeting.meetingId, chair);
    expect(opened.errors).toBeUndefined();
    expect(opened.data?.openMeeting).toMatchObject({ status: 'IN_SESSION' });
    expect((opened.data?.openMeeting as { confidentialityStatementReadAt: string | null }).confidentialityStatementReadAt).not.toBeNull();
    expect(codes(await open(meeting.meetingId, chair))).toEqual(['BAD_USER_INPUT']);

    // C.90: the attendance record gives the attendee's agency and grade.
    const signed = await sign(meeting.meetingId, invitee, 'PART', 'MIDDLE_MANAGER');
    expect(signed.errors).toBeUndefined();
    const attendance = signed.data?.signAttendance as Record<string, unknown>;
    expect(attendance).toMatchObject({
      invitationId: invitation.invitationId,
      staffId: HEALTH.staffId,
      issuer: TEST_ISSUER,
      agency: 'health',
      role: 'dtc_attendee',
      extent: 'PART',
      grade: 'MIDDLE_MANAGER',
      informationSharingAgreement: true,
      leftAt: null,
    });
    expect(await auditedChanges(`MeetingAttendance:${attendance.attendanceId as string}`)).not.toEqual([]);
    expect(codes(await sign(meeting.meetingId, invitee))).toEqual(['BAD_USER_INPUT']);

    const left = await leave(meeting.meetingId, invitee);
    expect(left.errors).toBeUndefined();
    expect((left.data?.leaveMeeting as { leftAt: string | null }).leftAt).not.toBeNull();
    expect(codes(await leave(meeting.meetingId, invitee))).toEqual(['BAD_USER_INPUT']);

    // KPI 3: not closed before disclosure was considered.
    const unconsidered = await close(meeting.meetingId, chair);
    expect(codes(unconsidered)).toEqual(['BAD_USER_INPUT']);
    expect(unconsidered.errors?.[0]?.extensions?.issues).toEqual([{ path: 'meetingId', message: 'disclosure not considered' }]);
    expect((await consider(meeting.meetingId, chair)).errors).toBeUndefined();
    const closed = await close(meeting.meetingId, chair);
    expect(closed.errors).toBeUndefined();
    expect(closed.data?.closeMeeting).toMatchObject({ status: 'HELD' });
    expect(await auditedChanges(`Meeting:${meeting.meetingId}`)).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'closedAt' })]),
    );
    // A meeting cannot be closed twice.
    expect(codes(await close(meeting.meetingId, chair))).toEqual(['BAD_USER_INPUT']);
  });

  it("B.52: only the meeting's own chair, vouched CHAIR for it, opens it; anyone else is answered as for an unknown meeting", async () => {
    const meeting = await scheduled();
    const unknown = await open(UNKNOWN_MEETING_ID, atMeeting(CHAIR, UNKNOWN_MEETING_ID, meeting.pncId));
    expect(codes(unknown)).toEqual(['NOT_FOUND']);
    const answers = [
      // Another chair, even vouched CHAIR.
      await open(meeting.meetingId, atMeeting(OTHER_CHAIR, meeting.meetingId, meeting.pncId)),
      // The chair without evidence, or with evidence for another standing or meeting.
      await open(meeting.meetingId, { principal: CHAIR, declaredPurpose: { purpose: 'MAPPA_MEETING', caseId: meeting.meetingId } }),
      await open(meeting.meetingId, atMeeting(CHAIR, meeting.meetingId, meeting.pncId, { standing: 'INVITEE' })),
      await open(meeting.meetingId, atMeeting(CHAIR, meeting.meetingId, meeting.pncId, { meetingId: UNKNOWN_MEETING_ID })),
    ];
    for (const answer of answers) expect(answer).toEqual(unknown);
    // Not under another purpose: the policy refuses.
    const byPolicy = await open(meeting.meetingId, as(CHAIR));
    expect(codes(byPolicy)).toEqual(['FORBIDDEN']);
    // An invitee may not open it.
    expect(codes(await open(meeting.meetingId, atMeeting(HEALTH, meeting.meetingId, meeting.pncId, { standing: 'INVITEE' })))).toEqual([
      'FORBIDDEN',
    ]);
  });

  it('B.53: only an invitee vouched for their own live invitation signs; a withdrawn invitation signs nothing', async () => {
    const meeting = await scheduled();
    const health = await invited(meeting.meetingId, { inviteeAgency: 'health', inviteeRole: 'dtc_attendee' });
    const probation = await invited(meeting.meetingId, {
      inviteeAgency: 'probation',
      inviteeStaffId: PROBATION.staffId,
      inviteeIssuer: TEST_ISSUER,
    });
    await open(meeting.meetingId, atMeeting(CHAIR, meeting.meetingId, meeting.pncId));
    // Someone else's invitation (the health invitation names the agency's role, not probation).
    const notTheirs = await sign(
      meeting.meetingId,
      atMeeting(PROBATION, meeting.meetingId, meeting.pncId, { standing: 'INVITEE', invitationId: health.invitationId }),
    );
    expect(codes(notTheirs)).toEqual(['NOT_FOUND']);
    await withdraw(probation.invitationId);
    const withdrawn = await sign(
      meeting.meetingId,
      atMeeting(PROBATION, meeting.meetingId, meeting.pncId, { standing: 'INVITEE', invitationId: probation.invitationId }),
    );
    expect(withdrawn).toEqual(notTheirs);
    expect(await rows(sql`select 1 from mappa.meeting_attendance where meeting_id = ${meeting.meetingId}`)).toEqual([]);
  });
});

describe('children (A.R25, B.10)', () => {
  it("A.R25, B.10: a meeting about someone under 18 opens only with the YOT and children's services invited, and closes only with each attending or consulted", async () => {
    const subject = freshCase();
    const meetingDay = inDays(7);
    // Under 18 on the meeting day: 15 years old.
    const dateOfBirth = new Date(meetingDay.getTime() - 15 * 365 * DAY_MS).toISOString().slice(0, 10);
    await db().execute(sql`update mappa.mappa_case set subject_date_of_birth = ${dateOfBirth} where case_id = ${subject.caseId}`);
    const meeting = await scheduled(subject, { scheduledFor: meetingDay.toISOString() });
    const chair = atMeeting(CHAIR, meeting.meetingId, meeting.pncId);
    expect(await childSafeguardsMet(db(), meeting.meetingId)).toBe(false);

    const withoutThem = await open(meeting.meetingId, chair);
    expect(codes(withoutThem)).toEqual(['BAD_USER_INPUT']);
    expect(withoutThem.errors?.[0]?.extensions?.issues?.[0]?.message).toContain('yot, children_social_care');
    const yot = await invited(meeting.meetingId, { inviteeAgency: 'yot', inviteeRole: 'yot_case_manager' });
    expect(codes(await open(meeting.meetingId, chair))).toEqual(['BAD_USER_INPUT']);
    const childrensServices = await invited(meeting.meetingId, { inviteeAgency: 'children_social_care', inviteeRole: 'dtc_attendee' });
    expect(await childSafeguardsMet(db(), meeting.meetingId)).toBe(false);
    expect((await open(meeting.meetingId, chair)).errors).toBeUndefined();
    expect((await consider(meeting.meetingId, chair)).errors).toBeUndefined();

    // Invited is not enough to close: the YOT signs, children's services are consulted.
    expect(codes(await close(meeting.meetingId, chair))).toEqual(['BAD_USER_INPUT']);
    expect(
      (
        await sign(
          meeting.meetingId,
          atMeeting(YOT, meeting.meetingId, meeting.pncId, { standing: 'INVITEE', invitationId: yot.invitationId }),
        )
      ).errors,
    ).toBeUndefined();
    expect(codes(await close(meeting.meetingId, chair))).toEqual(['BAD_USER_INPUT']);
    expect(await childSafeguardsMet(db(), meeting.meetingId)).toBe(false);
    expect((await consult(childrensServices.invitationId)).errors).toBeUndefined();
    expect(await childSafeguardsMet(db(), meeting.meetingId)).toBe(true);
    expect(codes(await consult(childrensServices.invitationId))).toEqual(['BAD_USER_INPUT']);
    expect((await close(meeting.meetingId, chair)).errors).toBeUndefined();
  });

  it("A.R25: an unknown date of birth fails closed (treated as a child); an adult's meeting needs no safeguards", async () => {
    const subject = freshCase();
    await db().execute(sql`update mappa.mappa_case set subject_date_of_birth = null where case_id = ${subject.caseId}`);
    const meeting = await scheduled(subject);
    expect(await childSafeguardsMet(db(), meeting.meetingId)).toBe(false);
    expect(codes(await open(meeting.meetingId, atMeeting(CHAIR, meeting.meetingId, meeting.pncId)))).toEqual(['BAD_USER_INPUT']);
    const adult = await scheduled();
    expect(await childSafeguardsMet(db(), adult.meetingId)).toBe(true);
    expect(await childSafeguardsMet(db(), UNKNOWN_MEETING_ID)).toBe(false);
  });
});

describe('meeting(id) (principle 9, B.25)', () => {
  it("principle 9: an unknown id, another meeting's id, a malformed id and no evidence all get the same null", async () => {
    const meeting = await scheduled();
    const other = await scheduled();
    const chair = atMeeting(CHAIR, meeting.meetingId, meeting.pncId);
    const unknown = await readMeeting(UNKNOWN_MEETING_ID, atMeeting(CHAIR, UNKNOWN_MEETING_ID, meeting.pncId));
    expect(unknown).toEqual({ data: { meeting: null } });
    const answers = [
      // Declared one meeting, asked for another.
      await readMeeting(other.meetingId, chair),
      // Declared and vouched for another meeting.
      await readMeeting(other.meetingId, atMeeting(CHAIR, other.meetingId, meeting.pncId, { meetingId: meeting.meetingId })),
      // No evidence at all.
      await readMeeting(meeting.meetingId, { principal: CHAIR, declaredPurpose: { purpose: 'MAPPA_MEETING', caseId: meeting.meetingId } }),
      // Evidence about another subject.
      await readMeeting(meeting.meetingId, atMeeting(CHAIR, meeting.meetingId, other.pncId)),
      await readMeeting('not-a-meeting', atMeeting(CHAIR, 'not-a-meeting', meeting.pncId)),
      // Another area's co-ordinator for administration.
      await readMeeting(meeting.meetingId, as(OTHER_COORDINATOR)),
    ];
    for (const answer of answers) expect(answer).toEqual(unknown);
  });

  it('B.25: the subject is served only while the caller is attending; the chair sees every invitation and the attendance, an invitee only their own invitation', async () => {
    const meeting = await scheduled();
    const health = await invited(meeting.meetingId, { inviteeAgency: 'health', inviteeRole: 'dtc_attendee' });
    await invited(meeting.meetingId, { inviteeAgency: 'police', inviteeRole: 'ppu_officer' });
    const chairView = await readMeeting(meeting.meetingId, atMeeting(CHAIR, meeting.meetingId, meeting.pncId));
    expect(chairView.errors).toBeUndefined();
    const asChair = chairView.data?.meeting as { subject: unknown; invitations: unknown[]; attendance: unknown[] };
    expect(asChair.subject).toEqual({ pncId: meeting.pncId });
    expect(asChair.invitations).toHaveLength(2);
    expect(asChair.attendance).toEqual([]);

    const notYetSigned = await readMeeting(
      meeting.meetingId,
      atMeeting(HEALTH, meeting.meetingId, meeting.pncId, { standing: 'INVITEE', invitationId: health.invitationId, attending: false }),
    );
    const asInvitee = notYetSigned.data?.meeting as {
      meetingId: string;
      subject: unknown;
      invitations: { invitationId: string }[];
      attendance: unknown;
    };
    expect(asInvitee.meetingId).toBe(meeting.meetingId);
    expect(asInvitee.subject).toBeNull();
    expect(asInvitee.invitations.map((invitation) => invitation.invitationId)).toEqual([health.invitationId]);
    expect(asInvitee.attendance).toBeNull();

    const attending = await readMeeting(
      meeting.meetingId,
      atMeeting(HEALTH, meeting.meetingId, meeting.pncId, { standing: 'INVITEE', invitationId: health.invitationId, attending: true }),
    );
    expect((attending.data?.meeting as { subject: unknown }).subject).toEqual({ pncId: meeting.pncId });
    // A.R25: a child's subject is not served until the safeguards are met.
    const safeguardsUnmet = await readMeeting(
      meeting.meetingId,
      atMeeting(CHAIR, meeting.meetingId, meeting.pncId, { childSafeguardsMet: false }),
    );
    expect((safeguardsUnmet.data?.meeting as { subject: unknown }).subject).toBeNull();
  });

  it('the co-ordinator of the area reads the administrative record under CASE_MANAGEMENT, without the subject, and the audit names whose meeting was read', async () => {
    const meeting = await scheduled();
    const entriesNaming = async () =>
      (
        await rows<{ count: number }>(
          sql`select count(*)::int as count from audit.entry where log = 'mappa' and payload::text like ${`%${meeting.pncId}%`}`,
        )
      )[0]!.count;
    await auditedChanges(`Meeting:${meeting.meetingId}`);
    const before = await entriesNaming();
    const result = await readMeeting(meeting.meetingId, as(COORDINATOR));
    expect(result.errors).toBeUndefined();
    expect(result.data?.meeting).toMatchObject({
      meetingId: meeting.meetingId,
      status: 'SCHEDULED',
      subject: null,
      invitations: [],
      attendance: [],
    });
    for (let attempt = 0; attempt < 40 && (await entriesNaming()) === before; attempt += 1)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await entriesNaming()).toBe(before + 1);
  });
});

describe('the meeting diary (A §5, B §5)', () => {
  const DIARY = `query($first: Int!, $after: String, $status: [MeetingDueStatus!], $window: Int!) {
    meetingDiary(first: $first, after: $after, dueStatus: $status, dueWithinDays: $window) { totalCount hasNextPage endCursor entries { caseId pncId level lastHeldOn nextMeetingDue dueStatus scheduledMeetings { meetingId status } } }
  }`;
  type Diary = {
    totalCount: number;
    hasNextPage: boolean;
    endCursor: string | null;
    entries: {
      caseId: string;
      level: number;
      lastHeldOn: string | null;
      nextMeetingDue: string;
      dueStatus: string;
      scheduledMeetings: { meetingId: string }[];
    }[];
  };
  const diary = async (variables: Record<string, unknown>, caller: Caller = as(COORDINATOR)) => {
    const result = await post(DIARY, { first: 100, window: 28, ...variables }, caller);
    expect(result.errors).toBeUndefined();
    return result.data?.meetingDiary as Diary;
  };

  it('A §5: every level 2 and 3 active case of the area, paged, and no other', async () => {
    const [{ count }] = (await rows<{ count: number }>(
      sql`select count(*)::int as count from mappa.mappa_case where status = 'ACTIVE' and level >= 2 and area = ${AREA}`,
    )) as [{ count: number }];
    const first = await diary({ first: 5 });
    expect(first.totalCount).toBe(count);
    expect(first.entries).toHaveLength(5);
    expect(first.hasNextPage).toBe(true);
    const second = await diary({ first: 5, after: first.endCursor });
    expect(second.entries[0]!.caseId > first.entries[4]!.caseId).toBe(true);
    const all = await diary({});
    expect(all.entries.every((entry) => entry.level >= 2)).toBe(true);
    const [otherAreaCase] = await rows<{ case_id: string }>(
      sql`select case_id from mappa.mappa_case where status = 'ACTIVE' and level >= 2 and area = ${OTHER_AREA} limit 1`,
    );
    expect(all.entries.map((entry) => entry.caseId)).not.toContain(otherAreaCase!.case_id);
  });

  it('B §5: a level 3 case is due 8 weeks after its last held meeting; past due with nothing scheduled is OVERDUE, scheduling makes it DUE', async () => {
    const subject = freshCase();
    await db().execute(
      sql`update mappa.mappa_case set level = 3, next_review_date = ${new Date(Date.now() - 3 * DAY_MS).toISOString().slice(0, 10)} where case_id = ${subject.caseId}`,
    );
    const entryOf = async () => (await diary({})).entries.find((entry) => entry.caseId === subject.caseId)!;
    expect(await entryOf()).toMatchObject({ level: 3, lastHeldOn: null, dueStatus: 'OVERDUE' });
    expect((await diary({ status: ['OVERDUE'] })).entries.map((entry) => entry.caseId)).toContain(subject.caseId);
    const meeting = await scheduled(subject, { scheduledFor: inDays(2).toISOString() });
    const withMeeting = await entryOf();
    expect(withMeeting.dueStatus).toBe('DUE');
    expect(withMeeting.scheduledMeetings.map((scheduledMeeting) => scheduledMeeting.meetingId)).toEqual([meeting.meetingId]);
    // Held (a meeting from the past, written directly): the next is due 56 days after it.
    const heldOn = new Date(Date.now() - 10 * DAY_MS);
    const heldId = randomUUID();
    await consideredBySql(heldId, subject.pncId);
    await db()
      .execute(sql`insert into mappa.meeting (meeting_id, case_id, pnc_id, area, kind, scheduled_for, chair_staff_id, chair_issuer, chair_agency, status, created_by_staff_id, confidentiality_statement_read_at, opened_at, closed_at)
      values (${heldId}, ${subject.caseId}, ${subject.pncId}, ${AREA}, 'REVIEW', ${heldOn.toISOString()}, 'CHAIR0001', ${TEST_ISSUER}, 'police', 'HELD', 'MCU00001', ${heldOn.toISOString()}, ${heldOn.toISOString()}, ${heldOn.toISOString()})`);
    const afterHeld = await entryOf();
    const heldDay = calendarDateOf(heldOn);
    expect(afterHeld.lastHeldOn).toBe(heldDay);
    expect(afterHeld.nextMeetingDue).toBe(new Date(Date.parse(`${heldDay}T00:00:00Z`) + 56 * DAY_MS).toISOString().slice(0, 10));
    expect(afterHeld.dueStatus).toBe('NOT_DUE');
  });

  it("the diary is the co-ordinator's, under CASE_MANAGEMENT", async () => {
    const result = await post(DIARY, { first: 5, window: 28 }, as(CHAIR));
    expect(codes(result)).toEqual(['FORBIDDEN']);
  });
});

describe("the database holds the meeting's transitions (0007_meeting_rules.sql)", () => {
  async function raises(statement: ReturnType<typeof sql>): Promise<string> {
    try {
      await db().execute(statement);
    } catch (error) {
      return String((error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message);
    }
    throw new Error('the statement did not raise');
  }

  it('a meeting moves only SCHEDULED → IN_SESSION → HELD or SCHEDULED → CANCELLED, and a held or cancelled meeting never changes', async () => {
    const meeting = await scheduled();
    const id = meeting.meetingId;
    expect(
      await raises(
        sql`update mappa.meeting set status = 'HELD', opened_at = now(), confidentiality_statement_read_at = now(), closed_at = now() where meeting_id = ${id}`,
      ),
    ).toMatch(/cannot go from SCHEDULED to HELD/);
    expect(await raises(sql`update mappa.meeting set kind = 'INITIAL' where meeting_id = ${id}`)).toMatch(/changes only/);
    expect(await raises(sql`delete from mappa.meeting where meeting_id = ${id}`)).toMatch(/never deleted/);
    await db().execute(
      sql`update mappa.meeting set status = 'IN_SESSION', opened_at = now(), confidentiality_statement_read_at = now() where meeting_id = ${id}`,
    );
    expect(
      await raises(
        sql`update mappa.meeting set status = 'SCHEDULED', opened_at = null, confidentiality_statement_read_at = null where meeting_id = ${id}`,
      ),
    ).toMatch(/cannot go from IN_SESSION to SCHEDULED/);
    expect(await raises(sql`update mappa.meeting set scheduled_for = now() where meeting_id = ${id}`)).toMatch(/changes only/);
    await consideredBySql(id, meeting.pncId);
    await db().execute(sql`update mappa.meeting set status = 'HELD', closed_at = now() where meeting_id = ${id}`);
    // Closed twice.
    expect(await raises(sql`update mappa.meeting set closed_at = now() where meeting_id = ${id}`)).toMatch(/held meeting never changes/);
    expect(await raises(sql`update mappa.meeting set status = 'IN_SESSION', closed_at = null where meeting_id = ${id}`)).toMatch(
      /held meeting never changes/,
    );

    const cancelled = await scheduled();
    await db().execute(
      sql`update mappa.meeting set status = 'CANCELLED', cancelled_at = now(), cancellation_reason = 'x' where meeting_id = ${cancelled.meetingId}`,
    );
    expect(
      await raises(
        sql`update mappa.meeting set status = 'SCHEDULED', cancelled_at = null, cancellation_reason = null where meeting_id = ${cancelled.meetingId}`,
      ),
    ).toMatch(/cancelled meeting never changes/);
  });

  it('an invitation changes only by one withdrawal and one consultation, and is never deleted', async () => {
    const meeting = await scheduled();
    const invitation = await invited(meeting.meetingId, { inviteeAgency: 'health', inviteeRole: 'dtc_attendee' });
    const id = invitation.invitationId;
    expect(await raises(sql`update mappa.meeting_invitation set reason = 'another reason' where invitation_id = ${id}`)).toMatch(
      /changes only by/,
    );
    expect(await raises(sql`update mappa.meeting_invitation set invitee_agency = 'housing' where invitation_id = ${id}`)).toMatch(
      /changes only by/,
    );
    expect(await raises(sql`delete from mappa.meeting_invitation where invitation_id = ${id}`)).toMatch(/never deleted/);
    await db().execute(
      sql`update mappa.meeting_invitation set consulted_at = now(), consultation_note = 'first' where invitation_id = ${id}`,
    );
    expect(await raises(sql`update mappa.meeting_invitation set consultation_note = 'second' where invitation_id = ${id}`)).toMatch(
      /recorded once/,
    );
    await db().execute(
      sql`update mappa.meeting_invitation set withdrawn_at = now(), withdrawn_by_staff_id = 'MCU00001', withdrawal_reason = 'x' where invitation_id = ${id}`,
    );
    expect(await raises(sql`update mappa.meeting_invitation set withdrawal_reason = 'y' where invitation_id = ${id}`)).toMatch(
      /withdrawn invitation never changes/,
    );
  });

  it('a signed attendance is never edited, except that the time of leaving is added once', async () => {
    const meeting = await scheduled();
    const invitation = await invited(meeting.meetingId, { inviteeAgency: 'health', inviteeRole: 'dtc_attendee' });
    await open(meeting.meetingId, atMeeting(CHAIR, meeting.meetingId, meeting.pncId));
    const signed = await sign(
      meeting.meetingId,
      atMeeting(HEALTH, meeting.meetingId, meeting.pncId, { standing: 'INVITEE', invitationId: invitation.invitationId }),
    );
    const id = (signed.data?.signAttendance as { attendanceId: string }).attendanceId;
    expect(await raises(sql`update mappa.meeting_attendance set extent = 'PART' where attendance_id = ${id}`)).toMatch(/never edited/);
    expect(
      await raises(sql`update mappa.meeting_attendance set information_sharing_agreement = false where attendance_id = ${id}`),
    ).toMatch(/never edited/);
    expect(await raises(sql`delete from mappa.meeting_attendance where attendance_id = ${id}`)).toMatch(/never deleted/);
    await db().execute(sql`update mappa.meeting_attendance set left_at = now() where attendance_id = ${id}`);
    expect(await raises(sql`update mappa.meeting_attendance set left_at = now() + interval '1 hour' where attendance_id = ${id}`)).toMatch(
      /never edited/,
    );
  });
});
