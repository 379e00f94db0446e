// `npm start`: the whole product on this machine. On the embedded database (the default) in this one
// process; with DATABASE_URL each service in a process of its own, as deployed (issue 15).
import { documentControlsConfigured, rateLimitsFrom, statisticsConfigured, trustedIssuersConfigured } from '@mappa/gateway';
import { byAgency, createLogger, DatabaseConnection, openSharedState, startObservability } from '@mappa/shared';
import type { DatabaseLocation, Logger } from '@mappa/shared';
import { loadStackConfig, processLayoutOf } from './config';
import type { StackConfig } from './config';
import { databaseLocation, describeLocation } from './database-location';
import { prepareStackDatabase, startLocalStack } from './local-stack';
import { startStackProcesses } from './processes/stack-processes';
import { SUBGRAPHS } from './subgraphs';

const EXAMPLE_QUERY =
  '{ offenders(first: 3, filter: { level: 3 }) { totalCount edges { node { pncId identity { firstName lastName } mappaCase { category level leadAgency } custody { inOutStatus } } } } }';

async function main(): Promise<void> {
  const config = loadStackConfig();
  const log = createLogger('stack', config.LOG_LEVEL);
  const location = databaseLocation(config);
  log.info({ database: describeLocation(location), layout: processLayoutOf(config) }, 'opening database');
  // Also creates the development issuer's key when enabled, once, before any gateway process reads it.
  const trustedIssuers = await trustedIssuersConfigured(config);
  if (processLayoutOf(config) === 'per-service') return runPerService(config, location, log);
  // One process: its metrics and traces here (per service, each process starts its own).
  const observability = await startObservability('mappa-stack', config, log);
  const connection = await DatabaseConnection.open(location, { poolSize: config.DATABASE_POOL_SIZE });
  // In memory for one process; REDIS_URL when several copies of the stack run side by side.
  const sharedState = await openSharedState({ redisUrl: config.REDIS_URL, keyPrefix: config.REDIS_KEY_PREFIX, log });
  const stack = await startLocalStack({
    connection,
    sharedState,
    rateLimits: rateLimitsFrom(config),
    trustProxy: config.GATEWAY_TRUST_PROXY,
    statistics: statisticsConfigured(config),
    host: config.HOST,
    ports: { gateway: config.GATEWAY_PORT, ...byAgency(({ portVariable }) => config[portVariable]) },
    production: config.NODE_ENV === 'production',
    subgraphTimeoutMs: config.SUBGRAPH_TIMEOUT_MS,
    requestDeadlineMs: config.REQUEST_DEADLINE_MS,
    log,
    trustedIssuers,
    // npm start (development) keeps ad-hoc documents allowed, for GraphiQL: TRUSTED_DOCUMENTS is `optional` unless set.
    ...documentControlsConfigured(config),
    tokenMaxLifetimeSeconds: config.TOKEN_MAX_LIFETIME_SECONDS,
    staffIdIssuers: Object.fromEntries(SUBGRAPHS.map(({ definition }) => [definition.name, config.STAFF_ID_ISSUERS])),
    shutdownGraceMs: config.SHUTDOWN_GRACE_MS,
    metrics: observability.metrics,
    seedIfEmpty: seedOf(config),
  });
  printBanner([stack.gateway.url], Object.values(stack.subgraphs), location, observability.metricsUrl);
  const stop = async () => {
    await stack.close();
    await sharedState.close();
    await connection.close();
    await observability.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

/**
 * Each subgraph and each gateway replica in its own process (`stack/src/processes`), this process
 * supervising them: it migrates and seeds first, forwards SIGTERM/SIGINT (gateways drain first), and
 * when a service exits on its own, stops the others and exits non-zero.
 */
async function runPerService(config: StackConfig, location: DatabaseLocation, log: Logger): Promise<void> {
  const connection = await DatabaseConnection.open(location, { poolSize: 5 });
  try {
    await prepareStackDatabase(connection, seedOf(config), log);
  } finally {
    await connection.close();
  }
  const processes = await startStackProcesses({
    env: process.env,
    host: config.HOST,
    ports: { gateway: config.GATEWAY_PORT, ...byAgency(({ portVariable }) => config[portVariable]) },
    gatewayReplicas: config.GATEWAY_REPLICAS,
    shutdownGraceMs: config.SHUTDOWN_GRACE_MS,
    log,
  });
  printBanner(
    processes.gateways.map((gateway) => gateway.url),
    Object.values(processes.subgraphs).map((subgraph) => ({ name: subgraph.service, url: subgraph.url })),
    location,
  );
  const stop = (signal: string) => {
    log.info({ signal }, 'stopping every service');
    void processes.close();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const { failed } = await processes.stopped;
  process.exit(failed ? 1 : 0);
}

function seedOf(config: StackConfig) {
  return config.SEED_OFFENDERS > 0 ? { offenders: config.SEED_OFFENDERS, seed: config.SEED, asOf: config.SEED_AS_OF } : undefined;
}

function printBanner(
  gatewayUrls: readonly string[],
  subgraphs: readonly { readonly name: string; readonly url: string }[],
  location: DatabaseLocation,
  metricsUrl?: string,
): void {
  const gatewayUrl = `${gatewayUrls[0] ?? ''}/graphql`;
  process.stdout.write(
    [
      '',
      `MAPPA federation gateway: ${gatewayUrl}  (open it in a browser for GraphiQL)`,
      ...(gatewayUrls.length > 1 ? [`Gateway replicas: ${gatewayUrls.map((url) => `${url}/graphql`).join(', ')}`] : []),
      `Subgraphs: ${subgraphs.map((s) => `${s.name} ${s.url}/graphql`).join(', ')}`,
      `Data: ${describeLocation(location)}`,
      ...(metricsUrl ? [`Metrics: ${metricsUrl}`] : []),
      'Example (a token from the local development issuer, then a query):',
      `  TOKEN=$(npm run -s token -- --agency mappa_unit --role mappa_coordinator --area LONDON)`,
      `  curl -s ${gatewayUrl} -H "authorization: Bearer $TOKEN" -H 'x-mappa-purpose: MAPPA_SCREENING' -H 'content-type: application/json' -d '${JSON.stringify({ query: EXAMPLE_QUERY })}'`,
      '',
    ].join('\n'),
  );
}

void main().catch((error: unknown) => {
  process.stderr.write(`failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
