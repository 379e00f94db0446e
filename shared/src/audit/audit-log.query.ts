import { and, asc, count, eq, gt, lt, max, sql } from 'drizzle-orm';
import type { Database } from '../db/database';
import type { AuditLogName } from './audit-payload';
import { auditCheckpointTable } from './audit-checkpoint.table';
import { auditEntryTable, auditLogHeadTable } from './audit-log.table';

/*
 * The audit store's statements (audit-log.ts keeps the chain's rules: numbering, hashing, checking).
 * Each takes the connection or transaction it runs in, so a caller's transaction and its row locks
 * stay where the caller put them.
 */

/** An entry's row as stored. */
export type AuditEntryRow = typeof auditEntryTable.$inferSelect;

/** The values the prepared append takes (`appendStatement`). */
interface AppendValues {
  readonly log: string;
  /** The entries as one JSON array (see `appendAuditEntriesUnderHeadLock`). */
  readonly entries: string;
}

/**
 * The append: one call of `audit.append_entries` (migration 0006), which takes the log's head row
 * lock, numbers and hashes the entries after it and inserts them. The entries travel as one JSON
 * array, so the text is the same for a batch of any size: on the PostgreSQL server it is a named
 * prepared statement, parsed and planned once per connection (issue 15).
 */
function appendStatement(db: Database) {
  return db
    .select({
      sequence: sql<number>`entry_sequence`.mapWith(Number),
      previousHash: sql<string>`entry_previous_hash`,
      hash: sql<string>`entry_hash`,
    })
    .from(sql`audit.append_entries(${sql.placeholder('log')}, ${sql.placeholder('entries')}::jsonb)`)
    .prepare('audit_append_entries');
}

// Per database, as `preparedLookup` keeps its statements: each `DatabaseConnection.database()` is a client of its own.
const appendStatements = new WeakMap<Database, ReturnType<typeof appendStatement>>();

/**
 * Appends entries to `log` after its head, in order, in one statement that waits for the head row's
 * lock (held to the end of the caller's transaction, if it is in one): the sequence, previous hash and
 * hash the database gave each. `payload` is the entry's canonical JSON text (`canonicalJson`), which
 * the database hashes as it is and stores as jsonb; `recordedAt` millisecond ISO text, so the time
 * read back is exactly the time that was hashed.
 */
export async function appendAuditEntriesUnderHeadLock(
  db: Database,
  log: AuditLogName,
  entries: readonly { readonly recordedAt: string; readonly requestId: string; readonly payload: string }[],
): Promise<{ sequence: number; previousHash: string; hash: string }[]> {
  let statement = appendStatements.get(db);
  if (!statement) {
    statement = appendStatement(db);
    appendStatements.set(db, statement);
  }
  const rows = entries.map(({ recordedAt, requestId, payload }) => ({ recorded_at: recordedAt, request_id: requestId, payload }));
  return statement.execute({ log, entries: JSON.stringify(rows) } satisfies AppendValues);
}

/** How many entries `log` holds. */
export async function countAuditEntries(db: Database, log: string): Promise<number> {
  const [counted] = await db.select({ entries: count() }).from(auditEntryTable).where(eq(auditEntryTable.log, log));
  return counted?.entries ?? 0;
}

/** `log`'s head row as stored; undefined when it has none. */
export async function auditLogHeadRow(db: Database, log: string) {
  const [head] = await db.select().from(auditLogHeadTable).where(eq(auditLogHeadTable.log, log));
  return head;
}

/** `log`'s retention checkpoint with the cutoff its retention gives (undefined when never pruned). */
export async function auditCheckpointWithCutoff(db: Database, log: string) {
  const [checkpoint] = await db
    .select({
      log: auditCheckpointTable.log,
      firstRetainedSequence: auditCheckpointTable.firstRetainedSequence,
      previousHash: auditCheckpointTable.previousHash,
      newestRemovedAt: auditCheckpointTable.newestRemovedAt,
      movedAt: auditCheckpointTable.movedAt,
      retentionYears: auditCheckpointTable.retentionYears,
      hash: auditCheckpointTable.hash,
      // The same cutoff the prune and the triggers use, from the database's one definition of it.
      cutoff: sql<Date>`audit.retention_cutoff(${auditCheckpointTable.movedAt}, ${auditCheckpointTable.retentionYears})`.mapWith(
        auditCheckpointTable.movedAt,
      ),
    })
    .from(auditCheckpointTable)
    .where(eq(auditCheckpointTable.log, log));
  return checkpoint;
}

/** Up to `limit` of `log`'s entries from sequence `from` on, in sequence order (one page of a verification). */
export async function auditEntriesFrom(db: Database, log: string, from: number, limit: number): Promise<AuditEntryRow[]> {
  return db
    .select()
    .from(auditEntryTable)
    .where(and(eq(auditEntryTable.log, log), gt(auditEntryTable.sequence, from - 1)))
    .orderBy(asc(auditEntryTable.sequence))
    .limit(limit);
}

/** When the newest of `log`'s entries below sequence `below` was recorded; null when there is none. */
export async function newestAuditEntryBelow(db: Database, log: string, below: number): Promise<Date | null> {
  const [found] = await db
    .select({ newest: max(auditEntryTable.recordedAt) })
    .from(auditEntryTable)
    .where(and(eq(auditEntryTable.log, log), lt(auditEntryTable.sequence, below)));
  return found?.newest ?? null;
}

/** The names of the logs with a head row, then those with an entry (one statement each; duplicates left to the caller). */
export async function auditLogNames(db: Database): Promise<{ log: string }[]> {
  const heads = await db.select({ log: auditLogHeadTable.log }).from(auditLogHeadTable);
  const withEntries = await db.selectDistinct({ log: auditEntryTable.log }).from(auditEntryTable);
  return [...heads, ...withEntries];
}
