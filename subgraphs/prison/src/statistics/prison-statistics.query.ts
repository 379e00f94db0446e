import { sql } from 'drizzle-orm';
import { pseudonymsOf } from '@mappa/shared';
import type { CalendarDate, Database, MappaArea, StatisticsPeriod } from '@mappa/shared';
import type { PrisonStatisticsSubjects } from './prison-statistics.type';

const rowsOf = <Row>(result: unknown): Row[] => (result as { rows: Row[] }).rows;

interface SubjectRow {
  pnc_id: string;
  custodyStatus: string;
  releaseWithin: string | null;
  releases: number;
}

/**
 * The prison's dimensions for every prisoner it records for the area (principle 7 records left out),
 * in one statement, worked out in SQL so that only a code leaves the database (never a date, an
 * establishment or a prison number). The PNC ID leaves only as its pseudonym under this query's
 * secret. A release is the booking's last movement when it is a release dated in the period: the
 * prison keeps the current booking's last movement, so someone released and taken back into custody
 * in the same period counts under their new status, not as released. "Within N days" counts from
 * `today` (England and Wales), never the database server's date.
 */
export async function statisticsSubjectsOf(
  db: Database,
  area: MappaArea,
  querySecret: string,
  period: StatisticsPeriod,
  releaseWithinDays: number | null,
  today: CalendarDate,
): Promise<PrisonStatisticsSubjects> {
  const rows = rowsOf<SubjectRow>(
    await db.execute(sql`
      select p.pnc_id,
        case
          when p.in_out_status = 'OUT' then 'RELEASED'
          when p.legal_status in ('REMAND', 'CONVICTED_UNSENTENCED') then 'REMAND'
          else p.legal_status
        end as "custodyStatus",
        case
          when ${releaseWithinDays}::int is null then null
          when p.in_out_status = 'OUT' then 'NOT_IN_CUSTODY'
          when s.release_date is null then 'NO_RELEASE_DATE'
          when s.release_date <= ${today}::date + ${releaseWithinDays}::int then 'WITHIN'
          else 'LATER'
        end as "releaseWithin",
        (case when p.last_movement_type = 'RELEASE' and p.last_movement_date between ${period.from}::date and ${period.to}::date then 1 else 0 end)::int as releases
      from prison.prisoner p left join prison.sentence s on s.prison_number = p.prison_number
      where p.mappa_area = ${area} and not p.ct_restricted`),
  );
  const counted = period.from !== null;
  // Parallel columns, entry i of each being row i; "release within" is null unless asked, releases without a period.
  return {
    pseudonym: pseudonymsOf(
      querySecret,
      rows.map((row) => row.pnc_id),
    ),
    custodyStatus: rows.map((row) => row.custodyStatus),
    releaseWithin: releaseWithinDays === null ? null : rows.map((row) => row.releaseWithin),
    releases: counted ? rows.map((row) => Number(row.releases)) : null,
  };
}
