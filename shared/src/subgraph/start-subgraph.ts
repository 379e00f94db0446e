import type { JSONWebKeySet } from 'jose';
import { GraphQLError } from 'graphql';
import { AUDIT_LOGS, isAuditLogName } from '../audit/audit-payload';
import type { AuditLogName } from '../audit/audit-payload';
import { AuditWriter } from '../audit/audit-writer';
import type { AuditMode } from '../audit/audit-writer';
import { RequestAudit } from '../audit/request-audit';
import { subgraphAuditPlugin } from '../audit/subgraph-audit.plugin';
import { caseGrantsOf } from '../auth/caller';
import type { Caller } from '../auth/caller';
import { DEV_ISSUER } from '../auth/principal';
import type { PrincipalAgency } from '../auth/principal';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  ASSERTION_HEADER,
  ASSERTION_LIFETIME_SECONDS,
  GatewayAssertionVerifier,
  ReplayCacheUnavailableError,
} from '../auth/gateway-assertion';
import { purposeEvidenceOf } from '../auth/purpose-evidence';
import { rowScopeOf, unrestrictedRowScopeOf } from '../auth/row-scope';
import { AccessDecisions } from '../authorization/access-decisions';
import { accessErrorsPlugin } from '../authorization/access-errors.plugin';
import type { AuthorizationMode } from '../authorization/authorization-mode';
import type { VerifiedAssertionWithBinding } from '../auth/gateway-assertion';
import { answerGraphQL } from '../apollo/answer-graphql';
import { createApolloServer } from '../apollo/create-apollo-server';
import type { DatabaseConnection } from '../db/database';
import { WorkDeadline, withinWorkDeadline } from '../db/work-deadline';
import { AGENCY_REGISTRY } from '../federation/agency-registry';
import { StatementCounter } from '../db/statement-counter';
import { Counter } from '../metrics/counter';
import { Metrics } from '../metrics/metrics';
import type { ServiceMetrics } from '../metrics/metrics';
import { observeRefusal } from '../metrics/request-observation';
import { rootFieldLabel } from '../apollo/request-observation.plugin';
import { answerFailedRequest, answerJson, answerNotFound, pathOf, serveHttp } from '../http/http-service';
import { readJsonBody, UnreadableBodyError } from '../http/json-body';
import type { JsonBody } from '../http/json-body';
import { REQUEST_ID_HEADER } from '../http/request-id';
import type { RunningService } from '../http/http-service';
import type { Logger } from '../logging/logger';
import { MemorySharedState } from '../shared-state/memory-shared-state';
import type { SharedState } from '../shared-state/shared-state';
import { calendarDateOf, systemClock } from '../time/calendar-date';
import type { Clock } from '../time/calendar-date';
import type { SubgraphContext } from './subgraph-context';
import type { SubgraphDefinition } from './subgraph-definition';
import { ERROR_CODES } from '../errors/error-codes';

/** A subgraph serving on HTTP, with counts of the GraphQL requests it served and the SQL it sent. */
export interface RunningSubgraph extends RunningService {
  readonly name: string;
  readonly requests: Counter;
  readonly statements: StatementCounter;
  /** Field selections it was asked for and denied (the gateway removes those a caller can never see). */
  readonly deniedSelections: Counter;
  /** Data statements stopped at their request's deadline: cancelled on the server while running, or not sent at all. */
  readonly statementsAtDeadline: { readonly cancelled: Counter; readonly notSent: Counter };
  /** SQL statements its audit trail sent (apart from `statements`, which counts the agency's data). */
  readonly auditStatements: StatementCounter;
  /** Its Prometheus metrics (served by the process's metrics listener, `serveMetrics`). */
  readonly metrics: ServiceMetrics;
}

// The agency whose staff own each data owner's subgraph: its information governance, and no one
// else's, audits that owner's records (principle 10; `areaScopeOf`). The agency registry's
// `principalAgency`; the gateway's log has none.
function ownerAgencyOfLog(log: AuditLogName): PrincipalAgency | undefined {
  return AGENCY_REGISTRY.find((registration) => registration.auditLog === log)?.principalAgency;
}

function auditLogNameOf(name: string): AuditLogName {
  if (!isAuditLogName(name)) throw new Error(`Subgraph "${name}" has no audit log of its own (known: ${AUDIT_LOGS.join(', ')})`);
  return name;
}

/**
 * The longest a subgraph works on one request's data (its statements), whatever the gateway's budget:
 * by default the longest an assertion lives, which no budget can exceed (a deployment may set less).
 * Each statement keeps the pool's own bounds too (`DatabaseTimeouts`).
 */
export const DEFAULT_MAX_WORK_MS = ASSERTION_LIFETIME_SECONDS * 1000;

const makeRequestLog = Symbol('makeRequestLog');

/**
 * A request context whose `log` is made on first use. Apollo Server copies each request's context
 * (`Object.assign` onto a new object of the same prototype) before running its operation, which would
 * call a getter of the object itself; a getter of its prototype is not copied, and reads the maker the
 * copy carries (an own symbol property, copied with the rest).
 */
class LoggedLazily {
  readonly [makeRequestLog]: () => Logger;

  constructor(make: () => Logger) {
    this[makeRequestLog] = make;
  }

  get log(): Logger {
    return this[makeRequestLog]();
  }
}

/** The largest request body a subgraph reads (its callers send one GraphQL operation and its representations). */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Starts one agency's subgraph over an already-open, migrated connection (`prepareSubgraphDatabase`):
 * serves `/graphql`, `/healthz` and `/readyz`.
 */
export async function startSubgraph<Loaders extends object>(
  definition: SubgraphDefinition<Loaders>,
  options: {
    readonly connection: DatabaseConnection;
    readonly host: string;
    readonly port: number;
    readonly production: boolean;
    readonly log: Logger;
    /** The gateway's public keys: only requests carrying an assertion signed by one are served. */
    readonly gatewayKeys: JSONWebKeySet;
    /**
     * The identity providers whose staff ids this agency's records use (e.g. probation's nDelius
     * staff codes are its own provider's): a staff id from any other provider matches none of them.
     * Default: the local development issuer only.
     */
    readonly staffIdIssuers?: readonly string[];
    /** BENCHMARK ONLY: `'off'` serves without field policies or row scope (see `AuthorizationMode`). Default `'enforced'`. */
    readonly authorization?: AuthorizationMode;
    /** BENCHMARK ONLY: `'off'` serves without writing its audit trail (see `AuditMode`). Default `'recorded'`. */
    readonly audit?: AuditMode;
    /**
     * Where the ids of assertions already used are kept (the replay cache): this process's memory by
     * default; the same Redis for every replica of this subgraph, so none accepts another's replay.
     */
    readonly sharedState?: SharedState;
    /** How long `close` lets requests in flight finish (`SHUTDOWN_GRACE_MS`). Default `DEFAULT_SHUTDOWN_GRACE_MS`. */
    readonly shutdownGraceMs?: number;
    /** The process's metrics (every service of a process in one registry); default: a registry of its own. */
    readonly metrics?: Metrics;
    /** Where the request's time comes from: the system's clock by default; tests stand it at the instant they need. */
    readonly clock?: Clock;
    /** The longest a request's data statements may run, whatever budget the gateway gives it. Default `DEFAULT_MAX_WORK_MS`. */
    readonly maxWorkMs?: number;
  },
): Promise<RunningSubgraph> {
  const log = options.log.child({ subgraph: definition.name });
  const metrics = (options.metrics ?? new Metrics()).forService(definition.name);
  metrics.watchPool(() => options.connection.poolUse());
  const statements = new StatementCounter(metrics.counterFor('data-statements'));
  const requests = new Counter(metrics.counterFor('requests-received'));
  const deniedSelections = new Counter(metrics.counterFor('denied-selections'));
  const statementsCancelled = new Counter(metrics.counterFor('statements-cancelled'));
  const statementsNotSent = new Counter(metrics.counterFor('statements-not-sent'));
  // Each request's data statements end when the gateway stops waiting for its answer (issue 15).
  const db = options.connection.deadlineBoundDatabase(statements, {
    cancelled: () => statementsCancelled.increment(),
    notSent: () => statementsNotSent.increment(),
  });
  const maxWorkMs = options.maxWorkMs ?? DEFAULT_MAX_WORK_MS;
  const authorization = options.authorization ?? 'enforced';
  const enforced = authorization === 'enforced';
  const schema = await definition.buildSchema(authorization);
  if (!enforced) log.warn('authorization is off: this service enforces no field policy or row scope (benchmark only)');
  // Off (benchmark only) drops the whole of authorization at once: no policy wrappers (above), no
  // denied-selection plugin, an unrestricted row scope (below). The assertion check stays.
  const authorizationPlugins = enforced ? [accessErrorsPlugin<SubgraphContext<Loaders>>((count) => deniedSelections.increment(count))] : [];
  // The owner's audit log, in its own database (migrated with the agency's tables), counted apart
  // from the agency's data statements so batching tests still count data alone.
  const auditLog = auditLogNameOf(definition.name);
  const auditMode = options.audit ?? 'recorded';
  const auditStatements = new StatementCounter(metrics.counterFor('audit-statements'));
  const auditWriter =
    auditMode === 'recorded' ? new AuditWriter(options.connection.database(auditStatements), auditLog, undefined, metrics) : null;
  if (!auditWriter) log.warn('audit is off: this service records no audit trail (benchmark only)');
  // After the access-errors plugin: the audit entry must see the FORBIDDEN errors it adds.
  const plugins = [...authorizationPlugins, ...(auditWriter ? [subgraphAuditPlugin<SubgraphContext<Loaders>>(auditWriter)] : [])];
  const owner = ownerAgencyOfLog(auditLog);
  const staffIdIssuers = options.staffIdIssuers ?? [DEV_ISSUER];
  const clock = options.clock ?? systemClock;
  const rowScopeFor = (caller: Caller, now: Date) =>
    enforced ? rowScopeOf(caller, now, owner, staffIdIssuers) : unrestrictedRowScopeOf(caller, now);
  const server = createApolloServer<SubgraphContext<Loaders>>(
    { schema },
    // No subgraph schema has a cache hint (issue 15): every answer is `no-store` without Apollo's per-field hook.
    { production: options.production, log, plugins, operationLabel: rootFieldLabel, agency: definition.name, withoutCacheHints: true },
  );
  await server.start();
  const sharedState = options.sharedState ?? new MemorySharedState();
  const verifier = new GatewayAssertionVerifier(options.gatewayKeys, definition.name, sharedState);
  const policiesByName = new Map(definition.policies.map((policy) => [policy.name, policy]));
  // Refused before anything is served: the owner's evidence of the attempt, and a 401 (or a 503 when
  // the replay cache cannot answer, which the gateway reports as this agency unavailable). Any other
  // failure is not a refusal: it is thrown on, and answered 500 by the shell.
  const refuse = async (response: ServerResponse, error: unknown): Promise<void> => {
    const unavailable = error instanceof ReplayCacheUnavailableError;
    if (!(error instanceof GraphQLError) && !unavailable) throw error;
    const requestId = String(response.getHeader(REQUEST_ID_HEADER));
    observeRefusal(unavailable ? 'UPSTREAM_UNAVAILABLE' : 'UNAUTHENTICATED');
    if (unavailable)
      log.error({ requestId, reason: 'replay cache unavailable' }, 'request refused: cannot tell a replayed assertion from a new one');
    else log.warn({ requestId, reason: 'assertion rejected' }, 'unauthenticated request');
    // The owner's evidence of an attempt that did not come through the gateway: nothing was served.
    await auditWriter
      ?.append({
        requestId,
        payload: {
          principal: null,
          purpose: null,
          caseId: null,
          operationName: null,
          documentHash: null,
          subjects: [],
          fields: [],
          outcome: 'UNAUTHENTICATED',
          errorCodes: ['UNAUTHENTICATED'],
          durationMs: 0,
        },
      })
      .catch((failure: unknown) =>
        log.error(
          { requestId, reason: failure instanceof Error ? failure.name : 'unknown' },
          'audit entry for a rejected request could not be written',
        ),
      );
    if (unavailable)
      answerJson(response, 503, {
        errors: [
          {
            message: 'This service cannot check gateway assertions right now.',
            extensions: { code: ERROR_CODES.UPSTREAM_UNAVAILABLE.code },
          },
        ],
      });
    else answerJson(response, 401, { errors: [{ message: error.message, extensions: { code: ERROR_CODES.UNAUTHENTICATED.code } }] });
  };
  const contextOf = (verified: VerifiedAssertionWithBinding): SubgraphContext<Loaders> => {
    const { assertion } = verified;
    const requestId = assertion.requestId;
    // One reading of the clock per request: its row scope and its rules agree on the instant and the date.
    const now = clock.now();
    const today = calendarDateOf(now);
    // The case grants and purpose evidence the gateway vouches for travel on with the caller: row
    // scope (`rowScopeOf`) widens by the grants and, under MAPPA_MEETING / MAPPA_SCREENING, is bound by the evidence.
    const caller = {
      principal: assertion.principal,
      declaredPurpose: assertion.declaredPurpose,
      ...(assertion.caseGrants ? { caseGrants: assertion.caseGrants } : {}),
      ...(assertion.purposeEvidence ? { purposeEvidence: assertion.purposeEvidence } : {}),
      // Probation's relationship facts about the caller, for the record conditions decided on them (issue 12).
      ...(assertion.caseRelationships ? { caseRelationships: assertion.caseRelationships } : {}),
    };
    // The audit can tell which grants and which kind of evidence a request was answered under: grant
    // ids are opaque, and the evidence is logged by kind only (never its subject).
    const caseGrantIds = caseGrantsOf(caller, now).map((grant) => grant.grantId);
    const evidence = purposeEvidenceOf(caller, now);
    // The request's logger is made when something first logs (issue 15): a pino child, with its
    // redaction copied, on every request was about 1% of a subgraph's CPU, and in production a request
    // answered without errors logs nothing at all.
    let requestLog: Logger | undefined;
    const requestLogger = (): Logger =>
      (requestLog ??= log.child({
        requestId,
        ...(caseGrantIds.length > 0 ? { caseGrantIds } : {}),
        ...(evidence ? { purposeEvidence: evidence.kind } : {}),
      }));
    return Object.assign(new LoggedLazily(requestLogger), {
      requestId,
      caller,
      now,
      today,
      rowScope: rowScopeFor(caller, now),
      access: new AccessDecisions(caller, policiesByName, today),
      audit: new RequestAudit(auditLog, auditMode, caller, requestId, requestLogger),
      db,
      loaders: definition.createLoaders(db),
    });
  };
  // `/graphql` on Node's server and Apollo Server's `executeHTTPGraphQLRequest`, as Apollo's own
  // standalone server serves it, without Express (issue 15: its router, body parser and response
  // helpers were about a tenth of a subgraph's CPU per request).
  const serveGraphQL = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    requests.increment();
    // Every GraphQL request, `_entities` and `_service` included, must come from the gateway:
    // the agency trusts the gateway's word about who is asking and why, and no one else's.
    // The signature is checked before the body is even read.
    let verified: VerifiedAssertionWithBinding;
    try {
      // Node joins a repeated header of this kind into one string: an array is never an assertion.
      const offered = request.headers[ASSERTION_HEADER];
      verified = await verifier.verify(typeof offered === 'string' ? offered : undefined);
    } catch (error: unknown) {
      await refuse(response, error);
      return;
    }
    // The id the gateway vouches for in the signed assertion names this request, not a header.
    response.setHeader(REQUEST_ID_HEADER, verified.assertion.requestId);
    let body: JsonBody | undefined;
    try {
      body = await readJsonBody(request, MAX_BODY_BYTES);
    } catch (error: unknown) {
      if (!(error instanceof UnreadableBodyError)) throw error;
      answerFailedRequest(response, error.status);
      return;
    }
    // Then the assertion must be the one signed for these very bytes, and used for the first time
    // (issue 9 §4): a captured assertion answers neither another query nor the same one again.
    try {
      await verifier.checkBinding(verified, body?.bytes);
    } catch (error: unknown) {
      await refuse(response, error);
      return;
    }
    // The request's work ends when the gateway stops waiting for it (the budget it signed), and never
    // later than this service's own maximum; a caller that states no budget gets the pool's bounds alone.
    const { budgetMs } = verified.binding;
    const answer = () => answerGraphQL(server, request, response, body?.value, async () => contextOf(verified));
    await (budgetMs === undefined
      ? answer()
      : withinWorkDeadline(new WorkDeadline(definition.name, Math.min(budgetMs, maxWorkMs)), answer));
  };
  const running = await serveHttp(
    {
      log,
      production: options.production,
      metrics,
      // Its callers are the gateway (anyone else is refused): the gateway's trace continues here.
      trustInboundTrace: true,
      readiness: [
        { name: 'database', check: () => options.connection.isReachable() },
        // Without its replay cache the subgraph refuses every request (fail closed), so it is not ready.
        ...(sharedState.kind === 'redis' ? [{ name: 'replay cache', check: () => sharedState.isReachable() }] : []),
      ],
    },
    (request, response) => (pathOf(request) === '/graphql' ? serveGraphQL(request, response) : answerNotFound(response)),
    { host: options.host, port: options.port, shutdownGraceMs: options.shutdownGraceMs },
  );
  log.info({ url: `${running.url}/graphql` }, 'subgraph listening');
  let closing: Promise<void> | undefined;
  // Draining (issue 15): new requests refused and /readyz 503 at once, those in flight finished (each
  // answers only after its entry is committed), then the audit writer emptied before the database closes.
  const drainAndStop = async (): Promise<void> => {
    await running.close();
    await server.stop();
    await auditWriter?.drain();
  };
  return {
    ...running,
    name: definition.name,
    requests,
    statements,
    deniedSelections,
    statementsAtDeadline: { cancelled: statementsCancelled, notSent: statementsNotSent },
    auditStatements,
    metrics,
    close: () => (closing ??= drainAndStop()),
  };
}
