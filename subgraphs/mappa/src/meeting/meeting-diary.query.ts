import { and, asc, count, eq, gt, inArray, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { calendarDateOf } from '@mappa/shared';
import type { Database, MappaArea, RowScope } from '@mappa/shared';
import { mappaCaseTable } from '../mappa-case/mappa-case.table';
import { MappaCaseStatus } from '../mappa-case/mappa-case.type';
import { hiddenByGates } from '../offender/offender.scope';
import { meetingTable } from './meeting.table';
import type { MeetingRow } from './meeting.table';
import { MeetingStatus } from './meeting.type';
import type { MeetingDiaryEntry, MeetingDiaryPage, MeetingDueStatus } from './meeting-diary.type';

/*
 * The meeting diary (A §5, B §5): a level 2 case is reviewed at a meeting at least every 16 weeks, a
 * level 3 case every 8, counted from its last HELD meeting, or from the case's next review date while
 * none is held. Worked out in SQL, so that filtering by status and counting happen before paging.
 */

/** Days between meetings at each level (A §5, B §5). */
export const MEETING_CADENCE_DAYS = { 2: 16 * 7, 3: 8 * 7 } as const;

// Expressions over one mappa_case row. Its case id is written table-qualified by hand: drizzle writes
// the columns of a one-table query bare, and a bare case_id in the subqueries would be the meeting's own.
const outerCaseId = sql.raw('"mappa"."mappa_case"."case_id"');
const lastHeldOn = sql<
  string | null
>`(select to_char(max(m.scheduled_for at time zone 'Europe/London'), 'YYYY-MM-DD') from "mappa"."meeting" m where m.case_id = ${outerCaseId} and m.status = 'HELD')`;
const cadence = sql`(case when ${mappaCaseTable.level} = 3 then ${MEETING_CADENCE_DAYS[3]}::int else ${MEETING_CADENCE_DAYS[2]}::int end)`;
const nextDue = sql`coalesce(${lastHeldOn}::date + ${cadence}, ${mappaCaseTable.nextReviewDate}, ${mappaCaseTable.startDate} + ${cadence})`;
const meetingInHand = sql`exists (select 1 from "mappa"."meeting" m where m.case_id = ${outerCaseId} and m.status in ('SCHEDULED', 'IN_SESSION'))`;

function dueStatusOf(today: string, dueWithinDays: number): SQL<MeetingDueStatus> {
  return sql<MeetingDueStatus>`(case
    when ${nextDue} < ${today}::date and not ${meetingInHand} then 'OVERDUE'
    when ${nextDue} <= ${today}::date + ${dueWithinDays}::int then 'DUE'
    else 'NOT_DUE' end)`;
}

export interface DiaryArgs {
  readonly first: number;
  readonly after: string | null;
  readonly dueWithinDays: number;
  readonly dueStatus: readonly MeetingDueStatus[] | null;
}

/** One page of the diary of `area`, for a co-ordinator whose row scope is `scope` (principle 7: counter-terrorism restricted cases only when cleared). */
export async function diaryPage(db: Database, scope: RowScope, area: MappaArea, args: DiaryArgs, now: Date): Promise<MeetingDiaryPage> {
  const today = calendarDateOf(now);
  const status = dueStatusOf(today, args.dueWithinDays);
  const hidden = hiddenByGates(scope);
  const filter = and(
    eq(mappaCaseTable.area, area),
    eq(mappaCaseTable.status, MappaCaseStatus.ACTIVE),
    inArray(mappaCaseTable.level, [2, 3]),
    hidden === undefined ? undefined : sql`not coalesce(${hidden}, false)`,
    args.dueStatus === null || args.dueStatus.length === 0
      ? undefined
      : sql`${status} in (${sql.join(
          args.dueStatus.map((value) => sql`${value}`),
          sql`, `,
        )})`,
  );
  const rows = await db
    .select({
      caseId: mappaCaseTable.caseId,
      pncId: mappaCaseTable.pncId,
      level: mappaCaseTable.level,
      lastHeldOn,
      nextMeetingDue: sql<string>`to_char(${nextDue}, 'YYYY-MM-DD')`,
      dueStatus: status,
    })
    .from(mappaCaseTable)
    .where(and(filter, args.after === null ? undefined : gt(mappaCaseTable.caseId, args.after)))
    .orderBy(asc(mappaCaseTable.caseId))
    .limit(args.first + 1);
  const [total] = await db.select({ total: count() }).from(mappaCaseTable).where(filter);
  const page = rows.slice(0, args.first);
  const meetings: MeetingRow[] =
    page.length === 0
      ? []
      : await db
          .select()
          .from(meetingTable)
          .where(
            and(
              inArray(
                meetingTable.caseId,
                page.map((row) => row.caseId),
              ),
              inArray(meetingTable.status, [MeetingStatus.SCHEDULED, MeetingStatus.IN_SESSION]),
            ),
          )
          .orderBy(asc(meetingTable.scheduledFor), asc(meetingTable.meetingId));
  const entries: MeetingDiaryEntry[] = page.map((row) => ({
    ...row,
    scheduledMeetings: meetings.filter((meeting) => meeting.caseId === row.caseId) as MeetingDiaryEntry['scheduledMeetings'],
  }));
  return { entries, totalCount: total?.total ?? 0, hasNextPage: rows.length > args.first, endCursor: page.at(-1)?.caseId ?? null };
}
