import { sql } from 'drizzle-orm';
import { pseudonymOf } from '@mappa/shared';
import type { Database, MappaArea } from '@mappa/shared';
import type { ProbationStatisticsSubject } from './probation-statistics.type';

const rowsOf = <Row>(result: unknown): Row[] => (result as { rows: Row[] }).rows;

/**
 * The probation service's dimensions for every person it holds in the area (principle 7 records left out), in
 * one statement, worked out in SQL so that only the band or code leaves the database (never a date).
 * The PNC ID leaves only as its pseudonym under this query's secret.
 */
export async function statisticsSubjectsOf(db: Database, area: MappaArea, querySecret: string): Promise<ProbationStatisticsSubject[]> {
  const rows = rowsOf<{ pnc_id: string; supervisionType: string; riskOfSeriousHarm: string }>(
    await db.execute(sql`
      select c.pnc_id,
        case when c.status = 'CURRENT' then coalesce(c.supervision_type, 'NONE') else 'NOT_CURRENT' end as "supervisionType",
        coalesce(r.overall_risk_level, 'NOT_ASSESSED') as "riskOfSeriousHarm"
      from probation.probation_case c left join probation.risk_of_serious_harm r on r.crn = c.crn
      where c.area = ${area} and not c.ct_restricted`),
  );
  return rows.map((row) => ({ pseudonym: pseudonymOf(querySecret, row.pnc_id), supervisionType: row.supervisionType, riskOfSeriousHarm: row.riskOfSeriousHarm }));
}
