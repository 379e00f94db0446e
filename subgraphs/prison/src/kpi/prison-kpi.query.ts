import { sql } from 'drizzle-orm';
import { meetingSubjectKey, pseudonymsOf, RECORD_KEY_RANGE, recordKeySql } from '@mappa/shared';
import type { Database, MappaArea } from '@mappa/shared';
import type { PrisonKpiCell, PrisonMappaFProvided } from './prison-kpi.type';

const rowsOf = <Row>(result: unknown): Row[] => (result as { rows: Row[] }).rows;

/**
 * The prison's part of the MAPPA KPIs (C §7.2 KPI 7, B §5: a MAPPA F to every level 2 or 3 meeting the
 * prison is invited to), in one grouped statement: its MAPPA F reports for meetings on a day in the
 * period, of people whose responsible MAPPA area is `area`, on time when dated before the meeting day
 * (so the meeting had it). Restricted (principle 7) records are in no statistic.
 */
export async function prisonKpiCellsOf(
  db: Database,
  area: MappaArea,
  first: string,
  last: string,
  keySecret: string,
): Promise<PrisonKpiCell[]> {
  const key = recordKeySql(keySecret, sql.raw('p.pnc_id'));
  const rows = rowsOf<{ met: number; met_key: number; not_met: number; not_met_key: number }>(
    await db.execute(sql`
      select (count(*) filter (where f.report_date < f.meeting_date))::int as met,
        (coalesce(sum(${key}) filter (where f.report_date < f.meeting_date), 0) % ${RECORD_KEY_RANGE})::int as met_key,
        (count(*) filter (where f.report_date >= f.meeting_date))::int as not_met,
        (coalesce(sum(${key}) filter (where f.report_date >= f.meeting_date), 0) % ${RECORD_KEY_RANGE})::int as not_met_key
      from prison.mappa_f_report f join prison.prisoner p on p.prison_number = f.prison_number
      where p.mappa_area = ${area} and not p.ct_restricted and f.meeting_date between ${first}::date and ${last}::date`),
  );
  return rows.map((row) => ({
    kpi: 'MAPPA_F_PROVIDED_ON_TIME',
    group: '',
    met: Number(row.met),
    metKey: Number(row.met_key),
    notMet: Number(row.not_met),
    notMetKey: Number(row.not_met_key),
  }));
}

/**
 * The meetings from `first` to `last` the prison provided a MAPPA F to (a report dated before the
 * meeting day, so the meeting had it: C §7.2 KPI 7 "or providing MAPPA F"), of people whose responsible
 * MAPPA area is `area`, as pseudonyms of the person and the meeting day under the query's own secret.
 * Restricted (principle 7) records are in no statistic.
 */
export async function mappaFProvidedOf(
  db: Database,
  area: MappaArea,
  first: string,
  last: string,
  querySecret: string,
): Promise<PrisonMappaFProvided> {
  const rows = rowsOf<{ pnc_id: string; meeting_date: string }>(
    await db.execute(sql`
      select distinct p.pnc_id, f.meeting_date::text as meeting_date
      from prison.mappa_f_report f join prison.prisoner p on p.prison_number = f.prison_number
      where p.mappa_area = ${area} and not p.ct_restricted and f.meeting_date between ${first}::date and ${last}::date
        and f.report_date < f.meeting_date`),
  );
  return {
    pseudonym: pseudonymsOf(
      querySecret,
      rows.map((row) => meetingSubjectKey(row.pnc_id, row.meeting_date)),
    ),
  };
}
