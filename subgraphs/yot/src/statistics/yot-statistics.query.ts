import { sql } from 'drizzle-orm';
import { pseudonymsOf } from '@mappa/shared';
import type { Database, MappaArea } from '@mappa/shared';
import type { YotStatisticsSubjects } from './yot-statistics.type';

const rowsOf = <Row>(result: unknown): Row[] => (result as { rows: Row[] }).rows;

/**
 * The YOT's dimension for every young person it holds in the area (principle 7 records left out), in
 * one statement: only the state of the case leaves, never a date of birth, a reference or a local
 * authority. The PNC ID leaves only as its pseudonym under this query's secret.
 */
export async function statisticsSubjectsOf(db: Database, area: MappaArea, querySecret: string): Promise<YotStatisticsSubjects> {
  const rows = rowsOf<{ pnc_id: string; youthJustice: string }>(
    await db.execute(sql`
      select pnc_id,
        case status when 'OPEN' then 'YOT_MANAGED' when 'IN_BREACH' then 'YOT_MANAGED' when 'TRANSITIONING' then 'TRANSITIONING' else 'CLOSED' end as "youthJustice"
      from yot.youth_case
      where area = ${area} and not ct_restricted`),
  );
  return {
    pseudonym: pseudonymsOf(
      querySecret,
      rows.map((row) => row.pnc_id),
    ),
    youthJustice: rows.map((row) => row.youthJustice),
  };
}
