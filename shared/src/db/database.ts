import { mkdir } from 'node:fs/promises';
import { isArrayBuffer } from 'node:util/types';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzleNodePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePostgres } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { Client, Pool } from 'pg';
import type { QueryConfig } from 'pg';
import { refuseStatementsOutsideOpenTransaction } from './embedded-transactions';
import { StatementCounter } from './statement-counter';
import { deadlineBoundPglite, deadlineBoundPool } from './work-deadline';
import type { DeadlineObserver } from './work-deadline';
import type { PoolUse } from '../metrics/metrics';
import { traceSqlOfPglite, traceSqlOfPool } from '../tracing/sql-spans';

/** The query builder every data-access module is written against, whichever driver is underneath. */
export type Database = PgDatabase<PgQueryResultHKT>;

/** Where the data lives: a PostgreSQL server, or PGlite embedded in this process. */
export type DatabaseLocation = { readonly url: string } | { readonly dataDir: string | undefined };

/**
 * How long a PostgreSQL server connection waits, at most (issue 15): a database that hangs (it stops
 * answering, as opposed to refusing) must cost each request a bounded wait and a coded error, never
 * the whole hang. Every bound is in milliseconds; 0 turns one off.
 */
export interface DatabaseTimeouts {
  /** To open a connection, or to wait for a free one from the pool. */
  readonly connectMs: number;
  /** Server side: the server cancels a statement running longer (`statement_timeout`). */
  readonly statementMs: number;
  /** Server side: a session idle inside an open transaction longer is ended, releasing its locks (`idle_in_transaction_session_timeout`). */
  readonly idleInTransactionMs: number;
  /**
   * Client side: a query with no answer this long fails here, whatever the server does. A hung server
   * cancels nothing, so `statementMs` alone would not bound the wait; kept above it so that a merely
   * slow statement is ended by the server, which also frees its work there.
   */
  readonly queryMs: number;
  /**
   * How long a pooled connection may sit idle before the pool closes it (pg's `idleTimeoutMillis`); 0 keeps
   * it until the pool closes. A service gives idle connections back to a shared server; a batch job keeps
   * its own, because on a busy server (`max_connections` reached) reopening one after an idle spell is
   * refused: a 1,000,000-offender seed failed half-way with "too many clients already" that way.
   */
  readonly idleMs: number;
}

/** The bounds every service's pool gets unless told otherwise: each well inside a request's patience. */
export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = {
  connectMs: 5_000,
  statementMs: 15_000,
  idleInTransactionMs: 15_000,
  queryMs: 20_000,
  idleMs: 10_000,
};

/**
 * For operator jobs that are not requests (seeding, the benchmark's set-up, audit verification and
 * pruning): a statement there may rightly run for minutes over a large dataset, so only the connect
 * wait stays bounded, and more loosely than a request's: a job's many workers queue for the pool on a
 * busy server (5 s failed seeding at 100,000 under load), and no client is waiting on them.
 */
export const BATCH_JOB_DATABASE_TIMEOUTS: Partial<DatabaseTimeouts> = {
  connectMs: 60_000,
  statementMs: 0,
  idleInTransactionMs: 0,
  queryMs: 0,
  idleMs: 0,
};

/** The bound on the readiness probe's own `select 1`: `/readyz` must answer within a second (issue 15). */
const REACHABLE_QUERY_TIMEOUT_MS = 800;

/**
 * initdb's options for an in-memory embedded database (tests, and the snapshots their databases are
 * copied from). Its WAL comes in 1 MB segments instead of 16 MB: the one segment a checkpointed data
 * directory keeps was 40-65% of a test database's snapshot (30-41 -> 16-27 MB), and every copy of a
 * snapshot reads it whole (a 50,000-row table's snapshot: 64 -> 33 MB, its load 1.1 -> 0.5 s of CPU;
 * initdb, which writes the segment, 5.7 -> 3.0 s). The embedded test run's CPU fell from 795 to 621 s.
 * A database on disk keeps PostgreSQL's default, which its WAL's volume suits.
 */
const IN_MEMORY_INITDB_ARGS = ['--wal-segsize=1'];

/**
 * An open connection to PostgreSQL. On the embedded default one PGlite instance is shared by every
 * subgraph in the process (each in its own schema): an instance costs 0.4-0.8 GB, so one per
 * subgraph would not fit a laptop.
 */
export class DatabaseConnection {
  private constructor(
    private readonly driver: { kind: 'server'; pool: Pool; url: string; timeouts: DatabaseTimeouts } | { kind: 'embedded'; pglite: PGlite },
  ) {
    // A span per statement sent within a traced request (issue 15).
    if (driver.kind === 'server') traceSqlOfPool(driver.pool);
    else {
      // Before tracing wraps them: a statement that would wait for its own transaction fails at once.
      refuseStatementsOutsideOpenTransaction(driver.pglite);
      traceSqlOfPglite(driver.pglite);
    }
  }

  /** The server pool's connections now (for `/metrics`); none on the embedded database, which has one connection and no pool. */
  poolUse(): PoolUse | null {
    if (this.driver.kind !== 'server') return null;
    return { total: this.driver.pool.totalCount, idle: this.driver.pool.idleCount, waiting: this.driver.pool.waitingCount };
  }

  /**
   * Opens a pool to `url`, or an embedded database in `dataDir` (in memory when undefined). A server
   * pool's waits are bounded by `timeouts` (default `DEFAULT_DATABASE_TIMEOUTS`); the embedded
   * database runs in this process, where nothing can hang apart from the process itself, or a
   * statement waiting for its own transaction, which it refuses (`refuseStatementsOutsideOpenTransaction`).
   */
  static async open(
    location: DatabaseLocation,
    options: { poolSize?: number; timeouts?: Partial<DatabaseTimeouts> } = {},
  ): Promise<DatabaseConnection> {
    if ('url' in location) {
      const timeouts = { ...DEFAULT_DATABASE_TIMEOUTS, ...options.timeouts };
      const pool = new Pool({
        connectionString: location.url,
        max: options.poolSize ?? 10,
        connectionTimeoutMillis: timeouts.connectMs,
        idleTimeoutMillis: timeouts.idleMs,
        // pg sends these as start-up parameters of every connection; 0 (off) is left out.
        ...(timeouts.statementMs > 0 ? { statement_timeout: timeouts.statementMs } : {}),
        ...(timeouts.idleInTransactionMs > 0 ? { idle_in_transaction_session_timeout: timeouts.idleInTransactionMs } : {}),
        ...(timeouts.queryMs > 0 ? { query_timeout: timeouts.queryMs } : {}),
      });
      // An idle client that errors (server restart) must not crash the process; the next query reconnects.
      pool.on('error', () => undefined);
      return new DatabaseConnection({ kind: 'server', pool, url: location.url, timeouts });
    }
    // PGlite creates its data folder but not the folders above it.
    if (location.dataDir) await mkdir(location.dataDir, { recursive: true });
    const pglite = new PGlite(location.dataDir ? { dataDir: location.dataDir } : { initDbStartParams: IN_MEMORY_INITDB_ARGS });
    await pglite.waitReady;
    return new DatabaseConnection({ kind: 'embedded', pglite });
  }

  /**
   * An in-memory embedded database starting as a copy of `snapshot` (from `snapshot()`): loading a
   * copied data directory skips initdb and whatever migrating and seeding the snapshot already holds.
   */
  static async fromSnapshot(snapshot: Uint8Array): Promise<DatabaseConnection> {
    const pglite = new PGlite({ loadDataDir: new HeldBytes(snapshot) });
    await pglite.waitReady;
    return new DatabaseConnection({ kind: 'embedded', pglite });
  }

  /** The embedded database's whole data directory, uncompressed, for `fromSnapshot`. */
  async snapshot(): Promise<Uint8Array> {
    if (this.driver.kind !== 'embedded')
      throw new Error('only an embedded database can be snapshotted; on a server, copy a template database');
    // A checkpoint first: PGlite copies the data directory of a running server, so every load
    // starts with crash recovery, which replays the WAL written since the last checkpoint (for a
    // seeded template, all of its migrating and seeding) unless there is none.
    // Without recycling, that checkpoint deletes the WAL segments it no longer needs instead of keeping
    // them for reuse: they were most of a seeded snapshot (48 of 90 MB), and every load copies them (a
    // 400,000-row table: 267 -> 139 MB, loading 7.1 -> 3.5 s of CPU). Session-level: it changes only
    // which WAL files stay on disk.
    await this.driver.pglite.exec('set wal_recycle = off');
    await this.driver.pglite.exec('checkpoint');
    // Uncompressed: gzip makes every load pay to inflate it, and the file lives only for one test run.
    return new Uint8Array(await (await this.driver.pglite.dumpDataDir('none')).arrayBuffer());
  }

  get kind(): 'server' | 'embedded' {
    return this.driver.kind;
  }

  /** The server's connection URL (a second pool to the same database, as another replica would open), or undefined when embedded. */
  get serverUrl(): string | undefined {
    return this.driver.kind === 'server' ? this.driver.url : undefined;
  }

  /** A query builder over this connection that counts its statements into `counter`. */
  database(counter: StatementCounter = new StatementCounter()): Database {
    return this.driver.kind === 'server'
      ? drizzleNodePostgres({ client: this.driver.pool, logger: counter })
      : drizzlePglite({ client: this.driver.pglite, logger: counter });
  }

  /**
   * Like `database`, for a service's data statements: each statement sent within a request's work
   * deadline (`withinWorkDeadline`) is bounded by it (cancelled on the server when it passes, not sent
   * once it has); `observer` hears of each. Audit writes use `database`: an entry is committed
   * whichever request's statement opened its batch.
   */
  deadlineBoundDatabase(counter: StatementCounter, observer?: DeadlineObserver): Database {
    return this.driver.kind === 'server'
      ? drizzleNodePostgres({
          client: deadlineBoundPool(this.driver.pool, this.driver.url, this.driver.timeouts.connectMs, observer),
          logger: counter,
        })
      : drizzlePglite({ client: deadlineBoundPglite(this.driver.pglite, observer), logger: counter });
  }

  /**
   * Applies the drizzle-kit migrations in `migrationsFolder`. Each agency records its migrations in
   * its own `<schema>_migrations` schema so agencies never contend for one bookkeeping table.
   */
  async migrate(migrationsFolder: string, schema: string): Promise<void> {
    const config = { migrationsFolder, migrationsSchema: `${schema}_migrations` };
    if (this.driver.kind === 'server') {
      // On a connection of its own, without the statement bounds a service's requests get: building an
      // index over a large table may take longer than any request should, and must not be cut short.
      const client = new Client({ connectionString: this.driver.url, connectionTimeoutMillis: this.driver.timeouts.connectMs });
      await client.connect();
      try {
        await migrateNodePostgres(drizzleNodePostgres({ client }), config);
      } finally {
        await client.end();
      }
    } else {
      await migratePglite(drizzlePglite({ client: this.driver.pglite }), config);
    }
  }

  /** True when the database answers a trivial query (readiness probes). */
  async isReachable(): Promise<boolean> {
    try {
      // pg reads a per-query `query_timeout` (client.js) that its typings do not declare.
      const probe: QueryConfig & { readonly query_timeout: number } = { text: 'select 1', query_timeout: REACHABLE_QUERY_TIMEOUT_MS };
      if (this.driver.kind === 'server') await this.driver.pool.query(probe);
      else await this.database().execute(sql`select 1`);
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.driver.kind === 'server') await this.driver.pool.end();
    else await this.driver.pglite.close();
  }
}

/**
 * Bytes already in memory, as the `Blob` PGlite loads a data directory from (it only asks for its
 * `arrayBuffer()`): Node 20's own `Blob.arrayBuffer()` copies through a stream, which cost about a
 * second of CPU for each test database loaded from a 67 MB seeded snapshot.
 */
class HeldBytes extends Blob {
  private readonly held: ArrayBuffer;

  constructor(bytes: Uint8Array) {
    super([]);
    // A file read whole owns its buffer, handed over as it is; anything else is copied out of the
    // buffer it shares. (`isArrayBuffer`, not `instanceof`: under jest the file's buffer comes from
    // another realm.)
    const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    this.held = whole && isArrayBuffer(bytes.buffer) ? bytes.buffer : bytes.slice().buffer;
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(this.held);
  }
}
