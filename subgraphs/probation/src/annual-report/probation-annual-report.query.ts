import { sql } from 'drizzle-orm';
import { pseudonymsOf } from '@mappa/shared';
import type { Database, MappaArea } from '@mappa/shared';
import type { ProbationStatisticsRecalls } from './probation-annual-report.type';

const rowsOf = <Row>(result: unknown): Row[] => (result as { rows: Row[] }).rows;

/**
 * Table 5 (probation's part, C §7.3, issue 13): the people of the area (probation_case.area; every
 * area when null) returned to custody on recall, that is for breach of licence, in the reporting year
 * (the day back in custody from 1 April to 31 March), each once with the reason of their latest such
 * recall, under this report's pseudonyms. One statement; principle 7 cases are in no statistic.
 */
export async function returnedToCustodyOnRecallOf(
  db: Database,
  area: MappaArea | null,
  year: number,
  querySecret: string,
): Promise<ProbationStatisticsRecalls> {
  const rows = rowsOf<{ pnc_id: string; reason: string }>(
    await db.execute(sql`
      select distinct on (c.pnc_id) c.pnc_id, r.reason
      from probation.recall r join probation.probation_case c on c.crn = r.crn
      where r.returned_to_custody_date between ${`${year}-04-01`}::date and ${`${year + 1}-03-31`}::date
        and ${area === null ? sql`true` : sql`c.area = ${area}`} and not c.ct_restricted
      order by c.pnc_id, r.returned_to_custody_date desc, r.recall_id desc`),
  );
  return {
    pseudonym: pseudonymsOf(
      querySecret,
      rows.map((row) => row.pnc_id),
    ),
    reason: rows.map((row) => row.reason),
  };
}
