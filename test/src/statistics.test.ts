import { asc, eq, sql } from 'drizzle-orm';
import { auditEntryTable, MappaArea, recordKeyOf, recordKeySql } from '@mappa/shared';
import type { AuditPayload, DeclaredPurpose, PrincipalClaims } from '@mappa/shared';
import type { RunningGateway } from '@mappa/gateway';
import {
  DEFAULT_PRINCIPAL,
  eventually,
  startGatewayOver,
  startTestStack,
  expectNoIdentifier,
  linesOf,
  pairs,
  LARGE_DATASET,
  differenceExplained,
  expectEveryDifferenceExplained,
} from '@mappa/testing/stack';
import { postGraphQL, postRawGraphQL } from '@mappa/testing';
import type { Table, TestStack } from '@mappa/testing/stack';
import type { GraphQLResponse } from '@mappa/testing';

/*
 * Issue 13: the statistics path through the real gateway and subgraphs. Every expected figure is worked
 * out here from the seeded tables themselves (plain SQL reads, counted in the test), never by the
 * product's own statistics code.
 */

let env: TestStack;
/** A second gateway over the same subgraphs with rounding off (base 1), for exact comparisons. */
let exactGateway: RunningGateway;
let requestCount = 0;

const AREA = MappaArea.LONDON;
const YEAR = 2025;
const STATISTICS: DeclaredPurpose = { purpose: 'STATISTICS', caseId: null };
const ANALYST: PrincipalClaims = { staffId: 'ANL0001', agency: 'probation', roles: ['analyst'], area: AREA, clearance: 'BPSS' };
const LAY_ADVISER: PrincipalClaims = { staffId: 'LAY0001', agency: 'mappa_unit', roles: ['lay_adviser'], area: AREA, clearance: 'BPSS' };
const CHAIR: PrincipalClaims = { staffId: 'CHR0001', agency: 'police', roles: ['mappa_chair'], area: AREA, clearance: 'SC' };
const PPU_OFFICER: PrincipalClaims = { staffId: 'PPU0042', agency: 'police', roles: ['ppu_officer'], area: AREA, clearance: 'SC' };
const OTHER_AREA_ANALYST: PrincipalClaims = { ...ANALYST, staffId: 'ANL0002', area: MappaArea.CLEVELAND };

const COUNT = 'count suppressed';
const TABLE = `rowDimension columnDimension columns rows { value cells { ${COUNT} } total { ${COUNT} } } columnTotals { ${COUNT} } total { ${COUNT} }`;
const ANNUAL_REPORT = /* GraphQL */ `query AnnualReport($area: MappaArea!, $year: Int!) {
  annualReport(area: $area, year: $year) { area year offendersOn31March { ${TABLE} } managedAtLevel2Or3InYear { ${TABLE} } }
}`;
const AGGREGATE = /* GraphQL */ `query Aggregate($area: MappaArea!, $rows: StatisticsDimension!, $columns: StatisticsDimension!, $filters: [StatisticsFilterInput!]) {
  statisticsAggregate(area: $area, rows: $rows, columns: $columns, filters: $filters) { ${TABLE} }
}`;

interface AnnualReport {
  readonly area: string;
  readonly year: number;
  readonly offendersOn31March: Table;
  readonly managedAtLevel2Or3InYear: Table;
}

async function ask<Data>(
  query: string,
  variables: Record<string, unknown>,
  principal: PrincipalClaims,
  purpose = STATISTICS,
  url = `${env.stack.gateway.url}/graphql`,
  /** `postRawGraphQL` for a document the schema refuses on purpose. */
  post = postGraphQL,
): Promise<{ requestId: string; body: GraphQLResponse<Data> }> {
  requestCount += 1;
  const requestId = `statistics-test-${String(requestCount).padStart(4, '0')}`;
  const body = await post<Data>(url, query, variables, { ...(await env.headersFor(principal, purpose)), 'x-request-id': requestId });
  return { requestId, body };
}

async function rowsOf<Row>(query: ReturnType<typeof sql>): Promise<Row[]> {
  return ((await env.connection.database().execute(query)) as unknown as { rows: Row[] }).rows;
}

// ---- The seeded data, read plainly ----------------------------------------------------------------

interface CaseRow {
  case_id: string;
  pnc_id: string;
  category: number;
  level: number;
  lead_agency: string;
  area: string;
  status: string;
  start_date: string;
  end_date: string | null;
  ct_restricted: boolean;
}
interface ChangeRow {
  case_id: string;
  sequence: number;
  field: string;
  value_before: string | null;
  value_after: string;
  changed_date: string;
}

let cases: CaseRow[] = [];
let changesByCase = new Map<string, ChangeRow[]>();

/** A case's `field` on `day`: after the last change on or before it, else before the first after it, else as it is now. */
function valueOn(row: CaseRow, field: 'CATEGORY' | 'LEVEL' | 'AREA', day: string): string {
  const changes = (changesByCase.get(row.case_id) ?? []).filter((change) => change.field === field);
  const before = changes.filter((change) => change.changed_date <= day);
  if (before.length > 0) return before[before.length - 1]!.value_after;
  const after = changes.find((change) => change.changed_date > day);
  if (after?.value_before != null) return after.value_before;
  return field === 'CATEGORY' ? String(row.category) : field === 'LEVEL' ? String(row.level) : row.area;
}

/** Table 1 from the seeded rows: people in the area on 31 March by category 1-3 and level 1-3. */
function expectedOn31March(): number[][] {
  const day = `${YEAR + 1}-03-31`;
  const grid = [0, 1, 2].map(() => [0, 0, 0]);
  for (const row of cases) {
    if (row.ct_restricted || row.start_date > day || (row.end_date !== null && row.end_date <= day)) continue;
    if (valueOn(row, 'AREA', day) !== AREA) continue;
    const category = Number(valueOn(row, 'CATEGORY', day));
    const level = Number(valueOn(row, 'LEVEL', day));
    if (category >= 1 && category <= 3) grid[category - 1]![level - 1]! += 1;
  }
  return grid;
}

/** Table 2 from the seeded rows: people managed at level 2 or 3 in the year, by last category and highest level (their latest case). */
function expectedLevel2Or3InYear(): number[][] {
  const first = `${YEAR}-04-01`;
  const last = `${YEAR + 1}-03-31`;
  const latest = new Map<string, { row: CaseRow; end: string }>();
  for (const row of cases) {
    if (row.ct_restricted || row.start_date > last || (row.end_date !== null && row.end_date < first)) continue;
    const end = row.end_date !== null && row.end_date < last ? row.end_date : last;
    const known = latest.get(row.pnc_id);
    if (!known || end > known.end || (end === known.end && row.start_date > known.row.start_date)) latest.set(row.pnc_id, { row, end });
  }
  const grid = [0, 1, 2].map(() => [0, 0]);
  for (const { row, end } of latest.values()) {
    if (valueOn(row, 'AREA', end) !== AREA) continue;
    const start = row.start_date > first ? row.start_date : first;
    const levels = [
      Number(valueOn(row, 'LEVEL', start)),
      ...(changesByCase.get(row.case_id) ?? [])
        .filter((change) => change.field === 'LEVEL' && change.changed_date >= start && change.changed_date <= end)
        .map((change) => Number(change.value_after)),
    ];
    const level = Math.max(...levels);
    const category = Number(valueOn(row, 'CATEGORY', end));
    if (category >= 1 && category <= 3 && level >= 2) grid[category - 1]![level - 2]! += 1;
  }
  return grid;
}

interface Person {
  category: string;
  level: string;
  leadAgency: string;
  gender: string;
  supervisionType: string;
  riskOfSeriousHarm: string;
}
/** The ad-hoc population joined here from three owners' tables: active, not restricted, in the area. */
let population: Person[] = [];

async function readSeededData(): Promise<void> {
  cases = await rowsOf<CaseRow>(
    sql`select case_id, pnc_id, category, level, lead_agency, area, status, start_date::text as start_date, end_date::text as end_date, ct_restricted from mappa.mappa_case`,
  );
  const changes = await rowsOf<ChangeRow>(
    sql`select case_id, sequence, field, value_before, value_after, changed_date::text as changed_date from mappa.mappa_case_change order by case_id, changed_date, sequence`,
  );
  changesByCase = new Map();
  for (const change of changes) changesByCase.set(change.case_id, [...(changesByCase.get(change.case_id) ?? []), change]);
  const police = new Map(
    (
      await rowsOf<{ pnc_id: string; gender: string }>(
        sql`select pnc_id, gender from police.person where mappa_area = ${AREA} and not ct_restricted`,
      )
    ).map((row) => [row.pnc_id, row]),
  );
  const probation = new Map(
    (
      await rowsOf<{ pnc_id: string; status: string; supervision_type: string | null; overall_risk_level: string | null }>(
        sql`select c.pnc_id, c.status, c.supervision_type, r.overall_risk_level from probation.probation_case c left join probation.risk_of_serious_harm r on r.crn = c.crn where c.area = ${AREA} and not c.ct_restricted`,
      )
    ).map((row) => [row.pnc_id, row]),
  );
  population = cases
    .filter((row) => row.status === 'ACTIVE' && row.area === AREA && !row.ct_restricted && row.category <= 3)
    .map((row) => {
      const held = probation.get(row.pnc_id);
      return {
        category: String(row.category),
        level: String(row.level),
        leadAgency: row.lead_agency,
        gender: police.get(row.pnc_id)?.gender ?? 'NOT_HELD',
        supervisionType: held ? (held.status === 'CURRENT' ? (held.supervision_type ?? 'NONE') : 'NOT_CURRENT') : 'NOT_HELD',
        riskOfSeriousHarm: held ? (held.overall_risk_level ?? 'NOT_ASSESSED') : 'NOT_HELD',
      };
    });
}

// ---- What every answer must respect ---------------------------------------------------------------

/** C.93 on one table: 1-4 never shown, no line with a single withheld cell, every shown count a multiple of 5 within 4 of the truth. */
function expectProtected(table: Table, raw: number[][], zerosWithheld: boolean): void {
  for (const [shown, truth] of pairs(table, raw)) {
    if (truth >= 1 && truth <= 4) expect({ truth, shown }).toEqual({ truth, shown: { count: null, suppressed: true } });
    if (truth === 0 && zerosWithheld) expect(shown.suppressed).toBe(true);
    if (!shown.suppressed) {
      expect(shown.count! % 5).toBe(0);
      expect(Math.abs(shown.count! - truth)).toBeLessThan(5);
    } else {
      expect(shown.count).toBeNull();
    }
  }
  for (const line of linesOf(table)) expect(line.filter((count) => count.suppressed)).not.toHaveLength(1);
}

/** With rounding off: every shown count is exactly the truth. */
function expectExact(table: Table, raw: number[][]): void {
  let shownCells = 0;
  for (const [shown, truth] of pairs(table, raw)) {
    if (shown.suppressed) continue;
    shownCells += 1;
    expect(shown.count).toBe(truth);
  }
  expect(shownCells).toBeGreaterThan(0);
}

const DIMENSION_VALUES = [
  '1',
  '2',
  '3',
  'POLICE',
  'PROBATION',
  'YOT',
  'MALE',
  'FEMALE',
  'NOT_KNOWN',
  'NOT_HELD',
  'UNDER_18',
  'AGE_18_TO_25',
  'AGE_26_TO_35',
  'AGE_36_TO_50',
  'AGE_51_AND_OVER',
];
const ALLOWED_STRINGS = new Set([
  ...DIMENSION_VALUES,
  ...['CUSTODY', 'LICENCE', 'COMMUNITY_ORDER', 'NONE', 'NOT_CURRENT', 'LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH', 'NOT_ASSESSED'],
  ...['CATEGORY', 'LEVEL', 'LEAD_AGENCY', 'GENDER', 'AGE_BAND', 'SUPERVISION_TYPE', 'RISK_OF_SERIOUS_HARM'],
  AREA,
]);

let names: Set<string> = new Set();

beforeAll(async () => {
  env = await startTestStack({ dataset: LARGE_DATASET });
  exactGateway = await startGatewayOver(env, { statistics: { control: { threshold: 4, base: 1, withholdZeros: false } } });
  await readSeededData();
  names = new Set(
    (await rowsOf<{ first_name: string; last_name: string }>(sql`select first_name, last_name from police.person`)).flatMap((row) => [
      row.first_name,
      row.last_name,
    ]),
  );
}, 600_000);

afterAll(async () => {
  await exactGateway?.close();
  await env?.close();
});

describe('the annual report (C.92, C.93)', () => {
  it('C.92: table 1, offenders on 31 March by category and level, is the seeded figure, and every cell is protected (C.93)', async () => {
    const expected = expectedOn31March();
    const { body } = await ask<{ annualReport: AnnualReport }>(ANNUAL_REPORT, { area: AREA, year: YEAR }, ANALYST);
    expect(body.errors).toBeUndefined();
    const table = body.data!.annualReport.offendersOn31March;
    expect(table.columns).toEqual(['1', '2', '3']);
    expect(table.rows.map((row) => row.value)).toEqual(['1', '2', '3']);
    expect(expected.flat().reduce((sum, cell) => sum + cell, 0)).toBeGreaterThan(50);
    expectProtected(table, expected, false);
    expectNoIdentifier(body.data, ALLOWED_STRINGS, { names });

    const exact = await ask<{ annualReport: AnnualReport }>(
      ANNUAL_REPORT,
      { area: AREA, year: YEAR },
      ANALYST,
      STATISTICS,
      `${exactGateway.url}/graphql`,
    );
    expectExact(exact.body.data!.annualReport.offendersOn31March, expected);
  });

  it('C.92: table 2, people managed at level 2 or 3 at any time in the year, is the seeded figure, protected (C.93)', async () => {
    const expected = expectedLevel2Or3InYear();
    const { body } = await ask<{ annualReport: AnnualReport }>(ANNUAL_REPORT, { area: AREA, year: YEAR }, LAY_ADVISER);
    expect(body.errors).toBeUndefined();
    const table = body.data!.annualReport.managedAtLevel2Or3InYear;
    expect(table.columns).toEqual(['2', '3']);
    expect(expected.flat().reduce((sum, cell) => sum + cell, 0)).toBeGreaterThan(10);
    expectProtected(table, expected, false);
    const exact = await ask<{ annualReport: AnnualReport }>(
      ANNUAL_REPORT,
      { area: AREA, year: YEAR },
      LAY_ADVISER,
      STATISTICS,
      `${exactGateway.url}/graphql`,
    );
    expectExact(exact.body.data!.annualReport.managedAtLevel2Or3InYear, expected);
  });

  it('C.93: the same question twice gets the same answer (nothing to average away)', async () => {
    const first = await ask<{ annualReport: AnnualReport }>(ANNUAL_REPORT, { area: AREA, year: YEAR }, CHAIR);
    const second = await ask<{ annualReport: AnnualReport }>(ANNUAL_REPORT, { area: AREA, year: YEAR }, DEFAULT_PRINCIPAL);
    expect(first.body.errors).toBeUndefined();
    expect(second.body.data).toEqual(first.body.data);
  });

  it('C.92: one area report asks each owner once, with a fixed number of SQL statements whatever the population (the MAPPA unit: one for tables 1-2 and their people, one for 7-9)', async () => {
    env.resetCounters();
    const { body } = await ask<{ annualReport: AnnualReport }>(ANNUAL_REPORT, { area: AREA, year: YEAR }, ANALYST);
    expect(body.errors).toBeUndefined();
    expect(body.data!.annualReport.offendersOn31March.total).toBeDefined();
    const owners = ['mappa', 'police', 'probation', 'prison', 'yot'] as const;
    expect(Object.fromEntries(owners.map((owner) => [owner, env.stack.subgraphs[owner].requests.count]))).toEqual({
      mappa: 1,
      police: 1,
      probation: 1,
      prison: 0,
      yot: 0,
    });
    // The MAPPA unit: one transaction of `set local jit = off`, the tables 1-2 statement and the tables 7-9
    // statement (on the PostgreSQL server its `begin` and `commit` go through the counted driver too; PGlite
    // runs them inside its own transaction call). The police: tables 3, 4 and the order breaches, one
    // statement each; probation: the recalls.
    const beginAndCommit = process.env.DATABASE_URL ? 2 : 0;
    expect(Object.fromEntries(owners.map((owner) => [owner, env.stack.subgraphs[owner].statements.count]))).toEqual({
      mappa: 3 + beginAndCommit,
      police: 3,
      probation: 1,
      prison: 0,
      yot: 0,
    });
  });
});

describe('one record key in SQL and in code', () => {
  it("C.93: an owner's GROUP BY keys a person exactly as the ad-hoc join does, so the same people round the same way on both paths", async () => {
    const subjects = cases.slice(0, 50).map((row) => row.pnc_id);
    for (const subject of subjects) {
      const [row] = await rowsOf<{ key: number }>(
        sql`select ${recordKeySql('a-statistics-key-secret-for-this-test', sql`${subject}::text`)} as key`,
      );
      expect(Number(row!.key)).toBe(recordKeyOf('a-statistics-key-secret-for-this-test', subject));
    }
  });
});

describe('ad-hoc aggregates across agencies (C.93)', () => {
  const grid = (
    rows: keyof Person,
    rowValues: string[],
    columns: keyof Person,
    columnValues: string[],
    keep: (person: Person) => boolean,
  ) =>
    rowValues.map((rowValue) =>
      columnValues.map(
        (columnValue) => population.filter((person) => keep(person) && person[rows] === rowValue && person[columns] === columnValue).length,
      ),
    );
  const GENDERS = ['MALE', 'FEMALE', 'NOT_KNOWN', 'NOT_HELD'];
  const SUPERVISED = ['CUSTODY', 'LICENCE', 'COMMUNITY_ORDER'];

  it('C.93: category by gender (police) of people under probation supervision (probation), joined inside the product, is the seeded figure, protected, with no identifier', async () => {
    const expected = grid('category', ['1', '2', '3'], 'gender', GENDERS, (person) => SUPERVISED.includes(person.supervisionType));
    const variables = { area: AREA, rows: 'CATEGORY', columns: 'GENDER', filters: [{ dimension: 'SUPERVISION_TYPE', values: SUPERVISED }] };
    const { body } = await ask<{ statisticsAggregate: Table }>(AGGREGATE, variables, ANALYST);
    expect(body.errors).toBeUndefined();
    expect(body.data!.statisticsAggregate.columns).toEqual(GENDERS);
    expectProtected(body.data!.statisticsAggregate, expected, true);
    expectNoIdentifier(body.data, ALLOWED_STRINGS, { names });
    const exact = await ask<{ statisticsAggregate: Table }>(AGGREGATE, variables, ANALYST, STATISTICS, `${exactGateway.url}/graphql`);
    expectExact(exact.body.data!.statisticsAggregate, expected);
  });

  it('C.93: lead agency by risk of serious harm, three owners asked once each, is the seeded figure', async () => {
    const RISKS = ['LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH', 'NOT_ASSESSED', 'NOT_HELD'];
    const expected = grid('leadAgency', ['POLICE', 'PROBATION', 'YOT'], 'riskOfSeriousHarm', RISKS, (person) => person.gender !== 'FEMALE');
    const variables = {
      area: AREA,
      rows: 'LEAD_AGENCY',
      columns: 'RISK_OF_SERIOUS_HARM',
      filters: [{ dimension: 'GENDER', values: ['MALE', 'NOT_KNOWN', 'NOT_HELD'] }],
    };
    env.resetCounters();
    const exact = await ask<{ statisticsAggregate: Table }>(AGGREGATE, variables, CHAIR, STATISTICS, `${exactGateway.url}/graphql`);
    expect(exact.body.errors).toBeUndefined();
    expectExact(exact.body.data!.statisticsAggregate, expected);
    // One request and one SQL statement per owner, whatever the population: never a query per person.
    expect(env.stack.subgraphs.mappa.requests.count).toBe(1);
    expect(env.stack.subgraphs.police.requests.count).toBe(1);
    expect(env.stack.subgraphs.probation.requests.count).toBe(1);
    expect(env.stack.subgraphs.prison.requests.count).toBe(0);
    expect({
      mappa: env.stack.subgraphs.mappa.statements.count,
      police: env.stack.subgraphs.police.statements.count,
      probation: env.stack.subgraphs.probation.statements.count,
    }).toEqual({ mappa: 1, police: 1, probation: 1 });
    const { body } = await ask<{ statisticsAggregate: Table }>(AGGREGATE, variables, CHAIR);
    expectProtected(body.data!.statisticsAggregate, expected, true);
  });

  it('C.93: a differencing pair (filters that leave exactly one person out) gives answers the same counts could have given', async () => {
    // A group of at least 12 people (one filter) in which one person alone holds some value of another
    // dimension: asked with the group's filter, then with the same filter and every other value of that dimension.
    const DIMENSION_OF: Record<keyof Person, { name: string; values: string[] }> = {
      category: { name: 'CATEGORY', values: ['1', '2', '3'] },
      level: { name: 'LEVEL', values: ['1', '2', '3'] },
      leadAgency: { name: 'LEAD_AGENCY', values: ['POLICE', 'PROBATION', 'YOT'] },
      gender: { name: 'GENDER', values: GENDERS },
      supervisionType: { name: 'SUPERVISION_TYPE', values: ['CUSTODY', 'LICENCE', 'COMMUNITY_ORDER', 'NONE', 'NOT_CURRENT', 'NOT_HELD'] },
      riskOfSeriousHarm: { name: 'RISK_OF_SERIOUS_HARM', values: ['LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH', 'NOT_ASSESSED', 'NOT_HELD'] },
    };
    const dimensions = Object.keys(DIMENSION_OF) as (keyof Person)[];
    const candidates = dimensions.flatMap((groupBy) =>
      DIMENSION_OF[groupBy].values.flatMap((groupValue) => {
        const members = population.filter((person) => person[groupBy] === groupValue);
        if (members.length < 12) return [];
        return dimensions
          .filter((leaveOutBy) => leaveOutBy !== groupBy)
          .flatMap((leaveOutBy) =>
            DIMENSION_OF[leaveOutBy].values
              .filter((value) => members.filter((person) => person[leaveOutBy] === value).length === 1)
              .map((value) => ({ groupBy, groupValue, leaveOutBy, value })),
          );
      }),
    );
    expect(candidates.length).toBeGreaterThan(0);
    const { groupBy, groupValue, leaveOutBy, value } = candidates[0]!;
    const [rows, columns] = dimensions.filter((dimension) => dimension !== groupBy && dimension !== leaveOutBy);
    const group = [{ dimension: DIMENSION_OF[groupBy].name, values: [groupValue] }];
    const withPerson = { area: AREA, rows: DIMENSION_OF[rows!].name, columns: DIMENSION_OF[columns!].name, filters: group };
    const withoutPerson = {
      ...withPerson,
      filters: [
        ...group,
        { dimension: DIMENSION_OF[leaveOutBy].name, values: DIMENSION_OF[leaveOutBy].values.filter((other) => other !== value) },
      ],
    };
    // The pair really differs by one person (rounding off).
    const exactWith = await ask<{ statisticsAggregate: Table }>(AGGREGATE, withPerson, ANALYST, STATISTICS, `${exactGateway.url}/graphql`);
    const exactWithout = await ask<{ statisticsAggregate: Table }>(
      AGGREGATE,
      withoutPerson,
      ANALYST,
      STATISTICS,
      `${exactGateway.url}/graphql`,
    );
    expect(exactWith.body.data!.statisticsAggregate.total.count! - exactWithout.body.data!.statisticsAggregate.total.count!).toBe(1);

    const a = (await ask<{ statisticsAggregate: Table }>(AGGREGATE, withPerson, ANALYST)).body.data!.statisticsAggregate;
    const b = (await ask<{ statisticsAggregate: Table }>(AGGREGATE, withoutPerson, ANALYST)).body.data!.statisticsAggregate;
    // Big enough to be answered: the pair is not protected merely by the minimum group size.
    expect(a.total.suppressed).toBe(false);
    // Every cell and total: equal, neighbouring multiples of 5 (rounding), or one withheld beside a count a
    // withheld one could also have been (at most 10): never a difference of exactly one person.
    expectEveryDifferenceExplained(a, b);
    // The check has teeth: the same pair with rounding off shows the person.
    expect(differenceExplained(exactWith.body.data!.statisticsAggregate.total, exactWithout.body.data!.statisticsAggregate.total)).toBe(
      false,
    );
    expectNoIdentifier([a, b], ALLOWED_STRINGS, { names });
  });

  it('C.93: filters that leave fewer than 10 people withhold every count, the total included', async () => {
    const { body } = await ask<{ statisticsAggregate: Table }>(
      AGGREGATE,
      {
        area: AREA,
        rows: 'CATEGORY',
        columns: 'LEVEL',
        filters: [
          { dimension: 'GENDER', values: ['NOT_KNOWN'] },
          { dimension: 'LEAD_AGENCY', values: ['YOT'] },
        ],
      },
      ANALYST,
    );
    expect(population.filter((person) => person.gender === 'NOT_KNOWN' && person.leadAgency === 'YOT').length).toBeLessThan(10);
    expect(body.errors).toBeUndefined();
    const table = body.data!.statisticsAggregate;
    expect(
      [...table.rows.flatMap((row) => [...row.cells, row.total]), ...table.columnTotals, table.total].every(
        (count) => count.suppressed && count.count === null,
      ),
    ).toBe(true);
  });

  it("refuses a filter value outside the dimension's list and the same dimension twice as BAD_USER_INPUT", async () => {
    const unknownValue = await ask<{ statisticsAggregate: Table | null }>(
      AGGREGATE,
      { area: AREA, rows: 'CATEGORY', columns: 'LEVEL', filters: [{ dimension: 'GENDER', values: ['1234/5678901A'] }] },
      ANALYST,
    );
    expect(unknownValue.body.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    const same = await ask<{ statisticsAggregate: Table | null }>(AGGREGATE, { area: AREA, rows: 'LEVEL', columns: 'LEVEL' }, ANALYST);
    expect(same.body.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('an agency that cannot answer', () => {
  let policeDown: RunningGateway;

  beforeAll(async () => {
    const urls = Object.fromEntries(Object.values(env.stack.subgraphs).map((subgraph) => [subgraph.name, `${subgraph.url}/graphql`]));
    // Nothing listens on port 9 (discard) here: the police cannot be reached.
    policeDown = await startGatewayOver(env, { subgraphUrls: { ...urls, police: 'http://127.0.0.1:9/graphql' } });
  }, 120_000);

  afterAll(async () => {
    await policeDown?.close();
  });

  it('makes an ad-hoc table that needs it UPSTREAM_UNAVAILABLE naming it, never a table with its part missing; tables without it still answer', async () => {
    const needsPolice = await ask<{ statisticsAggregate: Table | null }>(
      AGGREGATE,
      { area: AREA, rows: 'CATEGORY', columns: 'GENDER' },
      ANALYST,
      STATISTICS,
      `${policeDown.url}/graphql`,
    );
    expect(needsPolice.body.data?.statisticsAggregate ?? null).toBeNull();
    expect(needsPolice.body.errors?.map((error) => [error.extensions?.code, error.extensions?.agency])).toEqual([
      ['UPSTREAM_UNAVAILABLE', 'police'],
    ]);
    const withoutPolice = await ask<{ statisticsAggregate: Table | null }>(
      AGGREGATE,
      { area: AREA, rows: 'CATEGORY', columns: 'SUPERVISION_TYPE' },
      ANALYST,
      STATISTICS,
      `${policeDown.url}/graphql`,
    );
    expect(withoutPolice.body.errors).toBeUndefined();
    expect(withoutPolice.body.data?.statisticsAggregate?.total.suppressed).toBe(false);
  });
});

describe('who may ask (principle 8, principle 9)', () => {
  it.each([
    ['a PPU officer under STATISTICS', PPU_OFFICER, STATISTICS],
    ['an analyst under CASE_MANAGEMENT', ANALYST, { purpose: 'CASE_MANAGEMENT', caseId: null } as DeclaredPurpose],
    ['the co-ordinator under MAPPA_SCREENING', DEFAULT_PRINCIPAL, { purpose: 'MAPPA_SCREENING', caseId: null } as DeclaredPurpose],
  ])('C.93: %s gets FORBIDDEN and no statistic', async (_name, principal, purpose) => {
    for (const [query, field, variables] of [
      [ANNUAL_REPORT, 'annualReport', { area: AREA, year: YEAR }],
      [AGGREGATE, 'statisticsAggregate', { area: AREA, rows: 'CATEGORY', columns: 'LEVEL' }],
    ] as const) {
      const { body } = await ask<Record<string, unknown>>(query, variables, principal, purpose);
      expect(body.data?.[field] ?? null).toBeNull();
      expect(body.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    }
  });

  it('C.93: a lay adviser has the published tables only: an ad-hoc aggregate is FORBIDDEN', async () => {
    const { body } = await ask<{ statisticsAggregate: Table | null }>(
      AGGREGATE,
      { area: AREA, rows: 'CATEGORY', columns: 'LEVEL' },
      LAY_ADVISER,
    );
    expect(body.data?.statisticsAggregate ?? null).toBeNull();
    expect(body.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it("principle 9: another area's statistics are null with no error, as for an area with nothing to report", async () => {
    const report = await ask<{ annualReport: AnnualReport | null }>(ANNUAL_REPORT, { area: AREA, year: YEAR }, OTHER_AREA_ANALYST);
    expect(report.body).toEqual({ data: { annualReport: null } });
    const aggregate = await ask<{ statisticsAggregate: Table | null }>(
      AGGREGATE,
      { area: AREA, rows: 'CATEGORY', columns: 'GENDER' },
      OTHER_AREA_ANALYST,
    );
    expect(aggregate.body).toEqual({ data: { statisticsAggregate: null } });
  });

  it("the owners' statistics queries are not in the schema clients see", async () => {
    const { body } = await ask<unknown>(
      'query { mappaStatisticsSubjects(area: LONDON, querySecret: "x", keySecret: "y") { pseudonym } }',
      {},
      ANALYST,
      STATISTICS,
      undefined,
      postRawGraphQL,
    );
    expect(body.errors?.map((error) => error.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });
});

describe('audit (C.93: every statistics query audited like any other access)', () => {
  async function entriesOf(requestId: string): Promise<{ log: string; payload: AuditPayload }[]> {
    const rows = await env.connection
      .database()
      .select()
      .from(auditEntryTable)
      .where(eq(auditEntryTable.requestId, requestId))
      .orderBy(asc(auditEntryTable.log), asc(auditEntryTable.sequence));
    return rows.map((row) => ({ log: row.log, payload: row.payload as AuditPayload }));
  }

  it('C.93: the gateway records who asked, the dimensions, the filters and the owners that contributed; each owner records its own part', async () => {
    const variables = {
      area: AREA,
      rows: 'CATEGORY',
      columns: 'GENDER',
      filters: [{ dimension: 'SUPERVISION_TYPE', values: ['LICENCE', 'CUSTODY'] }],
    };
    const { requestId, body } = await ask<{ statisticsAggregate: Table }>(AGGREGATE, variables, ANALYST);
    expect(body.errors).toBeUndefined();
    const entries = await eventually(
      () => entriesOf(requestId),
      (found) => found.length >= 4,
    );
    const gateway = entries.find((entry) => entry.log === 'gateway')!.payload;
    expect(gateway).toMatchObject({
      principal: { staffId: ANALYST.staffId, agency: 'probation', roles: ['analyst'], area: AREA },
      purpose: 'STATISTICS',
      operationName: 'Aggregate',
      subjects: [],
      outcome: 'ALLOWED',
      statistics: [
        {
          query: 'AD_HOC_AGGREGATE',
          dimensions: ['CATEGORY', 'GENDER'],
          filters: [{ dimension: 'SUPERVISION_TYPE', values: ['CUSTODY', 'LICENCE'] }],
          owners: ['mappa', 'police', 'probation'],
        },
      ],
    });
    expect(entries.map((entry) => entry.log).sort()).toEqual(['gateway', 'mappa', 'police', 'probation']);
    for (const owner of ['mappa', 'police', 'probation']) {
      const payload = entries.find((entry) => entry.log === owner)!.payload;
      expect(payload).toMatchObject({ principal: { staffId: ANALYST.staffId }, purpose: 'STATISTICS', subjects: [] });
      expect(payload.fields.flatMap((fields) => fields.returned)).toContain(`Query.${owner}StatisticsSubjects`);
    }
    // No person in any entry: statistics are about no one.
    expect(JSON.stringify(entries)).not.toMatch(/\d{4}\/\d{7}[A-Z]/);
  });
});
