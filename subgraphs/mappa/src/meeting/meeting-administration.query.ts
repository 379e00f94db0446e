import { and, eq } from 'drizzle-orm';
import type { Database } from '@mappa/shared';
import { meetingInvitationTable, meetingTable } from './meeting.table';
import type { MeetingInvitationRow, MeetingRow } from './meeting.table';
import { MeetingStatus } from './meeting.type';

/** Records a scheduled meeting; returns it as stored. */
export async function insertMeeting(tx: Database, values: typeof meetingTable.$inferInsert): Promise<MeetingRow | null> {
  const [inserted] = await tx.insert(meetingTable).values(values).returning();
  return inserted ?? null;
}

/** Records an invitation to a meeting; returns it as stored. */
export async function insertInvitation(
  tx: Database,
  values: typeof meetingInvitationTable.$inferInsert,
): Promise<MeetingInvitationRow | null> {
  const [inserted] = await tx.insert(meetingInvitationTable).values(values).returning();
  return inserted ?? null;
}

/** Sets `changes` on one invitation (its withdrawal, its consultation, or its re-issued grant); returns it as it now is. */
export async function updateInvitation(
  tx: Database,
  invitationId: string,
  changes: Partial<
    Pick<MeetingInvitationRow, 'withdrawnAt' | 'withdrawnByStaffId' | 'withdrawalReason' | 'consultedAt' | 'consultationNote' | 'grantId'>
  >,
): Promise<MeetingInvitationRow | null> {
  const [updated] = await tx
    .update(meetingInvitationTable)
    .set(changes)
    .where(eq(meetingInvitationTable.invitationId, invitationId))
    .returning();
  return updated ?? null;
}

/** SCHEDULED → CANCELLED, with when and why; null when the meeting was not SCHEDULED. */
export async function cancelScheduledMeeting(
  tx: Database,
  meetingId: string,
  cancelledAt: Date,
  reason: string,
): Promise<MeetingRow | null> {
  const [cancelled] = await tx
    .update(meetingTable)
    .set({ status: MeetingStatus.CANCELLED, cancelledAt, cancellationReason: reason })
    .where(and(eq(meetingTable.meetingId, meetingId), eq(meetingTable.status, MeetingStatus.SCHEDULED)))
    .returning();
  return cancelled ?? null;
}

/** Every invitation of the meeting, withdrawn or not, in no particular order. */
export function allInvitationsOf(tx: Database, meetingId: string): Promise<MeetingInvitationRow[]> {
  return tx.select().from(meetingInvitationTable).where(eq(meetingInvitationTable.meetingId, meetingId));
}
