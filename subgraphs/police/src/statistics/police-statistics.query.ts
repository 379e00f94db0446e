import { sql } from 'drizzle-orm';
import { pseudonymOf } from '@mappa/shared';
import type { Database, MappaArea, StatisticsPeriod } from '@mappa/shared';
import type { PoliceStatisticsSubject } from './police-statistics.type';

const rowsOf = <Row>(result: unknown): Row[] => (result as { rows: Row[] }).rows;

interface SubjectRow {
  pnc_id: string;
  gender: string;
  ageBand: string;
  ethnicityGroup: string;
  orderTypes: string | null;
  ordersImposed: number;
  orderBreaches: number;
  notificationBreaches: number;
}

/**
 * The police's dimensions for every person it holds in the area (principle 7 records left out), in
 * one statement, worked out in SQL so that only the band or code leaves the database (never a date,
 * never the 18+1 ethnicity code: only its census group). The PNC ID leaves only as its pseudonym under
 * this query's secret. Events are counted in the period (both ends included); none without a period.
 */
export async function statisticsSubjectsOf(db: Database, area: MappaArea, querySecret: string, period: StatisticsPeriod): Promise<PoliceStatisticsSubject[]> {
  const from = sql`${period.from}::date`;
  const to = sql`${period.to}::date`;
  const rows = rowsOf<SubjectRow>(
    await db.execute(sql`
      select p.pnc_id, p.gender,
        case
          when p.age < 18 then 'UNDER_18'
          when p.age <= 25 then 'AGE_18_TO_25'
          when p.age <= 35 then 'AGE_26_TO_35'
          when p.age <= 50 then 'AGE_36_TO_50'
          else 'AGE_51_AND_OVER'
        end as "ageBand",
        case left(p.ethnicity_code, 1)
          when 'W' then 'WHITE' when 'M' then 'MIXED' when 'A' then 'ASIAN' when 'B' then 'BLACK' when 'O' then 'OTHER'
          else 'NOT_STATED'
        end as "ethnicityGroup",
        (select string_agg(distinct o.type, ',') from police.civil_order o
          where o.pnc_id = p.pnc_id and o.start_date <= current_date and (o.end_date is null or o.end_date >= current_date)) as "orderTypes",
        (select count(*) from police.civil_order o where o.pnc_id = p.pnc_id and o.made_date between ${from} and ${to})::int as "ordersImposed",
        (select count(*) from police.civil_order_breach b where b.pnc_id = p.pnc_id and b.breach_date between ${from} and ${to})::int as "orderBreaches",
        (select count(*) from police.notification_breach n where n.pnc_id = p.pnc_id and n.breach_date between ${from} and ${to})::int as "notificationBreaches"
      from (select pnc_id, gender, ethnicity_code, extract(year from age(current_date, date_of_birth))::int as age
        from police.person where mappa_area = ${area} and not ct_restricted) p`),
  );
  const counted = period.from !== null;
  return rows.map((row) => ({
    pseudonym: pseudonymOf(querySecret, row.pnc_id),
    gender: row.gender,
    ageBand: row.ageBand,
    ethnicityGroup: row.ethnicityGroup,
    orderTypes: row.orderTypes === null ? ['NONE'] : row.orderTypes.split(','),
    ordersImposed: counted ? Number(row.ordersImposed) : null,
    orderBreaches: counted ? Number(row.orderBreaches) : null,
    notificationBreaches: counted ? Number(row.notificationBreaches) : null,
  }));
}
