import { getTableColumns, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { copyRows } from './copy-rows';
import type { Database } from './database';

// Rows per statement. Each statement carries one array parameter per column (not one parameter per
// value), so its size is bounded by memory, not by PostgreSQL's 65,535-parameter limit.
const ROWS_PER_STATEMENT = 10_000;

/**
 * Bulk-inserts rows: one `COPY` (`copy-rows.ts`), the fastest bulk path on both databases. Rows that
 * may already be there (`ignoreExisting`: data that belongs to the whole dataset rather than to a batch
 * of people, which every batch writes alike) cannot be copied, COPY having no `ON CONFLICT`: they go as
 * one `INSERT … SELECT * FROM unnest(…) ON CONFLICT DO NOTHING` per 10,000 rows, one array parameter per
 * column (a multi-row VALUES list costs drizzle about 50 µs per value). They are a few hundred rows.
 * Columns no row sets are left out, so their database defaults (serial ids) apply.
 */
export async function insertInChunks<Table extends PgTable>(
  db: Database,
  table: Table,
  rows: readonly Table['$inferInsert'][],
  options: { readonly ignoreExisting?: boolean } = {},
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.entries(getTableColumns(table)).filter(([key]) =>
    rows.some((row) => (row as Record<string, unknown>)[key] !== undefined),
  );
  if (!options.ignoreExisting) {
    await copyRows(db, table, columns, rows as readonly Record<string, unknown>[]);
    return;
  }
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT) as Record<string, unknown>[];
    const names = columns.map(([, column]) => sql.identifier(column.name));
    const arrays = columns.map(([key, column]) =>
      unnestArgument(
        column,
        chunk.map((row) => row[key]),
      ),
    );
    const selected = columns.map(([, column], index) => selectExpression(column, sql.identifier(`c${index}`)));
    const aliases = columns.map((_, index) => sql.identifier(`c${index}`));
    await db.execute(
      sql`insert into ${table} (${sql.join(names, sql`, `)}) select ${sql.join(selected, sql`, `)} from unnest(${sql.join(arrays, sql`, `)}) as u(${sql.join(aliases, sql`, `)}) on conflict do nothing`,
    );
  }
}

// The column's SQL type comes from our own table definitions, never from input.
function unnestArgument(column: PgColumn, values: unknown[]): SQL {
  if (isArrayColumn(column)) {
    // unnest would flatten an array of arrays, so array columns travel as JSON documents.
    return sql`${sql.param(values.map((value) => (value === undefined || value === null ? null : JSON.stringify(value))))}::jsonb[]`;
  }
  const driverValues = values.map((value) => (value === undefined || value === null ? null : column.mapToDriverValue(value)));
  // sql.param keeps the array one parameter; a bare array would expand into one parameter per value.
  return sql`${sql.param(driverValues)}::${sql.raw(baseType(column))}[]`;
}

function selectExpression(column: PgColumn, alias: SQL | ReturnType<typeof sql.identifier>): SQL | ReturnType<typeof sql.identifier> {
  if (!isArrayColumn(column)) return alias;
  const elementType = sql.raw(column.getSQLType().replace(/\[\]$/, ''));
  return sql`case when ${alias} is null then null else array(select element::${elementType} from jsonb_array_elements_text(${alias}) as element) end`;
}

function isArrayColumn(column: PgColumn): boolean {
  return column.getSQLType().endsWith('[]');
}

/** serial columns are integers once created; the other types cast as they are named. */
function baseType(column: PgColumn): string {
  const type = column.getSQLType();
  return type === 'serial' ? 'integer' : type === 'bigserial' ? 'bigint' : type;
}
