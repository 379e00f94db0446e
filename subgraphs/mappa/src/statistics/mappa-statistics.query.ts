import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { pseudonymsOf, RECORD_KEY_RANGE, recordKeyOf, recordKeySql, subjectColumnsOf } from '@mappa/shared';
import type { Database, MappaArea } from '@mappa/shared';
import type { MappaStatisticsGroups, MappaStatisticsSubjects } from './mappa-statistics.type';

/*
 * The annual report tables the MAPPA unit answers (C §7.3, tables 1 and 2), each one grouped SQL
 * statement: no row per person leaves the database. A case's category, level and area on a day are
 * read from its history (`mappa_case_change`): the value after the last change on or before that day,
 * else the value before the first change after it, else the case's current value. People in category 4
 * or with a restricted ViSOR record (principle 7) are in no statistic: their very count is
 * counter-terrorism information, and analysts are not vetted for it.
 */

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
 * Tables 1 and 2 and table 2's people in ONE statement, read from `mappa_case_year` (each case's values
 * in each reporting year, kept by the database on every write: migration 0022). Issue 13: working them
 * out at report time from every case and its history, grouped by case, took 3.8 s of a 5.9 s report at
 * 1,043,700 cases; the summary is read by area and year, with no history and no grouping by case.
 * - table 1 (MAPPA offenders in the area on 31 March by category 1-3 × level 1-3) is grouped in SQL,
 *   one row per cell (`person` null), over the cases open on 31 March: for them the end of their time
 *   in the year is 31 March, so their values "at the end of the period" are their values on 31 March;
 * - table 2's people (managed at level 2 or 3 at any time in the year; their category at the end of
 *   their time in the year and the highest level they were managed at, from their latest case in the
 *   year, wherever it was; in the area at the end of it) are one row each with their PNC ID in `person`,
 *   which never leaves the MAPPA unit: the resolver turns it into this report's pseudonym and counts
 *   table 2 from the same rows (`annualReportOf`).
 * The record key (an MD5 under the gateway's key secret) is still worked out per person here: it
 * depends on the secret, so it cannot be stored.
 */
export function annualReportSql(area: MappaArea | null, year: number, keySecret: string): SQL {
  const { last } = reportingYear(year);
  const key = recordKeySql(keySecret, sql.raw('pnc_id'));
  const inYear = (row: string): SQL =>
    sql`${sql.raw(row)}.first_year <= ${year} and (${sql.raw(row)}.last_year is null or ${sql.raw(row)}.last_year >= ${year}) and not ${sql.raw(row)}.ct_restricted`;
  // The end of a case's time in the year, and then its start: which of a person's cases is the latest.
  // A later case of the same person is looked for by person (`limit 1` keeps it a look-up on
  // mappa_case_year_pnc_id_idx: as NOT EXISTS the planner hashed every row of the year, 0.4 s at 100,000),
  // and only for a candidate whose person has another case at all (`sole_case`, kept by the refresh:
  // migration 0026): about one in twenty-five, where every candidate was looked up (half of the
  // statement's time at 1,000,000, issue 13).
  const latestOrder = (row: string): SQL =>
    sql`(least(coalesce(${sql.raw(row)}.end_date, ${last}::date), ${last}::date), ${sql.raw(row)}.start_date, ${sql.raw(row)}.case_id)`;
  return sql`
    select category, level, count(*)::int as count, (sum(${key}) % ${RECORD_KEY_RANGE})::int as key, null as person
    from mappa.mappa_case_year y
    where ${inYear('y')} and ${inArea(area, sql.raw('y.area'))} and (y.end_date is null or y.end_date > ${last}::date) and y.category between 1 and 3
    group by category, level
    union all
    select y.category, y.highest_level, 1, 0, y.pnc_id
    from mappa.mappa_case_year y
    left join lateral (
      select 1 as found from mappa.mappa_case_year other
      where not y.sole_case and other.pnc_id = y.pnc_id and other.case_id <> y.case_id and ${inYear('other')}
        and ${latestOrder('other')} > ${latestOrder('y')}
      limit 1
    ) later on true
    where ${inYear('y')} and ${inArea(area, sql.raw('y.area'))} and y.category between 1 and 3 and y.highest_level >= 2 and later.found is null`;
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
  const columns = await subjectColumnsOf<{ pnc_id: string[]; category: number[]; level: number[]; lead_agency: string[] }>(
    db,
    sql`select pnc_id, category, level, lead_agency from mappa.mappa_case
      where status = 'ACTIVE' and area = ${area} and not ct_restricted`,
    ['pnc_id', 'category', 'level', 'lead_agency'],
  );
  return {
    pseudonym: pseudonymsOf(querySecret, columns.pnc_id),
    recordKey: columns.pnc_id.map((pncId) => recordKeyOf(keySecret, pncId)),
    category: columns.category.map(Number),
    level: columns.level.map(Number),
    leadAgency: columns.lead_agency,
  };
}

/**
 * The same population as `statisticsSubjectsOf` (the same cases, the same principle 7 gate), counted by
 * the unit itself in one grouped statement: one row per category, level and lead agency held (at most
 * 27), each with its number of people and the sum of their record keys modulo the key range (the cell
 * key a sum of those people's keys is, since keys add modulo the range). The gateway asks for this
 * instead of a row per person when every dimension and filter of an ad-hoc table is the unit's own and
 * the table counts people (issue 13: a row per person of an area at 1,000,000 offenders, some 150,000
 * pseudonyms and record keys, crossed GraphQL to be added up into at most 27 groups in the gateway).
 */
export async function statisticsGroupsOf(db: Database, area: MappaArea, keySecret: string): Promise<MappaStatisticsGroups> {
  const key = recordKeySql(keySecret, sql.raw('pnc_id'));
  const columns = await subjectColumnsOf<{ category: number[]; level: number[]; lead_agency: string[]; people: number[]; key: number[] }>(
    db,
    sql`select category, level, lead_agency, count(*)::int as people, (sum(${key}) % ${RECORD_KEY_RANGE})::int as key
      from mappa.mappa_case
      where status = 'ACTIVE' and area = ${area} and not ct_restricted
      group by category, level, lead_agency`,
    ['category', 'level', 'lead_agency', 'people', 'key'],
  );
  return {
    category: columns.category.map(Number),
    level: columns.level.map(Number),
    leadAgency: columns.lead_agency,
    people: columns.people.map(Number),
    recordKey: columns.key.map(Number),
  };
}
