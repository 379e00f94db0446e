import { sql } from 'drizzle-orm';
import { pseudonymOf } from '@mappa/shared';
import type { Database, MappaArea } from '@mappa/shared';
import type { PoliceStatisticsSubject } from './police-statistics.type';

const rowsOf = <Row>(result: unknown): Row[] => (result as { rows: Row[] }).rows;

/**
 * The police's dimensions for every person it holds in the area (principle 7 records left out), in
 * one statement, worked out in SQL so that only the band or code leaves the database (never a date).
 * The PNC ID leaves only as its pseudonym under this query's secret.
 */
export async function statisticsSubjectsOf(db: Database, area: MappaArea, querySecret: string): Promise<PoliceStatisticsSubject[]> {
  const rows = rowsOf<{ pnc_id: string; gender: string; ageBand: string }>(
    await db.execute(sql`
      select pnc_id, gender,
        case
          when age < 18 then 'UNDER_18'
          when age <= 25 then 'AGE_18_TO_25'
          when age <= 35 then 'AGE_26_TO_35'
          when age <= 50 then 'AGE_36_TO_50'
          else 'AGE_51_AND_OVER'
        end as "ageBand"
      from (select pnc_id, gender, extract(year from age(current_date, date_of_birth))::int as age from police.person where mappa_area = ${area} and not ct_restricted) people`),
  );
  return rows.map((row) => ({ pseudonym: pseudonymOf(querySecret, row.pnc_id), gender: row.gender, ageBand: row.ageBand }));
}
