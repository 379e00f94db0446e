import { eq } from 'drizzle-orm';
import type { Database } from '@mappa/shared';
import { meetingDecisionTable } from './meeting.table';
import type { MeetingDecisionRow } from './meeting.table';

/** Whether the meeting has recorded its level decision (one per meeting). */
export async function meetingHasDecision(db: Database, meetingId: string): Promise<boolean> {
  const [earlier] = await db
    .select({ decisionId: meetingDecisionTable.decisionId })
    .from(meetingDecisionTable)
    .where(eq(meetingDecisionTable.meetingId, meetingId));
  return earlier !== undefined;
}

/** Records a meeting's level decision; returns it as stored. */
export async function insertMeetingDecision(
  tx: Database,
  values: typeof meetingDecisionTable.$inferInsert,
): Promise<MeetingDecisionRow | null> {
  const [inserted] = await tx.insert(meetingDecisionTable).values(values).returning();
  return inserted ?? null;
}

/** The meeting's level decision, or null before it is recorded. */
export async function decisionOfMeeting(db: Database, meetingId: string): Promise<MeetingDecisionRow | null> {
  const [row] = await db.select().from(meetingDecisionTable).where(eq(meetingDecisionTable.meetingId, meetingId));
  return row ?? null;
}
