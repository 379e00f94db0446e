import { asc, eq, sql } from 'drizzle-orm';
import { AREA_POPULATION, auditEntryTable, MappaArea, NATIONAL_POPULATION, SHARE_AGED_TEN_OR_OVER } from '@mappa/shared';
import type { AuditPayload, DeclaredPurpose, PrincipalClaims } from '@mappa/shared';
import type { RunningGateway } from '@mappa/gateway';
import { eventually, startGatewayOver, startTestStack, expectNoIdentifier, linesOf, pairs } from '@mappa/testing/stack';
import { postGraphQL } from '@mappa/testing';
import type { Table, TestStack } from '@mappa/testing/stack';
import type { GraphQLResponse } from '@mappa/testing';

/*
 * Issue 13: annual report tables 3-9 (C §7.3) and the national tables, through the real gateway and
 * subgraphs. Every expected figure is worked out here from the seeded tables (plain reads of the
 * owners' rows, counted in this file), never by the product's statistics code. A second gateway over
 * the same subgraphs publishes with suppression and rounding off (threshold 0, base 1): its answer must
 * equal the figure counted here in every cell; the product's must be protected in every cell (C.93).
 */

let env: TestStack;
let exactGateway: RunningGateway;
let requestCount = 0;

const AREA = MappaArea.LONDON;
const OTHER_AREA = MappaArea.CLEVELAND;
const YEAR = 2025;
const STATISTICS: DeclaredPurpose = { purpose: 'STATISTICS', caseId: null };
const ANALYST: PrincipalClaims = { staffId: 'ANL0101', agency: 'police', roles: ['analyst'], area: AREA, clearance: 'BPSS' };
const LAY_ADVISER: PrincipalClaims = { staffId: 'LAY0101', agency: 'mappa_unit', roles: ['lay_adviser'], area: AREA, clearance: 'BPSS' };
const OTHER_AREA_ANALYST: PrincipalClaims = { ...ANALYST, staffId: 'ANL0102', area: OTHER_AREA };
const PPU_OFFICER: PrincipalClaims = { staffId: 'PPU0101', agency: 'police', roles: ['ppu_officer'], area: AREA, clearance: 'SC' };

const COUNT = 'count suppressed';
const TABLE = `rowDimension columnDimension columns rows { value cells { ${COUNT} } total { ${COUNT} } } columnTotals { ${COUNT} } total { ${COUNT} }`;
const TABLES_3_TO_9 = `breachOfNotification { ${TABLE} } civilOrdersImposed { ${TABLE} }
  returnedToCustodyForBreachOfLicence { ${TABLE} } returnedToCustodyForBreachOfLicenceByReason { ${TABLE} } returnedToCustodyForBreachOfOrder { ${TABLE} }
  registeredSexOffendersPer100000 { rate suppressed populationAgedTenOrOver populationSource }
  seriousFurtherOffenceCharges { ${TABLE} } seriousCaseReviews { ${TABLE} } seriousFurtherOffenceOutcomes { ${TABLE} }
  offendersOn31March { ${TABLE} }`;
const ANNUAL_REPORT = `query AnnualReport($area: MappaArea!, $year: Int!) { annualReport(area: $area, year: $year) { area year ${TABLES_3_TO_9} } }`;
const NATIONAL_REPORT = `query NationalAnnualReport($year: Int!) { nationalAnnualReport(year: $year) { area year ${TABLES_3_TO_9} } }`;

interface Rate {
  readonly rate: number | null;
  readonly suppressed: boolean;
  readonly populationAgedTenOrOver: number;
  readonly populationSource: string;
}
type TableName =
  | 'breachOfNotification'
  | 'civilOrdersImposed'
  | 'returnedToCustodyForBreachOfLicence'
  | 'returnedToCustodyForBreachOfLicenceByReason'
  | 'returnedToCustodyForBreachOfOrder'
  | 'seriousFurtherOffenceCharges'
  | 'seriousCaseReviews'
  | 'seriousFurtherOffenceOutcomes'
  | 'offendersOn31March';
type Report = Record<TableName, Table> & {
  readonly area: string | null;
  readonly year: number;
  readonly registeredSexOffendersPer100000: Rate;
};

async function ask<Data>(
  query: string,
  variables: Record<string, unknown>,
  principal: PrincipalClaims,
  url = `${env.stack.gateway.url}/graphql`,
  purpose = STATISTICS,
): Promise<GraphQLResponse<Data>> {
  requestCount += 1;
  return postGraphQL<Data>(url, query, variables, {
    ...(await env.headersFor(principal, purpose)),
    'x-request-id': `statistics-tables-${String(requestCount).padStart(4, '0')}`,
  });
}
const exactUrl = () => `${exactGateway.url}/graphql`;

async function rowsOf<Row>(query: ReturnType<typeof sql>): Promise<Row[]> {
  return ((await env.connection.database().execute(query)) as unknown as { rows: Row[] }).rows;
}

// ---- The seeded data, read plainly ----------------------------------------------------------------

interface CaseRow {
  case_id: string;
  pnc_id: string;
  category: number;
  level: number;
  area: string;
  start_date: string;
  end_date: string | null;
  ct_restricted: boolean;
}
interface ChangeRow {
  case_id: string;
  field: string;
  value_before: string | null;
  value_after: string;
  changed_date: string;
}
let cases: CaseRow[] = [];
let caseById = new Map<string, CaseRow>();
let changesByCase = new Map<string, ChangeRow[]>();
/** The police's people: area and whether restricted (principle 7). */
let policePeople = new Map<string, { area: string | null; restricted: boolean }>();
let breaches: { pnc_id: string; id: number; outcome: string; outcome_date: string | null }[] = [];
let orders: { pnc_id: string; type: string; made_date: string }[] = [];
let orderBreaches: { pnc_id: string; outcome: string; outcome_date: string | null }[] = [];
let recalls: { pnc_id: string; area: string; ct_restricted: boolean; recall_id: string; reason: string; returned: string | null }[] = [];
let sfos: {
  pnc_id: string;
  case_id: string;
  charge_date: string;
  category: number;
  level: number;
  scr_decision: string | null;
  outcome: string;
}[] = [];

const yearOf = (year: number) => ({ first: `${year}-04-01`, last: `${year + 1}-03-31` });
const inYear = (day: string | null, year: number) => day !== null && day >= yearOf(year).first && day <= yearOf(year).last;
/** Whether a place is in scope: the area, or anywhere (national) when `area` is null. */
const within = (place: string | null, area: MappaArea | null) => area === null || place === area;

/** A case's `field` on `day`: after the last change on or before it, else before the first after it, else as it is now. */
function valueOn(row: CaseRow, field: 'CATEGORY' | 'LEVEL' | 'AREA', day: string): string {
  const changes = (changesByCase.get(row.case_id) ?? []).filter((change) => change.field === field);
  const before = changes.filter((change) => change.changed_date <= day);
  if (before.length > 0) return before[before.length - 1]!.value_after;
  const after = changes.find((change) => change.changed_date > day);
  if (after?.value_before != null) return after.value_before;
  return field === 'CATEGORY' ? String(row.category) : field === 'LEVEL' ? String(row.level) : row.area;
}

/** Table 2's people, as the report defines them: level 2 or 3 at any time in the year; category at the end of their time in it, highest level; latest case. */
function level2Or3People(area: MappaArea | null, year: number): Map<string, { category: number; level: number }> {
  const { first, last } = yearOf(year);
  const latest = new Map<string, { row: CaseRow; end: string }>();
  for (const row of cases) {
    if (row.ct_restricted || row.start_date > last || (row.end_date !== null && row.end_date < first)) continue;
    const end = row.end_date !== null && row.end_date < last ? row.end_date : last;
    const known = latest.get(row.pnc_id);
    if (!known || end > known.end || (end === known.end && row.start_date > known.row.start_date)) latest.set(row.pnc_id, { row, end });
  }
  const people = new Map<string, { category: number; level: number }>();
  for (const { row, end } of latest.values()) {
    if (!within(valueOn(row, 'AREA', end), area)) continue;
    const start = row.start_date > first ? row.start_date : first;
    const levels = [
      Number(valueOn(row, 'LEVEL', start)),
      ...(changesByCase.get(row.case_id) ?? [])
        .filter((c) => c.field === 'LEVEL' && c.changed_date >= start && c.changed_date <= end)
        .map((c) => Number(c.value_after)),
    ];
    const category = Number(valueOn(row, 'CATEGORY', end));
    const level = Math.max(...levels);
    if (category >= 1 && category <= 3 && level >= 2) people.set(row.pnc_id, { category, level });
  }
  return people;
}

/** Registered sex offenders (category 1) on 31 March, for table 6. */
function registeredSexOffendersOn31March(area: MappaArea | null, year: number): number {
  const day = yearOf(year).last;
  return cases.filter(
    (row) =>
      !row.ct_restricted &&
      row.start_date <= day &&
      (row.end_date === null || row.end_date > day) &&
      within(valueOn(row, 'AREA', day), area) &&
      valueOn(row, 'CATEGORY', day) === '1',
  ).length;
}

/** Table 1 (offenders on 31 March by category and level), for the national check. */
function offendersOn31March(area: MappaArea | null, year: number): number[][] {
  const day = yearOf(year).last;
  const counts = [0, 1, 2].map(() => [0, 0, 0]);
  for (const row of cases) {
    if (
      row.ct_restricted ||
      row.start_date > day ||
      (row.end_date !== null && row.end_date <= day) ||
      !within(valueOn(row, 'AREA', day), area)
    )
      continue;
    const category = Number(valueOn(row, 'CATEGORY', day));
    if (category >= 1 && category <= 3) counts[category - 1]![Number(valueOn(row, 'LEVEL', day)) - 1]! += 1;
  }
  return counts;
}

const grid = (rows: readonly string[], columns: readonly string[]) => rows.map(() => columns.map(() => 0));
const LEVELS_2_3 = ['2', '3'];
const LEVELS = ['1', '2', '3'];
const CATEGORIES = ['1', '2', '3'];
const REASONS = ['BREACH_OF_LICENCE_CONDITIONS', 'FURTHER_OFFENCE_CHARGED', 'OUT_OF_TOUCH', 'DETERIORATION_IN_BEHAVIOUR'];

/** Every table 3-9 counted from the seeded rows, for `area` (or England and Wales) and `year`. */
function expectedTables(area: MappaArea | null, year: number): Record<Exclude<TableName, 'offendersOn31March'>, number[][]> {
  const policeHolds = (pncId: string) => {
    const person = policePeople.get(pncId);
    return person !== undefined && !person.restricted && within(person.area, area);
  };
  // Table 3: each person once, by the outcome of their latest caution or conviction in the year.
  const latestBreach = new Map<string, { outcome: string; day: string; id: number }>();
  for (const breach of breaches) {
    if (!['CAUTIONED', 'CONVICTED'].includes(breach.outcome) || !inYear(breach.outcome_date, year) || !policeHolds(breach.pnc_id)) continue;
    const known = latestBreach.get(breach.pnc_id);
    if (!known || breach.outcome_date! > known.day || (breach.outcome_date === known.day && breach.id > known.id))
      latestBreach.set(breach.pnc_id, { outcome: breach.outcome, day: breach.outcome_date!, id: breach.id });
  }
  const breachOfNotification = ['CAUTIONED', 'CONVICTED'].map((outcome) => [
    [...latestBreach.values()].filter((b) => b.outcome === outcome).length,
  ]);
  // Table 4: orders made in the year.
  const orderRow = (type: string) => (type === 'SOPO' || type === 'SHPO' ? 'SOPO_OR_SHPO' : type);
  const civilOrdersImposed = ['SOPO_OR_SHPO', 'NOTIFICATION_ORDER', 'FOREIGN_TRAVEL_ORDER'].map((row) => [
    orders.filter((o) => orderRow(o.type) === row && inYear(o.made_date, year) && policeHolds(o.pnc_id)).length,
  ]);
  // Table 5: table 2's people returned to custody on recall, or sent to custody for breach of an order.
  const cohort = level2Or3People(area, year);
  const latestRecall = new Map<string, { reason: string; day: string; id: string }>();
  for (const recall of recalls) {
    if (recall.ct_restricted || !within(recall.area, area) || !inYear(recall.returned, year)) continue;
    const known = latestRecall.get(recall.pnc_id);
    if (!known || recall.returned! > known.day || (recall.returned === known.day && recall.recall_id > known.id))
      latestRecall.set(recall.pnc_id, { reason: recall.reason, day: recall.returned!, id: recall.recall_id });
  }
  const sentForOrder = new Set(
    orderBreaches
      .filter((b) => b.outcome === 'CONVICTED_CUSTODY' && inYear(b.outcome_date, year) && policeHolds(b.pnc_id))
      .map((b) => b.pnc_id),
  );
  const licence = grid(CATEGORIES, LEVELS_2_3);
  const byReason = grid(REASONS, LEVELS_2_3);
  const order = grid(CATEGORIES, LEVELS_2_3);
  for (const [pncId, { category, level }] of cohort) {
    const recall = latestRecall.get(pncId);
    if (recall) {
      licence[category - 1]![level - 2]! += 1;
      byReason[REASONS.indexOf(recall.reason)]![level - 2]! += 1;
    }
    if (sentForOrder.has(pncId)) order[category - 1]![level - 2]! += 1;
  }
  // Tables 7-9: MAPPA N of charges in the year, about a case in the area on the day of the charge.
  const charges = sfos.filter((n) => {
    const row = caseById.get(n.case_id)!;
    return (
      inYear(n.charge_date, year) &&
      !row.ct_restricted &&
      within(valueOn(row, 'AREA', n.charge_date), area) &&
      n.category >= 1 &&
      n.category <= 3 &&
      n.level >= 1 &&
      n.level <= 3
    );
  });
  const by = (rows: readonly string[], value: (n: (typeof charges)[number]) => string) =>
    rows.map((row) => LEVELS.map((level) => charges.filter((n) => value(n) === row && String(n.level) === level).length));
  return {
    breachOfNotification,
    civilOrdersImposed,
    returnedToCustodyForBreachOfLicence: licence,
    returnedToCustodyForBreachOfLicenceByReason: byReason,
    returnedToCustodyForBreachOfOrder: order,
    seriousFurtherOffenceCharges: by(CATEGORIES, (n) => String(n.category)),
    seriousCaseReviews: by(['SCR_COMMISSIONED', 'SCR_NOT_REQUIRED', 'PENDING'], (n) => n.scr_decision ?? 'PENDING'),
    seriousFurtherOffenceOutcomes: by(['AWAITING_TRIAL', 'CONVICTED_SFO', 'OTHER_OUTCOME'], (n) => n.outcome),
  };
}

async function readSeededData(): Promise<void> {
  cases = await rowsOf<CaseRow>(
    sql`select case_id, pnc_id, category, level, area, start_date::text as start_date, end_date::text as end_date, ct_restricted from mappa.mappa_case`,
  );
  caseById = new Map(cases.map((row) => [row.case_id, row]));
  changesByCase = new Map();
  for (const change of await rowsOf<ChangeRow>(
    sql`select case_id, field, value_before, value_after, changed_date::text as changed_date from mappa.mappa_case_change order by case_id, changed_date, sequence`,
  )) {
    changesByCase.set(change.case_id, [...(changesByCase.get(change.case_id) ?? []), change]);
  }
  policePeople = new Map(
    (
      await rowsOf<{ pnc_id: string; mappa_area: string | null; ct_restricted: boolean }>(
        sql`select pnc_id, mappa_area, ct_restricted from police.person`,
      )
    ).map((row) => [row.pnc_id, { area: row.mappa_area, restricted: row.ct_restricted }]),
  );
  breaches = (
    await rowsOf<{ pnc_id: string; id: number; outcome: string; outcome_date: string | null }>(
      sql`select pnc_id, id, outcome, outcome_date::text as outcome_date from police.notification_breach`,
    )
  ).map((row) => ({ ...row, id: Number(row.id) }));
  orders = await rowsOf(sql`select pnc_id, type, made_date::text as made_date from police.civil_order`);
  orderBreaches = await rowsOf(sql`select pnc_id, outcome, outcome_date::text as outcome_date from police.civil_order_breach`);
  recalls = await rowsOf(
    sql`select c.pnc_id, c.area, c.ct_restricted, r.recall_id, r.reason, r.returned_to_custody_date::text as returned from probation.recall r join probation.probation_case c on c.crn = r.crn`,
  );
  sfos = (
    await rowsOf<{
      pnc_id: string;
      case_id: string;
      charge_date: string;
      category: number;
      level: number;
      scr_decision: string | null;
      outcome: string;
    }>(
      sql`select pnc_id, case_id, charge_date::text as charge_date, category_at_charge as category, level_at_charge as level, scr_decision, outcome from mappa.sfo_notification`,
    )
  ).map((row) => ({ ...row, category: Number(row.category), level: Number(row.level) }));
}

// ---- What every answer must respect ---------------------------------------------------------------

/** C.93 on one table: 1-4 never shown, no line with a single withheld cell, every shown count a multiple of 5 within 4 of the truth. */
function expectProtected(name: string, table: Table, raw: number[][]): void {
  for (const [shown, truth] of pairs(table, raw)) {
    if (truth >= 1 && truth <= 4) expect({ name, truth, shown }).toEqual({ name, truth, shown: { count: null, suppressed: true } });
    if (shown.suppressed) expect(shown.count).toBeNull();
    else
      expect({ name, truth, multipleOf5: shown.count! % 5 === 0, near: Math.abs(shown.count! - truth) < 5 }).toEqual({
        name,
        truth,
        multipleOf5: true,
        near: true,
      });
  }
  for (const line of linesOf(table))
    expect({ name, lone: line.filter((count) => count.suppressed).length === 1 }).toEqual({ name, lone: false });
}

/** With suppression and rounding off: every count is exactly the truth. */
function expectExact(name: string, table: Table, raw: number[][]): void {
  const shown = pairs(table, raw).map(([count]) => count.count);
  const truth = pairs(table, raw).map(([, count]) => count);
  expect({ name, shown }).toEqual({ name, shown: truth });
}

const TABLE_VALUES = [
  ...[
    '1',
    '2',
    '3',
    'CAUTIONED',
    'CONVICTED',
    'REGISTERED_SEX_OFFENDERS',
    'SOPO_OR_SHPO',
    'NOTIFICATION_ORDER',
    'FOREIGN_TRAVEL_ORDER',
    'ORDERS',
    ...REASONS,
  ],
  ...['SCR_COMMISSIONED', 'SCR_NOT_REQUIRED', 'PENDING', 'AWAITING_TRIAL', 'CONVICTED_SFO', 'OTHER_OUTCOME'],
  ...['CATEGORY', 'LEVEL', 'OUTCOME', 'COUNT', 'ORDER_TYPE', 'RECALL_REASON', 'REVIEW_DECISION'],
];

let names: Set<string> = new Set();
/** The reporting year with the most serious further offence charges in the area: tables 7-9 are rare events. */
let sfoYear = YEAR;
const TABLES = [
  'breachOfNotification',
  'civilOrdersImposed',
  'returnedToCustodyForBreachOfLicence',
  'returnedToCustodyForBreachOfLicenceByReason',
  'returnedToCustodyForBreachOfOrder',
  'seriousFurtherOffenceCharges',
  'seriousCaseReviews',
  'seriousFurtherOffenceOutcomes',
] as const;

beforeAll(async () => {
  env = await startTestStack({ dataset: { offenders: 2_000, seed: 17, asOf: '2026-11-01', areas: [AREA, OTHER_AREA] } });
  exactGateway = await startGatewayOver(env, { statistics: { control: { threshold: 0, base: 1, withholdZeros: false } } });
  await readSeededData();
  names = new Set(
    (await rowsOf<{ first_name: string; last_name: string }>(sql`select first_name, last_name from police.person`)).flatMap((row) => [
      row.first_name,
      row.last_name,
    ]),
  );
  const totalOf = (year: number) =>
    expectedTables(AREA, year)
      .seriousFurtherOffenceCharges.flat()
      .reduce((sum, n) => sum + n, 0);
  sfoYear = [2023, 2024, 2025].reduce((best, year) => (totalOf(year) > totalOf(best) ? year : best), YEAR);
}, 900_000);

afterAll(async () => {
  await exactGateway?.close();
  await env?.close();
});

describe('annual report tables 3-9 for an area (C.92, C.93)', () => {
  it("C.92: every table 3-9 through the gateway is the figure counted from the owners' seeded rows (suppression and rounding off)", async () => {
    for (const year of new Set([YEAR, sfoYear])) {
      const expected = expectedTables(AREA, year);
      const body = await ask<{ annualReport: Report }>(ANNUAL_REPORT, { area: AREA, year }, ANALYST, exactUrl());
      expect(body.errors).toBeUndefined();
      for (const name of TABLES) expectExact(`${name} ${year}`, body.data!.annualReport[name], expected[name]);
    }
    // The data answers: each table has people in it in one of the years asked.
    const expected = expectedTables(AREA, YEAR);
    for (const name of ['breachOfNotification', 'civilOrdersImposed', 'returnedToCustodyForBreachOfLicence'] as const)
      expect({ name, total: expected[name].flat().reduce((s, n) => s + n, 0) > 0 }).toEqual({ name, total: true });
    expect(
      expectedTables(AREA, sfoYear)
        .seriousFurtherOffenceCharges.flat()
        .reduce((s, n) => s + n, 0),
    ).toBeGreaterThan(0);
  });

  it('C.93: every cell, row and column total of tables 3-9 is protected (1-4 withheld, no lone withheld cell in a line, multiples of 5), with no identifier in the answer', async () => {
    for (const year of new Set([YEAR, sfoYear])) {
      const expected = expectedTables(AREA, year);
      const body = await ask<{ annualReport: Report }>(ANNUAL_REPORT, { area: AREA, year }, ANALYST);
      expect(body.errors).toBeUndefined();
      for (const name of TABLES) expectProtected(`${name} ${year}`, body.data!.annualReport[name], expected[name]);
      expectNoIdentifier(
        body.data,
        new Set([...TABLE_VALUES, AREA, OTHER_AREA, body.data!.annualReport.registeredSexOffendersPer100000.populationSource]),
        { names, atLeast: 21 },
      );
    }
  });

  it("C.92: table 6, registered sex offenders per 100,000 residents aged ten or over, is worked out from the published category 1 count and the area's population", async () => {
    const population = Math.round(AREA_POPULATION[AREA] * SHARE_AGED_TEN_OR_OVER);
    const truth = registeredSexOffendersOn31March(AREA, YEAR);
    expect(truth).toBeGreaterThan(20);
    const exact = await ask<{ annualReport: Report }>(ANNUAL_REPORT, { area: AREA, year: YEAR }, ANALYST, exactUrl());
    expect(exact.data!.annualReport.registeredSexOffendersPer100000).toMatchObject({
      rate: Math.round((truth / population) * 100_000),
      suppressed: false,
      populationAgedTenOrOver: population,
    });
    const published = await ask<{ annualReport: Report }>(ANNUAL_REPORT, { area: AREA, year: YEAR }, ANALYST);
    const category1 = published.data!.annualReport.offendersOn31March.rows[0]!.total;
    expect(category1.suppressed).toBe(false);
    expect(published.data!.annualReport.registeredSexOffendersPer100000.rate).toBe(Math.round((category1.count! / population) * 100_000));
  });

  it('C.92: SMB lay advisers read the published tables 3-9 (the published tables only); the same question twice gets the same answer', async () => {
    const lay = await ask<{ annualReport: Report }>(ANNUAL_REPORT, { area: AREA, year: YEAR }, LAY_ADVISER);
    expect(lay.errors).toBeUndefined();
    const analyst = await ask<{ annualReport: Report }>(ANNUAL_REPORT, { area: AREA, year: YEAR }, ANALYST);
    expect(lay.data).toEqual(analyst.data);
  });

  it("principle 9: another area's tables are null with no error; a PPU officer, or an analyst under another purpose, is refused", async () => {
    const other = await ask<{ annualReport: Report | null }>(ANNUAL_REPORT, { area: AREA, year: YEAR }, OTHER_AREA_ANALYST);
    expect(other.errors).toBeUndefined();
    expect(other.data!.annualReport).toBeNull();
    const officer = await ask<{ annualReport: Report | null }>(ANNUAL_REPORT, { area: AREA, year: YEAR }, PPU_OFFICER);
    expect(officer.data?.annualReport ?? null).toBeNull();
    expect(officer.errors?.map((error) => error.extensions?.code)).toContain('FORBIDDEN');
    const purpose = await ask<{ annualReport: Report | null }>(ANNUAL_REPORT, { area: AREA, year: YEAR }, ANALYST, undefined, {
      purpose: 'CASE_MANAGEMENT',
      caseId: null,
    });
    expect(purpose.data?.annualReport ?? null).toBeNull();
  });
});

describe('national tables: the sum of every area, protected as tables of their own (C.92, C.93)', () => {
  it('C.92: the national tables 1 and 3-9 are the figures counted over every area, for an analyst of any area', async () => {
    const expected = expectedTables(null, YEAR);
    const body = await ask<{ nationalAnnualReport: Report }>(NATIONAL_REPORT, { year: YEAR }, OTHER_AREA_ANALYST, exactUrl());
    expect(body.errors).toBeUndefined();
    expect(body.data!.nationalAnnualReport.area).toBeNull();
    for (const name of TABLES) expectExact(`national ${name}`, body.data!.nationalAnnualReport[name], expected[name]);
    expectExact('national offendersOn31March', body.data!.nationalAnnualReport.offendersOn31March, offendersOn31March(null, YEAR));
    // The national count is the sum of the areas' raw counts, more than either area's.
    const area = expectedTables(AREA, YEAR)
      .civilOrdersImposed.flat()
      .reduce((s, n) => s + n, 0);
    const other = expectedTables(OTHER_AREA, YEAR)
      .civilOrdersImposed.flat()
      .reduce((s, n) => s + n, 0);
    expect(expected.civilOrdersImposed.flat().reduce((s, n) => s + n, 0)).toBe(area + other);
    expect(other).toBeGreaterThan(0);
    const population = Math.round(NATIONAL_POPULATION * SHARE_AGED_TEN_OR_OVER);
    expect(body.data!.nationalAnnualReport.registeredSexOffendersPer100000).toMatchObject({
      rate: Math.round((registeredSexOffendersOn31March(null, YEAR) / population) * 100_000),
      populationAgedTenOrOver: population,
    });
  });

  it('C.93: every national cell is protected from the raw national count (not a sum of rounded area cells), with no identifier; a lay adviser reads the same', async () => {
    const expected = expectedTables(null, YEAR);
    const body = await ask<{ nationalAnnualReport: Report }>(NATIONAL_REPORT, { year: YEAR }, ANALYST);
    expect(body.errors).toBeUndefined();
    for (const name of TABLES) expectProtected(`national ${name}`, body.data!.nationalAnnualReport[name], expected[name]);
    expectProtected('national offendersOn31March', body.data!.nationalAnnualReport.offendersOn31March, offendersOn31March(null, YEAR));
    expectNoIdentifier(
      body.data,
      new Set([...TABLE_VALUES, AREA, OTHER_AREA, body.data!.nationalAnnualReport.registeredSexOffendersPer100000.populationSource]),
      { names, atLeast: 21 },
    );
    const lay = await ask<{ nationalAnnualReport: Report }>(NATIONAL_REPORT, { year: YEAR }, LAY_ADVISER);
    expect(lay.data).toEqual(body.data);
  });

  it('principle 8: the national tables are refused to a PPU officer and answer nothing outside STATISTICS', async () => {
    const officer = await ask<{ nationalAnnualReport: Report | null }>(NATIONAL_REPORT, { year: YEAR }, PPU_OFFICER);
    expect(officer.data?.nationalAnnualReport ?? null).toBeNull();
    expect(officer.errors?.map((error) => error.extensions?.code)).toContain('FORBIDDEN');
    const purpose = await ask<{ nationalAnnualReport: Report | null }>(NATIONAL_REPORT, { year: YEAR }, ANALYST, undefined, {
      purpose: 'CASE_MANAGEMENT',
      caseId: null,
    });
    expect(purpose.data?.nationalAnnualReport ?? null).toBeNull();
  });
});

describe('audit (C.93: every statistics query audited like any other access)', () => {
  it('C.93: the national report is audited at the gateway as NATIONAL_ANNUAL_REPORT with the owners that contributed, and each owner records its own part', async () => {
    const requestId = 'statistics-tables-audit-national';
    const body = await postGraphQL<{ nationalAnnualReport: Report }>(
      `${env.stack.gateway.url}/graphql`,
      NATIONAL_REPORT,
      { year: YEAR },
      { ...(await env.headersFor(ANALYST, STATISTICS)), 'x-request-id': requestId },
    );
    expect(body.errors).toBeUndefined();
    const entriesOf = async () =>
      (
        await env.connection
          .database()
          .select()
          .from(auditEntryTable)
          .where(eq(auditEntryTable.requestId, requestId))
          .orderBy(asc(auditEntryTable.log), asc(auditEntryTable.sequence))
      ).map((row) => ({ log: row.log, payload: row.payload as AuditPayload }));
    const entries = await eventually(entriesOf, (found) => found.length >= 5);
    expect(entries.find((entry) => entry.log === 'gateway')!.payload).toMatchObject({
      principal: { staffId: ANALYST.staffId, roles: ['analyst'] },
      purpose: 'STATISTICS',
      subjects: [],
      outcome: 'ALLOWED',
      statistics: [
        { query: 'NATIONAL_ANNUAL_REPORT', dimensions: ['CATEGORY', 'LEVEL'], filters: [], owners: ['mappa', 'police', 'probation'] },
      ],
    });
    // One request to each owner: the MAPPA unit answers tables 1-2, 5 and 7-9 in one.
    expect(entries.map((entry) => entry.log).sort()).toEqual(['gateway', 'mappa', 'police', 'probation']);
    for (const entry of entries.filter((found) => found.log !== 'gateway'))
      expect(entry.payload).toMatchObject({ principal: { staffId: ANALYST.staffId }, purpose: 'STATISTICS', subjects: [] });
  });
});
