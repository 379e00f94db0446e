import { eq, sql } from 'drizzle-orm';
import { finishedDecisionRows, MappaArea, TEST_ISSUER } from '@mappa/shared';
import type { Caller, FinishedDecisionState, Principal, RecipientKind } from '@mappa/shared';
import { chairIn, codes, db, freshCase, insertMeeting, managingCases, post, staff, startMeetingStack } from '../meeting/meeting-minutes.fixtures';
import type { MeetingTestStack } from '../meeting/meeting-minutes.fixtures';
import { mappaCaseTable } from '../mappa-case/mappa-case.table';
import type { MeetingRow } from '../meeting/meeting.table';
import { disclosureConsultationTable, disclosureDecisionTable, disclosureItemAgreementTable, disclosureItemTable, disclosureTransitionTable } from './disclosure.table';

// Issue 11, reporting: disclosure statistics for the co-ordinator and the Strategic Management Board
// (KPI 3 "disclosure considered at every meeting", C §7; C.92-C.97): counts only, small ones suppressed.

let stack: MeetingTestStack;
const AREA = MappaArea.LONDON;
// A period after the dataset's day: only what these tests write falls in it.
const FROM = '2030-01-01';
const TO = '2030-03-31';

const statistics = (caller: Caller, area: MappaArea = AREA, from = FROM, to = TO) =>
  post(
    stack,
    `query($area: MappaArea!, $from: LocalDate!, $to: LocalDate!) { disclosureDecisions(area: $area, from: $from, to: $to) {
      area from to meetingsHeld { count suppressed } meetingsConsidered { count suppressed } proposed { count suppressed } made { count suppressed } notMade { count suppressed } withdrawn { count suppressed }
      byRecipientKind { recipientKind proposed { count suppressed } made { count suppressed } notMade { count suppressed } withdrawn { count suppressed } }
      byLevel { level meetingsHeld { count suppressed } meetingsConsidered { count suppressed } proposed { count suppressed } made { count suppressed } notMade { count suppressed } withdrawn { count suppressed } }
    } }`,
    { area, from, to },
    caller,
  );
const underStatistics = (principal: Principal): Caller => ({ principal, declaredPurpose: { purpose: 'STATISTICS', caseId: null } });
const COORDINATOR = staff('MCU00001', 'mappa_unit', 'mappa_coordinator', AREA);
const LAY_ADVISER = staff('SMB00001', 'mappa_unit', 'lay_adviser', AREA);

const shown = (count: number) => ({ count, suppressed: false });
const hidden = { count: null, suppressed: true };

const meetings: MeetingRow[] = [];
const subjects: string[] = [];
const decisionIds: string[] = [];

async function heldIn(level: number, day: string): Promise<MeetingRow> {
  const mappaCase = await freshCase(stack, level);
  const [moved] = await db(stack).update(mappaCaseTable).set({ area: AREA }).where(eq(mappaCaseTable.caseId, mappaCase.caseId)).returning();
  subjects.push(mappaCase.pncId);
  const meeting = await insertMeeting(stack, moved!, 'HELD', chairIn(AREA), new Date(`${day}T10:00:00Z`));
  meetings.push(meeting);
  return meeting;
}

async function decided(meeting: MeetingRow, level: 2 | 3, recipientKind: RecipientKind, state: FinishedDecisionState, day: string): Promise<void> {
  const decisionId = `DSC-MAPPA-S${decisionIds.length + 1}`;
  decisionIds.push(decisionId);
  const rows = finishedDecisionRows({
    holder: 'MAPPA', decisionId, pncId: meeting.pncId, area: AREA, level, caseId: meeting.caseId, meetingId: meeting.meetingId, subjectUnder18: false,
    recipientKind, recipientIsChild: false, recipientIsAdultAtRisk: false, state, proposedAt: new Date(`${day}T10:30:00Z`),
    proposer: { staffId: 'PPU00011', issuer: TEST_ISSUER, agency: 'police' }, decisionMaker: { staffId: meeting.chairStaffId, issuer: meeting.chairIssuer, agency: meeting.chairAgency },
    items: [{ sourceAgency: 'police', fieldCoordinate: 'PoliceConviction.offenceDescription', wording: 'A conviction for a sexual offence against a child.' }], representationsSought: true,
  });
  await db(stack).transaction(async (tx) => {
    await tx.execute(sql`set local mappa.loading_history = 'on'`);
    await tx.insert(disclosureDecisionTable).values(rows.decision);
    await tx.insert(disclosureItemTable).values(rows.items);
    if (rows.agreements.length > 0) await tx.insert(disclosureItemAgreementTable).values(rows.agreements);
    if (rows.consultations.length > 0) await tx.insert(disclosureConsultationTable).values(rows.consultations);
    await tx.insert(disclosureTransitionTable).values(rows.transitions);
  });
}

beforeAll(async () => {
  stack = await startMeetingStack(25);
  // Six level 2 meetings and two level 3 ones held in the period, one before it; every one considered disclosure.
  for (let index = 0; index < 6; index += 1) await heldIn(2, `2030-02-0${index + 1}`);
  for (let index = 0; index < 2; index += 1) await heldIn(3, `2030-02-1${index}`);
  const before = await heldIn(2, '2029-12-15');
  // At level 2: five disclosures to schools made and one decided against; at level 3: two to partners withdrawn.
  for (let index = 0; index < 5; index += 1) await decided(meetings[index]!, 2, 'SCHOOL', 'MADE', `2030-02-0${index + 1}`);
  await decided(meetings[5]!, 2, 'SCHOOL', 'DECIDED_NOT_DISCLOSE', '2030-02-06');
  await decided(meetings[6]!, 3, 'PARTNER', 'WITHDRAWN', '2030-02-10');
  await decided(meetings[7]!, 3, 'PARTNER', 'WITHDRAWN', '2030-02-11');
  // Outside the period: counted in no total of it.
  await decided(before, 2, 'EMPLOYER', 'MADE', '2029-12-15');
}, 300_000);

afterAll(async () => {
  await stack.subgraph.close();
  await stack.database.drop();
});

describe('disclosure statistics (KPI 3, C §7)', () => {
  it('KPI 3, C.93: meetings held and considered, decisions proposed, made, not made and withdrawn in the period; 1-4 suppressed', async () => {
    const answer = await statistics(underStatistics(COORDINATOR));
    expect(answer.errors).toBeUndefined();
    const report = answer.data?.disclosureDecisions as Record<string, unknown>;
    expect(report).toMatchObject({ area: AREA, from: FROM, to: TO, meetingsHeld: shown(8), meetingsConsidered: shown(8), proposed: shown(8), made: shown(5), notMade: hidden, withdrawn: hidden });
    const byKind = report.byRecipientKind as { recipientKind: string }[];
    expect(byKind.map((row) => row.recipientKind)).toEqual(['SCHOOL', 'EMPLOYER', 'PARTNER', 'VICTIM', 'ACCOMMODATION', 'WORSHIP', 'MEDIA', 'PROFESSIONAL', 'LEISURE', 'NEIGHBOUR_OR_FRIEND', 'OTHER']);
    // Partners' 2 is suppressed, and so the schools' 6 too: with the total of 8 shown, one would give the other away.
    expect(byKind.find((row) => row.recipientKind === 'SCHOOL')).toEqual({ recipientKind: 'SCHOOL', proposed: hidden, made: shown(5), notMade: hidden, withdrawn: shown(0) });
    expect(byKind.find((row) => row.recipientKind === 'PARTNER')).toEqual({ recipientKind: 'PARTNER', proposed: hidden, made: shown(0), notMade: shown(0), withdrawn: hidden });
    expect(byKind.find((row) => row.recipientKind === 'EMPLOYER')).toEqual({ recipientKind: 'EMPLOYER', proposed: shown(0), made: shown(0), notMade: shown(0), withdrawn: shown(0) });
    expect(report.byLevel).toEqual([
      { level: 2, meetingsHeld: hidden, meetingsConsidered: hidden, proposed: hidden, made: shown(5), notMade: hidden, withdrawn: shown(0) },
      { level: 3, meetingsHeld: hidden, meetingsConsidered: hidden, proposed: hidden, made: shown(0), notMade: shown(0), withdrawn: hidden },
    ]);
  });

  it('C.93: each measure by recipient kind, by level and in total is protected as one table: no kind, level or total line leaves a single withheld count', async () => {
    const report = (await statistics(underStatistics(COORDINATOR))).data?.disclosureDecisions as Record<string, { suppressed: boolean }> & {
      byRecipientKind: Record<string, { suppressed: boolean }>[];
      byLevel: Record<string, { suppressed: boolean }>[];
    };
    for (const measure of ['proposed', 'made', 'notMade', 'withdrawn']) {
      expect([...report.byRecipientKind.map((row) => row[measure]!), report[measure]!].filter((count) => count.suppressed)).not.toHaveLength(1);
      expect([...report.byLevel.map((row) => row[measure]!), report[measure]!].filter((count) => count.suppressed)).not.toHaveLength(1);
    }
    expect([...report.byLevel.map((row) => row.meetingsHeld!), report.meetingsHeld!].filter((count) => count.suppressed)).not.toHaveLength(1);
    expect([...report.byLevel.map((row) => row.meetingsConsidered!), report.meetingsConsidered!].filter((count) => count.suppressed)).not.toHaveLength(1);
  });

  it('C.93: counts only: no subject, decision, meeting or staff id anywhere in the answer', async () => {
    const text = JSON.stringify((await statistics(underStatistics(COORDINATOR))).data);
    for (const id of [...subjects, ...decisionIds, ...meetings.map((meeting) => meeting.meetingId), 'PPU00011', chairIn(AREA).staffId]) expect(text).not.toContain(id);
  });

  it('C.92, KPI 3: the Strategic Management Board\'s lay adviser reads the same statistics as the co-ordinator', async () => {
    const coordinator = await statistics(underStatistics(COORDINATOR));
    const layAdviser = await statistics(underStatistics(LAY_ADVISER));
    expect(layAdviser.errors).toBeUndefined();
    expect(layAdviser.data).toEqual(coordinator.data);
  });

  it('principle 9: another area\'s co-ordinator or lay adviser gets nothing (null, as for no data of theirs)', async () => {
    for (const principal of [staff('MCU00002', 'mappa_unit', 'mappa_coordinator', MappaArea.KENT), staff('SMB00002', 'mappa_unit', 'lay_adviser', MappaArea.KENT)]) {
      const answer = await statistics(underStatistics(principal));
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.disclosureDecisions).toBeNull();
    }
    // Their own area answers (with nothing of this test's in it).
    expect((await statistics(underStatistics(staff('MCU00002', 'mappa_unit', 'mappa_coordinator', MappaArea.KENT)), MappaArea.KENT)).data?.disclosureDecisions).toMatchObject({ area: MappaArea.KENT, proposed: shown(0) });
  });

  it('principle 8: only under STATISTICS, and only the co-ordinator and lay advisers; analysts, chairs and practitioners are refused', async () => {
    expect(codes(await statistics(managingCases(COORDINATOR)))).toEqual(['FORBIDDEN']);
    for (const principal of [staff('ANL00001', 'mappa_unit', 'analyst', AREA), chairIn(AREA), staff('PPU00011', 'police', 'ppu_officer', AREA)]) {
      expect(codes(await statistics(underStatistics(principal)))).toEqual(['FORBIDDEN']);
    }
  });

  it('zod: a period that ends before it starts is BAD_USER_INPUT', async () => {
    const answer = await statistics(underStatistics(COORDINATOR), AREA, '2030-03-31', '2030-01-01');
    expect(codes(answer)).toEqual(['BAD_USER_INPUT']);
    expect(answer.errors?.[0]?.extensions?.issues).toEqual([{ path: 'period.to', message: 'the period ends on or after it starts' }]);
  });
});
