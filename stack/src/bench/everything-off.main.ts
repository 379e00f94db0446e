// BENCHMARK ONLY: one service (a subgraph, named by BENCH_SERVICE, or `gateway`) started as its own
// entry point starts it deployed (the subgraph's standalone run, gateway/src/main.ts), from the same
// environment, but with authorization and the audit trail off: the "everything off" side of
// `npm run bench -- --only deployed`. Nothing else starts services with these switches.
import {
  documentControlsConfigured,
  loadGatewayConfig,
  rateLimitsFrom,
  readSupergraph,
  startGateway,
  statisticsConfigured,
  subgraphUrlsFrom,
  trustedIssuersConfigured,
} from '@mappa/gateway';
import {
  createLogger,
  DatabaseConnection,
  GatewayAssertionSigner,
  openSharedState,
  startObservability,
  startSubgraph,
  stopOnceOnSignal,
} from '@mappa/shared';
import { SUBGRAPHS } from '../subgraphs';

const OFF = { authorization: 'off', audit: 'off' } as const;

async function startSubgraphOff(name: string): Promise<void> {
  const definition = SUBGRAPHS.find((subgraph) => subgraph.definition.name === name)?.definition;
  if (!definition) throw new Error(`no subgraph called ${name}`);
  const config = definition.loadConfig();
  const log = createLogger(definition.name, config.LOG_LEVEL);
  const observability = await startObservability(`mappa-${definition.name}`, config, log);
  if (!config.DATABASE_URL) throw new Error('DATABASE_URL is required');
  const connection = await DatabaseConnection.open({ url: config.DATABASE_URL });
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
    ...OFF,
  });
  stopOnceOnSignal(definition.name, running.url, log, [
    () => running.close(),
    () => sharedState.close(),
    () => connection.close(),
    () => observability.close(),
  ]);
}

async function startGatewayOff(): Promise<void> {
  const config = loadGatewayConfig();
  const log = createLogger('gateway', config.LOG_LEVEL);
  const observability = await startObservability('mappa-gateway', config, log);
  if (!config.DATABASE_URL) throw new Error('DATABASE_URL is required');
  const auditConnection = await DatabaseConnection.open({ url: config.DATABASE_URL });
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
    ...OFF,
  });
  stopOnceOnSignal('gateway', gateway.url, log, [
    () => gateway.close(),
    () => sharedState.close(),
    () => auditConnection.close(),
    () => observability.close(),
  ]);
}

const service = process.env.BENCH_SERVICE ?? '';
void (service === 'gateway' ? startGatewayOff() : startSubgraphOff(service)).catch((error: unknown) => {
  process.stderr.write(`${service} (everything off) failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
