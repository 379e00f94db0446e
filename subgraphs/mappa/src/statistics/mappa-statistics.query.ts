import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { pseudonymOf, RECORD_KEY_RANGE, recordKeyOf, recordKeySql } from '@mappa/shared';
import type { Database, MappaArea } from '@mappa/shared';
import type { MappaStatisticsSubjects } from './mappa-statistics.type';

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
export const inArea = (area: MappaArea | null, column: SQL = sql.raw('area')): SQL =>
  area === null ? sql`true` : sql`${column} = ${area}`;

/**
 * Cases that can be in `area` on some day (every case when `area` is null): those there now, and those
 * whose area ever changed (a set the partial index `mappa_case_change_area_idx` holds, read once). A case with no AREA change is in its current area on every day, so this
 * leaves out exactly the cases `valueOn('AREA', …)` would put elsewhere, before working out anything
 * per case (an area's report then reads its own cases, not the country's).
 */
export const mayBeInArea = (area: MappaArea | null): SQL =>
  area === null
    ? sql`true`
    : sql`(c.area = ${area} or c.case_id in (select ach.case_id from mappa.mappa_case_change ach where ach.field = 'AREA'))`;

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

/*
 * Tables 1 and 2 read each case's values on a day set-based (issue 13: a look-up per case took seconds
 * at 100,000 offenders): the cases are joined once with their CATEGORY, LEVEL and AREA history rows
 * (served by `mappa_case_change_statistics_idx`) and grouped by case, and each value on a day is an
 * ordinary max/min over those rows. To make "the last change on or before the day" a plain max (no
 * ordered aggregate, so no sort per case), a row is packed as text that sorts in history order: the
 * change date as YYYYMMDD (8 characters), the sequence zero-padded to 10 (an integer from 1), then the
 * value (`value_after`; for the first change after the day, `value_before` after a 'v', or 'n' when it is
 * null, which must then fall through to the case's current value exactly as `valueOn` does). Compared
 * under the "C" collation, byte by byte, so the order is the history's.
 */

/** A history row `ch` packed so that max/min follow (changed_date, sequence); the value starts at character 19. */
const POSITION_LENGTH = 18;
const packed = (value: SQL): SQL => sql`(to_char(ch.changed_date, 'YYYYMMDD') || lpad(ch.sequence::text, 10, '0') || ${value}) collate "C"`;

/** The packed last change of `field` on or before `day` (an SQL date), per case: aggregate over `ch`. */
const lastChangeBy = (field: string, day: SQL): SQL =>
  sql`max(${packed(sql`ch.value_after`)}) filter (where ch.field = ${field} and ch.changed_date <= ${day})`;

/** The packed first change of `field` after `day`, per case, with its value before ('v' + value, or 'n' for none). */
const firstChangeAfter = (field: string, day: SQL): SQL =>
  sql`min(${packed(sql`coalesce('v' || ch.value_before, 'n')`)}) filter (where ch.field = ${field} and ch.changed_date > ${day})`;

/**
 * A case's value on a day from the packed aggregates `last` and `next` (columns of the grouped history),
 * with the same rule as `valueOn`: the value after the last change on or before the day, else the value
 * before the first change after it, else the case's current value.
 */
const valueFromHistory = (last: SQL, next: SQL, current: SQL): SQL =>
  sql`coalesce(substr(${last}, ${POSITION_LENGTH + 1}), case when substr(${next}, ${POSITION_LENGTH + 1}, 1) = 'v' then substr(${next}, ${POSITION_LENGTH + 2}) end, ${current})`;

/** The history fields tables 1 and 2 read (the partial index `mappa_case_change_statistics_idx` holds exactly these rows). */
const HISTORY_FIELDS = sql`ch.field in ('CATEGORY', 'LEVEL', 'AREA')`;

/**
 * Tables 1 and 2 and table 2's people in ONE statement (issue 13: they were three, each working out the
 * year's cases and their history again). Every case open at some time in the reporting year is read once
 * with its CATEGORY, LEVEL and AREA history and grouped once; from that one pass:
 * - table 1 (MAPPA offenders in the area on 31 March by category 1-3 × level 1-3) is grouped in SQL,
 *   one row per cell (`person` null), over the cases open on 31 March: for them the end of their time
 *   in the year is 31 March, so their values "at the end of the period" are their values on 31 March;
 * - table 2's people (managed at level 2 or 3 at any time in the year; their category at the end of
 *   their time in the year and the highest level they were managed at, from their latest case in the
 *   year; in the area at the end of it) are one row each with their PNC ID in `person`, which never
 *   leaves the MAPPA unit: the resolver turns it into this report's pseudonym and counts table 2 from
 *   the same rows (`annualReportOf`).
 */
export function annualReportSql(area: MappaArea | null, year: number, keySecret: string): SQL {
  const { first, last } = reportingYear(year);
  const periodStart = sql`c.period_start`;
  const periodEnd = sql`c.period_end`;
  const key = recordKeySql(keySecret, sql.raw('pnc_id'));
  return sql`
    with in_year as (
      select pnc_id, start_date, period_end, on_31_march,
        ${valueFromHistory(sql`category_last`, sql`category_next`, sql`category::text`)}::int as category,
        ${valueFromHistory(sql`level_last`, sql`level_next`, sql`level::text`)}::int as level_at_end,
        greatest(${valueFromHistory(sql`level_start_last`, sql`level_start_next`, sql`level::text`)}::int, level_max) as level_highest,
        ${valueFromHistory(sql`area_last`, sql`area_next`, sql`area`)} as area
      from (
        select c.case_id, c.pnc_id, c.category, c.level, c.area, c.start_date, c.period_end, c.on_31_march,
          ${lastChangeBy('CATEGORY', periodEnd)} as category_last, ${firstChangeAfter('CATEGORY', periodEnd)} as category_next,
          ${lastChangeBy('LEVEL', periodEnd)} as level_last, ${firstChangeAfter('LEVEL', periodEnd)} as level_next,
          ${lastChangeBy('LEVEL', periodStart)} as level_start_last, ${firstChangeAfter('LEVEL', periodStart)} as level_start_next,
          max(case when ch.field = 'LEVEL' then ch.value_after::int end) filter (where ch.field = 'LEVEL' and ch.changed_date between ${periodStart} and ${periodEnd}) as level_max,
          ${lastChangeBy('AREA', periodEnd)} as area_last, ${firstChangeAfter('AREA', periodEnd)} as area_next
        from (
          select c.case_id, c.pnc_id, c.category, c.level, c.area, c.start_date,
            greatest(c.start_date, ${first}::date) as period_start, least(coalesce(c.end_date, ${last}::date), ${last}::date) as period_end,
            (c.end_date is null or c.end_date > ${last}::date) as on_31_march
          from mappa.mappa_case c
          where c.start_date <= ${last}::date and (c.end_date is null or c.end_date >= ${first}::date) and not c.ct_restricted and ${mayBeInArea(area)}
        ) c left join mappa.mappa_case_change ch on ch.case_id = c.case_id and ${HISTORY_FIELDS}
        group by c.case_id, c.pnc_id, c.category, c.level, c.area, c.start_date, c.period_start, c.period_end, c.on_31_march
      ) history
    )
    select category, level_at_end as level, count(*)::int as count, (sum(${key}) % ${RECORD_KEY_RANGE})::int as key, null as person
    from in_year
    where on_31_march and ${inArea(area)} and category between 1 and 3
    group by category, level_at_end
    union all
    select category, level_highest, 1, 0, pnc_id from (
      select distinct on (pnc_id) pnc_id, category, level_highest, area from in_year
      order by pnc_id, period_end desc, start_date desc
    ) latest
    where ${inArea(area)} and category between 1 and 3 and level_highest >= 2`;
}

/**
 * The ad-hoc join's population: every person with an active MAPPA case in the area (principle 7 cases
 * left out), with the unit's dimensions, in one statement, answered as parallel columns (one entry per
 * person, in the same order). The PNC ID never leaves: only its pseudonym under this query's secret,
 * and its coarse record key.
 */
export async function statisticsSubjectsOf(
  db: Database,
  area: MappaArea,
  querySecret: string,
  keySecret: string,
): Promise<MappaStatisticsSubjects> {
  const rows = rowsOf<{ pnc_id: string; category: number; level: number; lead_agency: string }>(
    await db.execute(sql`
      select pnc_id, category, level, lead_agency from mappa.mappa_case
      where status = 'ACTIVE' and area = ${area} and not ct_restricted`),
  );
  return {
    pseudonym: rows.map((row) => pseudonymOf(querySecret, row.pnc_id)),
    recordKey: rows.map((row) => recordKeyOf(keySecret, row.pnc_id)),
    category: rows.map((row) => Number(row.category)),
    level: rows.map((row) => Number(row.level)),
    leadAgency: rows.map((row) => row.lead_agency),
  };
}
