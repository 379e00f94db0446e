import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DatabaseConnection } from '../db/database';

/** A test file's own database, and how to drop it afterwards. */
export interface TestDatabase {
  readonly connection: DatabaseConnection;
  drop(): Promise<void>;
}

/**
 * A database of its own for one test file: an in-memory PGlite by default, or, when
 * `DATABASE_URL` is set, a fresh database created on that PostgreSQL server and dropped afterwards,
 * so test files running in parallel never see each other's rows.
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const connection = await DatabaseConnection.open({ dataDir: undefined });
    return { connection, drop: () => connection.close() };
  }
  const name = `mappa_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient(serverUrl, (admin) => admin.query(`create database ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const connection = await DatabaseConnection.open({ url: url.toString() }, { poolSize: 5 });
  return {
    connection,
    drop: async () => {
      await connection.close();
      await withAdminClient(serverUrl, (admin) => admin.query(`drop database if exists ${name} with (force)`));
    },
  };
}

async function withAdminClient(url: string, work: (client: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
