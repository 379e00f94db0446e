import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { auditEntryHash, auditEntryTable, auditLogHeadTable } from '@mappa/shared';
import type { AuditPayload, Database } from '@mappa/shared';

/**
 * Test support: runs `work` in one transaction with the audit store's triggers switched off, as a
 * superuser (or the tables' owner) can, to show what verification finds after such tampering.
 */
export async function withAuditTriggersDisabled<T>(db: Database, work: (tx: Database) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    // ALTER TABLE is transactional in PostgreSQL: the triggers are back on at commit or rollback.
    for (const table of [sql`audit.entry`, sql`audit.log_head`, sql`audit.checkpoint`])
      await tx.execute(sql`alter table ${table} disable trigger user`);
    const result = await work(tx);
    for (const table of [sql`audit.entry`, sql`audit.log_head`, sql`audit.checkpoint`])
      await tx.execute(sql`alter table ${table} enable trigger user`);
    return result;
  });
}

/**
 * Test support: the audit store as migrated, every log, head and checkpoint removed (its triggers off for
 * the truncate only). For the audit store's own tests, which each need an empty store: one database per
 * file, emptied before each test, instead of a database copy per test (a PGlite load each).
 */
export async function emptyAuditStore(db: Database): Promise<void> {
  await withAuditTriggersDisabled(db, (tx) => tx.execute(sql`truncate audit.entry, audit.log_head, audit.checkpoint`));
}

/**
 * Test support: makes entries of `log` look as if they had been appended `age` earlier, and
 * recomputes every hash after them and the head, so the chain still verifies. Appends read their
 * time from the clock under the head lock, so no API writes an old entry, and the prune and the
 * database's triggers judge age by the database's own clock; this builds the history a long-running
 * deployment holds, the only way one can exist, and leaves the code under test on the real clock.
 */
export async function backdateAuditEntries(
  db: Database,
  log: string,
  sequences: readonly number[],
  age: { readonly years: number; readonly days?: number },
): Promise<void> {
  await withAuditTriggersDisabled(db, async (tx) => {
    await tx
      .update(auditEntryTable)
      .set({
        recordedAt: sql`${auditEntryTable.recordedAt} - make_interval(years => ${age.years}::integer, days => ${age.days ?? 0}::integer)`,
      })
      .where(and(eq(auditEntryTable.log, log), inArray(auditEntryTable.sequence, [...sequences])));
    const rows = await tx.select().from(auditEntryTable).where(eq(auditEntryTable.log, log)).orderBy(asc(auditEntryTable.sequence));
    // The first entry keeps what it links to (the genesis hash, or a checkpoint's); every hash
    // from there on is recomputed over the changed times.
    let previousHash = rows[0]?.previousHash;
    for (const row of rows) {
      if (previousHash === undefined) break;
      const hash = auditEntryHash({ ...row, previousHash, payload: row.payload as AuditPayload });
      if (hash !== row.hash || previousHash !== row.previousHash) {
        await tx
          .update(auditEntryTable)
          .set({ previousHash, hash })
          .where(and(eq(auditEntryTable.log, log), eq(auditEntryTable.sequence, row.sequence)));
      }
      previousHash = hash;
    }
    if (previousHash !== undefined)
      await tx.update(auditLogHeadTable).set({ lastHash: previousHash }).where(eq(auditLogHeadTable.log, log));
  });
}
