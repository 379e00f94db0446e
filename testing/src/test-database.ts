import { createHash, randomBytes } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { sql } from 'drizzle-orm';
import { Client, DatabaseError } from 'pg';
import { BATCH_JOB_DATABASE_TIMEOUTS, migrateAuditStore, DatabaseConnection } from '@mappa/shared';
import type { DatabaseTimeouts } from '@mappa/shared';

/** A test file's own database, and how to drop it afterwards. */
export interface TestDatabase {
  readonly connection: DatabaseConnection;
  drop(): Promise<void>;
}

/**
 * How a test database starts: `prepare` migrates (and perhaps seeds) an empty database, and `name`
 * says exactly what it did (the same name must always mean the same preparation, e.g. it names the
 * dataset). Within one jest run the preparation is done once per name and copied into every test
 * database that asks for it.
 */
export interface TestDatabaseTemplate {
  readonly name: string;
  /**
   * The template `prepare` starts from (none: an empty database). Most test files seed a dataset of
   * their own, so their templates share a migrated base and each pays only for its seeding.
   */
  readonly base?: TestDatabaseTemplate;
  prepare(connection: DatabaseConnection): Promise<void>;
}

/** The audit store migrated, nothing in it: the start of every audit store test. */
export const AUDIT_STORE_TEMPLATE: TestDatabaseTemplate = { name: 'the audit store migrated', prepare: migrateAuditStore };

/** The drizzle-kit migrations in `migrationsFolder` applied, as `DatabaseConnection.migrate` does. */
export const migrationsTemplate = (migrationsFolder: string, schema: string): TestDatabaseTemplate => ({
  name: `the migrations in ${migrationsFolder} applied as ${schema}`,
  prepare: (connection) => connection.migrate(migrationsFolder, schema),
});

/**
 * Where this jest run keeps its prepared databases, set by the run's global set-up
 * (`scripts/jest-global-setup.js`) and removed by its teardown: a folder of PGlite snapshots, whose
 * name (`mappa_template_<random>`) also starts the name of each of the run's template databases on a
 * PostgreSQL server. Unset (a test run some other way), every test database is prepared from scratch.
 */
export const TEST_TEMPLATES_ENV = 'MAPPA_TEST_TEMPLATES';

/**
 * A database of its own for one test file (or one test): an in-memory PGlite by default, or, when
 * `DATABASE_URL` is set, a fresh database created on that PostgreSQL server and dropped afterwards,
 * so test files running in parallel never see each other's rows. With a `template` it starts
 * prepared: a copy of the run's PGlite snapshot, or a database created from the run's template
 * database (`CREATE DATABASE … TEMPLATE`). A copy, never a shared database: what one test writes no
 * other test sees.
 */
export async function openTestDatabase(
  template?: TestDatabaseTemplate,
  options: { timeouts?: Partial<DatabaseTimeouts> } = {},
): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  const templatesFolder = process.env[TEST_TEMPLATES_ENV];
  if (!serverUrl) {
    const connection = await openEmbedded(templatesFolder, template);
    return { connection, drop: () => connection.close() };
  }
  const source = template && templatesFolder ? await templateDatabase(serverUrl, templatesFolder, template) : undefined;
  const name = `mappa_test_${randomBytes(6).toString('hex')}`;
  await createDatabase(serverUrl, name, source);
  const connection = await DatabaseConnection.open(
    { url: serverDatabaseUrl(serverUrl, name) },
    { poolSize: 5, timeouts: options.timeouts },
  );
  // No template database in this run: prepare this one in place, base first.
  if (template && !source) await prepareInPlace(connection, template);
  return {
    connection,
    drop: async () => {
      await connection.close();
      await withAdminClient(serverUrl, (admin) => admin.query(`drop database if exists ${name} with (force)`));
    },
  };
}

// Every embedded test database, empty or prepared, is loaded from a snapshot when the run keeps
// them: loading a data directory costs about a third of initdb's CPU, and PGlite's initdb runs in
// the test process, on the two cores every test file shares.
/** The shared buffers of every embedded test database loaded from a snapshot (see `openEmbedded`). */
const EMBEDDED_TEST_SHARED_BUFFERS = '16MB';

async function openEmbedded(templatesFolder: string | undefined, template: TestDatabaseTemplate | undefined): Promise<DatabaseConnection> {
  if (!templatesFolder) {
    const connection = template ? await openEmbedded(undefined, template.base) : await DatabaseConnection.open({ dataDir: undefined });
    await template?.prepare(connection);
    return connection;
  }
  const file = join(templatesFolder, `${templateKey(template?.name ?? 'empty')}.tar`);
  const snapshot = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (snapshot) return DatabaseConnection.fromSnapshot(snapshot);
  // The first asker prepares, from a copy of the base, and keeps using what it prepared; the
  // snapshot is written under a name of its own and renamed into place, so a parallel worker never
  // reads half a file.
  const connection = template ? await openEmbedded(templatesFolder, template.base) : await DatabaseConnection.open({ dataDir: undefined });
  await template?.prepare(connection);
  // Every load of the snapshot starts a PostgreSQL whose shared buffers are allocated and zeroed in
  // the test process: at initdb's 128 MB that was about half of a load's CPU. A test database holds
  // tens of MB and is read from memory anyway, so a small buffer pool costs its queries nothing.
  await connection.database().execute(sql.raw(`alter system set shared_buffers = '${EMBEDDED_TEST_SHARED_BUFFERS}'`));
  // Only CREATE DATABASE copies template0 and template1, and no test does on an embedded database
  // (one database per process): dropped, they leave a snapshot 15 MB smaller (a stack's 300 offenders:
  // 54.7 -> 39.5 MB), which every load copies and reads (0.88 -> 0.72 s of CPU a load).
  await connection.database().execute(sql.raw(`update pg_database set datistemplate = false where datname in ('template0', 'template1')`));
  for (const name of ['template0', 'template1']) await connection.database().execute(sql.raw(`drop database if exists ${name}`));
  const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.partial`;
  await writeFile(partial, await connection.snapshot());
  await rename(partial, file);
  return connection;
}

/**
 * The name of this run's template database for `template`, creating it first if no test file has:
 * it is built under a name of its own and renamed into place, so no test database is ever copied
 * from a half-prepared one; a worker that loses the race to rename drops its own.
 */
async function templateDatabase(serverUrl: string, templatesFolder: string, template: TestDatabaseTemplate): Promise<string> {
  const name = `${basename(templatesFolder)}_${templateKey(template.name)}`;
  const exists = async () => {
    let found = false;
    await withAdminClient(serverUrl, async (admin) => {
      found = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
    });
    return found;
  };
  if (await exists()) return name;
  const building = `${name}_build_${randomBytes(4).toString('hex')}`;
  await createDatabase(serverUrl, building, template.base ? await templateDatabase(serverUrl, templatesFolder, template.base) : undefined);
  // Migrating and seeding a template is a batch job: the seed's agencies write in parallel and queue for
  // the pool's five connections, which on a loaded server took longer than a request's 5 s connect wait.
  const connection = await DatabaseConnection.open(
    { url: serverDatabaseUrl(serverUrl, building) },
    { poolSize: 5, timeouts: BATCH_JOB_DATABASE_TIMEOUTS },
  );
  try {
    await template.prepare(connection);
  } finally {
    // A template must have no open connection, or copying it fails.
    await connection.close();
  }
  await withAdminClient(serverUrl, async (admin) => {
    try {
      await admin.query(`alter database ${building} rename to ${name}`);
    } catch (error) {
      await admin.query(`drop database if exists ${building} with (force)`);
      // Another worker renamed first: PostgreSQL says so with 42P04 (duplicate database) when the
      // other rename has committed, and with 23505 (unique violation on pg_database's name index)
      // when both renames run at once; either way the template is there.
      if (!(error instanceof DatabaseError && (error.code === '42P04' || error.code === '23505'))) throw error;
    }
  });
  return name;
}

async function prepareInPlace(connection: DatabaseConnection, template: TestDatabaseTemplate): Promise<void> {
  if (template.base) await prepareInPlace(connection, template.base);
  await template.prepare(connection);
}

// Template and test database names stay well under PostgreSQL's 63-character limit, whatever a
// template's name says.
const templateKey = (name: string) => createHash('sha256').update(name).digest('hex').slice(0, 12);

/** The URL of the database `name` on the PostgreSQL server at `serverUrl` (its user, host and options kept). */
export function serverDatabaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function createDatabase(serverUrl: string, name: string, template: string | undefined): Promise<void> {
  await withAdminClient(serverUrl, (admin) =>
    admin.query(template ? `create database ${name} template ${template}` : `create database ${name}`),
  );
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
