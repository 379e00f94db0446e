import { mkdir } from 'node:fs/promises';
import { isArrayBuffer } from 'node:util/types';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzleNodePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePostgres } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { Pool } from 'pg';
import { StatementCounter } from './statement-counter';

/** The query builder every data-access module is written against, whichever driver is underneath. */
export type Database = PgDatabase<PgQueryResultHKT>;

/** Where the data lives: a PostgreSQL server, or PGlite embedded in this process. */
export type DatabaseLocation = { readonly url: string } | { readonly dataDir: string | undefined };

/**
 * An open connection to PostgreSQL. On the embedded default one PGlite instance is shared by every
 * subgraph in the process (each in its own schema): an instance costs 0.4-0.8 GB, so one per
 * subgraph would not fit a laptop.
 */
export class DatabaseConnection {
  private constructor(
    private readonly driver: { kind: 'server'; pool: Pool } | { kind: 'embedded'; pglite: PGlite },
  ) {}

  /** Opens a pool to `url`, or an embedded database in `dataDir` (in memory when undefined). */
  static async open(location: DatabaseLocation, options: { poolSize?: number } = {}): Promise<DatabaseConnection> {
    if ('url' in location) {
      const pool = new Pool({ connectionString: location.url, max: options.poolSize ?? 10 });
      // An idle client that errors (server restart) must not crash the process; the next query reconnects.
      pool.on('error', () => undefined);
      return new DatabaseConnection({ kind: 'server', pool });
    }
    // PGlite creates its data folder but not the folders above it.
    if (location.dataDir) await mkdir(location.dataDir, { recursive: true });
    const pglite = new PGlite(location.dataDir);
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
    if (this.driver.kind !== 'embedded') throw new Error('only an embedded database can be snapshotted; on a server, copy a template database');
    // A checkpoint first: PGlite copies the data directory of a running server, so every load
    // starts with crash recovery, which replays the WAL written since the last checkpoint (for a
    // seeded template, all of its migrating and seeding) unless there is none.
    await this.driver.pglite.exec('checkpoint');
    // Uncompressed: gzip makes every load pay to inflate it, and the file lives only for one test run.
    return new Uint8Array(await (await this.driver.pglite.dumpDataDir('none')).arrayBuffer());
  }

  get kind(): 'server' | 'embedded' {
    return this.driver.kind;
  }

  /** A query builder over this connection that counts its statements into `counter`. */
  database(counter: StatementCounter = new StatementCounter()): Database {
    return this.driver.kind === 'server'
      ? drizzleNodePostgres({ client: this.driver.pool, logger: counter })
      : drizzlePglite({ client: this.driver.pglite, logger: counter });
  }

  /**
   * Applies the drizzle-kit migrations in `migrationsFolder`. Each agency records its migrations in
   * its own `<schema>_migrations` schema so agencies never contend for one bookkeeping table.
   */
  async migrate(migrationsFolder: string, schema: string): Promise<void> {
    const config = { migrationsFolder, migrationsSchema: `${schema}_migrations` };
    if (this.driver.kind === 'server') {
      await migrateNodePostgres(drizzleNodePostgres({ client: this.driver.pool }), config);
    } else {
      await migratePglite(drizzlePglite({ client: this.driver.pglite }), config);
    }
  }

  /** True when the database answers a trivial query (readiness probes). */
  async isReachable(): Promise<boolean> {
    try {
      await this.database().execute(sql`select 1`);
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
