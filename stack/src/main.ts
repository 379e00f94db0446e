// `npm start`: the whole product on this machine, on the embedded database unless DATABASE_URL is set.
import { documentControlsConfigured, rateLimitsFrom, statisticsConfigured, trustedIssuersConfigured } from '@mappa/gateway';
import { byAgency, createLogger, DatabaseConnection, openSharedState } from '@mappa/shared';
import { loadStackConfig } from './config';
import { databaseLocation, describeLocation } from './database-location';
import { startLocalStack } from './local-stack';
import { SUBGRAPHS } from './subgraphs';

const EXAMPLE_QUERY = '{ offenders(first: 3, filter: { level: 3 }) { totalCount edges { node { pncId identity { firstName lastName } mappaCase { category level leadAgency } custody { inOutStatus } } } } }';

async function main(): Promise<void> {
  const config = loadStackConfig();
  const log = createLogger('stack', config.LOG_LEVEL);
  const location = databaseLocation(config);
  log.info({ database: describeLocation(location) }, 'opening database');
  const trustedIssuers = await trustedIssuersConfigured(config);
  const connection = await DatabaseConnection.open(location);
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
    seedIfEmpty: config.SEED_OFFENDERS > 0 ? { offenders: config.SEED_OFFENDERS, seed: config.SEED, asOf: config.SEED_AS_OF } : undefined,
  });
  const gatewayUrl = `${stack.gateway.url}/graphql`;
  process.stdout.write(
    [
      '',
      `MAPPA federation gateway: ${gatewayUrl}  (open it in a browser for GraphiQL)`,
      `Subgraphs: ${Object.values(stack.subgraphs).map((s) => `${s.name} ${s.url}/graphql`).join(', ')}`,
      `Data: ${describeLocation(location)}`,
      'Example (a token from the local development issuer, then a query):',
      `  TOKEN=$(npm run -s token -- --agency mappa_unit --role mappa_coordinator --area LONDON)`,
      `  curl -s ${gatewayUrl} -H "authorization: Bearer $TOKEN" -H 'x-mappa-purpose: MAPPA_SCREENING' -H 'content-type: application/json' -d '${JSON.stringify({ query: EXAMPLE_QUERY })}'`,
      '',
    ].join('\n'),
  );
  const stop = async () => {
    await stack.close();
    await sharedState.close();
    await connection.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

void main().catch((error: unknown) => {
  process.stderr.write(`failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
