import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Database } from '../db/database';
import type { AuditLogName } from './audit-payload';
import { auditCheckpointTable } from './audit-checkpoint.table';
import { auditEntryTable } from './audit-log.table';

type AuditCheckpointRow = typeof auditCheckpointTable.$inferSelect;

// The database's time, to the millisecond the checkpoint stores: the cutoff is computed from it,
// never from this process's clock, and the trigger checks the checkpoint records exactly it.
const databaseNow = sql`date_trunc('milliseconds', now())`;

/** `log`'s retention checkpoint, locked `for update` in the caller's transaction (a second prune of the log waits for it); undefined before the first prune. */
export async function lockAuditCheckpoint(tx: Database, log: AuditLogName): Promise<AuditCheckpointRow | undefined> {
  const [checkpoint] = await tx.select().from(auditCheckpointTable).where(eq(auditCheckpointTable.log, log)).for('update');
  return checkpoint;
}

/** One entry a prune may remove, with the database's time and whether the entry is older than the retention by it. */
export interface AuditPruneCandidate {
  readonly sequence: number;
  readonly recordedAt: Date;
  readonly hash: string;
  readonly now: Date;
  readonly old: boolean;
}

/** Up to `batchSize` of `log`'s entries from sequence `from` on, in sequence order, each judged old or not against `years` by the database's clock. */
export async function auditPruneCandidates(
  tx: Database,
  log: AuditLogName,
  from: number,
  years: number,
  batchSize: number,
): Promise<AuditPruneCandidate[]> {
  return tx
    .select({
      sequence: auditEntryTable.sequence,
      recordedAt: auditEntryTable.recordedAt,
      hash: auditEntryTable.hash,
      now: sql<Date>`${databaseNow}`.mapWith(auditCheckpointTable.movedAt),
      old: sql<boolean>`${auditEntryTable.recordedAt} < audit.retention_cutoff(${databaseNow}, ${years}::integer)`,
    })
    .from(auditEntryTable)
    .where(and(eq(auditEntryTable.log, log), gte(auditEntryTable.sequence, from)))
    .orderBy(asc(auditEntryTable.sequence))
    .limit(batchSize);
}

/** Moves `log`'s checkpoint to `moved`: an update of the locked checkpoint when there is one, its first row otherwise. */
export async function moveAuditCheckpoint(tx: Database, exists: boolean, moved: typeof auditCheckpointTable.$inferInsert): Promise<void> {
  if (exists) await tx.update(auditCheckpointTable).set(moved).where(eq(auditCheckpointTable.log, moved.log));
  else await tx.insert(auditCheckpointTable).values(moved);
}

/** Deletes `log`'s entries with sequence in [from, below) (the database allows it only below the checkpoint). */
export async function deleteAuditEntries(tx: Database, log: AuditLogName, from: number, below: number): Promise<void> {
  await tx
    .delete(auditEntryTable)
    .where(and(eq(auditEntryTable.log, log), gte(auditEntryTable.sequence, from), lt(auditEntryTable.sequence, below)));
}
