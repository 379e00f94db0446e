import type { PgTable } from 'drizzle-orm/pg-core';
import { getTableColumns } from 'drizzle-orm';
import type { Database } from './database';

// PostgreSQL's wire protocol allows 65,535 bind parameters per statement; stay well under it.
const MAX_PARAMETERS = 60_000;

/**
 * Inserts rows with multi-row INSERT statements as large as the parameter limit allows:
 * bulk loading a million offenders one row at a time would take hours.
 */
export async function insertInChunks<Table extends PgTable>(
  db: Database,
  table: Table,
  rows: readonly Table['$inferInsert'][],
): Promise<void> {
  const columnCount = Object.keys(getTableColumns(table)).length;
  const chunkSize = Math.max(1, Math.floor(MAX_PARAMETERS / columnCount));
  for (let start = 0; start < rows.length; start += chunkSize) {
    await db.insert(table).values(rows.slice(start, start + chunkSize) as Table['$inferInsert'][]);
  }
}
