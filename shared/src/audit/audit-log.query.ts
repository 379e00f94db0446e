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

/** The values the prepared append takes (`appendAuditEntriesAfterHead`). */
interface AppendAfterHeadValues {
  readonly log: string;
  readonly headSequence: number;
  readonly headHash: string;
  readonly lastSequence: number;
  readonly lastHash: string;
  /** The entries' rows, as one JSON array (see `appendAfterHeadStatement`). */
  readonly rows: string;
}

/**
 * The append as one data-modifying CTE: the head moves from where the caller saw it to the last
 * entry (only if it is still there), and the entries are inserted only if it moved, so both happen or
 * neither. The entries travel as one JSON array read back by `jsonb_to_recordset`, so the text is
 * the same for a batch of any size: drizzle builds it once per database instead of once per append (a
 * parameter list per entry before), and on the PostgreSQL server it is a named prepared statement,
 * parsed and planned once per connection rather than for every request's entry (issue 15).
 */
function appendAfterHeadStatement(db: Database) {
  const placeholder = (name: keyof AppendAfterHeadValues) => sql.placeholder(name);
  const moved = db.$with('moved').as(
    db
      .update(auditLogHeadTable)
      .set({ lastSequence: sql`${placeholder('lastSequence')}`, lastHash: sql`${placeholder('lastHash')}` })
      .where(
        and(
          eq(auditLogHeadTable.log, placeholder('log')),
          eq(auditLogHeadTable.lastSequence, placeholder('headSequence')),
          eq(auditLogHeadTable.lastHash, placeholder('headHash')),
        ),
      )
      .returning({ log: auditLogHeadTable.log }),
  );
  return db
    .with(moved)
    .insert(auditEntryTable)
    .select(
      sql`select moved.log, v.sequence, v.recorded_at, v.request_id, v.payload, v.previous_hash, v.hash
        from moved cross join jsonb_to_recordset(${placeholder('rows')}::jsonb)
          as v (sequence bigint, recorded_at timestamptz, request_id text, payload jsonb, previous_hash text, hash text)`,
    )
    .returning({ sequence: auditEntryTable.sequence })
    .prepare('audit_append_after_head');
}

// Per database, as `preparedLookup` keeps its statements: each `DatabaseConnection.database()` is a client of its own.
const appendAfterHeadStatements = new WeakMap<Database, ReturnType<typeof appendAfterHeadStatement>>();

/**
 * Moves `log`'s head from `head` to the last of `entries` and inserts them, in one prepared
 * statement (`appendAfterHeadStatement`). The number of entries inserted: all of them, or none when
 * another writer moved the head first.
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
  let statement = appendAfterHeadStatements.get(db);
  if (!statement) {
    statement = appendAfterHeadStatement(db);
    appendAfterHeadStatements.set(db, statement);
  }
  // Millisecond ISO text: the time read back is exactly the time that was hashed.
  const rows = entries.map(({ sequence, recordedAt, requestId, payload, previousHash, hash }) => ({
    sequence,
    recorded_at: recordedAt.toISOString(),
    request_id: requestId,
    payload,
    previous_hash: previousHash,
    hash,
  }));
  const values = {
    log,
    headSequence: head.lastSequence,
    headHash: head.lastHash,
    lastSequence: last.sequence,
    lastHash: last.hash,
    rows: JSON.stringify(rows),
  } satisfies AppendAfterHeadValues;
  const inserted = await statement.execute(values);
  return inserted.length;
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
