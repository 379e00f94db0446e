import { mkdir } from 'node:fs/promises';
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
  static async fromSnapshot(snapshot: Blob): Promise<DatabaseConnection> {
    const pglite = new PGlite({ loadDataDir: snapshot });
    await pglite.waitReady;
    return new DatabaseConnection({ kind: 'embedded', pglite });
  }

  /** The embedded database's whole data directory, uncompressed, for `fromSnapshot`. */
  async snapshot(): Promise<Blob> {
    if (this.driver.kind !== 'embedded') throw new Error('only an embedded database can be snapshotted; on a server, copy a template database');
    // Uncompressed: gzip makes every load pay to inflate it, and the file lives only for one test run.
    return this.driver.pglite.dumpDataDir('none');
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
