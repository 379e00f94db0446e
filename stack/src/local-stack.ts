import { readSupergraph, startGateway } from '@mappa/gateway';
import type {
  DocumentControlsMode,
  OperationLimits,
  RateLimits,
  RunningGateway,
  StatisticsSettings,
  TrustedDocuments,
  TrustedIssuer,
} from '@mappa/gateway';
import { GatewayAssertionSigner, generateSigningKeyPair, migrateAgencies, seedAgencies, startSubgraph } from '@mappa/shared';
import type {
  AuditMode,
  AuthorizationMode,
  DatabaseConnection,
  Logger,
  Metrics,
  RunningSubgraph,
  SeedDataset,
  SharedState,
} from '@mappa/shared';
import { AGENCIES, SUBGRAPHS } from './subgraphs';
import type { SubgraphName } from './subgraphs';

/** Five subgraphs and the gateway, running in this process over one database connection. */
export interface LocalStack {
  readonly gateway: RunningGateway;
  readonly subgraphs: Readonly<Record<SubgraphName, RunningSubgraph>>;
  /** Signs as the gateway does, for tools that must call a subgraph directly (tests, the benchmark). */
  readonly assertionSigner: GatewayAssertionSigner;
  close(): Promise<void>;
}

export interface LocalStackOptions {
  readonly connection: DatabaseConnection;
  readonly host: string;
  /** Port per service; 0 picks a free one (tests). */
  readonly ports: Readonly<Record<SubgraphName | 'gateway', number>>;
  readonly production: boolean;
  readonly subgraphTimeoutMs: number;
  /** The gateway's one deadline per request (default: the gateway's). */
  readonly requestDeadlineMs?: number;
  readonly log: Logger;
  /** When any agency holds no rows yet, (re)seed every agency with this dataset. */
  readonly seedIfEmpty?: SeedDataset | undefined;
  /** Identity providers whose bearer tokens the gateway accepts. */
  readonly trustedIssuers: readonly TrustedIssuer[];
  /** The longest a bearer token may live (`exp - iat`), in seconds (default one hour). */
  readonly tokenMaxLifetimeSeconds?: number;
  /**
   * Per agency, the identity providers its own staff ids come from (see `startSubgraph`); an agency
   * not named keeps the default, the local development issuer.
   */
  readonly staffIdIssuers?: Partial<Readonly<Record<SubgraphName, readonly string[]>>>;
  /**
   * BENCHMARK ONLY: `'off'` starts every service without authorization (see `AuthorizationMode`), so
   * `npm run bench` can compare. Default `'enforced'`; `main.ts` and the tests never pass `'off'`
   * (one test proves the switch works).
   */
  readonly authorization?: AuthorizationMode;
  /** BENCHMARK ONLY: `'off'` starts every service without its audit trail (see `AuditMode`). Default `'recorded'`. */
  readonly audit?: AuditMode;
  /** The gateway's operation limits; each one not given keeps its default. */
  readonly operationLimits?: Partial<OperationLimits> | undefined;
  /** Which documents the gateway runs (see `GatewayOptions.trustedDocuments`). */
  readonly trustedDocuments?: TrustedDocuments | undefined;
  /** BENCHMARK ONLY: `'off'` starts the gateway without operation limits or trusted documents. Default `'enforced'`. */
  readonly documentControls?: DocumentControlsMode;
  /** State shared with other replicas (Redis) or kept in this process (default): replay cache and rate limits. */
  readonly sharedState?: SharedState;
  /** The gateway's rate limits (default `DEFAULT_RATE_LIMITS`); the tests and the benchmark set their own. */
  readonly rateLimits?: RateLimits;
  /** Express's `trust proxy` for the gateway's source addresses. Default `false`. */
  readonly trustProxy?: false | number | string;
  /** The statistics path's disclosure control and record-key secret (issue 13); defaults when not given. */
  readonly statistics?: Partial<StatisticsSettings>;
  /** How long each service lets requests in flight finish when the stack stops (`SHUTDOWN_GRACE_MS`). */
  readonly shutdownGraceMs?: number;
  /** The process's metrics, every service's under its name (default: one registry per service). */
  readonly metrics?: Metrics;
}

/**
 * Migrates every agency and the audit store and, when any agency holds no rows yet and `seedIfEmpty`
 * is given, (re)seeds every agency: what the stack does before it starts its services, in one
 * process or several.
 */
export async function prepareStackDatabase(
  connection: DatabaseConnection,
  seedIfEmpty: SeedDataset | undefined,
  log: Logger,
): Promise<void> {
  await migrateAgencies(connection, AGENCIES);
  if (!seedIfEmpty) return;
  const db = connection.database();
  const empty = await Promise.all(AGENCIES.map((definition) => definition.isEmpty(db)));
  if (empty.some(Boolean)) {
    log.info({ offenders: seedIfEmpty.offenders, seed: seedIfEmpty.seed }, 'seeding the synthetic dataset');
    await seedAgencies(connection, AGENCIES, seedIfEmpty);
  }
}

/**
 * Starts the whole product in one process. Services still talk to each other over real HTTP, as
 * they would deployed apart; sharing the process lets them share one embedded PGlite instance,
 * which keeps the laptop footprint to one database instead of five.
 */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const { connection, log } = options;
  await prepareStackDatabase(connection, options.seedIfEmpty, log);
  // The gateway's assertion key lives only as long as this process: nothing to store or leak, and
  // a restart rotates it.
  const gatewayKey = await generateSigningKeyPair();
  const gatewayKeys = { keys: [gatewayKey.publicJwk] };
  const assertionSigner = await GatewayAssertionSigner.fromJwk(gatewayKey.privateJwk);
  const running: Partial<Record<SubgraphName, RunningSubgraph>> = {};
  for (const { definition } of SUBGRAPHS) {
    const name = definition.name as SubgraphName;
    running[name] = await startSubgraph(definition, {
      connection,
      host: options.host,
      port: options.ports[name],
      production: options.production,
      log,
      gatewayKeys,
      staffIdIssuers: options.staffIdIssuers?.[name],
      authorization: options.authorization,
      audit: options.audit,
      sharedState: options.sharedState,
      shutdownGraceMs: options.shutdownGraceMs,
      ...(options.metrics ? { metrics: options.metrics } : {}),
    });
  }
  const subgraphs = running as Record<SubgraphName, RunningSubgraph>;
  const gateway = await startGateway({
    supergraphSdl: readSupergraph(),
    subgraphUrls: Object.fromEntries(Object.values(subgraphs).map((subgraph) => [subgraph.name, `${subgraph.url}/graphql`])),
    host: options.host,
    port: options.ports.gateway,
    production: options.production,
    subgraphTimeoutMs: options.subgraphTimeoutMs,
    requestDeadlineMs: options.requestDeadlineMs,
    log,
    trustedIssuers: options.trustedIssuers,
    tokenMaxLifetimeSeconds: options.tokenMaxLifetimeSeconds,
    assertionSigner,
    authorization: options.authorization,
    // One database in this process: the gateway's log sits beside the agencies', one chain each.
    auditConnection: connection,
    audit: options.audit,
    operationLimits: options.operationLimits,
    trustedDocuments: options.trustedDocuments,
    documentControls: options.documentControls,
    rateLimits: options.rateLimits,
    sharedState: options.sharedState,
    trustProxy: options.trustProxy,
    statistics: options.statistics,
    shutdownGraceMs: options.shutdownGraceMs,
    ...(options.metrics ? { metrics: options.metrics } : {}),
  });
  return {
    gateway,
    subgraphs,
    assertionSigner,
    // The gateway drains first, while the subgraphs still answer the requests it has in flight.
    close: async () => {
      await gateway.close();
      await Promise.allSettled(Object.values(subgraphs).map((subgraph) => subgraph.close()));
    },
  };
}
