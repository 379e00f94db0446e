import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '@mappa/shared';
import { CURRENT_CASE_FIRST } from '../mappa-case/mappa-case.loader';
import { mappaCaseTable } from '../mappa-case/mappa-case.table';
import type { MappaCaseRow } from '../mappa-case/mappa-case.table';
import type { ChildSafeguardFacts } from './meeting.rules';
import { meetingAttendanceTable, meetingInvitationTable, meetingTable } from './meeting.table';
import type { MeetingAttendanceRow, MeetingInvitationRow, MeetingRow } from './meeting.table';

/**
 * The meeting and its subject's current MAPPA case (`CURRENT_CASE_FIRST`, as the case loader picks
 * it; null when the unit holds none), in one statement. The meeting pack asks for the meeting and then
 * its subject's case: fetched together, the pack's MAPPA fetch is one round trip to the database
 * instead of two in turn, and the gateway's fetches from the other agencies, which wait for it, start
 * sooner. Whether the case may be served is decided later, as for any case (row scope, policies).
 */
export async function meetingWithSubjectCase(
  db: Database,
  meetingId: string,
): Promise<{ meeting: MeetingRow; subjectCase: MappaCaseRow | null } | null> {
  const subjectCase = db
    .select()
    .from(mappaCaseTable)
    .where(eq(mappaCaseTable.pncId, meetingTable.pncId))
    .orderBy(...CURRENT_CASE_FIRST)
    .limit(1)
    .as('subject_case');
  const [row] = await db
    .select()
    .from(meetingTable)
    .leftJoinLateral(subjectCase, sql`true`)
    .where(eq(meetingTable.meetingId, meetingId));
  return row ? { meeting: row.meeting, subjectCase: row.subject_case } : null;
}

/** The meeting, locked for update when `forUpdate` (a transaction about to change it). */
export async function meetingById(db: Database, meetingId: string, forUpdate = false): Promise<MeetingRow | null> {
  const query = db.select().from(meetingTable).where(eq(meetingTable.meetingId, meetingId));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/** One invitation by id, or null; `forUpdate` locks it for the rest of the transaction. */
export async function invitationById(db: Database, invitationId: string, forUpdate = false): Promise<MeetingInvitationRow | null> {
  const query = db.select().from(meetingInvitationTable).where(eq(meetingInvitationTable.invitationId, invitationId));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/** The meeting day and its subject's date of birth: whether the children rule applies at all. */
export async function meetingDayAndSubjectBirthDate(
  db: Database,
  meetingId: string,
): Promise<Pick<ChildSafeguardFacts, 'scheduledFor' | 'subjectDateOfBirth'> | null> {
  const [meeting] = await db
    .select({ scheduledFor: meetingTable.scheduledFor, subjectDateOfBirth: mappaCaseTable.subjectDateOfBirth })
    .from(meetingTable)
    .innerJoin(mappaCaseTable, eq(mappaCaseTable.caseId, meetingTable.caseId))
    .where(eq(meetingTable.meetingId, meetingId));
  return meeting ?? null;
}

/** The meeting's invitations and attendance, as the children rule looks at them. */
export async function safeguardInvitationsAndAttendanceOf(
  db: Database,
  meetingId: string,
): Promise<Pick<ChildSafeguardFacts, 'invitations' | 'attendance'>> {
  const invitations = await db
    .select({
      inviteeAgency: meetingInvitationTable.inviteeAgency,
      withdrawnAt: meetingInvitationTable.withdrawnAt,
      consultedAt: meetingInvitationTable.consultedAt,
    })
    .from(meetingInvitationTable)
    .where(eq(meetingInvitationTable.meetingId, meetingId));
  // Attendance counts while the attendee is there or after the meeting; a signed attendance stays signed.
  const attendance = await db
    .select({ agency: meetingAttendanceTable.agency })
    .from(meetingAttendanceTable)
    .where(eq(meetingAttendanceTable.meetingId, meetingId));
  return { invitations, attendance };
}

/** The meeting's invitations, oldest first. */
export function invitationsOfMeeting(db: Database, meetingId: string): Promise<MeetingInvitationRow[]> {
  return db
    .select()
    .from(meetingInvitationTable)
    .where(eq(meetingInvitationTable.meetingId, meetingId))
    .orderBy(asc(meetingInvitationTable.invitedAt), asc(meetingInvitationTable.invitationId));
}

/** The meeting's signed attendance, in signing order. */
export function attendanceOfMeeting(db: Database, meetingId: string): Promise<MeetingAttendanceRow[]> {
  return db
    .select()
    .from(meetingAttendanceTable)
    .where(eq(meetingAttendanceTable.meetingId, meetingId))
    .orderBy(asc(meetingAttendanceTable.signedAt), asc(meetingAttendanceTable.attendanceId));
}

/** The meeting's invitations not withdrawn, in no particular order. */
export function standingInvitationsOf(db: Database, meetingId: string): Promise<MeetingInvitationRow[]> {
  return db
    .select()
    .from(meetingInvitationTable)
    .where(and(eq(meetingInvitationTable.meetingId, meetingId), isNull(meetingInvitationTable.withdrawnAt)));
}
