import { asc, eq } from 'drizzle-orm';
import type { Database, DisclosureConsiderationRow, DisclosureDecisionRow } from '@mappa/shared';
import { disclosureConsiderationTable, disclosureDecisionTable } from './disclosure.table';

/** Whether disclosure was considered at the meeting: at least one consideration row (B §2; closing needs it). */
export async function disclosureConsidered(db: Database, meetingId: string): Promise<boolean> {
  const [row] = await db
    .select({ considerationId: disclosureConsiderationTable.considerationId })
    .from(disclosureConsiderationTable)
    .where(eq(disclosureConsiderationTable.meetingId, meetingId))
    .limit(1);
  return row !== undefined;
}

/** The meeting's considerations, oldest first. */
export function considerationsOf(db: Database, meetingId: string): Promise<DisclosureConsiderationRow[]> {
  return db
    .select()
    .from(disclosureConsiderationTable)
    .where(eq(disclosureConsiderationTable.meetingId, meetingId))
    .orderBy(asc(disclosureConsiderationTable.recordedAt), asc(disclosureConsiderationTable.considerationId));
}

/** The disclosure decisions linked to the meeting, oldest first. */
export function decisionsOfMeeting(db: Database, meetingId: string): Promise<DisclosureDecisionRow[]> {
  return db
    .select()
    .from(disclosureDecisionTable)
    .where(eq(disclosureDecisionTable.meetingId, meetingId))
    .orderBy(asc(disclosureDecisionTable.proposedAt), asc(disclosureDecisionTable.decisionId));
}

/** One disclosure decision by id, or null. */
export async function disclosureDecisionById(db: Database, decisionId: string): Promise<DisclosureDecisionRow | null> {
  const [decision] = await db.select().from(disclosureDecisionTable).where(eq(disclosureDecisionTable.decisionId, decisionId));
  return decision ?? null;
}

/** Records a meeting's disclosure consideration; returns it as stored. */
export async function insertConsideration(
  tx: Database,
  values: typeof disclosureConsiderationTable.$inferInsert,
): Promise<DisclosureConsiderationRow | null> {
  const [inserted] = await tx.insert(disclosureConsiderationTable).values(values).returning();
  return inserted ?? null;
}
