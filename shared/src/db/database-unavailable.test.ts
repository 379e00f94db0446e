import { createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { Client, DatabaseError, Pool } from 'pg';
import { DatabaseConnection } from './database';
import { isDatabaseUnavailable } from './database-unavailable';
import { StatementCounter } from './statement-counter';
import { WorkDeadline, withinWorkDeadline } from './work-deadline';

// @jest-database-independent: it opens an in-memory PGlite, a silent TCP server and a refused port whatever DATABASE_URL
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

/** Issue 15: which database failures a client is told are load or unavailability (coded), not internal errors. */
describe('isDatabaseUnavailable', () => {
  let embedded: DatabaseConnection;
  // A TCP server that accepts connections and never answers: a database server too busy to speak.
  let silent: Server;
  const sockets = new Set<Socket>();

  beforeAll(async () => {
    embedded = await DatabaseConnection.open({ dataDir: undefined });
    silent = createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await embedded.close();
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });

  it("a statement a request's passed deadline did not send, under drizzle's 'Failed query' wrapper", async () => {
    const db = embedded.deadlineBoundDatabase(new StatementCounter());
    // drizzle sends a statement when it is awaited: inside the deadline, as a resolver's is.
    const error = await rejectionOf(() =>
      withinWorkDeadline(new WorkDeadline('police', 0), async () => {
        await db.execute(sql`select 1`);
      }),
    );
    expect((error as Error).message).toMatch(/^Failed query/);
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it('a connection the server never answered, under the pool and under drizzle', async () => {
    const { port } = silent.address() as AddressInfo;
    const pool = new Pool({ host: '127.0.0.1', port, user: 'postgres', max: 1, connectionTimeoutMillis: 50 });
    pool.on('error', () => undefined);
    try {
      const error = await rejectionOf(() => drizzle({ client: pool }).execute(sql`select 1`));
      expect((error as Error).message).toMatch(/^Failed query/);
      expect(isDatabaseUnavailable(error)).toBe(true);
    } finally {
      await pool.end();
    }
  });

  it('a server that refuses the connection', async () => {
    // Port 1 on the loopback: nothing listens there.
    const client = new Client({ host: '127.0.0.1', port: 1, user: 'postgres', connectionTimeoutMillis: 1_000 });
    client.on('error', () => undefined);
    const error = await rejectionOf(() => client.connect());
    expect((error as { code?: unknown }).code).toBe('ECONNREFUSED');
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['57014', 'canceling statement due to statement timeout'],
    ['53300', 'sorry, too many clients already'],
    ['57P03', 'the database system is starting up'],
    ['08006', 'connection failure'],
    ['55P03', 'canceling statement due to lock timeout'],
  ])('the server says it cannot do the work now: SQLSTATE %s', (code, message) => {
    // As pg builds it from the server's ErrorResponse.
    const error = Object.assign(new DatabaseError(message, message.length, 'error'), { code });
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it('a statement that is wrong is not unavailability: it stays an internal error', async () => {
    const error = await rejectionOf(() => embedded.database().execute(sql`select * from no_such_table`));
    expect((error as Error & { cause?: { code?: unknown } }).cause?.code).toBe('42P01');
    expect(isDatabaseUnavailable(error)).toBe(false);
    expect(isDatabaseUnavailable(new Error('update returned no row'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});
