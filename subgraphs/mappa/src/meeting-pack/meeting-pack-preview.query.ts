import { asc, eq } from 'drizzle-orm';
import type { Database } from '@mappa/shared';
import { mappaCaseTable } from '../mappa-case/mappa-case.table';
import { meetingAttendanceTable, meetingInvitationTable, meetingTable } from '../meeting/meeting.table';
import type { MeetingFacts } from './meeting-pack-preview';

/** The meeting, its case, its invitations and its attendance sheet; null for an unknown meeting. Four statements, one preview. */
export async function meetingFacts(db: Database, meetingId: string): Promise<MeetingFacts | null> {
  const [row] = await db.select({ meeting: meetingTable, mappaCase: mappaCaseTable }).from(meetingTable).innerJoin(mappaCaseTable, eq(mappaCaseTable.caseId, meetingTable.caseId)).where(eq(meetingTable.meetingId, meetingId));
  if (!row) return null;
  const [invitations, attendance] = await Promise.all([
    db.select().from(meetingInvitationTable).where(eq(meetingInvitationTable.meetingId, meetingId)).orderBy(asc(meetingInvitationTable.invitedAt), asc(meetingInvitationTable.invitationId)),
    db.select().from(meetingAttendanceTable).where(eq(meetingAttendanceTable.meetingId, meetingId)),
  ]);
  return { ...row, invitations, attendance };
}
