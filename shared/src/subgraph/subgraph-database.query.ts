import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../db/database';

/** Empties an agency's seeded tables in one statement (identities restarted, dependants cascaded), so a fresh seed starts from nothing. */
export async function truncateSeededTables(db: Database, tables: readonly PgTable[]): Promise<void> {
  const list = sql.join(
    tables.map((table) => sql`${table}`),
    sql`, `,
  );
  await db.execute(sql`truncate table ${list} restart identity cascade`);
}

/** Whether `table` holds no row (one row read at most). */
export async function tableIsEmpty(db: Database, table: PgTable): Promise<boolean> {
  return (
    (
      await db
        .select({ one: sql<number>`1` })
        .from(table)
        .limit(1)
    ).length === 0
  );
}

/**
 * Planner statistics for what was just written, in every schema, and the freshly written pages marked
 * all-visible (`vacuum (analyze)`); prepare-database.ts says why a seed ends with it.
 */
export async function vacuumAnalyzeDatabase(db: Database): Promise<void> {
  await db.execute(sql`vacuum (analyze)`);
}
