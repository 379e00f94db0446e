import { join } from 'node:path';
import {
  createLogger,
  DatabaseConnection,
  GatewayAssertionSigner,
  openSharedState,
  startObservability,
  stopOnceOnSignal,
} from '@mappa/shared';
import { documentControlsConfigured, loadGatewayConfig, statisticsConfigured, subgraphUrlsFrom, trustedIssuersConfigured } from './config';
import { startGateway } from './gateway';
import type { GatewayOptions } from './gateway';
import { rateLimitsFrom } from './rate-limit/rate-limits';
import { readSupergraph } from './supergraph';

/**
 * Switches the gateway takes from code, never from its configuration: no environment variable can
 * start the gateway without authorization or its audit log (security: production can never be
 * configured that way). Only the bench's "everything off" entry point passes them.
 */
export type GatewaySwitches = Pick<GatewayOptions, 'authorization' | 'audit'>;

/**
 * Runs the gateway as deployed, from its environment (`loadGatewayConfig`): logger, observability,
 * its audit database, the shared state replicas use, and SIGTERM draining what is in flight before
 * closing what it opened (issue 15). The one start-up of the gateway's entry point.
 */
export async function runGateway(switches: GatewaySwitches = {}): Promise<void> {
  const config = loadGatewayConfig();
  const log = createLogger('gateway', config.LOG_LEVEL);
  const observability = await startObservability('mappa-gateway', config, log);
  // The gateway's audit log: its own database, as each agency keeps its own.
  const auditConnection = await DatabaseConnection.open(
    config.DATABASE_URL ? { url: config.DATABASE_URL } : { dataDir: config.PGLITE_DATA_DIR ?? join(process.cwd(), '.data', 'gateway') },
    { poolSize: config.DATABASE_POOL_SIZE },
  );
  // Replicas share their rate-limit buckets through REDIS_URL.
  const sharedState = await openSharedState({ redisUrl: config.REDIS_URL, keyPrefix: `${config.REDIS_KEY_PREFIX}gateway:`, log });
  const gateway = await startGateway({
    auditConnection,
    rateLimits: rateLimitsFrom(config),
    sharedState,
    trustProxy: config.GATEWAY_TRUST_PROXY,
    trustedIssuers: await trustedIssuersConfigured(config),
    tokenMaxLifetimeSeconds: config.TOKEN_MAX_LIFETIME_SECONDS,
    assertionSigner: await GatewayAssertionSigner.fromJwk(config.GATEWAY_ASSERTION_KEY),
    supergraphSdl: readSupergraph(),
    subgraphUrls: subgraphUrlsFrom(config),
    host: config.HOST,
    port: config.GATEWAY_PORT,
    production: config.NODE_ENV === 'production',
    subgraphTimeoutMs: config.SUBGRAPH_TIMEOUT_MS,
    requestDeadlineMs: config.REQUEST_DEADLINE_MS,
    log,
    ...documentControlsConfigured(config),
    statistics: statisticsConfigured(config),
    shutdownGraceMs: config.SHUTDOWN_GRACE_MS,
    metrics: observability.metrics,
    authorization: switches.authorization,
    audit: switches.audit,
  });
  // SIGTERM drains (issue 15): the gateway finishes what is in flight, then the database closes.
  stopOnceOnSignal('gateway', gateway.url, log, [
    () => gateway.close(),
    () => sharedState.close(),
    () => auditConnection.close(),
    () => observability.close(),
  ]);
}
