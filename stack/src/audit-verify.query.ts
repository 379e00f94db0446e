import { sql } from 'drizzle-orm';
import type { Database } from '@mappa/shared';

/** Whether the database holds an audit store (its entry and log-head tables), read without writing or migrating anything. */
export async function auditStorePresent(db: Database): Promise<boolean> {
  const store = await db.execute(
    sql`select to_regclass('audit.entry') is not null and to_regclass('audit.log_head') is not null as present`,
  );
  // Both drivers (node-postgres, PGlite) answer `execute` with the rows under `rows`.
  return (store as { rows?: { present?: unknown }[] }).rows?.[0]?.present === true;
}
