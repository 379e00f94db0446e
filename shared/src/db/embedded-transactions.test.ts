import { sql } from 'drizzle-orm';
import { DatabaseConnection } from './database';
import type { Database } from './database';
import { StatementOutsideOpenTransactionError } from './embedded-transactions';
import { StatementCounter } from './statement-counter';

// @jest-database-independent: it tests the embedded database itself, opening an in-memory PGlite whatever DATABASE_URL
// says, so both runs would do exactly the same: CI runs it once (.ci/run).

/** What `work` rejects with (it must reject). */
async function rejectionOf(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error: unknown) {
    return error;
  }
  throw new Error('expected the work to fail');
}

const countOf = async (db: Database): Promise<number> =>
  ((await db.execute(sql`select count(*)::int as n from probe`)) as unknown as { rows: { n: number }[] }).rows[0]!.n;

/**
 * Issue 15: the embedded database is one connection whose statements wait for the transaction that
 * holds it. A statement sent outside a transaction from inside it would wait for itself forever (a
 * plain PGlite left such a transaction unfinished after 5 s, and would never finish it); it is
 * refused at once instead, and the transaction rolls back like any failed one.
 */
describe('the embedded database refuses a statement that would wait for its own transaction', () => {
  let connection: DatabaseConnection;
  let db: Database;

  beforeAll(async () => {
    connection = await DatabaseConnection.open({ dataDir: undefined });
    // As a subgraph's data statements go: through the deadline-bound view and its drizzle client.
    db = connection.deadlineBoundDatabase(new StatementCounter());
    await db.execute(sql`create table probe (id int primary key)`);
  });

  afterAll(async () => {
    await connection.close();
  });

  it.each([
    ['a statement', (outer: Database) => outer.execute(sql`select 1`)],
    ['a transaction', (outer: Database) => outer.transaction(async (inner) => inner.execute(sql`select 1`))],
  ])('%s started on the database from inside its open transaction fails at once; the transaction rolls back', async (_, outside) => {
    const error = await rejectionOf(() =>
      db.transaction(async (tx) => {
        await tx.execute(sql`insert into probe (id) values (1)`);
        await outside(db);
      }),
    );
    // drizzle wraps a refused statement ("Failed query"); a refused transaction is refused as it is.
    const refused = error instanceof StatementOutsideOpenTransactionError ? error : (error as { cause?: unknown }).cause;
    expect(refused).toBeInstanceOf(StatementOutsideOpenTransactionError);
    expect(await countOf(db)).toBe(0);
  });

  it('work a transaction started that runs on after it committed is not refused, and statements from other work wait their turn', async () => {
    let committed: () => void = () => undefined;
    const afterCommit = new Promise<void>((resolve) => (committed = resolve));
    let later: Promise<number> | undefined;
    await db.transaction(async (tx) => {
      await tx.execute(sql`insert into probe (id) values (2)`);
      // Started inside the transaction's work, sent only once it has committed.
      later = (async () => {
        await afterCommit;
        return countOf(db);
      })();
    });
    committed();
    expect(await later).toBe(1);
    // Another request's statement, sent from outside while a transaction holds the database: it waits for it.
    let opened: () => void = () => undefined;
    const isOpen = new Promise<void>((resolve) => (opened = resolve));
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const holding = db.transaction(async (tx) => {
      await tx.execute(sql`insert into probe (id) values (3)`);
      opened();
      await released;
    });
    await isOpen;
    const concurrent = countOf(db);
    release();
    await holding;
    expect(await concurrent).toBe(2);
  });
});
