import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import {
  AREA_POPULATION,
  BATCH_JOB_DATABASE_TIMEOUTS,
  DEFAULT_AS_OF,
  LOCAL_AUTHORITIES_BY_AREA,
  MAPPA_AREAS,
  MappaArea,
  migrateAgencies,
  seedAgencies,
  SHARE_AGED_TEN_OR_OVER,
} from '@mappa/shared';
import { openTestDatabase } from '@mappa/testing';
import type { TestDatabase } from '@mappa/testing';
import { SUBGRAPHS } from '@mappa/stack';

/*
 * Issue 13, "the data has to be able to answer": a seeded dataset reproduces the proportions of one
 * area's published annual report (seed 004, 1 April 2013 - 31 March 2014), measured here with SQL of
 * the test's own over the owners' tables, for the last reporting year before the dataset's day. The
 * report's figures are written out below (not imported from the generator), so a generator that drifts
 * from them fails. Police, probation and the MAPPA unit: the owners of the events the report counts.
 * @jest-database-independent: it measures what the generator makes (8,000 offenders: 44 s of CPU to seed on
 * PGlite), which no database changes, so CI runs it once, in the server run (.ci/run); seeding itself runs on
 * both databases in every test file's template.
 */

const OFFENDERS = 8_000;
const YEAR = { from: '2025-04-01', to: '2026-03-31' } as const; // the last reporting year before DEFAULT_AS_OF (2026-11-01)

// Seed 004, as published: table 1 (31 March, categories 1-3 by level) and table 2 (levels 2-3 at any time in the year).
const SNAPSHOT_LEVELS_2_3 = { 1: 35 + 5, 2: 17 + 1, 3: 32 + 2 } as const;
const IN_YEAR_LEVELS_2_3 = { 1: 71 + 7, 2: 105 + 12, 3: 113 + 5 } as const;
const REGISTERED_SEX_OFFENDERS = 1268;
const BREACHES_CAUTIONED_OR_CONVICTED = 94; // table 3
const SOPOS_IMPOSED = 96; // table 4
const NOTIFICATION_ORDERS_IMPOSED = 5; // table 4
const RETURNED_FOR_BREACH_OF_LICENCE = 49; // table 5, levels 2-3, categories 1-3
const RSOS_PER_100K = 103;
const REPORT_OFFENDERS = 1883;

let database: TestDatabase;

async function rows<Row>(query: SQL): Promise<Row[]> {
  return ((await database.connection.database().execute(query)) as unknown as { rows: Row[] }).rows;
}

async function count(query: SQL): Promise<number> {
  const [row] = await rows<{ n: number | string }>(query);
  return Number(row?.n ?? 0);
}

/**
 * (The look-ups below are correlated per case: `not materialized` lets each use the change table's
 * index rather than scan a materialised copy of every change, which grew quadratically with the data.)
 * Every case with its level at the start of the year (or its opening, if later), its level on 31 March,
 * whether any change in the year raised it to 2 or 3, and its category on 31 March (or at its end).
 */
const CASES_IN_YEAR = sql`
  with level_change as not materialized (select case_id, sequence, changed_date, value_before, value_after from mappa.mappa_case_change where field = 'LEVEL'),
  category_change as not materialized (select case_id, sequence, changed_date, value_before, value_after from mappa.mappa_case_change where field = 'CATEGORY'),
  opened as (
    select c.case_id, c.pnc_id, c.start_date, c.end_date,
      coalesce((select l.value_before from level_change l where l.case_id = c.case_id order by l.sequence limit 1), c.level::text)::int as opening_level,
      coalesce((select k.value_before from category_change k where k.case_id = c.case_id order by k.sequence limit 1), c.category::text)::int as opening_category
    from mappa.mappa_case c
    where c.start_date <= ${YEAR.to} and (c.end_date is null or c.end_date >= ${YEAR.from})
  )
  select o.case_id, o.pnc_id,
    coalesce((select k.value_after from category_change k where k.case_id = o.case_id and k.changed_date <= ${YEAR.to} order by k.sequence desc limit 1)::int, o.opening_category) as category,
    coalesce((select l.value_after from level_change l where l.case_id = o.case_id and l.changed_date <= greatest(o.start_date, ${YEAR.from}::date) order by l.sequence desc limit 1)::int, o.opening_level) as level_at_start,
    case when o.end_date is null or o.end_date > ${YEAR.to}
      then coalesce((select l.value_after from level_change l where l.case_id = o.case_id and l.changed_date <= ${YEAR.to} order by l.sequence desc limit 1)::int, o.opening_level)
    end as level_on_31_march,
    exists (select 1 from level_change l where l.case_id = o.case_id and l.changed_date between ${YEAR.from} and ${YEAR.to} and l.value_after::int >= 2) as raised_in_year
  from opened o`;

interface CaseInYear {
  readonly case_id: string;
  readonly pnc_id: string;
  readonly category: number;
  readonly level_at_start: number;
  readonly level_on_31_march: number | null;
  readonly raised_in_year: boolean;
}

let cases: CaseInYear[] = [];
const inYear = (category: number) =>
  new Set(cases.filter((c) => c.category === category && (c.level_at_start >= 2 || c.raised_in_year)).map((c) => c.pnc_id));
const onSnapshot = (category: number) =>
  new Set(cases.filter((c) => c.category === category && (c.level_on_31_march ?? 0) >= 2).map((c) => c.pnc_id));

beforeAll(async () => {
  // Migrating and seeding 8,000 offenders here is a batch job (the agencies write in parallel through
  // five connections, and the MAPPA case-year triggers recompute as they go): a request's 5 s wait for
  // a connection is the wrong bound for it.
  database = await openTestDatabase(undefined, { timeouts: BATCH_JOB_DATABASE_TIMEOUTS });
  const definitions = SUBGRAPHS.map(({ definition }) => definition).filter((definition) =>
    ['police', 'probation', 'mappa'].includes(definition.name),
  );
  await migrateAgencies(database.connection, definitions);
  await seedAgencies(database.connection, definitions, { offenders: OFFENDERS, seed: 1, asOf: DEFAULT_AS_OF });
  cases = (await rows<CaseInYear>(CASES_IN_YEAR)).map((c) => ({
    ...c,
    category: Number(c.category),
    level_at_start: Number(c.level_at_start),
    level_on_31_march: c.level_on_31_march === null ? null : Number(c.level_on_31_march),
  }));
}, 600_000);

afterAll(async () => {
  await database.drop();
});

/** `actual` within `tolerance` (a fraction) of `expected`. */
function expectNear(actual: number, expected: number, tolerance: number): void {
  expect(actual).toBeGreaterThanOrEqual(expected * (1 - tolerance));
  expect(actual).toBeLessThanOrEqual(expected * (1 + tolerance));
}

describe('C §7.3: a seeded dataset answers the annual report in the proportions of seed 004', () => {
  it("table 2 against table 1: categories 1 and 2 pass through levels 2-3 in a year at the report's turnover (x1.95, x6.5)", () => {
    for (const category of [1, 2] as const) {
      const turnover = inYear(category).size / onSnapshot(category).size;
      process.stderr.write(
        `category ${category}: ${onSnapshot(category).size} at levels 2-3 on 31 March, ${inYear(category).size} in the year (x${turnover.toFixed(2)})\n`,
      );
      expectNear(turnover, IN_YEAR_LEVELS_2_3[category] / SNAPSHOT_LEVELS_2_3[category], 0.25);
    }
    // Category 3 leaves levels 2-3 only by its case closing, which the model does not hold yet (docs/synthetic-data.md): reported, not asserted.
    const all = (of: (category: number) => Set<string>) => [1, 2, 3].reduce((sum, category) => sum + of(category).size, 0);
    process.stderr.write(
      `category 3: x${(inYear(3).size / onSnapshot(3).size).toFixed(2)}; categories 1-3: x${(all(inYear) / all(onSnapshot)).toFixed(2)} (report x3.40)\n`,
    );
    // Level changes through the year: screened up and stepped down, both recorded in the case history.
    expect(cases.filter((c) => c.raised_in_year).length).toBeGreaterThan(0);
  });

  it('table 3: about 7.4% of registered sex offenders cautioned or convicted for breach of notification in the year', async () => {
    const rsos = await count(sql`select count(*) as n from police.notification`);
    const breached = await count(sql`
      select count(distinct pnc_id) as n from police.notification_breach
      where outcome in ('CAUTIONED', 'CONVICTED') and outcome_date between ${YEAR.from} and ${YEAR.to}`);
    expectNear(breached / rsos, BREACHES_CAUTIONED_OR_CONVICTED / REGISTERED_SEX_OFFENDERS, 0.25);
  });

  it("table 4: SOPOs/SHPOs and notification orders imposed in the year at the report's rates, and every order type in the history", async () => {
    const rsos = await count(sql`select count(*) as n from police.notification`);
    const imposed = await rows<{ type: string; n: string }>(sql`
      select type, count(*) as n from police.civil_order where made_date between ${YEAR.from} and ${YEAR.to} group by type`);
    const of = (...types: string[]) => imposed.filter((row) => types.includes(row.type)).reduce((sum, row) => sum + Number(row.n), 0);
    expectNear(of('SHPO', 'SOPO') / rsos, SOPOS_IMPOSED / REGISTERED_SEX_OFFENDERS, 0.25);
    expectNear(of('NOTIFICATION_ORDER') / rsos, NOTIFICATION_ORDERS_IMPOSED / REGISTERED_SEX_OFFENDERS, 0.6);
    const types = await rows<{ type: string }>(sql`select distinct type from police.civil_order order by type`);
    expect(types.map((row) => row.type)).toEqual(['FOREIGN_TRAVEL_ORDER', 'NOTIFICATION_ORDER', 'SHPO', 'SOPO', 'SRO']);
  });

  it('table 5: level 2-3 offenders of the year returned to custody for breach of licence, with a reason, about 15.7% of them', async () => {
    const recalled = new Set(
      (
        await rows<{ pnc_id: string }>(sql`
        select distinct pc.pnc_id from probation.recall r join probation.probation_case pc on pc.crn = r.crn
        where r.returned_to_custody_date between ${YEAR.from} and ${YEAR.to}`)
      ).map((row) => row.pnc_id),
    );
    const cohort = [1, 2, 3].flatMap((category) => [...inYear(category)]);
    const returned = cohort.filter((pncId) => recalled.has(pncId)).length;
    expectNear(returned / cohort.length, RETURNED_FOR_BREACH_OF_LICENCE / (78 + 117 + 118), 0.35);
    const reasons = await rows<{ reason: string }>(sql`select distinct reason from probation.recall order by reason`);
    expect(reasons.length).toBeGreaterThanOrEqual(3);
    // Table 5's second part: sent to custody for breach of a SOPO/SHPO.
    expect(
      await count(
        sql`select count(*) as n from police.civil_order_breach where outcome = 'CONVICTED_CUSTODY' and outcome_date between ${YEAR.from} and ${YEAR.to}`,
      ),
    ).toBeGreaterThan(0);
  });

  it('tables 7-9: MAPPA N serious further offence notifications, each outcome, and serious case review decisions', async () => {
    const outcomes = await rows<{ outcome: string }>(sql`select distinct outcome from mappa.sfo_notification order by outcome`);
    expect(outcomes.map((row) => row.outcome)).toEqual(['AWAITING_TRIAL', 'CONVICTED_SFO', 'OTHER_OUTCOME']);
    expect(
      await count(sql`select count(*) as n from mappa.sfo_notification where charge_date between ${YEAR.from} and ${YEAR.to}`),
    ).toBeGreaterThan(0);
    expect(await count(sql`select count(*) as n from mappa.sfo_notification where scr_decision = 'SCR_COMMISSIONED'`)).toBeGreaterThan(0);
    // Sent within five working days (seven calendar days at most) of the charge, about a case that was open then.
    expect(
      await count(sql`select count(*) as n from mappa.sfo_notification n join mappa.mappa_case c using (case_id)
        where n.notified_date > n.charge_date + 7 or n.charge_date < c.start_date`),
    ).toBe(0);
  });

  it('areas are as large as their populations, with several local authorities each, and registered sex offenders at 103 per 100,000 at full scale', async () => {
    const byArea = new Map(
      (
        await rows<{ area: MappaArea; n: string; authorities: string }>(sql`
        select mappa_area as area, count(*) as n, count(distinct local_authority) as authorities from police.person group by mappa_area`)
      ).map((row) => [row.area, row]),
    );
    const nationalPopulation = MAPPA_AREAS.reduce((sum, area) => sum + AREA_POPULATION[area], 0);
    for (const area of MAPPA_AREAS) {
      const expected = (OFFENDERS * AREA_POPULATION[area]) / nationalPopulation;
      const actual = Number(byArea.get(area)?.n ?? 0);
      // Binomial spread: within five standard deviations.
      expect(Math.abs(actual - expected)).toBeLessThanOrEqual(5 * Math.sqrt(expected) + 1);
      if (LOCAL_AUTHORITIES_BY_AREA[area].length > 1 && expected > 50)
        expect(Number(byArea.get(area)?.authorities ?? 0)).toBeGreaterThan(1);
    }
    expect(Number(byArea.get(MappaArea.LONDON)?.n) / Number(byArea.get(MappaArea.CLEVELAND)?.n)).toBeGreaterThan(8);
    // The dataset is a scale model of England and Wales at the report's density of offenders per resident.
    const rsos = await count(sql`select count(*) as n from police.notification`);
    const residentsAgedTenOrOver = nationalPopulation * SHARE_AGED_TEN_OR_OVER;
    const fullScale = (REPORT_OFFENDERS / ((REGISTERED_SEX_OFFENDERS / RSOS_PER_100K) * 100_000)) * residentsAgedTenOrOver;
    expectNear(((rsos * fullScale) / OFFENDERS / residentsAgedTenOrOver) * 100_000, RSOS_PER_100K, 0.1);
  });
});
