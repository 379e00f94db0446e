import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { isSelected, pseudonymsOf, subjectColumnsOf } from '@mappa/shared';
import type { CalendarDate, Database, MappaArea, StatisticsPeriod } from '@mappa/shared';
import type { PoliceStatisticsSubjects } from './police-statistics.type';

/** The statement's columns, entry i of each being one person. */
interface SubjectColumns {
  [column: string]: readonly unknown[];
  pnc_id: string[];
  gender: string[];
  ageBand: string[];
  ethnicityGroup: string[];
  orderTypes: (string | null)[];
  ordersImposed: (number | null)[];
  orderBreaches: (number | null)[];
  notificationBreaches: (number | null)[];
}

/**
 * The police's dimensions for every person it holds in the area (principle 7 records left out), in
 * one statement, worked out in SQL so that only the band or code leaves the database (never a date,
 * never the 18+1 ethnicity code: only its census group). The PNC ID leaves only as its pseudonym under
 * this query's secret. Events are counted in the period (both ends included); none without a period.
 * Only the `fields` selected (null: all) are worked out: each order or event column is a look-up per
 * person, which an aggregate that does not use it must not pay for (issue 13); the others are null.
 * Ages and orders in force are as on `today` (England and Wales), never the database server's date.
 */
export async function statisticsSubjectsOf(
  db: Database,
  area: MappaArea,
  querySecret: string,
  period: StatisticsPeriod,
  today: CalendarDate,
  fields: ReadonlySet<string> | null = null,
): Promise<PoliceStatisticsSubjects> {
  const from = sql`${period.from}::date`;
  const to = sql`${period.to}::date`;
  const counted = period.from !== null;
  const when = (field: string, column: SQL, needsPeriod = false): SQL =>
    isSelected(fields, field) && (!needsPeriod || counted) ? column : sql`null`;
  const columns = await subjectColumnsOf<SubjectColumns>(
    db,
    sql`
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
        ${when(
          'orderTypes',
          sql`(select string_agg(distinct o.type, ',') from police.civil_order o
          where o.pnc_id = p.pnc_id and o.start_date <= ${today}::date and (o.end_date is null or o.end_date >= ${today}::date))`,
        )} as "orderTypes",
        ${when('ordersImposed', sql`(select count(*) from police.civil_order o where o.pnc_id = p.pnc_id and o.made_date between ${from} and ${to})::int`, true)} as "ordersImposed",
        ${when('orderBreaches', sql`(select count(*) from police.civil_order_breach b where b.pnc_id = p.pnc_id and b.breach_date between ${from} and ${to})::int`, true)} as "orderBreaches",
        ${when('notificationBreaches', sql`(select count(*) from police.notification_breach n where n.pnc_id = p.pnc_id and n.breach_date between ${from} and ${to})::int`, true)} as "notificationBreaches"
      from (select pnc_id, gender, ethnicity_code, extract(year from age(${today}::date, date_of_birth))::int as age
        from police.person where mappa_area = ${area} and not ct_restricted) p`,
    ['pnc_id', 'gender', 'ageBand', 'ethnicityGroup', 'orderTypes', 'ordersImposed', 'orderBreaches', 'notificationBreaches'],
  );
  // An event column is null without a period.
  const events = (counts: readonly (number | null)[]) => (counted ? counts.map(Number) : null);
  return {
    pseudonym: pseudonymsOf(querySecret, columns.pnc_id),
    gender: columns.gender,
    ageBand: columns.ageBand,
    ethnicityGroup: columns.ethnicityGroup,
    orderTypes: columns.orderTypes.map((types) => (types === null ? ['NONE'] : types.split(','))),
    ordersImposed: events(columns.ordersImposed),
    orderBreaches: events(columns.orderBreaches),
    notificationBreaches: events(columns.notificationBreaches),
  };
}
