import { and, eq, isNull } from 'drizzle-orm';
import type { Database, Principal } from '@mappa/shared';
import { meetingAttendanceTable, meetingTable } from './meeting.table';
import type { MeetingAttendanceRow, MeetingRow } from './meeting.table';
import { MeetingStatus } from './meeting.type';

/** Who signs or leaves: their staff id from their identity provider. */
type Attendee = Pick<Principal, 'staffId' | 'issuer'>;

/** SCHEDULED → IN_SESSION, with the confidentiality statement read at `now`; null when the meeting was not SCHEDULED. */
export async function openScheduledMeeting(tx: Database, meetingId: string, now: Date): Promise<MeetingRow | null> {
  const [opened] = await tx
    .update(meetingTable)
    .set({ status: MeetingStatus.IN_SESSION, openedAt: now, confidentialityStatementReadAt: now })
    .where(and(eq(meetingTable.meetingId, meetingId), eq(meetingTable.status, MeetingStatus.SCHEDULED)))
    .returning();
  return opened ?? null;
}

/** IN_SESSION → HELD, closed at `closedAt`; null when the meeting was not IN_SESSION. */
export async function closeMeetingInSession(tx: Database, meetingId: string, closedAt: Date): Promise<MeetingRow | null> {
  const [closed] = await tx
    .update(meetingTable)
    .set({ status: MeetingStatus.HELD, closedAt })
    .where(and(eq(meetingTable.meetingId, meetingId), eq(meetingTable.status, MeetingStatus.IN_SESSION)))
    .returning();
  return closed ?? null;
}

/** Whether `attendee` has signed attendance of the meeting. */
export async function attendanceSignedBy(tx: Database, meetingId: string, attendee: Attendee): Promise<boolean> {
  const [signedAlready] = await tx
    .select({ attendanceId: meetingAttendanceTable.attendanceId })
    .from(meetingAttendanceTable)
    .where(
      and(
        eq(meetingAttendanceTable.meetingId, meetingId),
        eq(meetingAttendanceTable.staffId, attendee.staffId),
        eq(meetingAttendanceTable.issuer, attendee.issuer),
      ),
    );
  return signedAlready !== undefined;
}

/** Records a signed attendance (MAPPA E); returns it as stored. */
export async function insertAttendance(
  tx: Database,
  values: typeof meetingAttendanceTable.$inferInsert,
): Promise<MeetingAttendanceRow | null> {
  const [signed] = await tx.insert(meetingAttendanceTable).values(values).returning();
  return signed ?? null;
}

const attendanceOf = (meetingId: string, attendee: Attendee) =>
  and(
    eq(meetingAttendanceTable.meetingId, meetingId),
    eq(meetingAttendanceTable.staffId, attendee.staffId),
    eq(meetingAttendanceTable.issuer, attendee.issuer),
  );

/** The attendance `attendee` signed of the meeting, locked for the transaction; null when none. */
export async function attendanceOfForUpdate(tx: Database, meetingId: string, attendee: Attendee): Promise<MeetingAttendanceRow | null> {
  const [attendance] = await tx.select().from(meetingAttendanceTable).where(attendanceOf(meetingId, attendee)).for('update');
  return attendance ?? null;
}

/** Records that `attendee` left the meeting at `leftAt`; null when they had left already. */
export async function markAttendanceLeft(
  tx: Database,
  meetingId: string,
  attendee: Attendee,
  leftAt: Date,
): Promise<MeetingAttendanceRow | null> {
  const [left] = await tx
    .update(meetingAttendanceTable)
    .set({ leftAt })
    .where(and(attendanceOf(meetingId, attendee), isNull(meetingAttendanceTable.leftAt)))
    .returning();
  return left ?? null;
}
