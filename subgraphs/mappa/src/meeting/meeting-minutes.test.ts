import { and, eq, sql } from 'drizzle-orm';
import { MappaArea, addWorkingDays } from '@mappa/shared';
import { TEST_ISSUER } from '@mappa/testing';
import type { Caller } from '@mappa/shared';
import { caseAccessGrantTable } from '../case-access-grant/case-access-grant.table';
import type { MappaCaseRow } from '../mappa-case/mappa-case.table';
import {
  auditChangesOf,
  chairIn,
  codes,
  coordinatorIn,
  DAY_MS,
  db,
  holdMeeting,
  insertMeeting,
  invite,
  post,
  refusedSql,
  sign,
  staff,
  startMeetingStack,
  atMeeting,
  freshCase,
} from './meeting-minutes.fixtures';
import type { MeetingTestStack } from './meeting-minutes.fixtures';
import { meetingInvitationTable, meetingMinutesTable } from './meeting.table';
import type { MeetingRow } from './meeting.table';

let stack: MeetingTestStack;

const MINUTES = `meetingId version status dueDate summary riskAssessment riskManagementPlan disclosureConsidered disclosureNotes draftedByStaffId
  approvedByStaffId approvedAt recipients { agency staffId issuer role reason } withheldFrom { agency staffId issuer role reason } distributedAt`;

const draft = (meeting: MeetingRow, caller: Caller, overrides: Record<string, unknown> = {}) =>
  post(
    stack,
    `mutation($input: DraftMinutesInput!) { draftMinutes(input: $input) { ${MINUTES} } }`,
    {
      input: {
        meetingId: meeting.meetingId,
        summary: 'Risk discussed; plan agreed.',
        riskAssessment: 'High risk to known adults.',
        riskManagementPlan: 'Curfew and exclusion zone.',
        disclosureConsidered: true,
        disclosureNotes: 'Considered; not needed now.',
        ...overrides,
      },
    },
    caller,
  );
const approve = (meeting: MeetingRow, version: number, caller: Caller, decision: Record<string, unknown> = {}) =>
  post(
    stack,
    `mutation($input: ApproveMinutesInput!) { approveMinutes(input: $input) { ${MINUTES} } }`,
    { input: { meetingId: meeting.meetingId, version, ...decision } },
    caller,
  );
const distribute = (meeting: MeetingRow, version: number, caller: Caller) =>
  post(
    stack,
    `mutation($id: ID!, $version: Int!) { distributeMinutes(meetingId: $id, version: $version) { ${MINUTES} } }`,
    { id: meeting.meetingId, version },
    caller,
  );
const read = (meeting: MeetingRow, caller: Caller) =>
  post(stack, `query($id: ID!) { meetingMinutes(meetingId: $id) { version status summary } }`, { id: meeting.meetingId }, caller);

beforeAll(async () => {
  stack = await startMeetingStack(21);
});

afterAll(async () => {
  await stack.subgraph.close();
  await stack.database.drop();
});

describe('meeting minutes (MAPPA B)', () => {
  it('B §6: minutes are due 10 working days after a level 2 meeting and 5 after a level 3 one, weekends skipped', async () => {
    // Thursday 5 November 2026.
    const thursday = new Date('2026-11-05T10:00:00Z');
    const two = await freshCase(stack, 2);
    const three = await freshCase(stack, 3);
    const atTwo = await insertMeeting(stack, two, 'HELD', chairIn(two.area), thursday);
    const atThree = await insertMeeting(stack, three, 'HELD', chairIn(three.area), thursday);
    const drafted2 = await draft(atTwo, atMeeting(coordinatorIn(two.area), atTwo, 'COORDINATOR'));
    const drafted3 = await draft(atThree, atMeeting(coordinatorIn(three.area), atThree, 'COORDINATOR'));
    expect(drafted2.errors).toBeUndefined();
    expect(drafted3.errors).toBeUndefined();
    expect((drafted2.data?.draftMinutes as { dueDate: string }).dueDate).toBe('2026-11-19');
    expect((drafted3.data?.draftMinutes as { dueDate: string }).dueDate).toBe('2026-11-12');
    // A Friday meeting's 5 working days end the next Friday; a Saturday start counts from Monday.
    expect(addWorkingDays('2026-11-06', 5)).toBe('2026-11-13');
    expect(addWorkingDays('2026-11-07', 1)).toBe('2026-11-09');
  });

  it('B.22: the co-ordinator drafts versions; a new draft supersedes the earlier one; the chair and invitees do not draft', async () => {
    const mappaCase = await freshCase(stack, 2);
    const meeting = await insertMeeting(stack, mappaCase, 'HELD', chairIn(mappaCase.area));
    const coordinator = atMeeting(coordinatorIn(mappaCase.area), meeting, 'COORDINATOR');
    const first = await draft(meeting, coordinator);
    expect(first.errors).toBeUndefined();
    expect(first.data?.draftMinutes).toMatchObject({
      version: 1,
      status: 'DRAFT',
      draftedByStaffId: 'MCU00001',
      disclosureConsidered: true,
      approvedAt: null,
      recipients: null,
    });
    const second = await draft(meeting, coordinator, { summary: 'Corrected summary.' });
    expect(second.errors).toBeUndefined();
    expect(second.data?.draftMinutes).toMatchObject({ version: 2, status: 'DRAFT', summary: 'Corrected summary.' });
    const versions = (await read(meeting, coordinator)).data?.meetingMinutes;
    expect(versions).toEqual([
      { version: 2, status: 'DRAFT', summary: 'Corrected summary.' },
      { version: 1, status: 'SUPERSEDED', summary: 'Risk discussed; plan agreed.' },
    ]);

    expect(codes(await draft(meeting, atMeeting(chairIn(mappaCase.area), meeting, 'CHAIR')))).toEqual(['FORBIDDEN']);
    expect(
      codes(
        await draft(
          meeting,
          atMeeting(staff('PPU00003', 'police', 'ppu_officer', mappaCase.area), meeting, 'INVITEE', { attending: true }),
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    // A co-ordinator of another area, even if vouched, is answered as for an unknown meeting.
    const elsewhere = mappaCase.area === MappaArea.CUMBRIA ? MappaArea.CLEVELAND : MappaArea.CUMBRIA;
    expect(codes(await draft(meeting, atMeeting(coordinatorIn(elsewhere), meeting, 'COORDINATOR')))).toEqual(['NOT_FOUND']);
    // Declaring one meeting and naming another is NOT_FOUND too (principle 9).
    const otherCase = await freshCase(stack, 2);
    const other = await insertMeeting(stack, otherCase, 'HELD', chairIn(otherCase.area));
    expect(codes(await draft(other, coordinator))).toEqual(['NOT_FOUND']);
    // The input is checked first, every problem listed.
    const invalid = await draft(meeting, coordinator, { summary: ' ', disclosureNotes: 'x'.repeat(5001) });
    expect(codes(invalid)).toEqual(['BAD_USER_INPUT']);
    expect(invalid.errors?.[0]?.extensions?.issues?.map((issue) => issue.path).sort()).toEqual(['input.disclosureNotes', 'input.summary']);
    // The evidence of each version.
    expect((await auditChangesOf(stack, `MeetingMinutes:${meeting.meetingId}/2`)).map((change) => change.field)).toEqual(
      expect.arrayContaining(['summary', 'dueDate', 'status', 'draftedByStaffId']),
    );
    expect((await auditChangesOf(stack, `MeetingMinutes:${meeting.meetingId}/1`)).map((change) => change.field)).toContain('status');
  });

  it('B.22: minutes are approved only once the meeting is held, in code and in the database', async () => {
    const mappaCase = await freshCase(stack, 2);
    const meeting = await insertMeeting(stack, mappaCase, 'IN_SESSION', chairIn(mappaCase.area));
    expect((await draft(meeting, atMeeting(coordinatorIn(mappaCase.area), meeting, 'COORDINATOR'))).errors).toBeUndefined();
    const chair = atMeeting(chairIn(mappaCase.area), meeting, 'CHAIR');
    const early = await approve(meeting, 1, chair);
    expect(codes(early)).toEqual(['BAD_USER_INPUT']);
    expect(
      await refusedSql(
        stack,
        sql`update mappa.meeting_minutes set status = 'APPROVED', approved_at = now(), approved_by_staff_id = 'NPS00077', recipients = '[]', withheld_from = '[]' where meeting_id = ${meeting.meetingId}`,
      ),
    ).toMatch(/approved only once the meeting is held/);

    await holdMeeting(stack, meeting);
    const approved = await approve(meeting, 1, chair);
    expect(approved.errors).toBeUndefined();
    expect(approved.data?.approveMinutes).toMatchObject({ version: 1, status: 'APPROVED', approvedByStaffId: 'NPS00077' });
    // The co-ordinator never approves; a chair who is not this meeting's is answered as for an unknown meeting.
    expect(codes(await approve(meeting, 1, atMeeting(coordinatorIn(mappaCase.area), meeting, 'COORDINATOR')))).toEqual(['FORBIDDEN']);
    expect(
      codes(await approve(meeting, 1, atMeeting(staff('PCH00009', 'police', 'mappa_chair', mappaCase.area), meeting, 'CHAIR'))),
    ).toEqual(['NOT_FOUND']);
    // Approving it again is refused: an approved version is never edited.
    expect(codes(await approve(meeting, 1, chair))).toEqual(['BAD_USER_INPUT']);
    expect((await auditChangesOf(stack, `MeetingMinutes:${meeting.meetingId}/1`)).map((change) => change.field)).toEqual(
      expect.arrayContaining(['approvedByStaffId', 'approvedAt', 'recipients', 'withheldFrom']),
    );
  });

  it('B.22: an approved version is never edited or deleted (raw SQL); a correction is a new version the chair approves', async () => {
    const mappaCase = await freshCase(stack, 2);
    const meeting = await insertMeeting(stack, mappaCase, 'HELD', chairIn(mappaCase.area));
    const coordinator = atMeeting(coordinatorIn(mappaCase.area), meeting, 'COORDINATOR');
    const chair = atMeeting(chairIn(mappaCase.area), meeting, 'CHAIR');
    await draft(meeting, coordinator);
    expect((await approve(meeting, 1, chair)).errors).toBeUndefined();
    const where = sql`meeting_id = ${meeting.meetingId} and version = 1`;
    expect(await refusedSql(stack, sql`update mappa.meeting_minutes set summary = 'rewritten' where ${where}`)).toMatch(
      /change only distributed_at/,
    );
    expect(
      await refusedSql(
        stack,
        sql`update mappa.meeting_minutes set status = 'DRAFT', approved_at = null, approved_by_staff_id = null where ${where}`,
      ),
    ).toMatch(/never edited/);
    expect(await refusedSql(stack, sql`delete from mappa.meeting_minutes where ${where}`)).toMatch(/never deleted/);
    expect(
      await refusedSql(
        stack,
        sql`insert into mappa.meeting_minutes (meeting_id, version, status, due_date, summary, disclosure_considered, drafted_by_staff_id, approved_at, approved_by_staff_id) values (${meeting.meetingId}, 9, 'APPROVED', '2026-12-01', 'x', false, 'MCU00001', now(), 'NPS00077')`,
      ),
    ).toMatch(/starts as an undistributed DRAFT/);

    await draft(meeting, coordinator, { summary: 'Corrected: the exclusion zone is the town centre.' });
    expect((await approve(meeting, 2, chair)).errors).toBeUndefined();
    expect((await read(meeting, chair)).data?.meetingMinutes).toEqual([
      { version: 2, status: 'APPROVED', summary: 'Corrected: the exclusion zone is the town centre.' },
      { version: 1, status: 'SUPERSEDED', summary: 'Risk discussed; plan agreed.' },
    ]);
    expect(await refusedSql(stack, sql`update mappa.meeting_minutes set status = 'APPROVED' where ${where}`)).toMatch(
      /superseded minutes version never changes/,
    );
  });

  describe('distribution (B.23, B.24, B.25, B.27)', () => {
    let mappaCase: MappaCaseRow;
    const area = () => mappaCase.area;
    const whole = () => staff('PPU00011', 'police', 'ppu_officer', area());
    const partWithIsa = () => staff('HSG00012', 'housing', 'dtc_attendee', area());
    const partNoIsa = () => staff('JCP00013', 'jobcentre_plus', 'dtc_attendee', area());
    const absent = () => staff('HLT00014', 'health', 'dtc_attendee', area());
    const prisonRole = { agency: 'prison' as const, role: 'prison_offender_manager' as const };
    let meeting: MeetingRow;
    let invitations: Awaited<ReturnType<typeof invite>>[];
    let withdrawnGrant: string;

    beforeAll(async () => {
      mappaCase = await freshCase(stack, 3);
      meeting = await insertMeeting(stack, mappaCase, 'IN_SESSION', chairIn(mappaCase.area));
      const wholeInvite = await invite(stack, meeting, { agency: 'police', staffId: whole().staffId });
      const partIsaInvite = await invite(stack, meeting, { agency: 'housing', staffId: partWithIsa().staffId });
      const partNoIsaInvite = await invite(stack, meeting, { agency: 'jobcentre_plus', staffId: partNoIsa().staffId });
      const absentInvite = await invite(stack, meeting, { agency: 'health', staffId: absent().staffId });
      const prisonInvite = await invite(stack, meeting, prisonRole, { mappaF: true });
      const withdrawn = await invite(stack, meeting, { agency: 'children_social_care', staffId: 'CSC00015' });
      await db(stack)
        .update(meetingInvitationTable)
        .set({ withdrawnAt: new Date(), withdrawnByStaffId: 'MCU00001', withdrawalReason: 'Not needed' })
        .where(eq(meetingInvitationTable.invitationId, withdrawn.invitationId));
      withdrawnGrant = withdrawn.grantId;
      await sign(stack, meeting, chairIn(mappaCase.area), null);
      await sign(stack, meeting, whole(), wholeInvite);
      await sign(stack, meeting, partWithIsa(), partIsaInvite, { extent: 'PART', isa: true });
      await sign(stack, meeting, partNoIsa(), partNoIsaInvite, { extent: 'PART', isa: false });
      meeting = await holdMeeting(stack, meeting);
      invitations = [wholeInvite, partIsaInvite, partNoIsaInvite, absentInvite, prisonInvite];
      expect((await draft(meeting, atMeeting(coordinatorIn(area()), meeting, 'COORDINATOR'))).errors).toBeUndefined();
    });

    it('B.24: withholding someone who is not a default recipient, or adding back a B.25 part-attendee, is BAD_USER_INPUT listing each', async () => {
      const refused = await approve(meeting, 1, atMeeting(chairIn(area()), meeting, 'CHAIR'), {
        withhold: [{ agency: 'probation', staffId: 'NPS09999', issuer: TEST_ISSUER, reason: 'Not invited' }],
        additionalRecipients: [
          { agency: 'jobcentre_plus', staffId: partNoIsa().staffId, issuer: TEST_ISSUER, role: 'dtc_attendee', reason: 'Asked' },
        ],
      });
      expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
      expect(refused.errors?.[0]?.extensions?.issues?.map((issue) => issue.path)).toEqual([
        'input.withhold.0',
        'input.additionalRecipients.0',
      ]);
    });

    it('B.23, B.24, B.25: the chair approves the default recipients less those withheld, plus those added, each with why; a part-attendee outside the ISA is withheld', async () => {
      const approved = await approve(meeting, 1, atMeeting(chairIn(area()), meeting, 'CHAIR'), {
        withhold: [
          {
            agency: 'housing',
            staffId: partWithIsa().staffId,
            issuer: TEST_ISSUER,
            role: 'dtc_attendee',
            reason: 'Left before the risk discussion',
          },
        ],
        additionalRecipients: [
          { agency: 'probation', role: 'senior_probation_officer', reason: 'B.27: the chair agrees sharing with the line manager' },
        ],
      });
      expect(approved.errors).toBeUndefined();
      const minutes = approved.data?.approveMinutes as { recipients: Record<string, unknown>[]; withheldFrom: Record<string, unknown>[] };
      expect(minutes.recipients).toEqual(
        expect.arrayContaining([
          { agency: 'probation', staffId: 'NPS00077', issuer: TEST_ISSUER, role: 'mappa_chair', reason: null },
          { agency: 'police', staffId: whole().staffId, issuer: TEST_ISSUER, role: 'ppu_officer', reason: null },
          { agency: 'health', staffId: absent().staffId, issuer: TEST_ISSUER, role: null, reason: null },
          { agency: 'prison', staffId: null, issuer: null, role: 'prison_offender_manager', reason: null },
          {
            agency: 'probation',
            staffId: null,
            issuer: null,
            role: 'senior_probation_officer',
            reason: 'B.27: the chair agrees sharing with the line manager',
          },
        ]),
      );
      expect(minutes.recipients).toHaveLength(5);
      expect(minutes.withheldFrom).toEqual([
        {
          agency: 'housing',
          staffId: partWithIsa().staffId,
          issuer: TEST_ISSUER,
          role: 'dtc_attendee',
          reason: 'Left before the risk discussion',
        },
        {
          agency: 'jobcentre_plus',
          staffId: partNoIsa().staffId,
          issuer: TEST_ISSUER,
          role: 'dtc_attendee',
          reason: expect.stringMatching(/^B\.25/),
        },
      ]);
      // Not the withdrawn invitee.
      expect(JSON.stringify(minutes.recipients)).not.toContain('CSC00015');
    });

    it('B.23: recipients read the minutes only after distribution; the withheld and the part-attendee outside the ISA never', async () => {
      const recipient = atMeeting(whole(), meeting, 'INVITEE', { attending: false, invitationId: invitations[0]!.invitationId });
      const prisoner = atMeeting(staff('POM00016', 'prison', 'prison_offender_manager', area()), meeting, 'INVITEE', {
        invitationId: invitations[4]!.invitationId,
      });
      const withheld = atMeeting(partWithIsa(), meeting, 'INVITEE', { invitationId: invitations[1]!.invitationId });
      const noIsa = atMeeting(partNoIsa(), meeting, 'INVITEE', { invitationId: invitations[2]!.invitationId });
      expect((await read(meeting, recipient)).data?.meetingMinutes).toEqual([]);
      expect((await read(meeting, atMeeting(chairIn(area()), meeting, 'CHAIR'))).data?.meetingMinutes).toHaveLength(1);

      const distributed = await distribute(meeting, 1, atMeeting(coordinatorIn(area()), meeting, 'COORDINATOR'));
      expect(distributed.errors).toBeUndefined();
      for (const reader of [recipient, prisoner])
        expect((await read(meeting, reader)).data?.meetingMinutes).toEqual([
          { version: 1, status: 'APPROVED', summary: 'Risk discussed; plan agreed.' },
        ]);
      for (const reader of [withheld, noIsa]) expect((await read(meeting, reader)).data?.meetingMinutes).toEqual([]);
      // Only the co-ordinator distributes, once.
      expect(codes(await distribute(meeting, 1, atMeeting(chairIn(area()), meeting, 'CHAIR')))).toEqual(['FORBIDDEN']);
      expect(codes(await distribute(meeting, 1, atMeeting(coordinatorIn(area()), meeting, 'COORDINATOR')))).toEqual(['BAD_USER_INPUT']);
      expect(
        await refusedSql(
          stack,
          sql`update mappa.meeting_minutes set distributed_at = now() where meeting_id = ${meeting.meetingId} and version = 1`,
        ),
      ).toMatch(/never edited/);
    });

    it("distribution re-issues each standing invitation's case grant to run MEETING_ACCESS_AFTER_MINUTES_DAYS (28) days after it, in the same transaction", async () => {
      const [minutes] = await db(stack)
        .select()
        .from(meetingMinutesTable)
        .where(and(eq(meetingMinutesTable.meetingId, meeting.meetingId), eq(meetingMinutesTable.version, 1)));
      const distributedAt = minutes!.distributedAt!.getTime();
      for (const before of invitations) {
        const [after] = await db(stack)
          .select()
          .from(meetingInvitationTable)
          .where(eq(meetingInvitationTable.invitationId, before.invitationId));
        expect(after!.grantId).not.toBe(before.grantId);
        const [old] = await db(stack).select().from(caseAccessGrantTable).where(eq(caseAccessGrantTable.grantId, before.grantId));
        expect(old).toMatchObject({ revokedByStaffId: 'MCU00001', revocationReason: expect.stringMatching(/Minutes distributed/) });
        const [fresh] = await db(stack).select().from(caseAccessGrantTable).where(eq(caseAccessGrantTable.grantId, after!.grantId));
        expect(fresh).toMatchObject({
          revokedAt: null,
          purpose: 'MAPPA_MEETING',
          caseId: meeting.meetingId,
          pncId: meeting.pncId,
          granteeStaffId: old!.granteeStaffId,
          granteeAgency: old!.granteeAgency,
          granteeRole: old!.granteeRole,
        });
        expect(fresh!.validUntil.getTime() - distributedAt).toBe(28 * DAY_MS);
        expect((await auditChangesOf(stack, `CaseAccessGrant:${fresh!.grantId}`)).map((change) => change.field)).toContain('validUntil');
      }
      // A withdrawn invitation's grant stays as it was.
      const [withdrawn] = await db(stack).select().from(caseAccessGrantTable).where(eq(caseAccessGrantTable.grantId, withdrawnGrant));
      expect(withdrawn!.revocationReason).toBeNull();
      expect((await auditChangesOf(stack, `MeetingMinutes:${meeting.meetingId}/1`)).map((change) => change.field)).toContain(
        'distributedAt',
      );
    });
  });
});
