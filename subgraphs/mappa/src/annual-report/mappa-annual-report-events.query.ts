import { sql } from 'drizzle-orm';
import { addKeys, pseudonymsOf, RECORD_KEY_RANGE, recordKeyOf, recordKeySql } from '@mappa/shared';
import type { Database, MappaArea } from '@mappa/shared';
import { annualReportSql, inArea, reportingYear, valueOn, withoutJit } from '../statistics/mappa-statistics.query';
import type { MappaStatisticsCohort, MappaStatisticsTableCell } from './mappa-annual-report-events.type';

/*
 * The MAPPA unit's part of the annual report (C §7.3, issue 13), asked once per report: tables 1 and 2,
 * serious further offences from MAPPA N (tables 7-9), and table 2's people under a pseudonym for this
 * report alone, so that the gateway can count table 5 (returns to custody of level 2 and 3 offenders)
 * with the police's and probation's returns. Principle 7 cases are in no statistic.
 */

const rowsOf = <Row>(result: unknown): Row[] => (result as { rows: Row[] }).rows;

/**
 * Tables 7-9: the MAPPA N notifications of serious further offence charges in the year (charge date
 * from 1 April to 31 March), of cases in the area on the day of the charge, by the level recorded in
 * sections 1-4 and: the category (table 7, charges), the SMB chair's serious case review decision
 * (table 8; PENDING until recorded) and the charge's outcome as recorded now (table 9). One statement:
 * three groupings of the same notifications. It is driven by the year's notifications (a few hundred
 * nationally), each case found by its key, and the area filter is on the area on the day only: a
 * pre-filter of the cases that may be in the area made the planner read every case to hash them
 * (1.7-2.3 s at 1,043,700 cases against 0.1-0.2 s without it, the same rows; issue 13).
 */
async function seriousFurtherOffenceCells(
  tx: Database,
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
    await tx.execute(sql`
      select category, decision, outcome, level, count(*)::int as count, (sum(${key}) % ${RECORD_KEY_RANGE})::int as key
      from (
        select n.pnc_id, n.category_at_charge as category, n.level_at_charge as level, coalesce(n.scr_decision, 'PENDING') as decision, n.outcome,
          ${valueOn('AREA', sql`n.charge_date`, sql`c.area`)} as area
        from mappa.sfo_notification n join mappa.mappa_case c on c.case_id = n.case_id
        where n.charge_date between ${first}::date and ${last}::date and not c.ct_restricted
      ) charged
      where ${inArea(area)} and category between 1 and 3 and level between 1 and 3
      group by grouping sets ((category, level), (decision, level), (outcome, level))`),
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

/**
 * The MAPPA unit's whole part of an area's annual report, in one transaction of two statements: tables
 * 1 and 2 and table 2's people from one pass over the year's cases (`annualReportSql`), and tables 7-9
 * (`seriousFurtherOffenceCells`). Table 2 is counted here from its people's rows, keyed by the same
 * record key the SQL uses; their PNC IDs leave as this report's pseudonyms only.
 */
export async function annualReportOf(
  db: Database,
  area: MappaArea | null,
  year: number,
  querySecret: string,
  keySecret: string,
): Promise<{ cells: MappaStatisticsTableCell[]; level2Or3InYear: MappaStatisticsCohort }> {
  return withoutJit(db, async (tx) => {
    const rows = rowsOf<{ category: number; level: number; count: number; key: number; person: string | null }>(
      await tx.execute(annualReportSql(area, year, keySecret)),
    );
    const sfo = await seriousFurtherOffenceCells(tx, area, year, keySecret);
    const cells: MappaStatisticsTableCell[] = [];
    // Table 2's people as parallel columns (entry i of each is one person): see MappaStatisticsCohort.
    // Their pseudonyms are made together after the loop, the query's key prepared once (pseudonymsOf).
    const people: string[] = [];
    const level2Or3InYear: Omit<MappaStatisticsCohort, 'pseudonym'> = { recordKey: [], category: [], level: [] };
    const inYear = new Map<string, MappaStatisticsTableCell>();
    for (const row of rows) {
      const category = String(row.category);
      const level = String(row.level);
      if (row.person === null) {
        cells.push({ table: 'OFFENDERS_ON_31_MARCH', row: category, column: level, count: Number(row.count), key: Number(row.key) });
        continue;
      }
      const recordKey = recordKeyOf(keySecret, row.person);
      people.push(row.person);
      level2Or3InYear.recordKey.push(recordKey);
      level2Or3InYear.category.push(Number(row.category));
      level2Or3InYear.level.push(Number(row.level));
      // Counted in place: one object per cell, not one per person (30,600 people at 1,000,000, issue 13).
      const cellName = `${category}:${level}`;
      let cell = inYear.get(cellName);
      if (cell === undefined) {
        cell = { table: 'LEVEL_2_3_IN_YEAR', row: category, column: level, count: 0, key: 0 };
        inYear.set(cellName, cell);
      }
      cell.count += 1;
      cell.key = addKeys(cell.key, recordKey);
    }
    return {
      cells: [...cells, ...inYear.values(), ...sfo],
      level2Or3InYear: { pseudonym: pseudonymsOf(querySecret, people), ...level2Or3InYear },
    };
  });
}
