import { asc, eq, sql } from 'drizzle-orm';
import { ASSERTION_HEADER, auditEntryTable, MappaArea, todayOf } from '@mappa/shared';
import type { AuditPayload, DeclaredPurpose, PrincipalClaims } from '@mappa/shared';
import type { RunningGateway } from '@mappa/gateway';
import {
  eventually,
  startGatewayOver,
  startTestStack,
  vouched,
  expectNoIdentifier,
  linesOf,
  pairs,
  LARGE_DATASET,
  differenceExplained,
  expectEveryDifferenceExplained,
} from '@mappa/testing/stack';
import { postGraphQL } from '@mappa/testing';
import type { Count, Table, TestStack } from '@mappa/testing/stack';
import type { GraphQLResponse } from '@mappa/testing';

/*
 * Issue 13: the ad-hoc aggregate's dimensions and event measures from every agency (prison, YOT,
 * probation licences, police orders and ethnicity), through the real gateway and subgraphs. Every
 * expected figure is worked out here from the seeded tables themselves (plain reads of each owner's
 * tables, joined by PNC ID in the test), never by the product's own statistics code.
 */

let env: TestStack;
/** A gateway over the same subgraphs publishing every count as it is (no suppression, rounding or minimum group): the exact figures. */
let rawGateway: RunningGateway;
let requestCount = 0;
/** The request id of the last question asked. */
let lastRequestId = '';

const AREA = MappaArea.LONDON;
const STATISTICS: DeclaredPurpose = { purpose: 'STATISTICS', caseId: null };
const ANALYST: PrincipalClaims = { staffId: 'ANL0001', agency: 'prison', roles: ['analyst'], area: AREA, clearance: 'BPSS' };
const OTHER_AREA_ANALYST: PrincipalClaims = { ...ANALYST, staffId: 'ANL0002', area: MappaArea.CLEVELAND };
const PRISON_OFFENDER_MANAGER: PrincipalClaims = {
  staffId: 'POM0001',
  agency: 'prison',
  roles: ['prison_offender_manager'],
  area: AREA,
  clearance: 'SC',
};
/** The reporting year 2025-26 (the seeded day is 1 November 2026). */
const YEAR = { from: '2025-04-01', to: '2026-03-31' };

const COUNT = 'count suppressed';
const TABLE = `rowDimension columnDimension columns rows { value cells { ${COUNT} } total { ${COUNT} } } columnTotals { ${COUNT} } total { ${COUNT} }`;
const AGGREGATE = /* GraphQL */ `query Aggregate($area: MappaArea!, $rows: StatisticsDimension!, $columns: StatisticsDimension!, $filters: [StatisticsFilterInput!], $measure: StatisticsMeasure, $period: StatisticsPeriodInput, $releaseWithinDays: Int) {
  statisticsAggregate(area: $area, rows: $rows, columns: $columns, filters: $filters, measure: $measure, period: $period, releaseWithinDays: $releaseWithinDays) { ${TABLE} }
}`;

interface Filter {
  readonly dimension: string;
  readonly values: string[];
}
interface Question {
  readonly rows: string;
  readonly columns: string;
  readonly filters?: Filter[];
  readonly measure?: string;
  readonly period?: { from: string; to: string };
  readonly releaseWithinDays?: number;
}

async function ask(
  question: Question,
  principal: PrincipalClaims = ANALYST,
  url = `${env.stack.gateway.url}/graphql`,
): Promise<GraphQLResponse<{ statisticsAggregate: Table | null }>> {
  requestCount += 1;
  lastRequestId = `statistics-dimensions-${String(requestCount).padStart(4, '0')}`;
  const headers = { ...(await env.headersFor(principal, STATISTICS)), 'x-request-id': lastRequestId };
  return postGraphQL<{ statisticsAggregate: Table | null }>(url, AGGREGATE, { area: AREA, ...question }, headers);
}

async function rowsOf<Row>(query: ReturnType<typeof sql>): Promise<Row[]> {
  return ((await env.connection.database().execute(query)) as unknown as { rows: Row[] }).rows;
}

// ---- The seeded data, read plainly from each owner's tables and joined here by PNC ID ---------------

const NOT_HELD = 'NOT_HELD';
/** The event measures, each counted from its owner's table by the day of the event. */
type Measure = 'RELEASES' | 'RECALLS' | 'NOTIFICATION_BREACHES' | 'ORDER_BREACHES' | 'ORDERS_IMPOSED';

interface Person {
  readonly values: Readonly<Record<string, readonly string[]>>;
  readonly events: Readonly<Record<Measure, readonly string[]>>;
  /** The prison's release date while in custody (null without one), undefined when not in custody or not held. */
  readonly releaseDate: string | null | undefined;
  readonly inCustody: boolean | undefined;
}

let population: Person[] = [];
let today = '';
let names = new Set<string>();

/** The census group of an ethnicity code (W1 -> WHITE). */
const ethnicityGroup = (code: string): string =>
  ({ W: 'WHITE', M: 'MIXED', A: 'ASIAN', B: 'BLACK', O: 'OTHER' })[code.charAt(0)] ?? 'NOT_STATED';

/** The type of an additional or bespoke licence condition, from CVL's category. */
function conditionType(condition: { kind: string; category: string; is_exclusion_zone: boolean; electronic_monitoring: boolean }): string {
  if (condition.kind === 'BESPOKE') return 'BESPOKE';
  if (condition.is_exclusion_zone) return 'EXCLUSION_ZONE';
  const byCategory: Record<string, string> = {
    'Curfew arrangement': 'CURFEW',
    'Making or maintaining contact with a person': 'NON_CONTACT',
    'Residence at a specific place': 'RESIDENCE',
    'Participation in, or co-operation with, a programme or set of activities': 'PROGRAMME',
    'Drug testing': 'DRUG_TESTING',
    Polygraph: 'POLYGRAPH',
    'Possession, ownership, control or inspection of specified items or documents': 'DEVICE_MONITORING',
    'Electronic monitoring': 'ELECTRONIC_MONITORING',
    Extremism: 'EXTREMISM',
  };
  return byCategory[condition.category] ?? (condition.electronic_monitoring ? 'ELECTRONIC_MONITORING' : 'OTHER');
}

const group = <Row, Key>(rows: readonly Row[], key: (row: Row) => Key): Map<Key, Row[]> => {
  const groups = new Map<Key, Row[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
};

async function readSeededData(): Promise<void> {
  // The subgraphs count on the date in England and Wales, whatever the database server's time zone.
  today = todayOf();
  const cases = await rowsOf<{ pnc_id: string; category: number; level: number; lead_agency: string }>(
    sql`select pnc_id, category, level, lead_agency from mappa.mappa_case where status = 'ACTIVE' and area = ${AREA} and not ct_restricted and category <= 3`,
  );
  const police = new Map(
    (
      await rowsOf<{ pnc_id: string; ethnicity_code: string }>(
        sql`select pnc_id, ethnicity_code from police.person where mappa_area = ${AREA} and not ct_restricted`,
      )
    ).map((row) => [row.pnc_id, row]),
  );
  const orders = group(
    await rowsOf<{ pnc_id: string; type: string; made_date: string; start_date: string; end_date: string | null }>(
      sql`select pnc_id, type, made_date::text, start_date::text, end_date::text from police.civil_order`,
    ),
    (row) => row.pnc_id,
  );
  const orderBreaches = group(
    await rowsOf<{ pnc_id: string; breach_date: string }>(sql`select pnc_id, breach_date::text from police.civil_order_breach`),
    (row) => row.pnc_id,
  );
  const notificationBreaches = group(
    await rowsOf<{ pnc_id: string; breach_date: string }>(sql`select pnc_id, breach_date::text from police.notification_breach`),
    (row) => row.pnc_id,
  );
  const probation = new Map(
    (
      await rowsOf<{ pnc_id: string; crn: string }>(
        sql`select pnc_id, crn from probation.probation_case where area = ${AREA} and not ct_restricted`,
      )
    ).map((row) => [row.pnc_id, row]),
  );
  const licences = group(
    await rowsOf<{ crn: string; licence_id: number; type_code: string; licence_start_date: string }>(
      sql`select crn, licence_id, type_code, licence_start_date::text from probation.licence where status = 'ACTIVE'`,
    ),
    (row) => row.crn,
  );
  const conditions = group(
    await rowsOf<{ licence_id: number; kind: string; category: string; is_exclusion_zone: boolean; electronic_monitoring: boolean }>(
      sql`select licence_id, kind, category, is_exclusion_zone, electronic_monitoring from probation.licence_condition where kind <> 'STANDARD'`,
    ),
    (row) => row.licence_id,
  );
  const recalls = group(
    await rowsOf<{ crn: string; recall_date: string }>(sql`select crn, recall_date::text from probation.recall`),
    (row) => row.crn,
  );
  const prison = new Map(
    (
      await rowsOf<{
        pnc_id: string;
        in_out_status: string;
        legal_status: string;
        last_movement_type: string;
        last_movement_date: string;
        release_date: string | null;
      }>(
        sql`select p.pnc_id, p.in_out_status, p.legal_status, p.last_movement_type, p.last_movement_date::text, s.release_date::text
            from prison.prisoner p left join prison.sentence s on s.prison_number = p.prison_number where p.mappa_area = ${AREA} and not p.ct_restricted`,
      )
    ).map((row) => [row.pnc_id, row]),
  );
  const yot = new Map(
    (
      await rowsOf<{ pnc_id: string; status: string }>(
        sql`select pnc_id, status from yot.youth_case where area = ${AREA} and not ct_restricted`,
      )
    ).map((row) => [row.pnc_id, row]),
  );

  population = cases.map((row) => {
    const person = police.get(row.pnc_id);
    const held = probation.get(row.pnc_id);
    const licence = held
      ? (licences.get(held.crn) ?? []).sort(
          (a, b) => b.licence_start_date.localeCompare(a.licence_start_date) || b.licence_id - a.licence_id,
        )[0]
      : undefined;
    const prisoner = prison.get(row.pnc_id);
    const youth = yot.get(row.pnc_id);
    const inForce = (orders.get(row.pnc_id) ?? []).filter(
      (order) => order.start_date <= today && (order.end_date === null || order.end_date >= today),
    );
    const conditionTypes = licence ? [...new Set((conditions.get(licence.licence_id) ?? []).map(conditionType))] : [];
    return {
      values: {
        CATEGORY: [String(row.category)],
        LEVEL: [String(row.level)],
        LEAD_AGENCY: [row.lead_agency],
        ETHNICITY: [person ? ethnicityGroup(person.ethnicity_code) : NOT_HELD],
        ORDER_TYPE: person ? (inForce.length > 0 ? [...new Set(inForce.map((order) => order.type))] : ['NONE']) : [NOT_HELD],
        LICENCE_TYPE: [held ? (licence?.type_code ?? 'NO_LICENCE') : NOT_HELD],
        LICENCE_CONDITION: held ? (conditionTypes.length > 0 ? conditionTypes : ['NONE']) : [NOT_HELD],
        CUSTODY_STATUS: [
          !prisoner
            ? NOT_HELD
            : prisoner.in_out_status === 'OUT'
              ? 'RELEASED'
              : ['REMAND', 'CONVICTED_UNSENTENCED'].includes(prisoner.legal_status)
                ? 'REMAND'
                : prisoner.legal_status,
        ],
        YOUTH_JUSTICE: [
          !youth
            ? NOT_HELD
            : ['OPEN', 'IN_BREACH'].includes(youth.status)
              ? 'YOT_MANAGED'
              : youth.status === 'TRANSITIONING'
                ? 'TRANSITIONING'
                : 'CLOSED',
        ],
      },
      events: {
        RELEASES: prisoner?.last_movement_type === 'RELEASE' ? [prisoner.last_movement_date] : [],
        RECALLS: held ? (recalls.get(held.crn) ?? []).map((recall) => recall.recall_date) : [],
        NOTIFICATION_BREACHES: person ? (notificationBreaches.get(row.pnc_id) ?? []).map((breach) => breach.breach_date) : [],
        ORDER_BREACHES: person ? (orderBreaches.get(row.pnc_id) ?? []).map((breach) => breach.breach_date) : [],
        ORDERS_IMPOSED: person ? (orders.get(row.pnc_id) ?? []).map((order) => order.made_date) : [],
      },
      releaseDate: prisoner && prisoner.in_out_status === 'IN' ? prisoner.release_date : undefined,
      inCustody: prisoner ? prisoner.in_out_status === 'IN' : undefined,
    };
  });
}

/** Adds whole days to an ISO date. */
const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A person's values of a dimension (RELEASE_WITHIN_DAYS needs the days ahead). */
function valuesOf(person: Person, dimension: string, releaseWithinDays?: number): readonly string[] {
  if (dimension !== 'RELEASE_WITHIN_DAYS') return person.values[dimension]!;
  if (person.inCustody === undefined) return [NOT_HELD];
  if (!person.inCustody) return ['NOT_IN_CUSTODY'];
  if (person.releaseDate === null || person.releaseDate === undefined) return ['NO_RELEASE_DATE'];
  return [person.releaseDate <= addDays(today, releaseWithinDays!) ? 'WITHIN' : 'LATER'];
}

const VALUES: Record<string, string[]> = {
  CATEGORY: ['1', '2', '3'],
  LEVEL: ['1', '2', '3'],
  LEAD_AGENCY: ['POLICE', 'PROBATION', 'YOT'],
  ETHNICITY: ['WHITE', 'MIXED', 'ASIAN', 'BLACK', 'OTHER', 'NOT_STATED', NOT_HELD],
  ORDER_TYPE: ['SHPO', 'SOPO', 'SRO', 'NOTIFICATION_ORDER', 'FOREIGN_TRAVEL_ORDER', 'NONE', NOT_HELD],
  LICENCE_TYPE: ['AP', 'PSS', 'AP_PSS', 'NO_LICENCE', NOT_HELD],
  LICENCE_CONDITION: [
    'EXCLUSION_ZONE',
    'CURFEW',
    'NON_CONTACT',
    'RESIDENCE',
    'PROGRAMME',
    'DRUG_TESTING',
    'POLYGRAPH',
    'DEVICE_MONITORING',
    'ELECTRONIC_MONITORING',
    'EXTREMISM',
    'BESPOKE',
    'OTHER',
    'NONE',
    NOT_HELD,
  ],
  CUSTODY_STATUS: ['SENTENCED', 'INDETERMINATE_SENTENCE', 'RECALL', 'REMAND', 'RELEASED', NOT_HELD],
  RELEASE_WITHIN_DAYS: ['WITHIN', 'LATER', 'NO_RELEASE_DATE', 'NOT_IN_CUSTODY', NOT_HELD],
  YOUTH_JUSTICE: ['YOT_MANAGED', 'TRANSITIONING', 'CLOSED', NOT_HELD],
};

/** The question's table from the seeded rows: people, or their events in the period, kept by every filter. */
function expected(question: Question): number[][] {
  const grid = VALUES[question.rows]!.map(() => VALUES[question.columns]!.map(() => 0));
  for (const person of population) {
    if (
      !(question.filters ?? []).every((filter) =>
        valuesOf(person, filter.dimension, question.releaseWithinDays).some((value) => filter.values.includes(value)),
      )
    )
      continue;
    const row = VALUES[question.rows]!.indexOf(valuesOf(person, question.rows, question.releaseWithinDays)[0]!);
    const column = VALUES[question.columns]!.indexOf(valuesOf(person, question.columns, question.releaseWithinDays)[0]!);
    const { measure, period } = question;
    const weight =
      measure === undefined || measure === 'PEOPLE'
        ? 1
        : person.events[measure as Measure].filter((day) => day >= period!.from && day <= period!.to).length;
    grid[row]![column]! += weight;
  }
  return grid;
}

const sum = (grid: number[][]): number => grid.flat().reduce((total, cell) => total + cell, 0);

// ---- The differencing attack (C.93) ---------------------------------------------------------------

/** A group of at least 12 people (one value of `groupBy`) in which one person alone holds `value` of `leaveOutBy`. */
interface LoneMember {
  readonly groupBy: string;
  readonly groupValue: string;
  readonly leaveOutBy: string;
  readonly value: string;
}

/** Every such group across the dimensions given, the lone person also passing `accept` (when given). */
function loneMembers(
  groupBys: readonly string[],
  leaveOutBys: readonly string[],
  accept: (person: Person) => boolean = () => true,
): LoneMember[] {
  return groupBys.flatMap((groupBy) =>
    VALUES[groupBy]!.flatMap((groupValue) => {
      const members = population.filter((person) => valuesOf(person, groupBy)[0] === groupValue);
      if (members.length < 12) return [];
      return leaveOutBys
        .filter((leaveOutBy) => leaveOutBy !== groupBy)
        .flatMap((leaveOutBy) =>
          VALUES[leaveOutBy]!.flatMap((value) => {
            const alone = members.filter((person) => valuesOf(person, leaveOutBy)[0] === value);
            return alone.length === 1 && accept(alone[0]!) ? [{ groupBy, groupValue, leaveOutBy, value }] : [];
          }),
        );
    }),
  );
}

/** The same question asked again without the lone person: every other value of their dimension as a filter too. */
function withoutLoneMember(withPerson: Question, { leaveOutBy, value }: LoneMember): Question {
  return {
    ...withPerson,
    filters: [...withPerson.filters!, { dimension: leaveOutBy, values: VALUES[leaveOutBy]!.filter((other) => other !== value) }],
  };
}

// ---- What every answer must respect ---------------------------------------------------------------

/** C.93 on one ad-hoc table: 1-4 and zeros never shown, no line with a single withheld cell, every shown count a multiple of 5 within 4 of the truth. */
function expectProtected(table: Table, raw: number[][]): void {
  for (const [shown, truth] of pairs(table, raw)) {
    if (truth <= 4) expect({ truth, shown }).toEqual({ truth, shown: { count: null, suppressed: true } });
    if (!shown.suppressed) {
      expect(shown.count! % 5).toBe(0);
      expect(Math.abs(shown.count! - truth)).toBeLessThan(5);
    } else {
      expect(shown.count).toBeNull();
    }
  }
  for (const line of linesOf(table)) expect(line.filter((count) => count.suppressed)).not.toHaveLength(1);
}

/**
 * From the raw gateway (no small-count suppression, no rounding, no minimum group): every count shown is
 * exactly the seeded figure, the total among them. Ad-hoc tables still withhold zeros, and with them the
 * smallest other cell of a line that would be left with a lone withheld zero (secondary suppression).
 */
function expectExact(table: Table, raw: number[][]): void {
  for (const [shown, truth] of pairs(table, raw)) {
    if (!shown.suppressed) expect({ shown: shown.count, truth }).toEqual({ shown: truth, truth });
  }
  expect(table.total).toEqual({ count: sum(raw), suppressed: false });
}

const ALLOWED_STRINGS = new Set([...Object.keys(VALUES), ...Object.values(VALUES).flat(), AREA]);

/** The question asked of the raw gateway (exact) and of the product's (protected, no identifier), both checked against the seeded figure. */
async function expectSeededFigure(question: Question, minimumTotal: number): Promise<Table> {
  const truth = expected(question);
  expect(sum(truth)).toBeGreaterThanOrEqual(minimumTotal);
  const raw = await ask(question, ANALYST, `${rawGateway.url}/graphql`);
  expect(raw.errors).toBeUndefined();
  expect(raw.data!.statisticsAggregate!.columns).toEqual(VALUES[question.columns]);
  expect(raw.data!.statisticsAggregate!.rows.map((row) => row.value)).toEqual(VALUES[question.rows]);
  expectExact(raw.data!.statisticsAggregate!, truth);
  const published = await ask(question);
  expect(published.errors).toBeUndefined();
  expectProtected(published.data!.statisticsAggregate!, truth);
  expectNoIdentifier(published.data, ALLOWED_STRINGS, { names });
  return published.data!.statisticsAggregate!;
}

beforeAll(async () => {
  env = await startTestStack({ dataset: LARGE_DATASET });
  rawGateway = await startGatewayOver(env, {
    statistics: { control: { threshold: 0, base: 1, withholdZeros: false }, minimumGroupSize: 0 },
  });
  await readSeededData();
  names = new Set(
    (await rowsOf<{ first_name: string; last_name: string }>(sql`select first_name, last_name from police.person`)).flatMap((row) => [
      row.first_name,
      row.last_name,
    ]),
  );
}, 600_000);

afterAll(async () => {
  await rawGateway?.close();
  await env?.close();
});

describe("issue 13's example (C.92, C.93)", () => {
  it('C.93: level 2 and 3 offenders released from custody this quarter whose licence includes an exclusion zone, by lead agency: the seeded figure, protected', async () => {
    const question = (period: { from: string; to: string }): Question => ({
      rows: 'LEAD_AGENCY',
      columns: 'LEVEL',
      filters: [
        { dimension: 'LEVEL', values: ['2', '3'] },
        { dimension: 'LICENCE_CONDITION', values: ['EXCLUSION_ZONE'] },
      ],
      measure: 'RELEASES',
      period,
    });
    // Such releases are rare at this dataset's size (levels 2-3 are a few per cent): "this quarter" is
    // the latest of the twelve quarters before the seeded day with at least one.
    const quarters = Array.from({ length: 12 }, (_, back) => {
      const start = new Date(Date.UTC(2026, 6 - 3 * back, 1));
      const end = new Date(Date.UTC(2026, 9 - 3 * back, 0));
      return { from: start.toISOString().slice(0, 10), to: end.toISOString().slice(0, 10) };
    });
    const quarter = quarters.find((period) => sum(expected(question(period))) > 0);
    expect(quarter).toBeDefined();
    const table = await expectSeededFigure(question(quarter!), 1);
    expect(table.rowDimension).toBe('LEAD_AGENCY');
    // Level 1 is filtered out: its column is zero, withheld like every zero of an ad-hoc table.
    expect(expected(question(quarter!)).map((row) => row[0])).toEqual([0, 0, 0]);
  });
});

describe('each new dimension is the seeded figure across owners (C.93)', () => {
  it.each<[string, Question, number]>([
    ['custody status (prison) by lead agency (MAPPA unit)', { rows: 'CUSTODY_STATUS', columns: 'LEAD_AGENCY' }, 50],
    ['release within 180 days (prison) by category', { rows: 'RELEASE_WITHIN_DAYS', columns: 'CATEGORY', releaseWithinDays: 180 }, 50],
    ['licence type (probation) by ethnicity group (police)', { rows: 'LICENCE_TYPE', columns: 'ETHNICITY' }, 50],
    [
      'YOT case (yot) by level, of category 2',
      { rows: 'YOUTH_JUSTICE', columns: 'LEVEL', filters: [{ dimension: 'CATEGORY', values: ['2'] }] },
      5,
    ],
    [
      'category by level of people holding a SHPO or SOPO (police, filter only)',
      { rows: 'CATEGORY', columns: 'LEVEL', filters: [{ dimension: 'ORDER_TYPE', values: ['SHPO', 'SOPO'] }] },
      10,
    ],
    [
      'custody status by level of people on licence with a curfew or a non-contact condition (probation, filter only)',
      { rows: 'CUSTODY_STATUS', columns: 'LEVEL', filters: [{ dimension: 'LICENCE_CONDITION', values: ['CURFEW', 'NON_CONTACT'] }] },
      10,
    ],
  ])('C.93: %s', async (_name, question, minimumTotal) => {
    await expectSeededFigure(question, minimumTotal);
  });
});

describe('event measures: counts of events in a period (C.92, C.93)', () => {
  it.each<[string, number]>([
    ['RELEASES', 10],
    ['RECALLS', 5],
    ['NOTIFICATION_BREACHES', 5],
    ['ORDERS_IMPOSED', 5],
    ['ORDER_BREACHES', 1],
  ])('C.92: %s in the reporting year by category and level is the seeded count of events', async (measure, minimumTotal) => {
    await expectSeededFigure({ rows: 'CATEGORY', columns: 'LEVEL', measure, period: YEAR }, minimumTotal);
  });

  it('asks the five owners once each, one SQL statement each, whatever the population (no per-person queries)', async () => {
    const question: Question = {
      rows: 'CUSTODY_STATUS',
      columns: 'YOUTH_JUSTICE',
      filters: [
        { dimension: 'LICENCE_TYPE', values: ['AP', 'AP_PSS', 'PSS', 'NO_LICENCE', NOT_HELD] },
        { dimension: 'ETHNICITY', values: VALUES.ETHNICITY! },
      ],
      measure: 'RECALLS',
      period: YEAR,
    };
    env.resetCounters();
    const raw = await ask(question, ANALYST, `${rawGateway.url}/graphql`);
    expect(raw.errors).toBeUndefined();
    expectExact(raw.data!.statisticsAggregate!, expected(question));
    const { subgraphs } = env.stack;
    expect({
      mappa: subgraphs.mappa.requests.count,
      police: subgraphs.police.requests.count,
      probation: subgraphs.probation.requests.count,
      prison: subgraphs.prison.requests.count,
      yot: subgraphs.yot.requests.count,
    }).toEqual({
      mappa: 1,
      police: 1,
      probation: 1,
      prison: 1,
      yot: 1,
    });
    expect({
      mappa: subgraphs.mappa.statements.count,
      police: subgraphs.police.statements.count,
      probation: subgraphs.probation.statements.count,
      prison: subgraphs.prison.statements.count,
      yot: subgraphs.yot.statements.count,
    }).toEqual({
      mappa: 1,
      police: 1,
      probation: 1,
      prison: 1,
      yot: 1,
    });
  });
});

describe('differencing (C.93)', () => {
  it('C.93: a pair of queries with the new filters, differing by exactly one person, gives answers the same counts could have given', async () => {
    // A group of at least 12 people (one filter) in which one person alone holds some value of a new
    // dimension: asked with the group's filter, then with every other value of that dimension too.
    const SINGLE = ['CATEGORY', 'LEVEL', 'LEAD_AGENCY', 'CUSTODY_STATUS', 'LICENCE_TYPE', 'ETHNICITY', 'YOUTH_JUSTICE'];
    const NEW = ['CUSTODY_STATUS', 'LICENCE_TYPE', 'ETHNICITY', 'YOUTH_JUSTICE'];
    const candidates = loneMembers(SINGLE, NEW);
    expect(candidates.length).toBeGreaterThan(0);
    const { groupBy, groupValue, leaveOutBy } = candidates[0]!;
    const [rows, columns] = SINGLE.filter((dimension) => dimension !== groupBy && dimension !== leaveOutBy);
    const withPerson: Question = { rows: rows!, columns: columns!, filters: [{ dimension: groupBy, values: [groupValue] }] };
    const withoutPerson = withoutLoneMember(withPerson, candidates[0]!);
    expect(sum(expected(withPerson)) - sum(expected(withoutPerson))).toBe(1);
    // The raw figures show the person: the pair really differs by one.
    const rawWith = (await ask(withPerson, ANALYST, `${rawGateway.url}/graphql`)).data!.statisticsAggregate!;
    const rawWithout = (await ask(withoutPerson, ANALYST, `${rawGateway.url}/graphql`)).data!.statisticsAggregate!;
    expect(rawWith.total.count! - rawWithout.total.count!).toBe(1);

    const a = (await ask(withPerson)).data!.statisticsAggregate!;
    const b = (await ask(withoutPerson)).data!.statisticsAggregate!;
    expect(a.total.suppressed).toBe(false);
    expectEveryDifferenceExplained(a, b);
    // The check has teeth: the raw pair's totals are not explained.
    expect(differenceExplained(rawWith.total, rawWithout.total)).toBe(false);
    expectNoIdentifier([a, b], ALLOWED_STRINGS, { names });
  });

  it('C.93: an event measure whose filters leave fewer than 10 people with an event withholds every count', async () => {
    const question: Question = {
      rows: 'CATEGORY',
      columns: 'LEVEL',
      filters: [{ dimension: 'ORDER_TYPE', values: ['FOREIGN_TRAVEL_ORDER'] }],
      measure: 'ORDER_BREACHES',
      period: YEAR,
    };
    const people = population.filter(
      (person) =>
        person.values.ORDER_TYPE!.includes('FOREIGN_TRAVEL_ORDER') &&
        person.events.ORDER_BREACHES.some((day) => day >= YEAR.from && day <= YEAR.to),
    );
    expect(people.length).toBeLessThan(10);
    const { data, errors } = await ask(question);
    expect(errors).toBeUndefined();
    const table = data!.statisticsAggregate!;
    expect(
      [...table.rows.flatMap((row) => [...row.cells, row.total]), ...table.columnTotals, table.total].every(
        (count) => count.suppressed && count.count === null,
      ),
    ).toBe(true);
  });
});

describe('order types and licence conditions as rows or columns: multiple-response tables (C.92, C.93)', () => {
  /*
   * A person holding several orders (or licence conditions) is in the row (or column) of each: each
   * cell counts the people holding that value, and the totals the other way count each person once,
   * so they are not the sums of the cells (docs/statistics.md). The expected figures are counted here
   * in SQL straight from the seeded tables: the cells, and each total with count(distinct).
   */
  const OVERLAP_TABLE = `rowsOverlap columnsOverlap ${TABLE}`;
  const OVERLAP_AGGREGATE = AGGREGATE.replace(`{ ${TABLE} }`, `{ ${OVERLAP_TABLE} }`);

  interface OverlapTable extends Table {
    readonly rowsOverlap: boolean;
    readonly columnsOverlap: boolean;
  }
  /** The truth of every published count: cells, each row's and column's total, the table total. */
  interface Truth {
    readonly cells: number[][];
    readonly rowTotals: number[];
    readonly columnTotals: number[];
    readonly total: number;
  }

  async function askOverlap(question: Question, url = `${env.stack.gateway.url}/graphql`): Promise<OverlapTable> {
    requestCount += 1;
    lastRequestId = `statistics-dimensions-${String(requestCount).padStart(4, '0')}`;
    const headers = { ...(await env.headersFor(ANALYST, STATISTICS)), 'x-request-id': lastRequestId };
    const { data, errors } = await postGraphQL<{ statisticsAggregate: OverlapTable | null }>(
      url,
      OVERLAP_AGGREGATE,
      { area: AREA, ...question },
      headers,
    );
    expect(errors).toBeUndefined();
    return data!.statisticsAggregate!;
  }

  /** The MAPPA unit's cohort (the area's active cases, category 1-3, no restricted case) with one of its own dimensions as `single`, optionally only some levels. */
  const cohortSql = (single: 'category' | 'level' | 'lead_agency', levels: readonly number[] | null) => sql`
    select c.pnc_id, c.${sql.raw(single)}::text as single from mappa.mappa_case c
    where c.status = 'ACTIVE' and c.area = ${AREA} and not c.ct_restricted and c.category <= 3
      ${
        levels === null
          ? sql``
          : sql`and c.level in (${sql.join(
              levels.map((level) => sql`${level}`),
              sql`, `,
            )})`
      }`;

  /** Each person's civil orders in force today (police), NONE without one, NOT_HELD when the police hold no record of them. */
  const ordersSql = (single: 'category' | 'level' | 'lead_agency', levels: readonly number[] | null) => sql`
    with cohort as (${cohortSql(single, levels)})
    select k.pnc_id, k.single, case when p.pnc_id is null then 'NOT_HELD' else coalesce(o.type, 'NONE') end as multi
    from cohort k
      left join police.person p on p.pnc_id = k.pnc_id and p.mappa_area = ${AREA} and not p.ct_restricted
      left join police.civil_order o on o.pnc_id = p.pnc_id and o.start_date <= ${today}::date and (o.end_date is null or o.end_date >= ${today}::date)`;

  /** Each person's additional and bespoke condition types on their licence in force (probation), NONE without one, NOT_HELD when probation holds no record of them. */
  const conditionsSql = (single: 'category' | 'level' | 'lead_agency', levels: readonly number[] | null) => sql`
    with cohort as (${cohortSql(single, levels)}),
      in_force as (
        select distinct on (crn) crn, licence_id from probation.licence where status = 'ACTIVE'
        order by crn, licence_start_date desc, licence_id desc)
    select k.pnc_id, k.single, case when pc.pnc_id is null then 'NOT_HELD' else coalesce(t.type, 'NONE') end as multi
    from cohort k
      left join probation.probation_case pc on pc.pnc_id = k.pnc_id and pc.area = ${AREA} and not pc.ct_restricted
      left join in_force l on l.crn = pc.crn
      left join lateral (
        select case
          when lc.kind = 'BESPOKE' then 'BESPOKE'
          when lc.is_exclusion_zone then 'EXCLUSION_ZONE'
          when lc.category = 'Curfew arrangement' then 'CURFEW'
          when lc.category = 'Making or maintaining contact with a person' then 'NON_CONTACT'
          when lc.category = 'Residence at a specific place' then 'RESIDENCE'
          when lc.category = 'Participation in, or co-operation with, a programme or set of activities' then 'PROGRAMME'
          when lc.category = 'Drug testing' then 'DRUG_TESTING'
          when lc.category = 'Polygraph' then 'POLYGRAPH'
          when lc.category = 'Possession, ownership, control or inspection of specified items or documents' then 'DEVICE_MONITORING'
          when lc.category = 'Electronic monitoring' or lc.electronic_monitoring then 'ELECTRONIC_MONITORING'
          when lc.category = 'Extremism' then 'EXTREMISM'
          else 'OTHER'
        end as type
        from probation.licence_condition lc where lc.licence_id = l.licence_id and lc.kind <> 'STANDARD') t on true`;

  /**
   * The table's truth from one statement over `held` (a row per person and value they hold): every cell
   * and every total as a count of distinct people (grouping sets), arranged with the multi-valued
   * dimension as rows or as columns.
   */
  async function truthOf(
    held: ReturnType<typeof sql>,
    multiValues: readonly string[],
    singleValues: readonly string[],
    multiAs: 'rows' | 'columns',
  ): Promise<Truth> {
    const counted = await rowsOf<{ multi: string | null; single: string | null; people: number; by_multi: number; by_single: number }>(sql`
      with held as (${held})
      select multi, single, count(distinct pnc_id)::int as people, grouping(multi)::int as by_multi, grouping(single)::int as by_single
      from held group by grouping sets ((multi, single), (multi), (single), ())`);
    const find = (multi: string | null, single: string | null) =>
      counted.find(
        (row) =>
          (multi === null ? row.by_multi === 1 : row.by_multi === 0 && row.multi === multi) &&
          (single === null ? row.by_single === 1 : row.by_single === 0 && row.single === single),
      )?.people ?? 0;
    // Every value the statement found is in the fixed lists: nothing is silently left out of the truth.
    for (const row of counted) {
      if (row.by_multi === 0) expect(multiValues).toContain(row.multi);
      if (row.by_single === 0) expect(singleValues).toContain(row.single);
    }
    const byMulti = multiValues.map((multi) => singleValues.map((single) => find(multi, single)));
    const multiTotals = multiValues.map((multi) => find(multi, null));
    const singleTotals = singleValues.map((single) => find(null, single));
    const total = find(null, null);
    return multiAs === 'rows'
      ? { cells: byMulti, rowTotals: multiTotals, columnTotals: singleTotals, total }
      : {
          cells: singleValues.map((_, s) => multiValues.map((_, m) => byMulti[m]![s]!)),
          rowTotals: singleTotals,
          columnTotals: multiTotals,
          total,
        };
  }

  /** Each published count beside its truth. */
  const truthPairs = (table: Table, truth: Truth): [Count, number][] => [
    ...table.rows.flatMap((row, r) => row.cells.map((cell, c): [Count, number] => [cell, truth.cells[r]![c]!])),
    ...table.rows.map((row, r): [Count, number] => [row.total, truth.rowTotals[r]!]),
    ...table.columnTotals.map((total, c): [Count, number] => [total, truth.columnTotals[c]!]),
    [table.total, truth.total],
  ];

  /**
   * What a caller can work out of a suppressed count from the published table, knowing the rules
   * (docs/statistics.md): every shown count is within 4 of the truth (rounded to 5 by its key), a
   * withheld one is a count of 0 or more; each line of the single-valued dimension adds up (its total is
   * the sum of its cells); along the multi-valued dimension NONE and NOT_HELD are held alone, and the
   * people holding any other value are at least the largest of those values and at most their sum, so
   * the total = NOT_HELD + NONE + that number of people. The caller narrows every count's range by these
   * constraints until nothing changes (interval propagation): the ranges of the withheld counts are
   * what the subtraction attack can learn. `known` overrides a count's range (to show the attack works).
   */
  function attack(
    table: Table,
    multiAs: 'rows' | 'columns',
    multiValues: readonly string[],
    known = new Map<string, number>(),
  ): Map<string, [number, number]> {
    const range = new Map<string, [number, number]>();
    const set = (id: string, count: Count) =>
      range.set(
        id,
        known.has(id)
          ? [known.get(id)!, known.get(id)!]
          : count.suppressed
            ? [0, Infinity]
            : [Math.max(0, count.count! - 4), count.count! + 4],
      );
    table.rows.forEach((row, r) => {
      row.cells.forEach((cell, c) => set(`cell ${r} ${c}`, cell));
      set(`row ${r}`, row.total);
    });
    table.columnTotals.forEach((total, c) => set(`column ${c}`, total));
    set('total', table.total);
    const rowCount = table.rows.length;
    const columnCount = table.columns.length;
    const cellId = (multi: number, single: number) => (multiAs === 'rows' ? `cell ${multi} ${single}` : `cell ${single} ${multi}`);
    const multiCount = multiAs === 'rows' ? rowCount : columnCount;
    const singleCount = multiAs === 'rows' ? columnCount : rowCount;
    const multiTotal = (multi: number) => (multiAs === 'rows' ? `row ${multi}` : `column ${multi}`);
    const singleTotal = (single: number) => (multiAs === 'rows' ? `column ${single}` : `row ${single}`);
    // Additive: for each value of the multi-valued dimension, its cells across the single one add up to its total; so do the single one's totals.
    const additive: { members: string[]; total: string }[] = [
      ...Array.from({ length: multiCount }, (_, m) => ({
        members: Array.from({ length: singleCount }, (_, s) => cellId(m, s)),
        total: multiTotal(m),
      })),
      { members: Array.from({ length: singleCount }, (_, s) => singleTotal(s)), total: 'total' },
    ];
    // Multiple-response: for each value of the single-valued dimension (and for the totals), NOT_HELD + NONE + the people holding another value.
    const none = multiValues.indexOf('NONE');
    const notHeld = multiValues.indexOf(NOT_HELD);
    const real = multiValues.map((_, m) => m).filter((m) => m !== none && m !== notHeld);
    const overlapping: { none: string; notHeld: string; real: string[]; total: string }[] = [
      ...Array.from({ length: singleCount }, (_, s) => ({
        none: cellId(none, s),
        notHeld: cellId(notHeld, s),
        real: real.map((m) => cellId(m, s)),
        total: singleTotal(s),
      })),
      { none: multiTotal(none), notHeld: multiTotal(notHeld), real: real.map(multiTotal), total: 'total' },
    ];
    let changed = true;
    const narrow = (id: string, low: number, high: number) => {
      const [lo, hi] = range.get(id)!;
      const next: [number, number] = [Math.max(lo, Math.ceil(low)), Math.min(hi, Math.floor(high))];
      if (next[0] !== lo || next[1] !== hi) {
        range.set(id, next);
        changed = true;
      }
    };
    const lo = (id: string) => range.get(id)![0];
    const hi = (id: string) => range.get(id)![1];
    const sumOf = (ids: readonly string[], bound: (id: string) => number) => ids.reduce((sum, id) => sum + bound(id), 0);
    for (let round = 0; changed && round < 1000; round += 1) {
      changed = false;
      for (const { members, total } of additive) {
        narrow(total, sumOf(members, lo), sumOf(members, hi));
        for (const member of members) {
          const others = members.filter((other) => other !== member);
          narrow(member, lo(total) - sumOf(others, hi), hi(total) - sumOf(others, lo));
        }
      }
      for (const line of overlapping) {
        const largest = (bound: (id: string) => number) => Math.max(0, ...line.real.map(bound));
        // The people holding another value: at least the largest such count, at most their sum.
        const heldLow = Math.max(largest(lo), lo(line.total) - hi(line.none) - hi(line.notHeld));
        const heldHigh = Math.min(sumOf(line.real, hi), hi(line.total) - lo(line.none) - lo(line.notHeld));
        narrow(line.total, lo(line.none) + lo(line.notHeld) + largest(lo), hi(line.none) + hi(line.notHeld) + sumOf(line.real, hi));
        narrow(line.none, lo(line.total) - hi(line.notHeld) - heldHigh, hi(line.total) - lo(line.notHeld) - heldLow);
        narrow(line.notHeld, lo(line.total) - hi(line.none) - heldHigh, hi(line.total) - lo(line.none) - heldLow);
        for (const member of line.real) {
          const others = line.real.filter((other) => other !== member);
          narrow(member, heldLow - sumOf(others, hi), heldHigh);
        }
      }
    }
    return range;
  }

  /** The question asked of the raw gateway (every shown count exact) and of the product's (protected, and the attack fails on it). */
  async function expectMultipleResponseTable(question: Question, truth: Truth, multiAs: 'rows' | 'columns'): Promise<OverlapTable> {
    const multiValues = VALUES[multiAs === 'rows' ? question.rows : question.columns]!;
    const raw = await askOverlap(question, `${rawGateway.url}/graphql`);
    expect({ rowsOverlap: raw.rowsOverlap, columnsOverlap: raw.columnsOverlap }).toEqual({
      rowsOverlap: multiAs === 'rows',
      columnsOverlap: multiAs === 'columns',
    });
    expect(raw.columns).toEqual(VALUES[question.columns]);
    expect(raw.rows.map((row) => row.value)).toEqual(VALUES[question.rows]);
    for (const [shown, exact] of truthPairs(raw, truth))
      if (!shown.suppressed) expect({ shown: shown.count, exact }).toEqual({ shown: exact, exact });
    expect(raw.total).toEqual({ count: truth.total, suppressed: false });

    const published = await askOverlap(question);
    expect({ rowsOverlap: published.rowsOverlap, columnsOverlap: published.columnsOverlap }).toEqual({
      rowsOverlap: multiAs === 'rows',
      columnsOverlap: multiAs === 'columns',
    });
    // Primary suppression and rounding on every count, totals included.
    for (const [shown, exact] of truthPairs(published, truth)) {
      if (exact <= 4) expect({ exact, shown }).toEqual({ exact, shown: { count: null, suppressed: true } });
      if (shown.suppressed) expect(shown.count).toBeNull();
      else
        expect({ exact, shown: shown.count, multipleOf5: shown.count! % 5 === 0, within4: Math.abs(shown.count! - exact) <= 4 }).toEqual({
          exact,
          shown: shown.count,
          multipleOf5: true,
          within4: true,
        });
    }
    // Secondary suppression on every line, the non-additive ones too.
    for (const line of linesOf(published)) expect(line.filter((count) => count.suppressed)).not.toHaveLength(1);
    // The subtraction attack: no withheld count holding anyone is narrowed to one value, and the truth is always in its range (the attack is sound).
    const ranges = attack(published, multiAs, multiValues);
    const ids = [
      ...published.rows.flatMap((row, r) => row.cells.map((_, c) => `cell ${r} ${c}`)),
      ...published.rows.map((_, r) => `row ${r}`),
      ...published.columnTotals.map((_, c) => `column ${c}`),
      'total',
    ];
    const truths = truthPairs(published, truth).map(([, exact]) => exact);
    const counts = truthPairs(published, truth).map(([shown]) => shown);
    ids.forEach((id, index) => {
      const [low, high] = ranges.get(id)!;
      expect({ id, inRange: low <= truths[index]! && truths[index]! <= high }).toEqual({ id, inRange: true });
      if (counts[index]!.suppressed && truths[index]! > 0) expect({ id, pinned: low === high }).toEqual({ id, pinned: false });
    });
    expectNoIdentifier(published, ALLOWED_STRINGS, { names });
    return published;
  }

  it('C.93: civil orders in force (rows, several a person) by level: each cell the people holding that order, each column total and the table total each person once', async () => {
    const truth = await truthOf(ordersSql('level', null), VALUES.ORDER_TYPE!, VALUES.LEVEL!, 'rows');
    // The seeded data has people holding two orders at once: the column totals are not the sums of the cells.
    expect(truth.columnTotals.some((total, c) => total < truth.cells.reduce((sum, row) => sum + row[c]!, 0))).toBe(true);
    expect(truth.total).toBe(population.length);
    await expectMultipleResponseTable({ rows: 'ORDER_TYPE', columns: 'LEVEL' }, truth, 'rows');
  });

  it('C.93: lead agency by licence condition types (columns, several a licence): each row total and the table total each person once', async () => {
    const truth = await truthOf(conditionsSql('lead_agency', null), VALUES.LICENCE_CONDITION!, VALUES.LEAD_AGENCY!, 'columns');
    expect(truth.rowTotals.some((total, r) => total < truth.cells[r]!.reduce((sum, cell) => sum + cell, 0))).toBe(true);
    await expectMultipleResponseTable({ rows: 'LEAD_AGENCY', columns: 'LICENCE_CONDITION' }, truth, 'columns');
  });

  it('C.93: licence condition types by category at levels 2 and 3 (small cells, many withheld): protected on every line, and the subtraction attack pins no withheld count', async () => {
    const truth = await truthOf(conditionsSql('category', [2, 3]), VALUES.LICENCE_CONDITION!, VALUES.CATEGORY!, 'rows');
    const small = truth.cells.flat().filter((count) => count >= 1 && count <= 4).length;
    expect(small).toBeGreaterThan(0);
    const published = await expectMultipleResponseTable(
      { rows: 'LICENCE_CONDITION', columns: 'CATEGORY', filters: [{ dimension: 'LEVEL', values: ['2', '3'] }] },
      truth,
      'rows',
    );
    // The attack has teeth: told the exact figures of every count but one withheld cell, it pins that cell.
    const target = published.rows
      .flatMap((row, r) => row.cells.map((cell, c) => ({ cell, r, c })))
      .find(({ cell, r, c }) => cell.suppressed && truth.cells[r]![c]! > 0)!;
    expect(target).toBeDefined();
    const known = new Map<string, number>();
    truth.cells.forEach((row, r) =>
      row.forEach((count, c) => (r === target.r && c === target.c ? undefined : known.set(`cell ${r} ${c}`, count))),
    );
    truth.rowTotals.forEach((count, r) => known.set(`row ${r}`, count));
    const pinned = attack(published, 'rows', VALUES.LICENCE_CONDITION!, known).get(`cell ${target.r} ${target.c}`)!;
    expect(pinned).toEqual([truth.cells[target.r]![target.c]!, truth.cells[target.r]![target.c]!]);
  });

  it('C.93: a filter on the multi-valued dimension keeps the people holding any kept value, who are then in the row of every value they hold', async () => {
    const held = sql`select * from (${ordersSql('category', null)}) h where h.pnc_id in (select pnc_id from (${ordersSql('category', null)}) kept where kept.multi in ('SHPO', 'SOPO'))`;
    const truth = await truthOf(held, VALUES.ORDER_TYPE!, VALUES.CATEGORY!, 'rows');
    // NONE and NOT_HELD are held alone: no one kept by the filter is in those rows.
    expect(truth.rowTotals.slice(-2)).toEqual([0, 0]);
    await expectMultipleResponseTable(
      { rows: 'ORDER_TYPE', columns: 'CATEGORY', filters: [{ dimension: 'ORDER_TYPE', values: ['SHPO', 'SOPO'] }] },
      truth,
      'rows',
    );
  });

  it('C.93: a differencing pair with order types as rows, differing by exactly one person, gives answers the same counts could have given', async () => {
    // As the differencing test above, with the person's orders as rows: they are in a cell per order they hold.
    const SINGLE = ['CATEGORY', 'LEVEL', 'LEAD_AGENCY', 'CUSTODY_STATUS', 'LICENCE_TYPE', 'ETHNICITY', 'YOUTH_JUSTICE'];
    // The person left out holds at least one order, so that they are in a row of a real value.
    const candidates = loneMembers(SINGLE, SINGLE, (person) => !['NONE', NOT_HELD].includes(person.values.ORDER_TYPE![0]!));
    expect(candidates.length).toBeGreaterThan(0);
    const { groupBy, groupValue, leaveOutBy } = candidates[0]!;
    const columns = SINGLE.find((dimension) => dimension !== groupBy && dimension !== leaveOutBy)!;
    const withPerson: Question = { rows: 'ORDER_TYPE', columns, filters: [{ dimension: groupBy, values: [groupValue] }] };
    const withoutPerson = withoutLoneMember(withPerson, candidates[0]!);
    const rawWith = await askOverlap(withPerson, `${rawGateway.url}/graphql`);
    const rawWithout = await askOverlap(withoutPerson, `${rawGateway.url}/graphql`);
    expect(rawWith.total.count! - rawWithout.total.count!).toBe(1);
    const a = await askOverlap(withPerson);
    const b = await askOverlap(withoutPerson);
    expectEveryDifferenceExplained(a, b);
    expect(differenceExplained(rawWith.total, rawWithout.total)).toBe(false);
  });

  /**
   * Each person's events of `measure` in `period`, counted straight from the owner's table, for the
   * people the owner holds in the area (principle 7 records left out); a person without one has none.
   */
  const eventsSql = (measure: Measure, period: { from: string; to: string }) => {
    const between = (column: string) => sql`${sql.raw(column)} between ${period.from}::date and ${period.to}::date`;
    const police = (table: string, column: string) => sql`
      select p.pnc_id, count(*)::int as events from police.person p join ${sql.raw(table)} e on e.pnc_id = p.pnc_id and ${between(`e.${column}`)}
      where p.mappa_area = ${AREA} and not p.ct_restricted group by p.pnc_id`;
    switch (measure) {
      case 'ORDERS_IMPOSED':
        return police('police.civil_order', 'made_date');
      case 'ORDER_BREACHES':
        return police('police.civil_order_breach', 'breach_date');
      case 'NOTIFICATION_BREACHES':
        return police('police.notification_breach', 'breach_date');
      case 'RECALLS':
        return sql`
          select pc.pnc_id, count(*)::int as events from probation.probation_case pc join probation.recall r on r.crn = pc.crn and ${between('r.recall_date')}
          where pc.area = ${AREA} and not pc.ct_restricted group by pc.pnc_id`;
      case 'RELEASES':
        return sql`
          select pnc_id, count(*)::int as events from prison.prisoner
          where mappa_area = ${AREA} and not ct_restricted and last_movement_type = 'RELEASE' and ${between('last_movement_date')} group by pnc_id`;
    }
  };

  /**
   * The truth of an event table with a multi-valued dimension, from `held` (a row per person and value
   * they hold) and their events: each cell, and each total of the multi-valued dimension, the events of
   * the people holding that value (each person once in it); each total the other way, and the table
   * total, the events of each person once (not the sum of the cells).
   */
  async function eventTruthOf(
    held: ReturnType<typeof sql>,
    events: ReturnType<typeof sql>,
    multiValues: readonly string[],
    singleValues: readonly string[],
    multiAs: 'rows' | 'columns',
  ): Promise<Truth> {
    const byMulti = await rowsOf<{ multi: string; single: string | null; events: number }>(sql`
      with held as (${held}), events as (${events})
      select h.multi, case when grouping(h.single) = 1 then null else h.single end as single, sum(e.events)::int as events
      from (select distinct pnc_id, multi, single from held) h join events e on e.pnc_id = h.pnc_id
      group by grouping sets ((h.multi, h.single), (h.multi))`);
    const bySingle = await rowsOf<{ single: string | null; events: number; by_single: number }>(sql`
      with held as (${held}), events as (${events})
      select h.single, sum(e.events)::int as events, grouping(h.single)::int as by_single
      from (select distinct pnc_id, single from held) h join events e on e.pnc_id = h.pnc_id
      group by grouping sets ((h.single), ())`);
    for (const row of byMulti) {
      expect(multiValues).toContain(row.multi);
      if (row.single !== null) expect(singleValues).toContain(row.single);
    }
    const cell = (multi: string, single: string | null) => byMulti.find((row) => row.multi === multi && row.single === single)?.events ?? 0;
    const cells = multiValues.map((multi) => singleValues.map((single) => cell(multi, single)));
    const multiTotals = multiValues.map((multi) => cell(multi, null));
    const singleTotals = singleValues.map((single) => bySingle.find((row) => row.by_single === 0 && row.single === single)?.events ?? 0);
    const total = bySingle.find((row) => row.by_single === 1)?.events ?? 0;
    return multiAs === 'rows'
      ? { cells, rowTotals: multiTotals, columnTotals: singleTotals, total }
      : {
          cells: singleValues.map((_, s) => multiValues.map((_, m) => cells[m]![s]!)),
          rowTotals: singleTotals,
          columnTotals: multiTotals,
          total,
        };
  }

  /** Three reporting years before the seeded day: enough events of each kind at this dataset's size. */
  const THREE_YEARS = { from: '2023-04-01', to: '2026-03-31' };

  it.each<[string, Measure, 'ORDER_TYPE' | 'LICENCE_CONDITION', 'rows' | 'columns', 'category' | 'level' | 'lead_agency']>([
    ['civil orders imposed by the orders held (police, the same owner) and level', 'ORDERS_IMPOSED', 'ORDER_TYPE', 'rows', 'level'],
    ['notification breaches by the orders held (police) and category', 'NOTIFICATION_BREACHES', 'ORDER_TYPE', 'rows', 'category'],
    ['order breaches by lead agency and the orders held (columns)', 'ORDER_BREACHES', 'ORDER_TYPE', 'columns', 'lead_agency'],
    [
      'recalls by licence condition types (probation, the same owner) and lead agency',
      'RECALLS',
      'LICENCE_CONDITION',
      'rows',
      'lead_agency',
    ],
    ['releases (prison) by level and licence condition types (columns)', 'RELEASES', 'LICENCE_CONDITION', 'columns', 'level'],
  ])(
    'C.92: %s: every cell the events of the people holding that value, every total each person once, as counted from the seeded tables',
    async (_name, measure, multi, multiAs, single) => {
      const singleName = { category: 'CATEGORY', level: 'LEVEL', lead_agency: 'LEAD_AGENCY' }[single];
      const held = multi === 'ORDER_TYPE' ? ordersSql(single, null) : conditionsSql(single, null);
      const truth = await eventTruthOf(held, eventsSql(measure, THREE_YEARS), VALUES[multi]!, VALUES[singleName]!, multiAs);
      expect(truth.total).toBeGreaterThan(0);
      const question: Question = {
        rows: multiAs === 'rows' ? multi : singleName,
        columns: multiAs === 'rows' ? singleName : multi,
        measure,
        period: THREE_YEARS,
      };
      await expectMultipleResponseTable(question, truth, multiAs);
    },
  );

  it('C.92: notification breaches of the people holding a SHPO or SOPO, by the orders they hold: the filter keeps people holding any kept value, whose events count in the row of every value they hold', async () => {
    const held = sql`select * from (${ordersSql('category', null)}) h
      where h.pnc_id in (select pnc_id from (${ordersSql('category', null)}) kept where kept.multi in ('SHPO', 'SOPO'))`;
    const truth = await eventTruthOf(held, eventsSql('NOTIFICATION_BREACHES', THREE_YEARS), VALUES.ORDER_TYPE!, VALUES.CATEGORY!, 'rows');
    expect(truth.total).toBeGreaterThan(0);
    // NONE and NOT_HELD are held alone: no one the filter keeps is in those rows.
    expect(truth.rowTotals.slice(-2)).toEqual([0, 0]);
    await expectMultipleResponseTable(
      {
        rows: 'ORDER_TYPE',
        columns: 'CATEGORY',
        filters: [{ dimension: 'ORDER_TYPE', values: ['SHPO', 'SOPO'] }],
        measure: 'NOTIFICATION_BREACHES',
        period: THREE_YEARS,
      },
      truth,
      'rows',
    );
  });

  it('C.93: two multi-valued dimensions in one table are refused with a message saying to filter by one of them', async () => {
    env.resetCounters();
    const { data, errors } = await ask({ rows: 'LICENCE_CONDITION', columns: 'ORDER_TYPE' });
    expect(data?.statisticsAggregate ?? null).toBeNull();
    expect(errors?.map((error) => [error.extensions?.code, error.message])).toEqual([
      ['BAD_USER_INPUT', 'a table has at most one dimension a person can hold several values of'],
    ]);
    expect(Object.values(env.stack.subgraphs).reduce((total, subgraph) => total + subgraph.requests.count, 0)).toBe(0);
  });
});

describe("tables of the MAPPA unit's own dimensions, counted by the unit (C.92, C.93)", () => {
  /*
   * When every dimension and filter is the MAPPA unit's (category, level, lead agency) and the table
   * counts people, the unit answers its groups (at most 27) instead of a row per person. The figures
   * must be the seeded ones and the protection the same as on the join path.
   */
  const MAPPA_ONLY = ['CATEGORY', 'LEVEL', 'LEAD_AGENCY'] as const;

  /** The seeded figure from one grouped read of the MAPPA unit's table, filtered and arranged here. */
  async function groupedTruth(question: Question): Promise<number[][]> {
    const groups = await rowsOf<{ CATEGORY: string; LEVEL: string; LEAD_AGENCY: string; people: number }>(sql`
      select category::text as "CATEGORY", level::text as "LEVEL", lead_agency as "LEAD_AGENCY", count(*)::int as people
      from mappa.mappa_case where status = 'ACTIVE' and area = ${AREA} and not ct_restricted and category <= 3
      group by category, level, lead_agency`);
    const grid = VALUES[question.rows]!.map(() => VALUES[question.columns]!.map(() => 0));
    for (const group of groups) {
      const value = (dimension: string) => group[dimension as (typeof MAPPA_ONLY)[number]];
      if (!(question.filters ?? []).every((filter) => filter.values.includes(value(filter.dimension)))) continue;
      grid[VALUES[question.rows]!.indexOf(value(question.rows))]![VALUES[question.columns]!.indexOf(value(question.columns))]! +=
        group.people;
    }
    return grid;
  }

  it.each<[string, Question]>([
    ['category by level', { rows: 'CATEGORY', columns: 'LEVEL' }],
    [
      'lead agency by level, of categories 1 and 2',
      { rows: 'LEAD_AGENCY', columns: 'LEVEL', filters: [{ dimension: 'CATEGORY', values: ['1', '2'] }] },
    ],
    [
      'level by category, police or probation led, at levels 2 and 3',
      {
        rows: 'LEVEL',
        columns: 'CATEGORY',
        filters: [
          { dimension: 'LEAD_AGENCY', values: ['POLICE', 'PROBATION'] },
          { dimension: 'LEVEL', values: ['2', '3'] },
        ],
      },
    ],
  ])('C.92: %s is the seeded figure, protected (C.93), from one grouped MAPPA statement and no other owner', async (_name, question) => {
    const truth = await groupedTruth(question);
    // The test's two readings of the seeded data agree (the grouped read above and the per-person one).
    expect(truth).toEqual(expected(question));
    env.resetCounters();
    const raw = await ask(question, ANALYST, `${rawGateway.url}/graphql`);
    expect(raw.errors).toBeUndefined();
    expectExact(raw.data!.statisticsAggregate!, truth);
    const { subgraphs } = env.stack;
    const asked = () => ({
      mappa: [subgraphs.mappa.requests.count, subgraphs.mappa.statements.count],
      police: [subgraphs.police.requests.count, subgraphs.police.statements.count],
      probation: [subgraphs.probation.requests.count, subgraphs.probation.statements.count],
      prison: [subgraphs.prison.requests.count, subgraphs.prison.statements.count],
      yot: [subgraphs.yot.requests.count, subgraphs.yot.statements.count],
    });
    // One request and one grouped statement to the unit, whatever the population; no other owner.
    expect(asked()).toEqual({ mappa: [1, 1], police: [0, 0], probation: [0, 0], prison: [0, 0], yot: [0, 0] });
    const published = await ask(question);
    expect(published.errors).toBeUndefined();
    expectProtected(published.data!.statisticsAggregate!, truth);
    expectNoIdentifier(published.data, ALLOWED_STRINGS, { names });
  });

  it("C.93: the unit's groups give exactly the published answer the per-person join gives for the same people (the same cells withheld, the same rounding by the same keys)", async () => {
    const grouped: Question = { rows: 'LEAD_AGENCY', columns: 'CATEGORY', filters: [{ dimension: 'LEVEL', values: ['1', '2'] }] };
    // A filter keeping every value of a police dimension keeps everyone, and sends the question down the join path.
    const joined: Question = { ...grouped, filters: [...grouped.filters!, { dimension: 'ETHNICITY', values: VALUES.ETHNICITY! }] };
    expect(expected(joined)).toEqual(expected(grouped));
    env.resetCounters();
    const byGroups = await ask(grouped);
    expect(env.stack.subgraphs.police.requests.count).toBe(0);
    const byPeople = await ask(joined);
    expect(env.stack.subgraphs.police.requests.count).toBe(1);
    expect(byGroups.errors).toBeUndefined();
    expect(byGroups.data).toEqual(byPeople.data);
    expect(byGroups.data!.statisticsAggregate!.total.suppressed).toBe(false);
  });

  it("C.93: a differencing pair of the unit's own dimensions, differing by exactly one person, gives answers the same counts could have given", async () => {
    // A group of at least 12 people (one filter) in which one person alone holds some value of another of
    // the unit's dimensions: asked with the group's filter, then with every other value of that dimension too.
    const candidates = loneMembers(MAPPA_ONLY, MAPPA_ONLY);
    expect(candidates.length).toBeGreaterThan(0);
    const { groupBy, groupValue, leaveOutBy } = candidates[0]!;
    const rows = MAPPA_ONLY.find((dimension) => dimension !== groupBy && dimension !== leaveOutBy)!;
    const withPerson: Question = { rows, columns: leaveOutBy, filters: [{ dimension: groupBy, values: [groupValue] }] };
    const withoutPerson = withoutLoneMember(withPerson, candidates[0]!);
    const rawWith = (await ask(withPerson, ANALYST, `${rawGateway.url}/graphql`)).data!.statisticsAggregate!;
    const rawWithout = (await ask(withoutPerson, ANALYST, `${rawGateway.url}/graphql`)).data!.statisticsAggregate!;
    expect(rawWith.total.count! - rawWithout.total.count!).toBe(1);
    const a = (await ask(withPerson)).data!.statisticsAggregate!;
    const b = (await ask(withoutPerson)).data!.statisticsAggregate!;
    expect(a.total.suppressed).toBe(false);
    expectEveryDifferenceExplained(a, b);
    // The check has teeth: the same pair unprotected shows the person.
    expect(differenceExplained(rawWith.total, rawWithout.total)).toBe(false);
  });

  it("C.93: the unit's own filters leaving fewer than 10 people withhold every count, the total included", async () => {
    const small = MAPPA_ONLY.flatMap((first) =>
      MAPPA_ONLY.filter((second) => second > first).flatMap((second) =>
        VALUES[first]!.flatMap((a) =>
          VALUES[second]!.map((b) => ({
            filters: [
              { dimension: first, values: [a] },
              { dimension: second, values: [b] },
            ],
            people: population.filter((person) => valuesOf(person, first)[0] === a && valuesOf(person, second)[0] === b).length,
          })),
        ),
      ),
    ).find((candidate) => candidate.people >= 1 && candidate.people < 10);
    expect(small).toBeDefined();
    const { data, errors } = await ask({ rows: 'CATEGORY', columns: 'LEAD_AGENCY', filters: small!.filters });
    expect(errors).toBeUndefined();
    const table = data!.statisticsAggregate!;
    expect(
      [...table.rows.flatMap((row) => [...row.cells, row.total]), ...table.columnTotals, table.total].every(
        (count) => count.suppressed && count.count === null,
      ),
    ).toBe(true);
  });
});

describe('what is not a dimension is refused with a code (C.93, principle 8)', () => {
  it('C.93: refuses the 18+1 ethnicity code as a filter value (only its census group is aggregated) as BAD_USER_INPUT', async () => {
    const { data, errors } = await ask({ rows: 'CATEGORY', columns: 'LEVEL', filters: [{ dimension: 'ETHNICITY', values: ['W1'] }] });
    expect(data?.statisticsAggregate ?? null).toBeNull();
    expect(errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });

  it('C.93: refuses a dimension built from a field its owner does not let be aggregated (the ethnicity code, the establishment, looked-after status): there is no such dimension, BAD_USER_INPUT', async () => {
    for (const dimension of ['ETHNICITY_CODE', 'ESTABLISHMENT', 'LOOKED_AFTER']) {
      env.resetCounters();
      const { data, errors } = await ask({ rows: dimension, columns: 'LEVEL' });
      expect(data?.statisticsAggregate ?? null).toBeNull();
      expect(errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
      expect(Object.values(env.stack.subgraphs).reduce((total, subgraph) => total + subgraph.requests.count, 0)).toBe(0);
    }
  });

  it("principle 8: the owners themselves refuse such a field even to the gateway's own statistics query (GRAPHQL_VALIDATION_FAILED), and answer their aggregable ones", async () => {
    const direct = async (
      subgraph: 'police' | 'prison' | 'yot',
      field: string,
      selection: string,
      principal: PrincipalClaims = ANALYST,
    ) => {
      const body = JSON.stringify({
        query: `query { ${field}(area: ${AREA}, querySecret: "${'q'.repeat(43)}") { ${selection} } }`,
        variables: {},
      });
      const assertion = await env.stack.assertionSigner.sign(
        subgraph,
        { principal: vouched(principal), declaredPurpose: STATISTICS },
        'statistics-dimensions-direct',
        body,
      );
      const response = await fetch(`${env.stack.subgraphs[subgraph].url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [ASSERTION_HEADER]: assertion },
        body,
      });
      return (await response.json()) as GraphQLResponse<Record<string, { pseudonym: string[] } | null>>;
    };
    for (const [subgraph, field, refused] of [
      ['police', 'policeStatisticsSubjects', 'ethnicityCode'],
      ['prison', 'prisonStatisticsSubjects', 'establishmentCode'],
      ['yot', 'yotStatisticsSubjects', 'lookedAfter'],
    ] as const) {
      const refusal = await direct(subgraph, field, `pseudonym ${refused}`);
      expect(refusal.data).toBeUndefined();
      expect(refusal.errors?.map((error) => error.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      const answered = await direct(subgraph, field, 'pseudonym');
      expect(answered.errors).toBeUndefined();
      expect(answered.data![field]!.pseudonym.length).toBeGreaterThan(0);
      // Principle 9: another area's analyst gets nothing from the owner, and no error.
      const otherArea = await direct(subgraph, field, 'pseudonym', OTHER_AREA_ANALYST);
      expect(otherArea.data![field]).toBeNull();
    }
    // The prison's statistics field policy: its own case managers do not read it under STATISTICS.
    const forbidden = await direct('prison', 'prisonStatisticsSubjects', 'pseudonym custodyStatus', PRISON_OFFENDER_MANAGER);
    expect(forbidden.data?.prisonStatisticsSubjects ?? null).toBeNull();
    expect(forbidden.errors?.map((error) => error.extensions?.code)).toContain('FORBIDDEN');
  });

  it.each<[string, Question]>([
    ['an event measure without a period', { rows: 'CATEGORY', columns: 'LEVEL', measure: 'RECALLS' }],
    ['a period without an event measure', { rows: 'CATEGORY', columns: 'LEVEL', period: YEAR }],
    ['a period running backwards', { rows: 'CATEGORY', columns: 'LEVEL', measure: 'RECALLS', period: { from: YEAR.to, to: YEAR.from } }],
    [
      'a period that is not dates',
      { rows: 'CATEGORY', columns: 'LEVEL', measure: 'RECALLS', period: { from: '2025-04-01', to: 'next Tuesday' } },
    ],
    ['RELEASE_WITHIN_DAYS without the days ahead', { rows: 'RELEASE_WITHIN_DAYS', columns: 'LEVEL' }],
    ['the days ahead without RELEASE_WITHIN_DAYS', { rows: 'CATEGORY', columns: 'LEVEL', releaseWithinDays: 90 }],
    ['the days ahead out of range', { rows: 'RELEASE_WITHIN_DAYS', columns: 'LEVEL', releaseWithinDays: 0 }],
  ])('refuses %s as BAD_USER_INPUT, asking no owner', async (_name, question) => {
    env.resetCounters();
    const { data, errors } = await ask(question);
    expect(data?.statisticsAggregate ?? null).toBeNull();
    expect(errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(Object.values(env.stack.subgraphs).reduce((total, subgraph) => total + subgraph.requests.count, 0)).toBe(0);
  });
});

describe('the audit trail (C.93)', () => {
  it('C.93: the gateway records the dimensions, filters, measure, period and the owners that contributed; each owner asked records its own part, and no other owner is asked', async () => {
    const question: Question = {
      rows: 'CUSTODY_STATUS',
      columns: 'LEVEL',
      filters: [{ dimension: 'LICENCE_CONDITION', values: ['EXCLUSION_ZONE'] }],
      measure: 'RECALLS',
      period: YEAR,
    };
    const { errors } = await ask(question);
    expect(errors).toBeUndefined();
    const requestId = lastRequestId;
    const entriesOf = async () =>
      (
        await env.connection
          .database()
          .select()
          .from(auditEntryTable)
          .where(eq(auditEntryTable.requestId, requestId))
          .orderBy(asc(auditEntryTable.log), asc(auditEntryTable.sequence))
      ).map((row) => ({
        log: row.log,
        payload: row.payload as AuditPayload,
      }));
    const entries = await eventually(entriesOf, (found) => found.length >= 4);
    expect(entries.find((entry) => entry.log === 'gateway')!.payload).toMatchObject({
      purpose: 'STATISTICS',
      subjects: [],
      outcome: 'ALLOWED',
      statistics: [
        {
          query: 'AD_HOC_AGGREGATE',
          dimensions: ['CUSTODY_STATUS', 'LEVEL'],
          filters: [{ dimension: 'LICENCE_CONDITION', values: ['EXCLUSION_ZONE'] }],
          owners: ['mappa', 'prison', 'probation'],
          measure: 'RECALLS',
          period: YEAR,
        },
      ],
    });
    expect(entries.map((entry) => entry.log).sort()).toEqual(['gateway', 'mappa', 'prison', 'probation']);
    for (const owner of ['prison', 'probation'])
      expect(entries.find((entry) => entry.log === owner)!.payload).toMatchObject({
        purpose: 'STATISTICS',
        subjects: [],
        outcome: 'ALLOWED',
      });
  });
});
