import { randomBytes } from 'node:crypto';
import { ApolloGateway } from '@apollo/gateway';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { Request } from 'express';
import { parse } from 'graphql';
import {
  AuditWriter,
  clientRequestIdOf,
  DEFAULT_DISCLOSURE_CONTROL,
  createApolloServer,
  createHttpApp,
  errorCodesOf,
  listen,
  MemorySharedState,
  Metrics,
  migrateAuditStore,
  requestIdOf,
  StatementCounter,
} from '@mappa/shared';
import type {
  AuditMode,
  AuthorizationMode,
  DatabaseConnection,
  GatewayAssertionSigner,
  Logger,
  Principal,
  RunningService,
  ServiceMetrics,
  SharedState,
} from '@mappa/shared';
import { gatewayAuditPlugin } from './audit/gateway-audit';
import { GatewayRequestAudit } from './audit/gateway-request-audit';
import { declaredPurposeFrom } from './auth/declared-purpose';
import { DEFAULT_TOKEN_MAX_LIFETIME_SECONDS, TokenVerifier } from './auth/token-verifier';
import type { TrustedIssuer } from './auth/trusted-issuer';
import { EnforcingGateway } from './authorization/enforcing-gateway';
import { readSupergraphPolicies } from './authorization/supergraph-policies';
import type { GatewayContext } from './context/gateway-context';
import { AgencyDataSource } from './datasource/agency-data-source';
import { DEFAULT_REQUEST_DEADLINE_MS, RequestDeadline } from './datasource/request-deadline';
import { subgraphAgent } from './datasource/subgraph-agent';
import { DISCLOSURE_DOCUMENT_OPERATIONS, mountDisclosureDocumentRoute } from './disclosure/disclosure-document-route';
import { DocumentGuard } from './documents/document-guard';
import type { RequestDocument } from './documents/document-guard';
import { DEFAULT_OPERATION_LIMITS } from './documents/operation-limits';
import type { OperationLimits } from './documents/operation-limits';
import { trustedDocumentManifestOf } from './documents/trusted-documents';
import type { TrustedDocuments } from './documents/trusted-documents';
import { CaseGrantLookup, supergraphUrlOf } from './grants/case-grant-lookup';
import { mountGraphiql } from './graphiql/graphiql';
import { DEFAULT_RATE_LIMITS, GatewayRateLimiter, principalKeyOf, sourceOf } from './rate-limit/rate-limits';
import type { RateLimits } from './rate-limit/rate-limits';
import { perSourceRateLimit, RequestRefusals } from './rate-limit/refusals';
import { OwnerClient } from './statistics/owner-client';
import { StatisticsDataSource } from './statistics/statistics-data-source';
import { buildStatisticsSchema, STATISTICS_SUBGRAPH } from './statistics/statistics.schema';
import { STATISTICS_POLICIES } from './statistics/statistics.policies';
import { DEFAULT_MINIMUM_GROUP_SIZE, StatisticsService } from './statistics/statistics.service';
import type { StatisticsSettings } from './statistics/statistics.service';

/** How to run the gateway: the committed supergraph, where each agency's subgraph is, and limits. */
export interface GatewayOptions {
  readonly supergraphSdl: string;
  /** Subgraph URL by supergraph name; overrides the URLs recorded in the supergraph. */
  readonly subgraphUrls: Readonly<Record<string, string>>;
  readonly host: string;
  readonly port: number;
  readonly production: boolean;
  readonly subgraphTimeoutMs: number;
  /**
   * One deadline per request (`REQUEST_DEADLINE_MS`), shared by its look-ups, subgraph fetches and audit
   * commit. Default `DEFAULT_REQUEST_DEADLINE_MS`, and never shorter than `subgraphTimeoutMs`.
   */
  readonly requestDeadlineMs?: number;
  readonly log: Logger;
  /** Identity providers whose bearer tokens are accepted. */
  readonly trustedIssuers: readonly TrustedIssuer[];
  /** The longest a bearer token may live (`exp - iat`), in seconds (default one hour). */
  readonly tokenMaxLifetimeSeconds?: number;
  /** Signs the assertion each subgraph call carries. */
  readonly assertionSigner: GatewayAssertionSigner;
  /**
   * BENCHMARK ONLY: `'off'` runs without early enforcement and without the case-grant look-up (see
   * `AuthorizationMode`); tokens are still verified and assertions still signed. Default `'enforced'`.
   */
  readonly authorization?: AuthorizationMode;
  /** Where the gateway's own audit log is kept (its `audit` schema is migrated on start). */
  readonly auditConnection: DatabaseConnection;
  /** BENCHMARK ONLY: `'off'` answers without writing the gateway's audit log (see `AuditMode`). Default `'recorded'`. */
  readonly audit?: AuditMode;
  /** The most work one operation may ask for; each limit not given keeps its default. */
  readonly operationLimits?: Partial<OperationLimits>;
  /**
   * Which documents run: registered ones only (`required`), or any. Default: `required` with no
   * registered document in production (only analysts' ad-hoc queries run), `optional` otherwise.
   */
  readonly trustedDocuments?: TrustedDocuments;
  /**
   * BENCHMARK ONLY: `'off'` runs without operation limits and without trusted documents (any text
   * runs, no id is looked up), so `npm run bench` can measure what they cost. Default `'enforced'`.
   */
  readonly documentControls?: DocumentControlsMode;
  /** Per-source and per-principal token buckets (issue 9 §1). Default `DEFAULT_RATE_LIMITS`. */
  readonly rateLimits?: RateLimits;
  /** Where the buckets are kept: this process's memory (default), or Redis shared with the other replicas. */
  readonly sharedState?: SharedState;
  /**
   * How the statistics path protects what it publishes (issue 13): suppression threshold, rounding
   * base, minimum group size and the record-key secret (give every replica the same one, so the same
   * people round the same way everywhere; without it each process draws its own at start).
   */
  readonly statistics?: Partial<StatisticsSettings>;
  /** Express's `trust proxy`, for the source address behind a load balancer (`GATEWAY_TRUST_PROXY`). Default `false`. */
  readonly trustProxy?: false | number | string;
  /** How long `close` lets requests in flight finish (`SHUTDOWN_GRACE_MS`). Default `DEFAULT_SHUTDOWN_GRACE_MS`. */
  readonly shutdownGraceMs?: number;
  /** The process's metrics (every service of a process in one registry); default: a registry of its own. */
  readonly metrics?: Metrics;
}

/** BENCHMARK ONLY switch for the document controls: `'off'` exists so that their cost can be measured. */
export type DocumentControlsMode = 'enforced' | 'off';

/** The running gateway, with the count of SQL statements its audit log sent. */
export interface RunningGateway extends RunningService {
  readonly auditStatements: StatementCounter;
  /** Its Prometheus metrics (served by the process's metrics listener, `serveMetrics`). */
  readonly metrics: ServiceMetrics;
}

/**
 * Starts the gateway on the static supergraph. It never fetches schemas from subgraphs, so it
 * starts, and answers with the other agencies' data, even while a subgraph is down.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const log = options.log.child({ component: 'gateway' });
  const trustedDocuments = withBuiltInOperations(
    options.trustedDocuments ?? { mode: options.production ? 'required' : 'optional', manifest: new Map() },
  );
  // Operation names become metric labels only when registered (a trusted document or a built-in
  // operation): a name a client makes up is counted as `other`, so no caller can grow the series.
  const metrics = (options.metrics ?? new Metrics()).forService('gateway', { operationNames: operationNamesOf(trustedDocuments) });
  metrics.watchPool(() => options.auditConnection.poolUse());
  if (options.production && options.trustedIssuers.some((issuer) => issuer.development)) {
    throw new Error('Refusing to start: the development token issuer is enabled in a production configuration.');
  }
  const verifier = new TokenVerifier(options.trustedIssuers, {
    maxLifetimeSeconds: options.tokenMaxLifetimeSeconds ?? DEFAULT_TOKEN_MAX_LIFETIME_SECONDS,
  });
  // Read (and checked) before anything listens: a supergraph whose policies cannot be read is refused.
  const policies = readSupergraphPolicies(options.supergraphSdl);
  // The statistics path (issue 13): a subgraph served in this process, asking the owners itself.
  const ownerClient = new OwnerClient(
    Object.fromEntries(
      (['mappa', 'police', 'probation', 'prison', 'yot'] as const).map((owner) => [
        owner,
        options.subgraphUrls[owner] ?? supergraphUrlOf(options.supergraphSdl, owner),
      ]),
    ),
    options.subgraphTimeoutMs,
    options.assertionSigner,
    metrics,
  );
  const statisticsService = new StatisticsService(ownerClient, statisticsSettingsOf(options.statistics, options.production, log));
  // Its calls to the owners share each request's one deadline (issue 15).
  const statisticsSource = new StatisticsDataSource(await buildStatisticsSchema(), STATISTICS_POLICIES, statisticsService, ownerClient);
  disableApolloTelemetry();
  // One keep-alive pool for every planned subgraph call (a pool per subgraph origin inside it).
  const agent = subgraphAgent();
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    // Not validated again at every start (Apollo validates outside NODE_ENV=production only): the
    // supergraph is composed, and so validated, from the subgraphs' schemas by `npm run schema:generate`,
    // and `npm run check` (generate-schemas --check, schema:check) and supergraph.test.ts hold the
    // committed file to that. Validating it was a fifth of a gateway's start-up CPU.
    validateSupergraph: false,
    logger: log,
    buildService: ({ name, url }) => {
      if (name === STATISTICS_SUBGRAPH) return statisticsSource;
      const configuredUrl = options.subgraphUrls[name] ?? url;
      if (!configuredUrl) throw new Error(`No URL configured for subgraph "${name}"`);
      return new AgencyDataSource(name, configuredUrl, options.subgraphTimeoutMs, options.assertionSigner, log, agent, metrics);
    },
  });
  const grantsUrl = options.subgraphUrls.mappa ?? supergraphUrlOf(options.supergraphSdl, 'mappa');
  if (!grantsUrl) throw new Error('No URL configured for subgraph "mappa" (case access grants)');
  const enforced = (options.authorization ?? 'enforced') === 'enforced';
  if (!enforced) log.warn('authorization is off: no early enforcement and no case-grant look-up (benchmark only)');
  // Off (benchmark only): no grants to look up, so no extra request to the MAPPA unit.
  // The level 1 holders of disclosure decisions are asked for their evidence the same way (issue 11), and
  // the holders of case relationships (probation, the YOT, the prison) for the caller's own (issue 12).
  const urlOf = (name: 'probation' | 'police' | 'prison' | 'yot' | 'home-office') =>
    options.subgraphUrls[name] ?? supergraphUrlOf(options.supergraphSdl, name);
  // The Home Office for its detention decisions (IMMIGRATION_DETENTION_DECISION, issue 14).
  const standingUrls = {
    mappa: grantsUrl,
    probation: urlOf('probation'),
    police: urlOf('police'),
    prison: urlOf('prison'),
    yot: urlOf('yot'),
    'home-office': urlOf('home-office'),
  };
  const grantLookup = enforced ? new CaseGrantLookup(standingUrls, options.subgraphTimeoutMs, options.assertionSigner, metrics) : null;
  // Before anything listens: no request is answered without somewhere to record it.
  await migrateAuditStore(options.auditConnection);
  const auditStatements = new StatementCounter(metrics.counterFor('audit-statements'));
  const auditWriter =
    (options.audit ?? 'recorded') === 'recorded'
      ? new AuditWriter(options.auditConnection.database(auditStatements), 'gateway', undefined, metrics)
      : null;
  if (!auditWriter) log.warn('audit is off: the gateway records no audit trail (benchmark only)');
  // Operation limits and trusted documents run in the context function, once the caller is known
  // (so a refusal is audited against them, as REJECTED with its code) and before Apollo parses,
  // validates (graphql-js's overlapping-fields rule is quadratic in aliases), plans, authorizes or
  // audits the document. They measure the supergraph's own schema for page-size defaults. Not as
  // express middleware before Apollo (it would know no caller to audit the refusal against), nor in
  // an Apollo plugin hook: the context function is where the caller is settled and refusals are
  // already audited (`RequestRefusals`), and Apollo calls it before it parses. Only the rewrite of a
  // registered id to its text is middleware, because Apollo reads the body as it arrives.
  const documentGuard =
    (options.documentControls ?? 'enforced') === 'enforced'
      ? new DocumentGuard(trustedDocuments, { ...DEFAULT_OPERATION_LIMITS, ...options.operationLimits }, policies.schema)
      : null;
  if (!documentGuard) log.warn('document controls are off: no operation limits and no trusted documents (benchmark only)');
  // Fields the caller can never see are removed before planning (EnforcingGateway); each owner
  // still enforces every field and row it serves.
  const server = createApolloServer<GatewayContext>(
    { gateway: enforced ? new EnforcingGateway(gateway, policies, grantLookup ?? undefined) : gateway },
    // Registered documents come from the manifest only (DocumentGuard), never from clients: Apollo's
    // automatic persisted queries would run a hash whose text the limits never saw.
    {
      production: options.production,
      log,
      plugins: auditWriter ? [gatewayAuditPlugin(auditWriter, policies)] : [],
      automaticPersistedQueries: false,
      operationLabel: (operationName) => metrics.operationLabel(operationName),
    },
  );
  await server.start();
  let supergraphLoaded = true;
  // Without its audit database the gateway answers nothing but AUDIT_UNAVAILABLE (fail closed), so it is not ready.
  const app = createHttpApp({
    log,
    production: options.production,
    metrics,
    // The edge: in production a client's traceparent is not continued (as its request id is not taken).
    trustInboundTrace: !options.production,
    readiness: [
      { name: 'supergraph', check: () => supergraphLoaded },
      { name: 'audit database', check: () => options.auditConnection.isReachable() },
    ],
  });
  // A browser IDE that explores the schema is for developers: production serves none (issue 9 §5).
  if (!options.production) mountGraphiql(app);
  // Rate limits (issue 9 §1): per source before anything is read, per principal once verified;
  // failed authentication and rate limits are audited once per window and source.
  app.set('trust proxy', options.trustProxy ?? false);
  const rateLimits = options.rateLimits ?? DEFAULT_RATE_LIMITS;
  const requestDeadlineMs = options.requestDeadlineMs ?? Math.max(DEFAULT_REQUEST_DEADLINE_MS, options.subgraphTimeoutMs);
  const rateLimiter = new GatewayRateLimiter(rateLimits, options.sharedState ?? new MemorySharedState(), log);
  const refusals = new RequestRefusals(auditWriter, rateLimits.refusalAuditWindowMs, log, metrics);
  /**
   * The caller of one request, or its refusal (audited here): the token, the principal's rate limit,
   * the declared purpose, the document controls and the grants and purpose evidence. /graphql reads
   * the document from the request; a route running a built-in operation passes it (`builtIn`).
   */
  const contextOf = async (
    req: Request,
    builtIn?: { readonly body: Record<string, unknown>; readonly document: RequestDocument | undefined },
  ): Promise<GatewayContext> => {
    const requestId = requestIdOf(req);
    const clientRequestId = clientRequestIdOf(req);
    const requestLog = log.child(clientRequestId ? { requestId, clientRequestId } : { requestId });
    const audit = new GatewayRequestAudit();
    const deadline = new RequestDeadline(requestDeadlineMs);
    let principal: Principal | null = null;
    try {
      principal = await verifier.principalFrom(req.headers.authorization);
      await rateLimiter.consumePrincipal(principalKeyOf(principal));
      const declaredPurpose = declaredPurposeFrom(req.headers);
      // Before anything parses, plans or looks up grants: a document over a limit costs no more than this.
      documentGuard?.check(req, principal, declaredPurpose, builtIn?.document);
      // Before any planning or subgraph call: every assertion of this request carries the same grants and purpose evidence.
      const { caseGrants, purposeEvidence } = grantLookup
        ? await grantLookup.standingOf({ principal, declaredPurpose }, requestId, deadline, requestLog)
        : { caseGrants: [], purposeEvidence: null };
      return {
        requestId,
        log: requestLog,
        audit,
        deadline,
        caller: {
          principal,
          declaredPurpose,
          ...(caseGrants.length > 0 ? { caseGrants } : {}),
          ...(purposeEvidence ? { purposeEvidence } : {}),
        },
      };
    } catch (error: unknown) {
      // A refusal before any operation ran (authentication failures included) is audited too.
      await refusals.record(
        sourceOf(req),
        { requestId, body: builtIn?.body ?? req.body, principal, error, audit },
        principal ? principalKeyOf(principal) : null,
        requestLog,
      );
      throw error;
    }
  };
  app.use(
    '/graphql',
    perSourceRateLimit(rateLimiter, refusals, log),
    express.json({ limit: '1mb' }),
    ...(documentGuard ? [documentGuard.resolveRegisteredDocuments()] : []),
    // Who and why are settled before any planning: no token or no purpose, no data.
    expressMiddleware(server, { context: ({ req }) => contextOf(req) }),
  );
  // The disclosure document as a printable page (issue 11): one built-in operation per holder, run
  // through the same context function and Apollo server as /graphql, never a second access path.
  mountDisclosureDocumentRoute(app, {
    rateLimit: perSourceRateLimit(rateLimiter, refusals, log),
    log,
    run: async (req, operation, variables) => {
      const request = { operationName: operation.operationName, query: operation.query, variables };
      const contextValue = await contextOf(req, { body: request, document: documentGuard?.builtInDocument(operation.query, variables) });
      const response = await server.executeOperation(request, { contextValue });
      // Every answer here is a single result: no service enables incremental delivery (@defer).
      const result = response.body.kind === 'single' ? response.body.singleResult : { data: null, errors: undefined };
      return { status: response.http.status, data: result.data, errorCodes: errorCodesOf(result.errors) };
    },
  });
  const running = await listen(app, options.host, options.port, { shutdownGraceMs: options.shutdownGraceMs });
  log.info({ url: `${running.url}/graphql` }, 'gateway listening');
  let closing: Promise<void> | undefined;
  // Draining (issue 15): `running.close` refuses new requests and turns /readyz to 503 at once, then
  // waits for the requests in flight, each of which answers only once its audit entry is committed;
  // then the refusals still counted are audited and the writer's queue is emptied before the caller
  // closes the database.
  const drainAndStop = async (): Promise<void> => {
    log.info('draining: refusing new requests, finishing those in flight');
    await running.close();
    supergraphLoaded = false;
    await server.stop();
    await refusals.flush();
    await auditWriter?.drain();
    // No call is in flight once the server has stopped: the idle sockets to the subgraphs are closed.
    await agent.close();
    log.info('stopped');
  };
  return {
    ...running,
    auditStatements,
    metrics,
    close: () => (closing ??= drainAndStop()),
  };
}

/**
 * No outbound calls (issue 15): `@apollo/gateway` 2.x, when constructed, probes the cloud metadata
 * endpoints of AWS, GCP, Azure and Alibaba (OpenTelemetry resource detectors) and then reports usage
 * metrics to Apollo's servers every hour, unless `APOLLO_TELEMETRY_DISABLED` is set when the gateway is
 * constructed; the library offers no option for it. Set here, in code, before every construction, so
 * no deployment depends on remembering it: a system holding public-protection data connects only to
 * its own subgraphs, database, Redis and configured identity providers.
 */
function disableApolloTelemetry(): void {
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
}

/**
 * The statistics settings with every default filled in. Production refuses to start without a
 * configured key secret: replicas with secrets of their own would round the same cell differently, and
 * asking one question of each replica would average the rounding away (the differencing defence,
 * docs/statistics.md). Elsewhere a process-own secret is drawn and the choice logged as a warning.
 */
function statisticsSettingsOf(given: Partial<StatisticsSettings> | undefined, production: boolean, log: Logger): StatisticsSettings {
  if (!given?.keySecret && production) {
    throw new Error('Refusing to start: no STATISTICS_KEY_SECRET in a production configuration (every replica must round a count alike).');
  }
  if (!given?.keySecret)
    log.warn('no STATISTICS_KEY_SECRET: this process draws its own record-key secret, so replicas may round a count differently');
  return {
    control: given?.control ?? DEFAULT_DISCLOSURE_CONTROL,
    minimumGroupSize: given?.minimumGroupSize ?? DEFAULT_MINIMUM_GROUP_SIZE,
    keySecret: given?.keySecret ?? randomBytes(32).toString('base64url'),
  };
}

/**
 * The documents the gateway runs on its own routes' behalf, added to the registered ones: fixed texts
 * written here, so production (registered documents only) runs them as it runs a front end's.
 */
function withBuiltInOperations(trusted: TrustedDocuments): TrustedDocuments {
  const builtIn = trustedDocumentManifestOf(DISCLOSURE_DOCUMENT_OPERATIONS.map((operation) => operation.query));
  return { ...trusted, manifest: new Map([...trusted.manifest, ...builtIn]) };
}

/** The names of the operations in the registered documents: the only names counted as themselves in metrics. */
function operationNamesOf(trusted: TrustedDocuments): Set<string> {
  const names = new Set<string>();
  for (const text of trusted.manifest.values()) {
    try {
      for (const definition of parse(text).definitions)
        if (definition.kind === 'OperationDefinition' && definition.name) names.add(definition.name.value);
    } catch {
      // A registered document that does not parse is refused when it is run; it names nothing here.
    }
  }
  return names;
}
