import { sql } from 'drizzle-orm';
import type { Column, SQL } from 'drizzle-orm';
import type { Database } from './database';

/** The one placeholder a prepared look-up takes: every key of the batch, as one array parameter. */
const KEYS = sql.placeholder('keys');

/**
 * `column = any($keys)`: the condition of a prepared look-up. One array parameter rather than
 * drizzle's `inArray` (one parameter per key), so the statement's text is the same for a batch of
 * any size and can be prepared once; PostgreSQL reads `= any(array)` through the same index as `in (…)`.
 */
export function keyIn(column: Column): SQL {
  return sql`${column} = any(${KEYS})`;
}

/** What `.prepare(name)` of a drizzle select gives: run it with the keys. */
interface PreparedSelect<Row> {
  execute(values: { keys: readonly string[] }): Promise<Row[]>;
}

/**
 * A loader's statement, built and prepared once per database (not per request): drizzle's query
 * builder otherwise rebuilds the same SQL text for every batch (about 13% of a subgraph's CPU under
 * load, issue 15), and on the PostgreSQL server a named prepared statement is also parsed and planned
 * once per connection instead of once per batch. `build` writes the query with `keyIn(column)` as its
 * key condition; `name` must be unique in the process (the loader's name). The statement still goes
 * through drizzle's logger, so statement counts are unchanged.
 */
export function preparedLookup<Row>(
  name: string,
  build: (db: Database) => { prepare(name: string): PreparedSelect<Row> },
): (db: Database) => (keys: readonly string[]) => Promise<Row[]> {
  // Per database: each `DatabaseConnection.database()` is a client of its own (and its own statement counter).
  const prepared = new WeakMap<Database, PreparedSelect<Row>>();
  return (db) => {
    let statement = prepared.get(db);
    if (!statement) {
      statement = build(db).prepare(name);
      prepared.set(db, statement);
    }
    const ready = statement;
    return (keys) => ready.execute({ keys: [...keys] });
  };
}
