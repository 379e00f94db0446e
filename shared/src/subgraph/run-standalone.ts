import { join } from 'node:path';
import type { z } from 'zod';
import type { AuditMode } from '../audit/audit-writer';
import type { AuthorizationMode } from '../authorization/authorization-mode';
import type { subgraphEnv } from '../config/parse-env';
import { DatabaseConnection } from '../db/database';
import { createLogger } from '../logging/logger';
import { stopOnceOnSignal } from '../process/supervisor-channel';
import { startObservability } from '../metrics/observability';
import { openSharedState } from '../shared-state/open-shared-state';
import { DEFAULT_AS_OF } from '../synthetic/person';
import { prepareSubgraphDatabase } from './prepare-database';
import { startSubgraph } from './start-subgraph';
import type { SubgraphDefinition } from './subgraph-definition';
import type { SeedDataset } from './prepare-database';

/** The environment a subgraph deployed on its own reads. */
export type StandaloneSubgraphConfig = z.infer<ReturnType<typeof subgraphEnv>>;

/** The synthetic dataset a fresh embedded database gets: the same one the local stack seeds. */
export const DEFAULT_DATASET: SeedDataset = { offenders: 2_000, seed: 1, asOf: DEFAULT_AS_OF };

/**
 * Switches a standalone subgraph takes from code, never from its configuration: no environment
 * variable can start a subgraph without authorization or its audit trail (security: production can
 * never be configured that way). Only the bench's "everything off" entry point passes them.
 */
export interface StandaloneSwitches {
  /** BENCHMARK ONLY: `'off'` serves without field policies or row scope. Default `'enforced'`. */
  readonly authorization?: AuthorizationMode;
  /** BENCHMARK ONLY: `'off'` serves without writing the audit trail. Default `'recorded'`. */
  readonly audit?: AuditMode;
}

/**
 * Runs one subgraph as an agency would deploy it: its own process and database (its own
 * `DATABASE_URL`, or an embedded database under `.data/<name>`). A fresh embedded database is seeded
 * with the default synthetic dataset, so it composes with the other agencies' data. SIGTERM drains it
 * and closes what it opened (`stopOnceOnSignal`). The one start-up of a subgraph's entry point.
 */
export async function runStandaloneSubgraph(
  definition: SubgraphDefinition,
  config: StandaloneSubgraphConfig,
  switches: StandaloneSwitches = {},
): Promise<void> {
  const log = createLogger(definition.name, config.LOG_LEVEL);
  // First: the SQL of preparing the database and every request after are traced and counted.
  const observability = await startObservability(`mappa-${definition.name}`, config, log);
  const connection = await DatabaseConnection.open(
    config.DATABASE_URL
      ? { url: config.DATABASE_URL }
      : { dataDir: config.PGLITE_DATA_DIR ?? join(process.cwd(), '.data', definition.name) },
    { poolSize: config.DATABASE_POOL_SIZE },
  );
  await prepareSubgraphDatabase(definition, connection, { seedIfEmpty: connection.kind === 'embedded' ? DEFAULT_DATASET : undefined, log });
  // Replicas of this subgraph share their replay cache through REDIS_URL (issue 9 §4).
  const sharedState = await openSharedState({
    redisUrl: config.REDIS_URL,
    keyPrefix: `${config.REDIS_KEY_PREFIX}${definition.name}:`,
    log,
  });
  const running = await startSubgraph(definition, {
    connection,
    host: config.HOST,
    port: config.PORT,
    production: config.NODE_ENV === 'production',
    log,
    gatewayKeys: config.GATEWAY_PUBLIC_KEYS,
    sharedState,
    staffIdIssuers: config.STAFF_ID_ISSUERS,
    shutdownGraceMs: config.SHUTDOWN_GRACE_MS,
    metrics: observability.metrics,
    authorization: switches.authorization,
    audit: switches.audit,
  });
  stopOnceOnSignal(definition.name, running.url, log, [
    () => running.close(),
    () => sharedState.close(),
    () => connection.close(),
    () => observability.close(),
  ]);
}
