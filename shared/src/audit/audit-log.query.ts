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

/** An entry as its row is written: numbered and hashed by audit-log.ts. */
type AuditEntryValues = typeof auditEntryTable.$inferInsert;
/** An entry's row as stored. */
export type AuditEntryRow = typeof auditEntryTable.$inferSelect;

/** Creates `log`'s head row (empty: sequence 0 and the genesis hash) unless it has one. */
export async function ensureAuditLogHead(db: Database, log: AuditLogName, genesisHash: string): Promise<void> {
  await db.insert(auditLogHeadTable).values({ log, lastSequence: 0, lastHash: genesisHash }).onConflictDoNothing();
}

/** `log`'s head row, locked `for update` in the caller's transaction so concurrent writers take turns. */
export async function lockAuditLogHead(tx: Database, log: AuditLogName) {
  const [head] = await tx.select().from(auditLogHeadTable).where(eq(auditLogHeadTable.log, log)).for('update');
  return head;
}

/** Inserts numbered and hashed entries, in one statement. */
export async function insertAuditEntries(tx: Database, entries: readonly AuditEntryValues[]): Promise<void> {
  await tx.insert(auditEntryTable).values([...entries]);
}

/** Moves `log`'s (locked) head to its last entry. */
export async function moveAuditLogHead(tx: Database, log: AuditLogName, last: { sequence: number; hash: string }): Promise<void> {
  await tx.update(auditLogHeadTable).set({ lastSequence: last.sequence, lastHash: last.hash }).where(eq(auditLogHeadTable.log, log));
}

/** Where `log`'s chain ends as stored now; undefined when it has no head row. */
export async function auditLogHeadOf(db: Database, log: AuditLogName) {
  const [head] = await db
    .select({ lastSequence: auditLogHeadTable.lastSequence, lastHash: auditLogHeadTable.lastHash })
    .from(auditLogHeadTable)
    .where(eq(auditLogHeadTable.log, log));
  return head;
}

/**
 * Moves `log`'s head from `head` to `last` and inserts `entries` in one statement (a data-modifying
 * CTE: both or neither, the head only if it is still where the caller saw it). The number of
 * entries inserted: all of them, or none when another writer moved the head first.
 */
export async function appendAuditEntriesAfterHead(
  db: Database,
  log: AuditLogName,
  head: { readonly lastSequence: number; readonly lastHash: string },
  entries: readonly {
    readonly sequence: number;
    readonly recordedAt: Date;
    readonly requestId: string;
    readonly payload: unknown;
    readonly previousHash: string;
    readonly hash: string;
  }[],
): Promise<number> {
  const last = entries[entries.length - 1]!;
  const rows = sql.join(
    entries.map(
      (entry) =>
        sql`(${entry.sequence}::bigint, ${entry.recordedAt.toISOString()}::timestamptz, ${entry.requestId}::text, ${JSON.stringify(entry.payload)}::jsonb, ${entry.previousHash}::text, ${entry.hash}::text)`,
    ),
    sql`, `,
  );
  const result = (await db.execute(sql`
    with moved as (
      update ${auditLogHeadTable} set last_sequence = ${last.sequence}, last_hash = ${last.hash}
      where log = ${log} and last_sequence = ${head.lastSequence} and last_hash = ${head.lastHash}
      returning log
    )
    insert into ${auditEntryTable} (log, sequence, recorded_at, request_id, payload, previous_hash, hash)
    select moved.log, v.sequence, v.recorded_at, v.request_id, v.payload, v.previous_hash, v.hash
    from moved cross join (values ${rows}) as v (sequence, recorded_at, request_id, payload, previous_hash, hash)
    returning sequence`)) as unknown as { rows: unknown[] };
  return result.rows.length;
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
