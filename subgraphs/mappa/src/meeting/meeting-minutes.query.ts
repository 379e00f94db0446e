import { and, desc, eq, isNull } from 'drizzle-orm';
import { addWorkingDays, calendarDateOf } from '@mappa/shared';
import type { CalendarDate, Database, Principal } from '@mappa/shared';
import { mappaCaseTable } from '../mappa-case/mappa-case.table';
import { meetingAttendanceTable, meetingDecisionTable, meetingInvitationTable, meetingMinutesTable } from './meeting.table';
import type { MeetingMinutesRow, MeetingRow, MinutesRecipient } from './meeting.table';

/** B §6: minutes are due 10 working days after a level 2 meeting, 5 after level 3 (bank holidays not modelled: a due date across one is a day early, the stricter side). */
export const MINUTES_DUE_WORKING_DAYS: Readonly<Record<number, number>> = { 2: 10, 3: 5 };

/** The day the meeting was held (closed; while in session, opened; before, scheduled), in England and Wales. */
export function meetingDay(meeting: MeetingRow): CalendarDate {
  return calendarDateOf(meeting.closedAt ?? meeting.openedAt ?? meeting.scheduledFor);
}

/** The level the meeting managed the case at: before its own decision, if it made one; else the case's. */
export async function meetingLevel(db: Database, meeting: MeetingRow): Promise<number> {
  const [decision] = await db
    .select({ levelBefore: meetingDecisionTable.levelBefore })
    .from(meetingDecisionTable)
    .where(eq(meetingDecisionTable.meetingId, meeting.meetingId));
  if (decision) return decision.levelBefore;
  const [mappaCase] = await db
    .select({ level: mappaCaseTable.level })
    .from(mappaCaseTable)
    .where(eq(mappaCaseTable.caseId, meeting.caseId));
  return mappaCase?.level ?? 2;
}

/** The minutes' due date (B §6) for a meeting managed at `level`. Level 1 has no meetings; it is treated as level 2, the longer. */
export function minutesDueDate(meeting: MeetingRow, level: number): string {
  return addWorkingDays(meetingDay(meeting), MINUTES_DUE_WORKING_DAYS[level] ?? MINUTES_DUE_WORKING_DAYS[2]!);
}

/** Every version of a meeting's minutes, newest first. */
export function minutesVersions(db: Database, meetingId: string): Promise<MeetingMinutesRow[]> {
  return db
    .select()
    .from(meetingMinutesTable)
    .where(eq(meetingMinutesTable.meetingId, meetingId))
    .orderBy(desc(meetingMinutesTable.version));
}

/** Why a part-attendee outside the information-sharing agreement is left out of the minutes (B.25). */
export const NO_ISA_REASON = 'B.25: part attendance without the information-sharing agreement; agreed action points only';

/**
 * The default recipients of the minutes (B.23): everyone who signed attendance, and every invitee
 * (invitation not withdrawn) who did not attend, including a prison invited with its MAPPA F requested
 * (whether the prison sent it is not recorded; inviting it requested it, B.6). A part-attendee
 * outside the information-sharing agreement is not one: they are withheld by rule (B.25).
 */
export async function defaultRecipients(
  db: Database,
  meetingId: string,
): Promise<{ recipients: MinutesRecipient[]; withheldByRule: MinutesRecipient[] }> {
  const attendance = await db.select().from(meetingAttendanceTable).where(eq(meetingAttendanceTable.meetingId, meetingId));
  const invitations = await db
    .select()
    .from(meetingInvitationTable)
    .where(and(eq(meetingInvitationTable.meetingId, meetingId), isNull(meetingInvitationTable.withdrawnAt)));
  const answered = new Set(attendance.map((row) => row.invitationId));
  const recipients: MinutesRecipient[] = [];
  const withheldByRule: MinutesRecipient[] = [];
  for (const row of attendance) {
    const person = { agency: row.agency, staffId: row.staffId, issuer: row.issuer, role: row.role };
    if (row.extent === 'PART' && !row.informationSharingAgreement) withheldByRule.push({ ...person, reason: NO_ISA_REASON });
    else recipients.push({ ...person, reason: null });
  }
  for (const invitation of invitations) {
    if (answered.has(invitation.invitationId)) continue;
    recipients.push({
      agency: invitation.inviteeAgency,
      staffId: invitation.inviteeStaffId,
      issuer: invitation.inviteeIssuer,
      role: invitation.inviteeRole,
      reason: null,
    });
  }
  return { recipients, withheldByRule };
}

/** Whether two distribution entries name the same recipient. */
export function sameRecipient(a: Omit<MinutesRecipient, 'reason'>, b: Omit<MinutesRecipient, 'reason'>): boolean {
  return (
    a.agency === b.agency &&
    (a.staffId ?? null) === (b.staffId ?? null) &&
    (a.issuer ?? null) === (b.issuer ?? null) &&
    (a.role ?? null) === (b.role ?? null)
  );
}

/**
 * Whether an entry covers the principal: their staff id from their identity provider, or their
 * agency (and, when it names one, a role they hold).
 */
export function coversPrincipal(entry: MinutesRecipient, principal: Principal): boolean {
  if (entry.staffId !== null) return entry.staffId === principal.staffId && entry.issuer === principal.issuer;
  return entry.agency === principal.agency && (entry.role === null || principal.roles.includes(entry.role));
}

/**
 * Whether the principal may read a distributed version: a recipient the chair decided on, and not
 * named among those withheld (a withholding wins over a wider entry, B.24, B.25).
 */
export function isMinutesReader(minutes: MeetingMinutesRow, principal: Principal): boolean {
  if (minutes.distributedAt === null || minutes.status !== 'APPROVED') return false;
  if ((minutes.withheldFrom ?? []).some((entry) => coversPrincipal(entry, principal))) return false;
  return (minutes.recipients ?? []).some((entry) => coversPrincipal(entry, principal));
}

/** Records a version of the meeting's minutes; returns it as stored. */
export async function insertMinutesVersion(
  tx: Database,
  values: typeof meetingMinutesTable.$inferInsert,
): Promise<MeetingMinutesRow | null> {
  const [inserted] = await tx.insert(meetingMinutesTable).values(values).returning();
  return inserted ?? null;
}

/** One version of the meeting's minutes, or null. */
export async function minutesVersion(db: Database, meetingId: string, version: number): Promise<MeetingMinutesRow | null> {
  const [row] = await db
    .select()
    .from(meetingMinutesTable)
    .where(and(eq(meetingMinutesTable.meetingId, meetingId), eq(meetingMinutesTable.version, version)));
  return row ?? null;
}

/** Sets `changes` on one version of the meeting's minutes (superseded, approved, distributed); returns it as it now is. */
export async function updateMinutesVersion(
  tx: Database,
  meetingId: string,
  version: number,
  changes: Partial<
    Pick<MeetingMinutesRow, 'status' | 'approvedByStaffId' | 'approvedAt' | 'recipients' | 'withheldFrom' | 'distributedAt'>
  >,
): Promise<MeetingMinutesRow | null> {
  const [row] = await tx
    .update(meetingMinutesTable)
    .set(changes)
    .where(and(eq(meetingMinutesTable.meetingId, meetingId), eq(meetingMinutesTable.version, version)))
    .returning();
  return row ?? null;
}
