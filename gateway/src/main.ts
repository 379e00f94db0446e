// Entry point for the gateway on its own: `npm start -w gateway`.
import { join } from 'node:path';
import {
  createLogger,
  DatabaseConnection,
  GatewayAssertionSigner,
  openSharedState,
  stopOnceOnSignal,
  startObservability,
} from '@mappa/shared';
import {
  documentControlsConfigured,
  loadGatewayConfig,
  rateLimitsFrom,
  readSupergraph,
  startGateway,
  statisticsConfigured,
  subgraphUrlsFrom,
  trustedIssuersConfigured,
} from './index';

async function main(): Promise<void> {
  const config = loadGatewayConfig();
  const log = createLogger('gateway', config.LOG_LEVEL);
  const observability = await startObservability('mappa-gateway', config, log);
  // The gateway's audit log: its own database, as each agency keeps its own.
  const auditConnection = await DatabaseConnection.open(
    config.DATABASE_URL ? { url: config.DATABASE_URL } : { dataDir: config.PGLITE_DATA_DIR ?? join(process.cwd(), '.data', 'gateway') },
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
  });
  // SIGTERM drains (issue 15): the gateway finishes what is in flight, then the database closes.
  stopOnceOnSignal('gateway', gateway.url, log, [
    () => gateway.close(),
    () => sharedState.close(),
    () => auditConnection.close(),
    () => observability.close(),
  ]);
}

void main().catch((error: unknown) => {
  process.stderr.write(`gateway failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
