import { resolve } from 'node:path';
import type { DatabaseLocation } from '@mappa/shared';
import { DEFAULT_PGLITE_DATA_DIR } from './config';
import type { StackConfig } from './config';

/** The PostgreSQL server when `DATABASE_URL` is set, otherwise the embedded database on disk. */
export function databaseLocation(config: Pick<StackConfig, 'DATABASE_URL' | 'PGLITE_DATA_DIR'>): DatabaseLocation {
  return config.DATABASE_URL ? { url: config.DATABASE_URL } : { dataDir: resolve(config.PGLITE_DATA_DIR ?? DEFAULT_PGLITE_DATA_DIR) };
}

/** Says where the data is without printing credentials. */
export function describeLocation(location: DatabaseLocation): string {
  if ('url' in location) {
    const url = new URL(location.url);
    return `PostgreSQL server ${url.hostname}:${url.port || 5432}${url.pathname}`;
  }
  return `embedded PGlite in ${location.dataDir}`;
}
