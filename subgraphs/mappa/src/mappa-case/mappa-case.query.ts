import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '@mappa/shared';
import { meetingDecisionTable, meetingTable } from '../meeting/meeting.table';
import { mappaCaseChangeTable, mappaCaseTable } from './mappa-case.table';
import type { MappaCaseChangeRow, MappaCaseRow } from './mappa-case.table';
import type { MeetingStatus } from '../meeting/meeting.table';

/** One MAPPA case by its case number, or null; `forUpdate` locks it for the rest of the transaction. */
export async function caseById(db: Database, caseId: string, forUpdate = false): Promise<MappaCaseRow | null> {
  const query = db.select().from(mappaCaseTable).where(eq(mappaCaseTable.caseId, caseId));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/** The case columns a decision may set. */
export type CaseChangeSet = Partial<Pick<MappaCaseRow, 'level' | 'nextReviewDate' | 'status' | 'endDate' | 'endReason'>>;

/** Sets `changes` on the case and returns the row as it now is (the caller holds it FOR UPDATE). */
export async function updateCase(
  tx: Database,
  caseId: string,
  changes: CaseChangeSet | Partial<Omit<typeof mappaCaseTable.$inferInsert, 'caseId'>>,
): Promise<MappaCaseRow | null> {
  const [row] = await tx.update(mappaCaseTable).set(changes).where(eq(mappaCaseTable.caseId, caseId)).returning();
  return row ?? null;
}

/** The position the case's next history line takes: one after its last (1 for none). */
export async function nextHistorySequence(tx: Database, caseId: string): Promise<number> {
  const [position] = await tx
    .select({ next: sql<number>`coalesce(max(${mappaCaseChangeTable.sequence}), 0)::int + 1` })
    .from(mappaCaseChangeTable)
    .where(eq(mappaCaseChangeTable.caseId, caseId));
  return position?.next ?? 1;
}

/** The position of the case's last history line, 0 for none. */
export async function lastHistorySequence(tx: Database, caseId: string): Promise<number> {
  const [last] = await tx
    .select({ sequence: mappaCaseChangeTable.sequence })
    .from(mappaCaseChangeTable)
    .where(eq(mappaCaseChangeTable.caseId, caseId))
    .orderBy(desc(mappaCaseChangeTable.sequence))
    .limit(1);
  return last?.sequence ?? 0;
}

/** Opens a MAPPA case; returns it as stored. */
export async function insertCase(tx: Database, values: typeof mappaCaseTable.$inferInsert): Promise<MappaCaseRow | null> {
  const [opened] = await tx.insert(mappaCaseTable).values(values).returning();
  return opened ?? null;
}

/** Appends history lines to cases, in one statement; returns them as stored. */
export function insertHistoryLines(
  tx: Database,
  lines: readonly (typeof mappaCaseChangeTable.$inferInsert)[],
): Promise<MappaCaseChangeRow[]> {
  return tx
    .insert(mappaCaseChangeTable)
    .values([...lines])
    .returning();
}

/**
 * What B.44 asks of a meeting before the lead agency decides after it, three statements in turn: the
 * meeting's status (when it is this case's), whether it recorded a level decision, and whether a
 * history line already carries `reference`.
 */
export async function meetingWithoutConsensusFacts(
  tx: Database,
  caseId: string,
  meetingId: string,
  reference: string,
): Promise<{ meetingStatus: MeetingStatus | null; decided: boolean; used: boolean }> {
  const [meeting] = await tx
    .select({ status: meetingTable.status })
    .from(meetingTable)
    .where(and(eq(meetingTable.meetingId, meetingId), eq(meetingTable.caseId, caseId)));
  const [decided] = await tx
    .select({ decisionId: meetingDecisionTable.decisionId })
    .from(meetingDecisionTable)
    .where(eq(meetingDecisionTable.meetingId, meetingId));
  const [used] = await tx
    .select({ id: mappaCaseChangeTable.id })
    .from(mappaCaseChangeTable)
    .where(and(eq(mappaCaseChangeTable.caseId, caseId), eq(mappaCaseChangeTable.decisionReference, reference)));
  return { meetingStatus: meeting?.status ?? null, decided: decided !== undefined, used: used !== undefined };
}

/** The history positions of the case's latest AREA change (a transfer) and latest LEVEL change, null for none. */
export async function latestTransferAndLevelChange(tx: Database, caseId: string): Promise<{ area: number | null; level: number | null }> {
  const [latest] = await tx
    .select({
      area: sql<number | null>`max(${mappaCaseChangeTable.sequence}) filter (where ${mappaCaseChangeTable.field} = 'AREA')`,
      level: sql<number | null>`max(${mappaCaseChangeTable.sequence}) filter (where ${mappaCaseChangeTable.field} = 'LEVEL')`,
    })
    .from(mappaCaseChangeTable)
    .where(eq(mappaCaseChangeTable.caseId, caseId));
  return { area: latest?.area ?? null, level: latest?.level ?? null };
}
