import { eq } from 'drizzle-orm';
import type { Database } from '@mappa/shared';
import { immigrationCaseTable } from '../immigration-case/immigration-case.table';
import type { ImmigrationCaseRow } from '../immigration-case/immigration-case.table';
import { detentionEventTable, detentionTable } from './detention.table';
import type { DetentionRow, DetentionStatus } from './detention.table';

/** The person's detention, locked `for update` in the caller's transaction so two moves of it never interleave; undefined for none. */
export async function lockDetention(tx: Database, pncId: string): Promise<DetentionRow | undefined> {
  const [row] = await tx.select().from(detentionTable).where(eq(detentionTable.pncId, pncId)).for('update');
  return row;
}

/** The person's immigration case (what decides the caller's row scope over the detention); undefined for none. */
export async function immigrationCaseOfDetainee(db: Database, pncId: string): Promise<ImmigrationCaseRow | undefined> {
  const [immigrationCase] = await db.select().from(immigrationCaseTable).where(eq(immigrationCaseTable.pncId, pncId));
  return immigrationCase;
}

/** Writes one move of the state machine to the person's detention and returns the row as it now is. */
export async function updateDetention(tx: Database, pncId: string, changes: Partial<DetentionRow>): Promise<DetentionRow | undefined> {
  const [next] = await tx.update(detentionTable).set(changes).where(eq(detentionTable.pncId, pncId)).returning();
  return next;
}

/** Appends the history row of one move (from, to, by whom). */
export async function insertDetentionEvent(
  tx: Database,
  event: { pncId: string; fromStatus: DetentionStatus; toStatus: DetentionStatus; staffId: string; issuer: string },
): Promise<void> {
  await tx.insert(detentionEventTable).values(event);
}
