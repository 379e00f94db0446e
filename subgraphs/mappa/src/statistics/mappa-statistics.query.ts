import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { pseudonymOf, RECORD_KEY_RANGE, recordKeyOf, recordKeySql } from '@mappa/shared';
import type { Database, MappaArea } from '@mappa/shared';
import type { MappaStatisticsCell, MappaStatisticsSubject } from './mappa-statistics.type';

/*
 * The annual report tables the MAPPA unit answers (C §7.3, tables 1 and 2), each one grouped SQL
 * statement: no row per person leaves the database. A case's category, level and area on a day are
 * read from its history (`mappa_case_change`): the value after the last change on or before that day,
 * else the value before the first change after it, else the case's current value. People in category 4
 * or with a restricted ViSOR record (principle 7) are in no statistic: their very count is
 * counter-terrorism information, and analysts are not vetted for it.
 */

const rowsOf = <Row>(result: unknown): Row[] => (result as { rows: Row[] }).rows;

/** The case's `field` (a MappaCaseChangeField) on `day` (an SQL date expression), as text. */
export function valueOn(field: string, day: SQL, current: SQL): SQL {
  return sql`coalesce(
    (select ch.value_after from mappa.mappa_case_change ch where ch.case_id = c.case_id and ch.field = ${field} and ch.changed_date <= ${day} order by ch.changed_date desc, ch.sequence desc limit 1),
    (select ch.value_before from mappa.mappa_case_change ch where ch.case_id = c.case_id and ch.field = ${field} and ch.changed_date > ${day} order by ch.changed_date, ch.sequence limit 1),
    ${current})`;
}

/** `area = <area>`, or every area (England and Wales) when `area` is null. */
export const inArea = (area: MappaArea | null, column: SQL = sql.raw('area')): SQL => (area === null ? sql`true` : sql`${column} = ${area}`);

/**
 * Cases that can be in `area` on some day (every case when `area` is null): those there now, and those
 * whose area ever changed. A case with no AREA change is in its current area on every day, so this
 * leaves out exactly the cases `valueOn('AREA', …)` would put elsewhere, before working out anything
 * per case (an area's report then reads its own cases, not the country's).
 */
export const mayBeInArea = (area: MappaArea | null): SQL =>
  area === null ? sql`true` : sql`(c.area = ${area} or exists (select 1 from mappa.mappa_case_change ach where ach.case_id = c.case_id and ach.field = 'AREA'))`;

/**
 * Runs an annual report statement with PostgreSQL's JIT compilation off. Reading a case's values on a
 * day is a handful of small index look-ups per case, which the planner costs high enough (hundreds of
 * thousands for an area at the benchmark's size) to compile the query before running it: compiling
 * took seconds where running took a fifth of one (issue 13 benchmark), so it is never worth it here.
 */
export function withoutJit<Result>(db: Database, run: (tx: Database) => Promise<Result>): Promise<Result> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return run(tx as unknown as Database);
  });
}

/** The reporting year starting 1 April `year`: its first and last day. */
export function reportingYear(year: number): { readonly first: string; readonly last: string } {
  return { first: `${year}-04-01`, last: `${year + 1}-03-31` };
}

/**
 * Table 1: MAPPA offenders in the area on 31 March (the end of the reporting year) by category 1-3 ×
 * level 1-3. Table 2: people managed at level 2 or 3 at any time in the year, by their category at
 * the end of their time in the year and the highest level they were managed at (one row per person:
 * their latest case in the year).
 */
export async function annualReportCellsOf(db: Database, area: MappaArea | null, year: number, keySecret: string): Promise<MappaStatisticsCell[]> {
  const { last } = reportingYear(year);
  const snapshot = sql`${last}::date`;
  const key = recordKeySql(keySecret, sql.raw('pnc_id'));
  return withoutJit(db, async (tx) => {
    const onSnapshot = rowsOf<{ category: number; level: number; count: number; key: number }>(
      await tx.execute(sql`
        select category, level, count(*)::int as count, (sum(${key}) % ${RECORD_KEY_RANGE})::int as key
        from (
          select c.pnc_id,
            ${valueOn('CATEGORY', snapshot, sql`c.category::text`)}::int as category,
            ${valueOn('LEVEL', snapshot, sql`c.level::text`)}::int as level,
            ${valueOn('AREA', snapshot, sql`c.area`)} as area
          from mappa.mappa_case c
          where c.start_date <= ${snapshot} and (c.end_date is null or c.end_date > ${snapshot}) and not c.ct_restricted and ${mayBeInArea(area)}
        ) on_day
        where ${inArea(area)} and category between 1 and 3
        group by category, level`),
    );
    const inYear = rowsOf<{ category: number; level: number; count: number; key: number }>(
      await tx.execute(sql`
        select category, level, count(*)::int as count, (sum(${key}) % ${RECORD_KEY_RANGE})::int as key
        from (${level2Or3InYearSql(area, year)}) in_year
        group by category, level`),
    );
    return [
      ...onSnapshot.map((row) => ({ table: 'OFFENDERS_ON_31_MARCH', ...numbers(row) })),
      ...inYear.map((row) => ({ table: 'LEVEL_2_3_IN_YEAR', ...numbers(row) })),
    ];
  });
}

/**
 * Table 2's people, one row each (pnc_id, category, level): managed at level 2 or 3 at any time in the
 * year, their category at the end of their time in the year and the highest level they were managed at,
 * from their latest case in the year; in `area` at the end of it (every area when null).
 */
export function level2Or3InYearSql(area: MappaArea | null, year: number): SQL {
  const { first, last } = reportingYear(year);
  const periodStart = sql`greatest(c.start_date, ${first}::date)`;
  const periodEnd = sql`least(coalesce(c.end_date, ${last}::date), ${last}::date)`;
  return sql`
    select pnc_id, category, level from (
      select distinct on (c.pnc_id) c.pnc_id,
        ${valueOn('CATEGORY', periodEnd, sql`c.category::text`)}::int as category,
        greatest(
          ${valueOn('LEVEL', periodStart, sql`c.level::text`)}::int,
          (select max(ch.value_after::int) from mappa.mappa_case_change ch
            where ch.case_id = c.case_id and ch.field = 'LEVEL' and ch.changed_date between ${periodStart} and ${periodEnd})
        ) as level,
        ${valueOn('AREA', periodEnd, sql`c.area`)} as area
      from mappa.mappa_case c
      where c.start_date <= ${last}::date and (c.end_date is null or c.end_date >= ${first}::date) and not c.ct_restricted and ${mayBeInArea(area)}
      order by c.pnc_id, ${periodEnd} desc, c.start_date desc
    ) latest
    where ${inArea(area)} and category between 1 and 3 and level >= 2`;
}

const numbers = (row: { category: number; level: number; count: number; key: number }) => ({ category: Number(row.category), level: Number(row.level), count: Number(row.count), key: Number(row.key) });

/**
 * The ad-hoc join's population: every person with an active MAPPA case in the area (principle 7 cases
 * left out), with the unit's dimensions, in one statement. The PNC ID never leaves: only its pseudonym
 * under this query's secret, and its coarse record key.
 */
export async function statisticsSubjectsOf(db: Database, area: MappaArea, querySecret: string, keySecret: string): Promise<MappaStatisticsSubject[]> {
  const rows = rowsOf<{ pnc_id: string; category: number; level: number; lead_agency: string }>(
    await db.execute(sql`
      select pnc_id, category, level, lead_agency from mappa.mappa_case
      where status = 'ACTIVE' and area = ${area} and not ct_restricted`),
  );
  return rows.map((row) => ({
    pseudonym: pseudonymOf(querySecret, row.pnc_id),
    recordKey: recordKeyOf(keySecret, row.pnc_id),
    category: Number(row.category),
    level: Number(row.level),
    leadAgency: row.lead_agency,
  }));
}
