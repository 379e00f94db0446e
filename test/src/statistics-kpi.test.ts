import { eq, sql } from 'drizzle-orm';
import { auditEntryTable, auditValueHash, MappaArea, todayOf } from '@mappa/shared';
import type { AuditPayload, DeclaredPurpose, PrincipalClaims } from '@mappa/shared';
import type { RunningGateway } from '@mappa/gateway';
import { DEFAULT_PRINCIPAL, startGatewayOver, startTestStack, expectNoIdentifier, LARGE_DATASET } from '@mappa/testing/stack';
import { postGraphQL } from '@mappa/testing';
import type { GraphQLResponse } from '@mappa/testing';
import type { TestStack } from '@mappa/testing/stack';

/*
 * Issue 13, the MAPPA KPIs (C §7.2, guidance 31.21) through the real gateway and the MAPPA subgraph.
 * Every expected figure is worked out here from the seeded tables (plain reads, counted in the test by
 * the KPI's definition in docs/statistics.md), never by the product's own KPI query.
 */

let env: TestStack;
/** A second gateway over the same subgraphs with rounding off (base 1), for exact comparisons. */
let exactGateway: RunningGateway;
let requestCount = 0;

const AREA = MappaArea.LONDON;
const YEAR = 2025;
const STATISTICS: DeclaredPurpose = { purpose: 'STATISTICS', caseId: null };
const ANALYST: PrincipalClaims = { staffId: 'ANL0001', agency: 'police', roles: ['analyst'], area: AREA, clearance: 'BPSS' };
const LAY_ADVISER: PrincipalClaims = { staffId: 'LAY0001', agency: 'mappa_unit', roles: ['lay_adviser'], area: AREA, clearance: 'BPSS' };
const CHAIR: PrincipalClaims = { staffId: 'CHR0001', agency: 'probation', roles: ['mappa_chair'], area: AREA, clearance: 'SC' };
const PPU_OFFICER: PrincipalClaims = { staffId: 'PPU0042', agency: 'police', roles: ['ppu_officer'], area: AREA, clearance: 'SC' };
const CASE_MANAGEMENT: DeclaredPurpose = { purpose: 'CASE_MANAGEMENT', caseId: null };
const OTHER_AREA_ANALYST: PrincipalClaims = { ...ANALYST, staffId: 'ANL0002', area: MappaArea.CLEVELAND };
const OTHER_AREA_COORDINATOR: PrincipalClaims = {
  staffId: 'MCU0002',
  agency: 'mappa_unit',
  roles: ['mappa_coordinator'],
  area: MappaArea.CLEVELAND,
  clearance: 'SC',
};
const OTHER_AREA_LAY_ADVISER: PrincipalClaims = { ...LAY_ADVISER, staffId: 'LAY0002', area: MappaArea.CLEVELAND };

const COUNT = '{ count suppressed }';
const FIGURE = `met ${COUNT} notMet ${COUNT} total ${COUNT} percentage`;
const KPIS = /* GraphQL */ `query Kpis($area: MappaArea!, $year: Int!, $quarter: Int) {
  mappaKpis(area: $area, year: $year, quarter: $quarter) { area year quarter kpis { kpi target ${FIGURE} groups { group ${FIGURE} } } }
}`;

interface Count {
  readonly count: number | null;
  readonly suppressed: boolean;
}
interface Figure {
  readonly met: Count;
  readonly notMet: Count;
  readonly total: Count;
  readonly percentage: number | null;
}
interface Kpi extends Figure {
  readonly kpi: string;
  readonly target: number;
  readonly groups: (Figure & { group: string })[];
}
interface MappaKpis {
  readonly area: string;
  readonly year: number;
  readonly quarter: number | null;
  readonly kpis: Kpi[];
}
/** A unit's outcome: met the standard or not, in a group ('' for none). */
type Tally = Map<string, { met: number; notMet: number }>;

async function ask(
  variables: Record<string, unknown>,
  principal: PrincipalClaims,
  purpose = STATISTICS,
  url = `${env.stack.gateway.url}/graphql`,
): Promise<GraphQLResponse<{ mappaKpis: MappaKpis | null }>> {
  requestCount += 1;
  const headers = {
    ...(await env.headersFor(principal, purpose)),
    'x-request-id': `statistics-kpi-test-${String(requestCount).padStart(4, '0')}`,
  };
  return postGraphQL<{ mappaKpis: MappaKpis | null }>(url, KPIS, variables, headers);
}

async function rowsOf<Row>(query: ReturnType<typeof sql>): Promise<Row[]> {
  return ((await env.connection.database().execute(query)) as unknown as { rows: Row[] }).rows;
}

// ---- The seeded data, read plainly ----------------------------------------------------------------

interface Meeting {
  meeting_id: string;
  case_id: string;
  pnc_id: string;
  kind: string;
  day: string;
  at: string;
  level: number;
  date_of_birth: string | null;
}
let meetings: Meeting[] = [];
let considered = new Set<string>();
let minutes: {
  meeting_id: string;
  version: number;
  status: string;
  due_date: string;
  disclosure_considered: boolean;
  distributed_day: string | null;
}[] = [];
let attendance: { meeting_id: string; invitation_id: string | null; agency: string; grade: string | null }[] = [];
let invitations: { invitation_id: string; meeting_id: string; invitee_agency: string; withdrawn: boolean }[] = [];
let referrals: {
  area: string;
  category_sought: number;
  status: string;
  submitted_day: string | null;
  screened_day: string | null;
  screening_due_date: string | null;
}[] = [];
let reports: { pnc_id: string; mappa_area: string | null; ct_restricted: boolean; report_date: string; meeting_date: string }[] = [];
let smbMembers: { member_id: string; joined_on: string; left_on: string | null }[] = [];
let smbMeetings: { smb_meeting_id: string; held_on: string }[] = [];
let smbAttendance = new Set<string>();
let today = '';

async function readSeededData(): Promise<void> {
  // Every held MAPP meeting of a case in statistics (not category 4, not restricted), everywhere: the test filters by area and day.
  meetings = await rowsOf<Meeting>(sql`
    select m.meeting_id, m.case_id, m.pnc_id, m.kind, to_char(m.scheduled_for at time zone 'Europe/London', 'YYYY-MM-DD') as day, m.scheduled_for::text as at,
      d.level_before as level, c.subject_date_of_birth::text as date_of_birth, m.area
    from mappa.meeting m join mappa.mappa_case c on c.case_id = m.case_id join mappa.meeting_decision d on d.meeting_id = m.meeting_id
    where m.status = 'HELD' and m.kind <> 'PROFESSIONALS' and not c.ct_restricted and c.category <> 4 and m.area = ${AREA}`);
  considered = new Set(
    (await rowsOf<{ meeting_id: string }>(sql`select meeting_id from mappa.disclosure_consideration`)).map((row) => row.meeting_id),
  );
  minutes = await rowsOf(
    sql`select meeting_id, version, status, due_date::text as due_date, disclosure_considered, to_char(distributed_at at time zone 'Europe/London', 'YYYY-MM-DD') as distributed_day from mappa.meeting_minutes`,
  );
  attendance = await rowsOf(sql`select meeting_id, invitation_id, agency, grade from mappa.meeting_attendance`);
  invitations = await rowsOf(
    sql`select invitation_id, meeting_id, invitee_agency, withdrawn_at is not null as withdrawn from mappa.meeting_invitation`,
  );
  referrals = await rowsOf(sql`
    select area, category_sought, status, to_char(submitted_at at time zone 'Europe/London', 'YYYY-MM-DD') as submitted_day,
      to_char(screened_at at time zone 'Europe/London', 'YYYY-MM-DD') as screened_day, screening_due_date::text as screening_due_date
    from mappa.referral`);
  reports = await rowsOf(
    sql`select p.pnc_id, p.mappa_area, p.ct_restricted, f.report_date::text as report_date, f.meeting_date::text as meeting_date from prison.mappa_f_report f join prison.prisoner p using (prison_number)`,
  );
  smbMembers = await rowsOf(
    sql`select member_id, joined_on::text as joined_on, left_on::text as left_on from mappa.smb_member where area = ${AREA}`,
  );
  smbMeetings = await rowsOf(sql`select smb_meeting_id, held_on::text as held_on from mappa.smb_meeting where area = ${AREA}`);
  smbAttendance = new Set(
    (await rowsOf<{ smb_meeting_id: string; member_id: string }>(sql`select smb_meeting_id, member_id from mappa.smb_attendance`)).map(
      (row) => `${row.smb_meeting_id}/${row.member_id}`,
    ),
  );
  // The subgraphs count on the date in England and Wales, whatever the database server's time zone.
  today = todayOf();
}

const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
const addYears = (day: string, years: number): string => `${Number(day.slice(0, 4)) + years}${day.slice(4)}`;

/** The period of a reporting year or one of its quarters. */
function period(quarter: number | null): [string, string] {
  if (quarter === null) return [`${YEAR}-04-01`, `${YEAR + 1}-03-31`];
  return (
    [
      [`${YEAR}-04-01`, `${YEAR}-06-30`],
      [`${YEAR}-07-01`, `${YEAR}-09-30`],
      [`${YEAR}-10-01`, `${YEAR}-12-31`],
      [`${YEAR + 1}-01-01`, `${YEAR + 1}-03-31`],
    ] as const
  )[quarter - 1] as [string, string];
}

/** Each KPI's units counted here by its definition (docs/statistics.md), kpi -> group -> met / not met. */
function expectedKpis(quarter: number | null): Map<string, Tally> {
  const [first, last] = period(quarter);
  const result = new Map<string, Tally>();
  const count = (kpi: string, group: string, met: boolean) => {
    const tally = result.get(kpi) ?? new Map();
    const cell = tally.get(group) ?? { met: 0, notMet: 0 };
    if (met) cell.met += 1;
    else cell.notMet += 1;
    tally.set(group, cell);
    result.set(kpi, tally);
  };
  const inPeriod = meetings.filter((meeting) => meeting.day >= first && meeting.day <= last);
  for (const meeting of inPeriod) {
    const previous = meetings
      .filter((other) => other.case_id === meeting.case_id && other.at < meeting.at)
      .sort((a, b) => (a.at < b.at ? -1 : 1))
      .pop();
    // KPI 1 and 2: a review within 8 (level 3) or 16 (level 2) weeks of the case's previous meeting.
    if (meeting.kind === 'REVIEW' && previous && (meeting.level === 2 || meeting.level === 3)) {
      count(
        meeting.level === 3 ? 'LEVEL_3_REVIEWED_WITHIN_8_WEEKS' : 'LEVEL_2_REVIEWED_WITHIN_16_WEEKS',
        '',
        daysBetween(previous.day, meeting.day) <= (meeting.level === 3 ? 56 : 112),
      );
    }
    // KPI 3: considered, and the approved minutes record it.
    count(
      'DISCLOSURE_CONSIDERED_AND_MINUTED',
      '',
      considered.has(meeting.meeting_id) &&
        minutes.some(
          (version) => version.meeting_id === meeting.meeting_id && version.status === 'APPROVED' && version.disclosure_considered,
        ),
    );
    // KPI 4: under 18 on the day; the YOT and children's services both signed attendance.
    if (meeting.date_of_birth !== null && meeting.day < addYears(meeting.date_of_birth, 18)) {
      const agencies = new Set(attendance.filter((row) => row.meeting_id === meeting.meeting_id).map((row) => row.agency));
      count('UNDER_18_YOT_AND_CHILDRENS_SERVICES_ATTENDED', '', agencies.has('yot') && agencies.has('children_social_care'));
    }
    // Attendance by invited agency: an invitation not withdrawn, answered by a signed attendance.
    for (const invitation of invitations.filter((row) => row.meeting_id === meeting.meeting_id && !row.withdrawn)) {
      const attended = attendance.some((row) => row.invitation_id === invitation.invitation_id);
      count('INVITED_AGENCY_ATTENDED', invitation.invitee_agency, attended);
      // KPI 7 as the guidance states it: the prison attended, or provided its MAPPA F (dated before the day) to this person's meeting that day.
      if (invitation.invitee_agency === 'prison')
        count(
          'PRISON_ATTENDED_OR_MAPPA_F_PROVIDED',
          '',
          attended ||
            reports.some(
              (report) =>
                report.pnc_id === meeting.pnc_id &&
                report.mappa_area === AREA &&
                !report.ct_restricted &&
                report.meeting_date === meeting.day &&
                report.report_date < report.meeting_date,
            ),
        );
      // KPI 6: the same, for the duty-to-co-operate agencies (the YOT among them) at level 2 and 3 meetings.
      if ((meeting.level === 2 || meeting.level === 3) && DTC_AGENCIES.includes(invitation.invitee_agency))
        count('DTC_AGENCY_ATTENDED', invitation.invitee_agency, attended);
    }
    // KPI 8 and 9: the police and probation at the grade the level asks for (middle manager at level 2, senior at level 3).
    const grades = meeting.level === 3 ? ['SENIOR_MANAGER'] : ['MIDDLE_MANAGER', 'SENIOR_MANAGER'];
    for (const [kpi, agency] of [
      ['POLICE_ATTENDED_AT_GRADE', 'police'],
      ['PROBATION_ATTENDED_AT_GRADE', 'probation'],
    ] as const) {
      count(
        kpi,
        '',
        attendance.some(
          (row) => row.meeting_id === meeting.meeting_id && row.agency === agency && row.grade !== null && grades.includes(row.grade),
        ),
      );
    }
    // Minutes: first distributed by the first version's due date; undistributed counts once overdue.
    const versions = minutes.filter((version) => version.meeting_id === meeting.meeting_id).sort((a, b) => a.version - b.version);
    if (versions.length > 0) {
      const due = versions[0]!.due_date;
      const distributed = versions
        .map((version) => version.distributed_day)
        .filter((day): day is string => day !== null)
        .sort()[0];
      if (distributed !== undefined || due < today)
        count('MINUTES_DISTRIBUTED_ON_TIME', '', distributed !== undefined && distributed <= due);
    }
  }
  // KPI 5: each board member who sat for a board meeting in the period, met when present at 75% or more of those.
  for (const member of smbMembers) {
    const sat = smbMeetings.filter(
      (board) =>
        board.held_on >= first &&
        board.held_on <= last &&
        board.held_on >= member.joined_on &&
        (member.left_on === null || board.held_on <= member.left_on),
    );
    if (sat.length === 0) continue;
    const present = sat.filter((board) => smbAttendance.has(`${board.smb_meeting_id}/${member.member_id}`)).length;
    count('SMB_MEMBER_ATTENDED', '', present / sat.length >= 0.75);
  }
  // Referrals: screened within 10 days of submission; unscreened counts once overdue.
  for (const referral of referrals) {
    if (
      referral.area !== AREA ||
      referral.category_sought === 4 ||
      referral.submitted_day === null ||
      referral.submitted_day < first ||
      referral.submitted_day > last
    )
      continue;
    if (referral.screened_day === null && !(referral.status === 'SUBMITTED' && referral.screening_due_date! < today)) continue;
    count('REFERRAL_SCREENED_ON_TIME', '', referral.screened_day !== null && referral.screened_day <= referral.screening_due_date!);
  }
  // MAPPA F (the prison's records): reports for meetings in the period, on time when dated before the meeting day.
  for (const report of reports) {
    if (report.mappa_area !== AREA || report.ct_restricted || report.meeting_date < first || report.meeting_date > last) continue;
    count('MAPPA_F_PROVIDED_ON_TIME', '', report.report_date < report.meeting_date);
  }
  return result;
}

const totalOf = (tally: Tally | undefined) =>
  [...(tally?.values() ?? [])].reduce((sum, cell) => ({ met: sum.met + cell.met, notMet: sum.notMet + cell.notMet }), {
    met: 0,
    notMet: 0,
  });

// ---- What every answer must respect ---------------------------------------------------------------

/** C.93 on one count: 1-4 never shown; a shown count a multiple of 5 within 4 of the truth. */
function expectProtectedCount(shown: Count, truth: number): void {
  if (truth >= 1 && truth <= 4) expect({ truth, shown }).toEqual({ truth, shown: { count: null, suppressed: true } });
  if (shown.suppressed) expect(shown.count).toBeNull();
  else {
    expect(shown.count! % 5).toBe(0);
    expect(Math.abs(shown.count! - truth)).toBeLessThan(5);
  }
}

/** C.93 on one KPI: every count protected, no line (group met / not met / total; the column totals) with a single withheld count, the percentage from published counts only. */
function expectProtectedKpi(kpi: Kpi, expected: Tally | undefined): void {
  const figures: [Figure, { met: number; notMet: number }][] = [
    [kpi, totalOf(expected)],
    ...kpi.groups.map((group): [Figure, { met: number; notMet: number }] => [group, expected?.get(group.group) ?? { met: 0, notMet: 0 }]),
  ];
  for (const [figure, truth] of figures) {
    expectProtectedCount(figure.met, truth.met);
    expectProtectedCount(figure.notMet, truth.notMet);
    expectProtectedCount(figure.total, truth.met + truth.notMet);
    expect([figure.met, figure.notMet, figure.total].filter((count) => count.suppressed)).not.toHaveLength(1);
    if (figure.met.suppressed || figure.total.suppressed || figure.total.count! < 10) expect(figure.percentage).toBeNull();
    else expect(figure.percentage).toBe(Math.round((100 * figure.met.count!) / figure.total.count!));
  }
  if (kpi.groups.length > 0) {
    for (const column of ['met', 'notMet'] as const)
      expect([...kpi.groups.map((group) => group[column]), kpi[column]].filter((count) => count.suppressed)).not.toHaveLength(1);
    expect([...kpi.groups.map((group) => group.total), kpi.total].filter((count) => count.suppressed)).not.toHaveLength(1);
  }
}

/** With rounding off: every shown count is exactly the truth, and 1-4 still withheld. */
function expectExactKpi(kpi: Kpi, expected: Tally | undefined): number {
  let shown = 0;
  const figures: [Figure, { met: number; notMet: number }][] = [
    [kpi, totalOf(expected)],
    ...kpi.groups.map((group): [Figure, { met: number; notMet: number }] => [group, expected?.get(group.group) ?? { met: 0, notMet: 0 }]),
  ];
  for (const [figure, truth] of figures) {
    for (const [count, value] of [
      [figure.met, truth.met],
      [figure.notMet, truth.notMet],
      [figure.total, truth.met + truth.notMet],
    ] as const) {
      if (value >= 1 && value <= 4) expect(count.suppressed).toBe(true);
      if (count.suppressed) continue;
      shown += 1;
      expect({ kpi: kpi.kpi, count: count.count }).toEqual({ kpi: kpi.kpi, count: value });
    }
  }
  return shown;
}

const KPI_IDS = [
  'LEVEL_3_REVIEWED_WITHIN_8_WEEKS',
  'LEVEL_2_REVIEWED_WITHIN_16_WEEKS',
  'DISCLOSURE_CONSIDERED_AND_MINUTED',
  'UNDER_18_YOT_AND_CHILDRENS_SERVICES_ATTENDED',
  'SMB_MEMBER_ATTENDED',
  'DTC_AGENCY_ATTENDED',
  'INVITED_AGENCY_ATTENDED',
  'PRISON_ATTENDED_OR_MAPPA_F_PROVIDED',
  'MAPPA_F_PROVIDED_ON_TIME',
  'POLICE_ATTENDED_AT_GRADE',
  'PROBATION_ATTENDED_AT_GRADE',
  'MINUTES_DISTRIBUTED_ON_TIME',
  'REFERRAL_SCREENED_ON_TIME',
];
const DTC_AGENCIES = [
  'yot',
  'children_social_care',
  'adult_social_care',
  'health',
  'housing',
  'education',
  'jobcentre_plus',
  'home_office',
  'electronic_monitoring',
];
const AGENCIES = [
  'police',
  'probation',
  'prison',
  'yot',
  'children_social_care',
  'adult_social_care',
  'health',
  'housing',
  'education',
  'jobcentre_plus',
  'home_office',
  'electronic_monitoring',
];

beforeAll(async () => {
  env = await startTestStack({ dataset: LARGE_DATASET });
  exactGateway = await startGatewayOver(env, { statistics: { control: { threshold: 4, base: 1, withholdZeros: false } } });
  await readSeededData();
}, 600_000);

afterAll(async () => {
  await exactGateway?.close();
  await env?.close();
});

const byId = (answer: MappaKpis, kpi: string): Kpi => answer.kpis.find((candidate) => candidate.kpi === kpi)!;

describe('the MAPPA KPIs of an area and period (C §7.2), each the seeded figure', () => {
  const cases: [string, string][] = [
    ['C §7.2 KPI 1: level 3 cases reviewed within 8 weeks of the previous meeting', 'LEVEL_3_REVIEWED_WITHIN_8_WEEKS'],
    ['C §7.2 KPI 2: level 2 cases reviewed within 16 weeks of the previous meeting', 'LEVEL_2_REVIEWED_WITHIN_16_WEEKS'],
    ['C §7.2 KPI 3: disclosure considered and recorded in the approved minutes of every meeting', 'DISCLOSURE_CONSIDERED_AND_MINUTED'],
    [
      "C §7.2 KPI 4, A.R25: YOT and children's services at every meeting about an under-18 (age on the meeting day)",
      'UNDER_18_YOT_AND_CHILDRENS_SERVICES_ATTENDED',
    ],
    ['C §7.2 KPI 5: each SMB member present at 75% or more of the board meetings held while they sat', 'SMB_MEMBER_ATTENDED'],
    ['C §7.2 KPI 6: each invited duty-to-co-operate agency attended a level 2 or 3 meeting, by agency', 'DTC_AGENCY_ATTENDED'],
    ['C §7.2 KPI 6-7: each invited agency attended, by agency', 'INVITED_AGENCY_ATTENDED'],
    [
      'C §7.2 KPI 7: each invitation of the prison met when it attended (video or phone count) or provided its MAPPA F before the meeting, as one figure (the MAPPA unit and the prison joined by meeting pseudonym)',
      'PRISON_ATTENDED_OR_MAPPA_F_PROVIDED',
    ],
    [
      "C §7.2 KPI 7, B §5: the prison's MAPPA F reports dated before the meeting they were written for (counted by the prison)",
      'MAPPA_F_PROVIDED_ON_TIME',
    ],
    ['C §7.2 KPI 8, C.90: the police at Inspector at level 2 and Superintendent at level 3', 'POLICE_ATTENDED_AT_GRADE'],
    ['C §7.2 KPI 9, C.90: probation at Senior Probation Officer at level 2 and ACO at level 3', 'PROBATION_ATTENDED_AT_GRADE'],
    ['B §6: minutes distributed by their due date (10 working days at level 2, 5 at level 3)', 'MINUTES_DISTRIBUTED_ON_TIME'],
    ['A §2.5: referrals (MAPPA A) screened within 10 days', 'REFERRAL_SCREENED_ON_TIME'],
  ];
  it.each(cases)('%s: for the year and a quarter, exactly (rounding off) and protected (C.93)', async (_name, kpi) => {
    for (const quarter of [null, 2]) {
      const expected = expectedKpis(quarter).get(kpi);
      const exact = await ask({ area: AREA, year: YEAR, quarter }, ANALYST, STATISTICS, `${exactGateway.url}/graphql`);
      expect(exact.errors).toBeUndefined();
      const shown = expectExactKpi(byId(exact.data!.mappaKpis!, kpi), expected);
      const protectedAnswer = await ask({ area: AREA, year: YEAR, quarter }, ANALYST);
      expect(protectedAnswer.errors).toBeUndefined();
      expect(protectedAnswer.data!.mappaKpis).toMatchObject({ area: AREA, year: YEAR, quarter });
      expectProtectedKpi(byId(protectedAnswer.data!.mappaKpis!, kpi), expected);
      // The whole year has something to show for every KPI but the (rare) under-18 meetings.
      if (quarter === null && kpi !== 'UNDER_18_YOT_AND_CHILDRENS_SERVICES_ATTENDED') expect(shown).toBeGreaterThan(0);
    }
  });

  it('C §7.2: attendance is published for every agency, in a fixed order, with secondary suppression across agencies (C.93)', async () => {
    const answer = await ask({ area: AREA, year: YEAR, quarter: 1 }, CHAIR);
    expect(answer.errors).toBeUndefined();
    const attendanceKpi = byId(answer.data!.mappaKpis!, 'INVITED_AGENCY_ATTENDED');
    expect(attendanceKpi.groups.map((group) => group.group)).toEqual(AGENCIES);
    const dtcKpi = byId(answer.data!.mappaKpis!, 'DTC_AGENCY_ATTENDED');
    expect(dtcKpi.groups.map((group) => group.group)).toEqual(DTC_AGENCIES);
    expectProtectedKpi(dtcKpi, expectedKpis(1).get('DTC_AGENCY_ATTENDED'));
    expectProtectedKpi(attendanceKpi, expectedKpis(1).get('INVITED_AGENCY_ATTENDED'));
    expect(answer.data!.mappaKpis!.kpis.map((kpi) => [kpi.kpi, kpi.target])).toEqual(
      KPI_IDS.map((kpi, index) => [kpi, [90, 90, 100, 100, 75, 90, 90, 90, 100, 90, 90, 100, 100][index]]),
    );
  });

  it('C.93: no identifier, date or free text in any answer; the same question twice gets the same answer', async () => {
    const first = await ask({ area: AREA, year: YEAR }, ANALYST);
    const second = await ask({ area: AREA, year: YEAR }, CHAIR);
    expect(first.errors).toBeUndefined();
    expectNoIdentifier(first.data, new Set([...KPI_IDS, ...AGENCIES, AREA]));
    // No SMB member's id or staff id either.
    expect(JSON.stringify(first.data)).not.toMatch(/SMB-|SMBM-|LAY\d/);
    expect(second.data).toEqual(first.data);
  });
});

describe('the seeded data can answer the KPIs (issue 13)', () => {
  it("C §7.2 KPI 7: in the year some invitations of the prison are met by its MAPPA F alone (not attended), so the one figure is more than the prison's attendance", () => {
    const kpi7 = totalOf(expectedKpis(null).get('PRISON_ATTENDED_OR_MAPPA_F_PROVIDED'));
    const attended = expectedKpis(null).get('INVITED_AGENCY_ATTENDED')!.get('prison')!;
    expect(kpi7.met + kpi7.notMet).toBe(attended.met + attended.notMet);
    expect(kpi7.met).toBeGreaterThan(attended.met);
  });

  it('reviews, MAPPA F, attendance at grade, minutes and referrals include on-time and late ones, most on time (C §7.2 KPI 1-2, 7-9, B §6, A §2.5)', () => {
    for (const kpi of [
      'LEVEL_2_REVIEWED_WITHIN_16_WEEKS',
      'MAPPA_F_PROVIDED_ON_TIME',
      'POLICE_ATTENDED_AT_GRADE',
      'PROBATION_ATTENDED_AT_GRADE',
      'MINUTES_DISTRIBUTED_ON_TIME',
      'REFERRAL_SCREENED_ON_TIME',
    ]) {
      const { met, notMet } = totalOf(expectedKpis(null).get(kpi));
      expect({ kpi, late: notMet > 0 }).toEqual({ kpi, late: true });
      expect(met / (met + notMet)).toBeGreaterThan(0.75);
      expect(met / (met + notMet)).toBeLessThan(0.99);
    }
  });
});

describe('the seeded board register can answer KPI 5 (issue 13)', () => {
  it('C §7.2 KPI 5: the board met in the year and most members were present at 75% of its meetings, some not', () => {
    const { met, notMet } = totalOf(expectedKpis(null).get('SMB_MEMBER_ATTENDED'));
    expect(notMet).toBeGreaterThan(0);
    expect(met).toBeGreaterThan(notMet);
    expect(met + notMet).toBeGreaterThanOrEqual(15);
  });
});

describe('who may ask (principle 8, principle 9, A.R27, C.95)', () => {
  it("A.R27: a lay adviser, a full member of the board, reads the board's KPIs", async () => {
    const answer = await ask({ area: AREA, year: YEAR }, LAY_ADVISER);
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.mappaKpis!.kpis).toHaveLength(KPI_IDS.length);
  });

  it('principle 8: a PPU officer, and the co-ordinator under another purpose, are FORBIDDEN and get no figure', async () => {
    for (const [principal, purpose] of [
      [PPU_OFFICER, STATISTICS],
      [DEFAULT_PRINCIPAL, { purpose: 'MAPPA_SCREENING', caseId: null }],
    ] as const) {
      const answer = await ask({ area: AREA, year: YEAR }, principal, purpose);
      expect(answer.data?.mappaKpis ?? null).toBeNull();
      expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it("C.95: an analyst or co-ordinator of another area sees this area's KPI compliance, the same figures its own analyst sees", async () => {
    const own = await ask({ area: AREA, year: YEAR, quarter: 3 }, ANALYST);
    for (const principal of [OTHER_AREA_ANALYST, OTHER_AREA_COORDINATOR]) {
      const other = await ask({ area: AREA, year: YEAR, quarter: 3 }, principal);
      expect(other.errors).toBeUndefined();
      expect(other.data).toEqual(own.data);
    }
  });

  it("C.95, A.R27, principle 9: a lay adviser of another area's board gets null with no error (their board reviews its own area)", async () => {
    const answer = await ask({ area: AREA, year: YEAR }, OTHER_AREA_LAY_ADVISER);
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.mappaKpis).toBeNull();
  });

  it('a quarter outside 1-4 is BAD_USER_INPUT', async () => {
    const answer = await ask({ area: AREA, year: YEAR, quarter: 5 }, ANALYST);
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

// Who may not write the board register (KPI 5, principle 8): the co-ordinator keeps it, and only under CASE_MANAGEMENT.
const NOT_THE_REGISTER_KEEPER = [
  [LAY_ADVISER, CASE_MANAGEMENT],
  [ANALYST, CASE_MANAGEMENT],
  [CHAIR, CASE_MANAGEMENT],
  [DEFAULT_PRINCIPAL, STATISTICS],
] as const;

describe("the board register's write path (KPI 5): the co-ordinator records their own board's meetings", () => {
  const RECORD = /* GraphQL */ `
    mutation Record($input: RecordSmbMeetingInput!) {
      recordSmbMeeting(input: $input) {
        smbMeetingId
        area
        heldOn
        present
        members
      }
    }
  `;
  const record = async (principal: PrincipalClaims, purpose: DeclaredPurpose, input: Record<string, unknown>) =>
    postGraphQL<{ recordSmbMeeting: { smbMeetingId: string; area: string; heldOn: string; present: number; members: number } | null }>(
      `${env.stack.gateway.url}/graphql`,
      RECORD,
      { input },
      await env.headersFor(principal, purpose),
    );
  const HELD_ON = '2026-10-20';

  it('KPI 5: the co-ordinator (CASE_MANAGEMENT) records a board meeting of their own area with the members present; the register holds it', async () => {
    const sitting = await rowsOf<{ member_id: string }>(
      sql`select member_id from mappa.smb_member where area = ${AREA} and joined_on <= ${HELD_ON}::date and (left_on is null or left_on >= ${HELD_ON}::date) order by member_id`,
    );
    const present = sitting.slice(0, 3).map((row) => row.member_id);
    const answer = await record(DEFAULT_PRINCIPAL, CASE_MANAGEMENT, { heldOn: HELD_ON, presentMemberIds: present });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.recordSmbMeeting).toMatchObject({ area: AREA, heldOn: HELD_ON, present: 3, members: sitting.length });
    const id = answer.data!.recordSmbMeeting!.smbMeetingId;
    expect(
      await rowsOf(sql`select area, held_on::text as held_on, recorded_by_staff_id from mappa.smb_meeting where smb_meeting_id = ${id}`),
    ).toEqual([{ area: AREA, held_on: HELD_ON, recorded_by_staff_id: DEFAULT_PRINCIPAL.staffId }]);
    expect(
      (
        await rowsOf<{ member_id: string }>(sql`select member_id from mappa.smb_attendance where smb_meeting_id = ${id} order by member_id`)
      ).map((row) => row.member_id),
    ).toEqual(present);
  });

  it('KPI 5, principle 8: a lay adviser, an analyst and the chair may not write the register, nor the co-ordinator under STATISTICS (FORBIDDEN)', async () => {
    for (const [principal, purpose] of NOT_THE_REGISTER_KEEPER) {
      const answer = await record(principal, purpose, { heldOn: HELD_ON, presentMemberIds: [] });
      expect({
        staffId: principal.staffId,
        data: answer.data?.recordSmbMeeting ?? null,
        code: answer.errors?.[0]?.extensions?.code,
      }).toEqual({ staffId: principal.staffId, data: null, code: 'FORBIDDEN' });
    }
  });

  it("KPI 5, principle 9: a member who does not sit on the co-ordinator's board that day, and a day to come, are BAD_USER_INPUT; nothing is written", async () => {
    const before = (await rowsOf<{ n: number }>(sql`select count(*)::int as n from mappa.smb_meeting`))[0]!.n;
    for (const input of [
      { heldOn: HELD_ON, presentMemberIds: ['SMB-CLEVELAND-01-1'] },
      { heldOn: '2099-01-01', presentMemberIds: [] },
    ]) {
      const answer = await record(DEFAULT_PRINCIPAL, CASE_MANAGEMENT, input);
      expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect((await rowsOf<{ n: number }>(sql`select count(*)::int as n from mappa.smb_meeting`))[0]!.n).toBe(before);
  });
});

describe("the board's members (A §6, KPI 5): the co-ordinator adds members to their own board and ends their spells", () => {
  const MEMBER = 'memberId area agency role staffId joinedOn leftOn';
  const ADD = /* GraphQL */ `mutation Join($input: AddSmbMemberInput!) { addSmbMember(input: $input) { ${MEMBER} } }`;
  const END = /* GraphQL */ `mutation Leave($input: EndSmbMembershipInput!) { endSmbMembership(input: $input) { ${MEMBER} } }`;
  const RECORD = /* GraphQL */ `
    mutation Record($input: RecordSmbMeetingInput!) {
      recordSmbMeeting(input: $input) {
        smbMeetingId
      }
    }
  `;
  interface Member {
    readonly memberId: string;
    readonly area: string;
    readonly agency: string;
    readonly role: string;
    readonly staffId: string;
    readonly joinedOn: string;
    readonly leftOn: string | null;
  }
  type Answer = GraphQLResponse<{ addSmbMember?: Member | null; endSmbMembership?: Member | null; recordSmbMeeting?: unknown }>;
  let calls = 0;
  /** One call through the gateway, with a request id of its own to find its audit entries by. */
  const call = async (document: string, input: Record<string, unknown>, principal = DEFAULT_PRINCIPAL, purpose = CASE_MANAGEMENT) => {
    calls += 1;
    const requestId = `smb-membership-test-${String(calls).padStart(4, '0')}`;
    const headers = { ...(await env.headersFor(principal, purpose)), 'x-request-id': requestId };
    const answer: Answer = await postGraphQL(`${env.stack.gateway.url}/graphql`, document, { input }, headers);
    return { answer, requestId };
  };
  const codeOf = (answer: Answer) => answer.errors?.[0]?.extensions?.code;
  const countMembers = async () => (await rowsOf<{ n: number }>(sql`select count(*)::int as n from mappa.smb_member`))[0]!.n;
  /** The changes the MAPPA unit's audit entry of a request records. */
  const changesOf = async (requestId: string) =>
    (await env.connection.database().select().from(auditEntryTable).where(eq(auditEntryTable.requestId, requestId)))
      .filter((entry) => entry.log === 'mappa')
      .flatMap((entry) => (entry.payload as AuditPayload).changes);

  // After the seeded board's last meeting (the dataset's day is 2026-11-01) and the one the tests above record.
  const JOINED_ON = '2026-11-10';
  const MET_ON = '2026-11-20';
  const LATER = '2026-11-25';

  it('A §6, KPI 5: a member added and a spell ended are in the register, each audited with its change; KPI 5 counts each member over the meetings held while they sat', async () => {
    // Leaves before any meeting: sat for none in the quarter, so KPI 5 does not count them (were the end ignored, they would count as absent).
    const left = await call(ADD, { agency: 'health', role: 'MEMBER', staffId: 'HLT1001', joinedOn: JOINED_ON });
    expect(left.answer.errors).toBeUndefined();
    const leftId = left.answer.data!.addSmbMember!.memberId;
    expect(left.answer.data!.addSmbMember).toEqual({
      memberId: leftId,
      area: AREA,
      agency: 'health',
      role: 'MEMBER',
      staffId: 'HLT1001',
      joinedOn: JOINED_ON,
      leftOn: null,
    });
    const record = `SmbMember:${leftId}`;
    expect(await changesOf(left.requestId)).toEqual(
      expect.arrayContaining([
        { record, field: 'role', oldValueHash: null, newValueHash: auditValueHash(record, 'role', 'MEMBER') },
        { record, field: 'staffId', oldValueHash: null, newValueHash: auditValueHash(record, 'staffId', 'HLT1001') },
        { record, field: 'joinedOn', oldValueHash: null, newValueHash: auditValueHash(record, 'joinedOn', JOINED_ON) },
      ]),
    );
    const ended = await call(END, { memberId: leftId, leftOn: JOINED_ON });
    expect(ended.answer.errors).toBeUndefined();
    expect(ended.answer.data!.endSmbMembership).toMatchObject({ memberId: leftId, joinedOn: JOINED_ON, leftOn: JOINED_ON });
    expect((await changesOf(ended.requestId)).map((change) => [change.record, change.field, change.oldValueHash])).toEqual([
      [record, 'leftOn', null],
    ]);
    expect(
      await rowsOf(
        sql`select area, agency, role, staff_id, joined_on::text as joined_on, left_on::text as left_on from mappa.smb_member where member_id = ${leftId}`,
      ),
    ).toEqual([{ area: AREA, agency: 'health', role: 'MEMBER', staff_id: 'HLT1001', joined_on: JOINED_ON, left_on: JOINED_ON }]);

    const stays = await call(ADD, { agency: 'housing', role: 'MEMBER', staffId: 'HSG1001', joinedOn: JOINED_ON });
    const staysId = stays.answer.data!.addSmbMember!.memberId;
    // The member who left no longer sits: present at a later meeting is refused, and nothing is written.
    const refused = await call(RECORD, { heldOn: MET_ON, presentMemberIds: [staysId, leftId] });
    expect(codeOf(refused.answer)).toBe('BAD_USER_INPUT');
    const met = await call(RECORD, { heldOn: MET_ON, presentMemberIds: [staysId] });
    expect(met.answer.errors).toBeUndefined();

    // KPI 5 for October-December 2026, worked out here from the register's tables.
    const members = await rowsOf<{ member_id: string; joined_on: string; left_on: string | null }>(
      sql`select member_id, joined_on::text as joined_on, left_on::text as left_on from mappa.smb_member where area = ${AREA}`,
    );
    const boardMeetings = await rowsOf<{ smb_meeting_id: string; held_on: string }>(
      sql`select smb_meeting_id, held_on::text as held_on from mappa.smb_meeting where area = ${AREA} and held_on between '2026-10-01' and '2026-12-31'`,
    );
    const present = new Set(
      (await rowsOf<{ smb_meeting_id: string; member_id: string }>(sql`select smb_meeting_id, member_id from mappa.smb_attendance`)).map(
        (row) => `${row.smb_meeting_id}/${row.member_id}`,
      ),
    );
    const outcomes = new Map<string, boolean>();
    for (const member of members) {
      const sat = boardMeetings.filter(
        (board) => board.held_on >= member.joined_on && (member.left_on === null || board.held_on <= member.left_on),
      );
      if (sat.length === 0) continue;
      outcomes.set(
        member.member_id,
        4 * sat.filter((board) => present.has(`${board.smb_meeting_id}/${member.member_id}`)).length >= 3 * sat.length,
      );
    }
    expect(outcomes.has(leftId)).toBe(false);
    expect(outcomes.get(staysId)).toBe(true);
    const outcome = [...outcomes.values()];
    const expected: Tally = new Map([['', { met: outcome.filter(Boolean).length, notMet: outcome.filter((value) => !value).length }]]);
    const exact = await ask({ area: AREA, year: 2026, quarter: 3 }, ANALYST, STATISTICS, `${exactGateway.url}/graphql`);
    expect(exact.errors).toBeUndefined();
    const kpi = byId(exact.data!.mappaKpis!, 'SMB_MEMBER_ATTENDED');
    expectExactKpi(kpi, expected);
    // Every seeded member and the one who stays sat for a meeting of the quarter: far more than a suppressed few.
    expect(kpi.total).toEqual({ count: outcomes.size, suppressed: false });
    const shown = await ask({ area: AREA, year: 2026, quarter: 3 }, ANALYST);
    expectProtectedKpi(byId(shown.data!.mappaKpis!, 'SMB_MEMBER_ATTENDED'), expected);
    expect(JSON.stringify(shown.data)).not.toMatch(/SMB-|HLT1001|HSG1001/);
  });

  it('A §6: one chair at a time (police, probation or prison), at most two lay advisers, one spell at a time for a person, the co-ordinator and lay advisers for the MAPPA unit; a day to come or on or before the last recorded meeting: BAD_USER_INPUT, nothing written', async () => {
    const sitting = await rowsOf<{ staff_id: string }>(
      sql`select staff_id from mappa.smb_member where area = ${AREA} and left_on is null and role = 'MEMBER' order by member_id limit 1`,
    );
    const before = await countMembers();
    for (const input of [
      { agency: 'probation', role: 'CHAIR', staffId: 'NPS7001', joinedOn: LATER },
      { agency: 'health', role: 'CHAIR', staffId: 'HLT7001', joinedOn: LATER },
      { agency: 'mappa_unit', role: 'LAY_ADVISER', staffId: 'LAY7001', joinedOn: LATER },
      { agency: 'police', role: 'COORDINATOR', staffId: 'PPU7001', joinedOn: LATER },
      { agency: 'health', role: 'LAY_ADVISER', staffId: 'HLT7002', joinedOn: LATER },
      { agency: 'education', role: 'MEMBER', staffId: sitting[0]!.staff_id, joinedOn: LATER },
      { agency: 'education', role: 'MEMBER', staffId: 'EDU7001', joinedOn: '2099-01-01' },
      { agency: 'education', role: 'MEMBER', staffId: 'EDU7001', joinedOn: MET_ON },
    ]) {
      const { answer } = await call(ADD, input);
      expect({ input, code: codeOf(answer), data: answer.data?.addSmbMember ?? null }).toEqual({
        input,
        code: 'BAD_USER_INPUT',
        data: null,
      });
    }
    expect(await countMembers()).toBe(before);
  });

  it('A §6: the database itself refuses a second running spell of a person, a second sitting chair, and a unit seat held for another agency', async () => {
    const [chair] = await rowsOf<{ staff_id: string }>(
      sql`select staff_id from mappa.smb_member where area = ${AREA} and role = 'CHAIR' and left_on is null`,
    );
    /** What the database says to an insert: the message of its refusal (the driver's error, under the query builder's), or 'accepted'. */
    const insert = (memberId: string, agency: string, role: string, staffId: string) =>
      env.connection
        .database()
        .execute(
          sql`insert into mappa.smb_member (member_id, area, agency, role, staff_id, joined_on) values (${memberId}, ${AREA}, ${agency}, ${role}, ${staffId}, ${LATER})`,
        )
        .then(
          () => 'accepted',
          (error: Error & { cause?: Error }) => `${error.message} ${error.cause?.message ?? ''}`,
        );
    expect(await insert('SMB-DB-1', 'police', 'MEMBER', chair!.staff_id)).toMatch(/smb_member_open_spell_idx/);
    expect(await insert('SMB-DB-2', 'prison', 'CHAIR', 'HMP7001')).toMatch(/smb_member_sitting_chair_idx/);
    expect(await insert('SMB-DB-3', 'police', 'LAY_ADVISER', 'LAY7002')).toMatch(/smb_member_unit_seat/);
    expect(await insert('SMB-DB-4', 'health', 'MEMBER', 'HLT7003')).toBe('accepted');
    await env.connection.database().execute(sql`delete from mappa.smb_member where member_id = 'SMB-DB-4'`);
    expect(await insert('SMB-DB-5', 'health', 'CHAIR', 'HLT7004')).toMatch(/smb_member_chair_agency|smb_member_sitting_chair_idx/);
    expect(await rowsOf(sql`select member_id from mappa.smb_member where member_id like 'SMB-DB-%'`)).toEqual([]);
  });

  it('KPI 5: a spell ends once, not before the member joined, not before a meeting they are recorded present at, not in the future (BAD_USER_INPUT)', async () => {
    const [member] = await rowsOf<{ member_id: string }>(sql`select member_id from mappa.smb_member where staff_id = 'HSG1001'`);
    const memberId = member!.member_id;
    for (const leftOn of ['2026-11-09', '2026-11-19', '2099-01-01']) {
      const { answer } = await call(END, { memberId, leftOn });
      expect({ leftOn, code: codeOf(answer) }).toEqual({ leftOn, code: 'BAD_USER_INPUT' });
    }
    expect((await call(END, { memberId, leftOn: MET_ON })).answer.data!.endSmbMembership).toMatchObject({ leftOn: MET_ON });
    const again = await call(END, { memberId, leftOn: LATER });
    expect(codeOf(again.answer)).toBe('BAD_USER_INPUT');
    expect(await rowsOf(sql`select left_on::text as left_on from mappa.smb_member where member_id = ${memberId}`)).toEqual([
      { left_on: MET_ON },
    ]);
  });

  it("principle 9: another area's co-ordinator ending a member of this board gets NOT_FOUND, the same answer as for an unknown id, and the spell runs on", async () => {
    const [member] = await rowsOf<{ member_id: string }>(
      sql`select member_id from mappa.smb_member where area = ${AREA} and left_on is null order by member_id limit 1`,
    );
    const other = await call(END, { memberId: member!.member_id, leftOn: LATER }, OTHER_AREA_COORDINATOR);
    const unknown = await call(END, { memberId: 'SMB-NO-SUCH-MEMBER', leftOn: LATER }, OTHER_AREA_COORDINATOR);
    expect(codeOf(other.answer)).toBe('NOT_FOUND');
    expect(other.answer.errors).toEqual(unknown.answer.errors);
    expect(other.answer.data).toEqual(unknown.answer.data);
    expect(await rowsOf(sql`select left_on from mappa.smb_member where member_id = ${member!.member_id}`)).toEqual([{ left_on: null }]);
    // Their own board is the one they write: a member they add sits on their area's board.
    const own = await call(ADD, { agency: 'police', role: 'CHAIR', staffId: 'PPU7002', joinedOn: LATER }, OTHER_AREA_COORDINATOR);
    expect(own.answer.data!.addSmbMember).toMatchObject({ area: MappaArea.CLEVELAND, role: 'CHAIR' });
  });

  it('KPI 5, principle 8: a lay adviser, an analyst and the chair may not add or end members, nor the co-ordinator under STATISTICS (FORBIDDEN)', async () => {
    const [member] = await rowsOf<{ member_id: string }>(
      sql`select member_id from mappa.smb_member where area = ${AREA} and left_on is null order by member_id limit 1`,
    );
    const before = await countMembers();
    for (const [principal, purpose] of NOT_THE_REGISTER_KEEPER) {
      const added = await call(ADD, { agency: 'health', role: 'MEMBER', staffId: 'HLT7009', joinedOn: LATER }, principal, purpose);
      const ended = await call(END, { memberId: member!.member_id, leftOn: LATER }, principal, purpose);
      expect({ staffId: principal.staffId, added: codeOf(added.answer), ended: codeOf(ended.answer) }).toEqual({
        staffId: principal.staffId,
        added: 'FORBIDDEN',
        ended: 'FORBIDDEN',
      });
    }
    expect(await countMembers()).toBe(before);
    expect(await rowsOf(sql`select left_on from mappa.smb_member where member_id = ${member!.member_id}`)).toEqual([{ left_on: null }]);
  });
});
