import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { PGlite } from '@electric-sql/pglite';
import type { Transaction as PgliteTransaction } from '@electric-sql/pglite';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { Client, escapeIdentifier, Pool } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from './database';

// Rows per piece of COPY text: the text of a piece is built, sent and dropped before the next, so memory
// stays bounded by a piece, not by the rows (a seed batch's largest table is about 50,000 rows).
const ROWS_PER_PIECE = 10_000;

/**
 * Writes `rows` into `columns` of `table` with one `COPY … FROM` (text format), the bulk path PostgreSQL
 * and PGlite are fastest at: no statement to parse or plan, no array parameter for the server to
 * unpack, and no per-value escaping in `pg`'s array serialiser (both were among a million-offender
 * seed's largest costs, docs/benchmarks-statistics.md). Each value is the text `pg` sends for the same
 * value as a parameter (`prepareValue` after the column's own mapping), so the stored rows are those an
 * `INSERT` of the same values writes. On the server it goes over `pg-copy-streams`, the COPY library
 * the node-postgres project lists; embedded, PGlite reads the same text from a Blob (`/dev/blob`).
 * It runs on `db`'s own connection: inside a transaction, in that transaction.
 */
export async function copyRows(
  db: Database,
  table: PgTable,
  columns: readonly (readonly [key: string, column: PgColumn])[],
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) return;
  const { schema, name } = getTableConfig(table);
  const qualified = `${schema ? `${escapeIdentifier(schema)}.` : ''}${escapeIdentifier(name)}`;
  const columnList = columns.map(([, column]) => escapeIdentifier(column.name)).join(', ');
  const pieces = function* (): Generator<string> {
    for (let start = 0; start < rows.length; start += ROWS_PER_PIECE)
      yield copyText(columns, rows, start, Math.min(rows.length, start + ROWS_PER_PIECE));
  };
  const client = driverClientOf(db);
  if (client instanceof Pool) {
    const connection = await client.connect();
    try {
      await copyOver(connection, qualified, columnList, pieces());
    } finally {
      connection.release();
    }
    return;
  }
  if (client instanceof Client) {
    await copyOver(client, qualified, columnList, pieces());
    return;
  }
  await client.query(`copy ${qualified} (${columnList}) from '/dev/blob'`, [], { blob: new Blob([...pieces()]) });
}

/** COPY over one server connection, the pieces streamed as they are built. */
async function copyOver(connection: Client, qualified: string, columnList: string, pieces: Iterable<string>): Promise<void> {
  await pipeline(Readable.from(pieces), connection.query(copyFrom(`copy ${qualified} (${columnList}) from stdin`)));
}

/** The COPY text (tab-separated, one line per row) of `rows[start..end)`. */
function copyText(
  columns: readonly (readonly [string, PgColumn])[],
  rows: readonly Record<string, unknown>[],
  start: number,
  end: number,
): string {
  const arrayColumn = columns.map(([, column]) => column.getSQLType().endsWith('[]'));
  let text = '';
  for (let index = start; index < end; index += 1) {
    const row = rows[index] as Record<string, unknown>;
    for (let position = 0; position < columns.length; position += 1) {
      const [key, column] = columns[position] as readonly [string, PgColumn];
      const value = row[key];
      if (position > 0) text += '\t';
      if (value === undefined || value === null) text += '\\N';
      else if (arrayColumn[position]) text += escapeCopy(arrayLiteral(value));
      else text += escapeCopy(textOf(column.mapToDriverValue(value)));
    }
    text += '\n';
  }
  return text;
}

/**
 * The text `pg` sends for a parameter value (its `prepareValue`: `toString()`) for the kinds a column's
 * driver mapping gives here: drizzle turns dates, timestamps and JSON into strings itself. Anything else
 * (a `Date`, a buffer) `pg` would format its own way, so it is refused rather than guessed.
 */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return value.toString();
  throw new TypeError(
    `expected a string, number, bigint or boolean from the column's driver mapping, got ${Object.prototype.toString.call(value)}`,
  );
}

/** A one-dimensional array as PostgreSQL's array literal, every element quoted (our array columns are all text[]). */
function arrayLiteral(value: unknown): string {
  if (!Array.isArray(value)) throw new TypeError(`expected an array for an array column, got ${typeof value}`);
  const elements = value.map((element: unknown) =>
    element === null || element === undefined ? 'NULL' : `"${textOf(element).replace(/[\\"]/g, (character) => `\\${character}`)}"`,
  );
  return `{${elements.join(',')}}`;
}

// COPY's text format: a backslash, a tab, a newline and a carriage return in a value are escaped. Two
// expressions: a global one keeps its position between `test` calls.
const HAS_COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_SPECIAL = /[\\\t\n\r]/g;
const COPY_ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function escapeCopy(text: string): string {
  return HAS_COPY_SPECIAL.test(text) ? text.replace(COPY_SPECIAL, (character) => COPY_ESCAPES[character] ?? character) : text;
}

/**
 * The driver's own client under a drizzle query builder: a pg `Pool`, the pool's `Client` a transaction
 * holds, PGlite, or a PGlite transaction. drizzle keeps it on its session and has no public accessor for
 * a transaction's, and COPY needs the connection itself; the checks make a change in drizzle fail here,
 * loudly, rather than write elsewhere.
 */
function driverClientOf(db: Database): Pool | Client | PGlite | PgliteTransaction {
  const session: unknown = Reflect.get(db, 'session');
  const client: unknown = typeof session === 'object' && session !== null ? Reflect.get(session, 'client') : undefined;
  if (client instanceof Pool || client instanceof Client || client instanceof PGlite) return client;
  if (typeof client === 'object' && client !== null && 'query' in client && 'rollback' in client) return client as PgliteTransaction;
  throw new TypeError(`expected drizzle's session to hold a pg Pool or Client or a PGlite instance or transaction, got ${String(client)}`);
}
