import { sql } from 'drizzle-orm';
import { DUTY_TO_CO_OPERATE_AGENCIES, meetingSubjectKey, pseudonymsOf, RECORD_KEY_RANGE, recordKeySql } from '@mappa/shared';
import type { CalendarDate, Database, MappaArea } from '@mappa/shared';
import type { MappaKpiCell, MappaPrisonInvitations } from './mappa-kpi.type';

/*
 * The MAPPA KPIs (C §7.2, guidance 31.21) the MAPPA unit counts from its own workflow records, for an
 * area and a period, in ONE grouped SQL statement: no row per meeting or person leaves the database.
 * Each KPI is a count of units that met the standard and a count that did not, each with its cell key
 * (the sum of the record keys of the units' subjects), for the gateway's disclosure control.
 *
 * A meeting is a MAPP meeting (INITIAL or REVIEW; a professionals meeting is not) that was HELD, on a
 * day (UTC) in the period, in the area. Its level is the one its decision records before (the level the
 * case was managed at when it met). Category 4 and restricted ViSOR cases are in no statistic
 * (principle 7), nor are referrals seeking category 4.
 */

/** The KPIs the MAPPA unit counts, in the order they are published. */
export const MAPPA_KPIS = [
  'LEVEL_3_REVIEWED_WITHIN_8_WEEKS',
  'LEVEL_2_REVIEWED_WITHIN_16_WEEKS',
  'DISCLOSURE_CONSIDERED_AND_MINUTED',
  'UNDER_18_YOT_AND_CHILDRENS_SERVICES_ATTENDED',
  'SMB_MEMBER_ATTENDED',
  'DTC_AGENCY_ATTENDED',
  'INVITED_AGENCY_ATTENDED',
  'POLICE_ATTENDED_AT_GRADE',
  'PROBATION_ATTENDED_AT_GRADE',
  'MINUTES_DISTRIBUTED_ON_TIME',
  'REFERRAL_SCREENED_ON_TIME',
] as const;
export type MappaKpi = (typeof MAPPA_KPIS)[number];

/** KPI 6's agencies: the duty-to-co-operate agencies, youth offending teams among them (CJA 2003 s.325(6)). */
export const DTC_INVITEES = ['yot', ...DUTY_TO_CO_OPERATE_AGENCIES] as const;

const rowsOf = <Row>(result: unknown): Row[] => (result as { rows: Row[] }).rows;

/** The KPI cells of `area` for the days `first` to `last` (both included); a deadline has passed when it is before `today` (England and Wales). */
export async function kpiCellsOf(
  db: Database,
  area: MappaArea,
  first: string,
  last: string,
  keySecret: string,
  today: CalendarDate,
): Promise<MappaKpiCell[]> {
  const key = recordKeySql(keySecret, sql.raw('pnc_id'));
  const rows = rowsOf<{ kpi: MappaKpi; grp: string; met: number; met_key: number; not_met: number; not_met_key: number }>(
    await db.execute(sql`
      with held as (
        -- Every held MAPP meeting of the area's cases in statistics, with the previous one of its case.
        select m.meeting_id, m.case_id, m.pnc_id, m.kind,
          (m.scheduled_for at time zone 'Europe/London')::date as day,
          coalesce(d.level_before, c.level) as level,
          c.subject_date_of_birth,
          lag((m.scheduled_for at time zone 'Europe/London')::date) over (partition by m.case_id order by m.scheduled_for) as previous_day
        from mappa.meeting m
          join mappa.mappa_case c on c.case_id = m.case_id
          left join mappa.meeting_decision d on d.meeting_id = m.meeting_id
        where m.area = ${area} and m.status = 'HELD' and m.kind in ('INITIAL', 'REVIEW') and not c.ct_restricted and c.category <> 4
      ),
      meetings as (select * from held where day between ${first}::date and ${last}::date),
      units as (
        -- KPI 1 and 2: each review held in the period, on time when within 8 (level 3) or 16 (level 2) weeks of the case's previous meeting.
        select case when level = 3 then 'LEVEL_3_REVIEWED_WITHIN_8_WEEKS' else 'LEVEL_2_REVIEWED_WITHIN_16_WEEKS' end as kpi, '' as grp, pnc_id,
          day - previous_day <= case when level = 3 then 56 else 112 end as met
        from meetings where kind = 'REVIEW' and level in (2, 3) and previous_day is not null
        union all
        -- KPI 3: disclosure considered (the consideration recorded) and the decision in the approved minutes.
        select 'DISCLOSURE_CONSIDERED_AND_MINUTED', '', pnc_id,
          exists (select 1 from mappa.disclosure_consideration k where k.meeting_id = meetings.meeting_id)
            and exists (select 1 from mappa.meeting_minutes v where v.meeting_id = meetings.meeting_id and v.status = 'APPROVED' and v.disclosure_considered)
        from meetings
        union all
        -- KPI 4: under 18 on the meeting day, and both the YOT and children's services signed attendance.
        select 'UNDER_18_YOT_AND_CHILDRENS_SERVICES_ATTENDED', '', pnc_id,
          exists (select 1 from mappa.meeting_attendance a where a.meeting_id = meetings.meeting_id and a.agency = 'yot')
            and exists (select 1 from mappa.meeting_attendance a where a.meeting_id = meetings.meeting_id and a.agency = 'children_social_care')
        from meetings where subject_date_of_birth is not null and day < subject_date_of_birth + interval '18 years'
        union all
        -- KPI 5: each member of the area's Strategic Management Board who sat for a board meeting held in the period:
        -- met when present at 75% or more of those held while they sat (the key is the member's, not a subject's).
        select 'SMB_MEMBER_ATTENDED', '', s.member_id, 4 * count(a.member_id) >= 3 * count(*)
        from mappa.smb_member s
          join mappa.smb_meeting b on b.area = s.area and b.held_on between ${first}::date and ${last}::date
            and b.held_on >= s.joined_on and (s.left_on is null or b.held_on <= s.left_on)
          left join mappa.smb_attendance a on a.smb_meeting_id = b.smb_meeting_id and a.member_id = s.member_id
        where s.area = ${area}
        group by s.member_id
        union all
        -- KPI 6: each duty-to-co-operate agency (the YOT among them) invited to a level 2 or 3 meeting, invitation not
        -- withdrawn: met when answered by a signed attendance (video or phone count; the guidance names no grade for them).
        select 'DTC_AGENCY_ATTENDED', i.invitee_agency, meetings.pnc_id,
          exists (select 1 from mappa.meeting_attendance a where a.invitation_id = i.invitation_id)
        from meetings join mappa.meeting_invitation i on i.meeting_id = meetings.meeting_id
        where i.withdrawn_at is null and meetings.level in (2, 3) and i.invitee_agency in (${sql.join(
          DTC_INVITEES.map((agency) => sql`${agency}`),
          sql`, `,
        )})
        union all
        -- KPI 6-9 (attendance by agency): each invitation not withdrawn, met when answered by a signed attendance.
        select 'INVITED_AGENCY_ATTENDED', i.invitee_agency, meetings.pnc_id,
          exists (select 1 from mappa.meeting_attendance a where a.invitation_id = i.invitation_id)
        from meetings join mappa.meeting_invitation i on i.meeting_id = meetings.meeting_id
        where i.withdrawn_at is null
        union all
        -- KPI 8 and 9: each meeting, met when the police (probation) signed attendance at the grade its level asks
        -- for: a middle manager (Inspector; Senior Probation Officer) at level 2, a senior manager (Superintendent; ACO) at level 3.
        select 'POLICE_ATTENDED_AT_GRADE', '', pnc_id,
          exists (select 1 from mappa.meeting_attendance a where a.meeting_id = meetings.meeting_id and a.agency = 'police'
            and (a.grade = 'SENIOR_MANAGER' or (meetings.level = 2 and a.grade = 'MIDDLE_MANAGER')))
        from meetings where level in (2, 3)
        union all
        select 'PROBATION_ATTENDED_AT_GRADE', '', pnc_id,
          exists (select 1 from mappa.meeting_attendance a where a.meeting_id = meetings.meeting_id and a.agency = 'probation'
            and (a.grade = 'SENIOR_MANAGER' or (meetings.level = 2 and a.grade = 'MIDDLE_MANAGER')))
        from meetings where level in (2, 3)
        union all
        -- Minutes (B §6): distributed by the first version's due date; not yet distributed counts once that date has passed.
        select 'MINUTES_DISTRIBUTED_ON_TIME', '', pnc_id, distributed is not null and distributed <= due
        from (
          select meetings.pnc_id,
            (select v.due_date from mappa.meeting_minutes v where v.meeting_id = meetings.meeting_id order by v.version limit 1) as due,
            (select min((v.distributed_at at time zone 'Europe/London')::date) from mappa.meeting_minutes v where v.meeting_id = meetings.meeting_id) as distributed
          from meetings
        ) minutes
        where due is not null and (distributed is not null or due < ${today}::date)
        union all
        -- Referrals (A §2.5): screened within 10 days of submission; unscreened counts once its due date has passed.
        select 'REFERRAL_SCREENED_ON_TIME', '', pnc_id,
          screened_at is not null and (screened_at at time zone 'Europe/London')::date <= screening_due_date
        from mappa.referral
        where area = ${area} and category_sought <> 4 and submitted_at is not null
          and (submitted_at at time zone 'Europe/London')::date between ${first}::date and ${last}::date
          and (screened_at is not null or (status = 'SUBMITTED' and screening_due_date < ${today}::date))
      )
      select kpi, grp,
        (count(*) filter (where met))::int as met,
        (coalesce(sum(${key}) filter (where met), 0) % ${RECORD_KEY_RANGE})::int as met_key,
        (count(*) filter (where not met))::int as not_met,
        (coalesce(sum(${key}) filter (where not met), 0) % ${RECORD_KEY_RANGE})::int as not_met_key
      from units
      group by kpi, grp`),
  );
  return rows.map((row) => ({
    kpi: row.kpi,
    group: row.grp,
    met: Number(row.met),
    metKey: Number(row.met_key),
    notMet: Number(row.not_met),
    notMetKey: Number(row.not_met_key),
  }));
}

/**
 * The prison's invitations, not withdrawn, to the area's held MAPP meetings on a day from `first` to
 * `last` (the meetings every KPI counts), one entry each, for KPI 7 as one figure ("attends ... or
 * provides MAPPA F", C §7.2): whether a signed attendance answers it, and a pseudonym of the subject and
 * the meeting day under the query's own secret, by which the gateway finds the prison's MAPPA F for that
 * meeting. No date and no PNC ID leaves the database's answer but as that pseudonym.
 */
export async function prisonInvitationsOf(
  db: Database,
  area: MappaArea,
  first: string,
  last: string,
  keySecret: string,
  querySecret: string,
): Promise<MappaPrisonInvitations> {
  const rows = rowsOf<{ pnc_id: string; day: string; record_key: number; attended: boolean }>(
    await db.execute(sql`
      select m.pnc_id, to_char(m.scheduled_for at time zone 'Europe/London', 'YYYY-MM-DD') as day,
        ${recordKeySql(keySecret, sql.raw('m.pnc_id'))} as record_key,
        exists (select 1 from mappa.meeting_attendance a where a.invitation_id = i.invitation_id) as attended
      from mappa.meeting m
        join mappa.mappa_case c on c.case_id = m.case_id
        join mappa.meeting_invitation i on i.meeting_id = m.meeting_id
      where m.area = ${area} and m.status = 'HELD' and m.kind in ('INITIAL', 'REVIEW') and not c.ct_restricted and c.category <> 4
        and (m.scheduled_for at time zone 'Europe/London')::date between ${first}::date and ${last}::date
        and i.invitee_agency = 'prison' and i.withdrawn_at is null`),
  );
  return {
    pseudonym: pseudonymsOf(
      querySecret,
      rows.map((row) => meetingSubjectKey(row.pnc_id, row.day)),
    ),
    recordKey: rows.map((row) => Number(row.record_key)),
    attended: rows.map((row) => Boolean(row.attended)),
  };
}
