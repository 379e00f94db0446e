import { sql } from 'drizzle-orm';
import { pseudonymOf, RECORD_KEY_RANGE, recordKeyOf, recordKeySql } from '@mappa/shared';
import type { Database, MappaArea } from '@mappa/shared';
import { inArea, level2Or3InYearSql, mayBeInArea, reportingYear, valueOn, withoutJit } from '../statistics/mappa-statistics.query';
import type { MappaStatisticsCohortMember, MappaStatisticsTableCell } from './mappa-annual-report-events.type';

/*
 * The annual report tables the MAPPA unit answers beyond tables 1 and 2 (C §7.3, issue 13): serious
 * further offences from MAPPA N (tables 7-9) in one grouped statement, and table 2's people under a
 * pseudonym for this report alone, so that the gateway can count tables 5 (returns to custody of level
 * 2 and 3 offenders) with the police's and probation's returns. Principle 7 cases are in no statistic.
 */

const rowsOf = <Row>(result: unknown): Row[] => (result as { rows: Row[] }).rows;

/**
 * Tables 7-9: the MAPPA N notifications of serious further offence charges in the year (charge date
 * from 1 April to 31 March), of cases in the area on the day of the charge, by the level recorded in
 * sections 1-4 and: the category (table 7, charges), the SMB chair's serious case review decision
 * (table 8; PENDING until recorded) and the charge's outcome as recorded now (table 9). One statement:
 * three groupings of the same notifications.
 */
export async function seriousFurtherOffenceCellsOf(
  db: Database,
  area: MappaArea | null,
  year: number,
  keySecret: string,
): Promise<MappaStatisticsTableCell[]> {
  const { first, last } = reportingYear(year);
  const key = recordKeySql(keySecret, sql.raw('pnc_id'));
  const rows = rowsOf<{
    category: number | null;
    decision: string | null;
    outcome: string | null;
    level: number;
    count: number;
    key: number;
  }>(
    await withoutJit(db, (tx) =>
      tx.execute(sql`
      select category, decision, outcome, level, count(*)::int as count, (sum(${key}) % ${RECORD_KEY_RANGE})::int as key
      from (
        select n.pnc_id, n.category_at_charge as category, n.level_at_charge as level, coalesce(n.scr_decision, 'PENDING') as decision, n.outcome,
          ${valueOn('AREA', sql`n.charge_date`, sql`c.area`)} as area
        from mappa.sfo_notification n join mappa.mappa_case c on c.case_id = n.case_id
        where n.charge_date between ${first}::date and ${last}::date and not c.ct_restricted and ${mayBeInArea(area)}
      ) charged
      where ${inArea(area)} and category between 1 and 3 and level between 1 and 3
      group by grouping sets ((category, level), (decision, level), (outcome, level))`),
    ),
  );
  return rows.map((row) => {
    const [table, value] =
      row.category !== null
        ? ['SFO_CHARGES', String(row.category)]
        : row.decision !== null
          ? ['SFO_SERIOUS_CASE_REVIEWS', row.decision]
          : ['SFO_OUTCOMES', String(row.outcome)];
    return { table, row: value, column: String(row.level), count: Number(row.count), key: Number(row.key) };
  });
}

/** Table 2's people (managed at level 2 or 3 in the year, in the area) under this report's pseudonyms, with their category and highest level. */
export async function level2Or3CohortOf(
  db: Database,
  area: MappaArea | null,
  year: number,
  querySecret: string,
  keySecret: string,
): Promise<MappaStatisticsCohortMember[]> {
  const rows = rowsOf<{ pnc_id: string; category: number; level: number }>(
    await withoutJit(db, (tx) => tx.execute(level2Or3InYearSql(area, year))),
  );
  return rows.map((row) => ({
    pseudonym: pseudonymOf(querySecret, row.pnc_id),
    recordKey: recordKeyOf(keySecret, row.pnc_id),
    category: Number(row.category),
    level: Number(row.level),
  }));
}
