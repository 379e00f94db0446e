import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { pseudonymsOf, RECORD_KEY_RANGE, recordKeySql } from '@mappa/shared';
import type { Database, MappaArea } from '@mappa/shared';
import type { PoliceStatisticsCell } from './police-annual-report.type';

/*
 * The annual report tables the police count (C §7.3, issue 13), each one grouped SQL statement over the
 * police's own records of the people it holds in the area (police.person.mappa_area; every area when
 * the area is null, for the national tables). Principle 7 records are in no statistic.
 */

const rowsOf = <Row>(result: unknown): Row[] => (result as { rows: Row[] }).rows;

/** The reporting year starting 1 April `year`: its first and last day. */
const reportingYear = (year: number) => ({ first: `${year}-04-01`, last: `${year + 1}-03-31` });

const inArea = (area: MappaArea | null): SQL => (area === null ? sql`true` : sql`p.mappa_area = ${area}`);

/**
 * Table 3: registered sex offenders cautioned or convicted for breach of their notification
 * requirements in the year (the caution's or the conviction's day in the year), each person once, by
 * the outcome of their latest such breach (CAUTIONED or CONVICTED).
 *
 * Table 4: civil orders imposed by the courts in the year (made date in the year), counted as orders:
 * sexual harm prevention orders and the sexual offences prevention orders they replaced together
 * (SOPO_OR_SHPO), notification orders, foreign travel orders.
 */
export async function annualReportCellsOf(
  db: Database,
  area: MappaArea | null,
  year: number,
  keySecret: string,
): Promise<PoliceStatisticsCell[]> {
  const { first, last } = reportingYear(year);
  const key = recordKeySql(keySecret, sql.raw('pnc_id'));
  const breaches = rowsOf<{ row: string; count: number; key: number }>(
    await db.execute(sql`
      select outcome as row, count(*)::int as count, (sum(${key}) % ${RECORD_KEY_RANGE})::int as key
      from (
        select distinct on (b.pnc_id) b.pnc_id, b.outcome
        from police.notification_breach b join police.person p on p.pnc_id = b.pnc_id
        where b.outcome in ('CAUTIONED', 'CONVICTED') and b.outcome_date between ${first}::date and ${last}::date and ${inArea(area)} and not p.ct_restricted
        order by b.pnc_id, b.outcome_date desc, b.id desc
      ) breached
      group by outcome`),
  );
  const orders = rowsOf<{ row: string; count: number; key: number }>(
    await db.execute(sql`
      select row, count(*)::int as count, (sum(${key}) % ${RECORD_KEY_RANGE})::int as key
      from (
        select o.pnc_id, case when o.type in ('SOPO', 'SHPO') then 'SOPO_OR_SHPO' else o.type end as row
        from police.civil_order o join police.person p on p.pnc_id = o.pnc_id
        where o.type in ('SOPO', 'SHPO', 'NOTIFICATION_ORDER', 'FOREIGN_TRAVEL_ORDER') and o.made_date between ${first}::date and ${last}::date and ${inArea(area)} and not p.ct_restricted
      ) imposed
      group by row`),
  );
  return [
    ...breaches.map((row) => ({ table: 'NOTIFICATION_BREACH', row: row.row, count: Number(row.count), key: Number(row.key) })),
    ...orders.map((row) => ({ table: 'CIVIL_ORDERS_IMPOSED', row: row.row, count: Number(row.count), key: Number(row.key) })),
  ];
}

/**
 * Table 5 (the police's part): the people sent to custody for breach of a civil order (SHPO, SOPO,
 * sexual risk order, notification or foreign travel order) in the year (sentence day in the year),
 * under this report's pseudonyms; the gateway keeps those managed at level 2 or 3.
 */
export async function sentToCustodyForBreachOfOrderOf(
  db: Database,
  area: MappaArea | null,
  year: number,
  querySecret: string,
): Promise<string[]> {
  const { first, last } = reportingYear(year);
  const rows = rowsOf<{ pnc_id: string }>(
    await db.execute(sql`
      select distinct b.pnc_id from police.civil_order_breach b join police.person p on p.pnc_id = b.pnc_id
      where b.outcome = 'CONVICTED_CUSTODY' and b.outcome_date between ${first}::date and ${last}::date and ${inArea(area)} and not p.ct_restricted`),
  );
  return pseudonymsOf(
    querySecret,
    rows.map((row) => row.pnc_id),
  );
}
