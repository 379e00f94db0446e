import { collectDefaultMetrics, Counter as PromCounter, Gauge, Histogram, Registry } from 'prom-client';
import { CLIENT_ERROR_CODES } from '../errors/error-codes';
import { PURPOSES } from '../auth/purpose';

/**
 * Every label value here comes from a fixed set (issue 15): an operation name only when the service
 * registered it, a purpose from `PURPOSES`, an error code from `CLIENT_ERROR_CODES`, an agency or
 * audit log from the registry. Nothing a caller types (a variable, an id, a name) can become a label,
 * so `/metrics` holds no personal data and its series stay bounded however many requests arrive.
 */
const KNOWN_CODES = new Set<string>([...CLIENT_ERROR_CODES, 'INTERNAL_SERVER_ERROR']);
const KNOWN_PURPOSES = new Set<string>(PURPOSES);

/** The operation label of a request whose name is not one the service registered. */
export const OTHER_OPERATION = 'other';
/** The operation label of a request refused before any operation was read (or an unknown path). */
export const NO_OPERATION = 'none';

/** An error code as a label: one of the known codes, or `OTHER`. */
export function codeLabel(code: unknown): string {
  return typeof code === 'string' && KNOWN_CODES.has(code) ? code : 'OTHER';
}

/** A declared purpose as a label: one of `PURPOSES`, or `none`. */
export function purposeLabel(purpose: unknown): string {
  return typeof purpose === 'string' && KNOWN_PURPOSES.has(purpose) ? purpose : 'none';
}

/** How a request ended: every answer with data and no error, some data and errors, or errors only. */
export type RequestOutcome = 'success' | 'partial' | 'error';

// Request latencies: from a cached single view (a few ms) to a subgraph timeout (5 s default).
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
// The writer commits up to 200 entries in one statement (`MAX_BATCH`).
const BATCH_BUCKETS = [1, 2, 5, 10, 20, 50, 100, 200];

/**
 * The Prometheus metrics of one process (prom-client): a registry holding every family, each with a
 * `service` label, so the local stack (every service in one process) serves them from one `/metrics`
 * and a deployed service (one per process) serves its own. `forService` gives one service's view.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly requests = new PromCounter({
    name: 'mappa_requests_total',
    help: 'Requests answered, by operation (registered names only), outcome and declared purpose.',
    labelNames: ['service', 'operation', 'outcome', 'purpose'] as const,
    registers: [this.registry],
  });
  readonly requestDuration = new Histogram({
    name: 'mappa_request_duration_seconds',
    help: 'Time from a request arriving to its answer being sent (the audit commit included).',
    labelNames: ['service', 'operation', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly requestErrors = new PromCounter({
    name: 'mappa_request_errors_total',
    help: 'Requests answered with an error of this code (a request with several codes counts once under each).',
    labelNames: ['service', 'code'] as const,
    registers: [this.registry],
  });
  readonly requestsReceived = new PromCounter({
    name: 'mappa_requests_received_total',
    help: 'GraphQL requests a subgraph received, counted on arrival before the assertion is checked (refused ones included).',
    labelNames: ['service'] as const,
    registers: [this.registry],
  });
  readonly refusals = new PromCounter({
    name: 'mappa_refusals_total',
    help: 'Requests the gateway refused before any operation ran (rate limits, document limits, authentication), by code.',
    labelNames: ['service', 'code'] as const,
    registers: [this.registry],
  });
  readonly deniedSelections = new PromCounter({
    name: 'mappa_denied_selections_total',
    help: 'Field selections a subgraph was asked for and denied (FORBIDDEN at their paths).',
    labelNames: ['service'] as const,
    registers: [this.registry],
  });
  readonly subgraphFetches = new PromCounter({
    name: 'mappa_subgraph_fetches_total',
    help: 'Calls from the gateway to an agency subgraph, by agency and result (ok; unavailable: it answered 502-504; timeout; unreachable; error: failed before sending).',
    labelNames: ['service', 'agency', 'result'] as const,
    registers: [this.registry],
  });
  readonly subgraphFetchDuration = new Histogram({
    name: 'mappa_subgraph_fetch_duration_seconds',
    help: 'Time one subgraph call took, signing included, by agency.',
    labelNames: ['service', 'agency'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly auditAppendDuration = new Histogram({
    name: 'mappa_audit_append_duration_seconds',
    help: 'Time from an audit entry handed to the writer to its commit (the request waits for it).',
    labelNames: ['service', 'log'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly auditBatchSize = new Histogram({
    name: 'mappa_audit_batch_size',
    help: 'Audit entries committed together in one statement (group commit).',
    labelNames: ['service', 'log'] as const,
    buckets: BATCH_BUCKETS,
    registers: [this.registry],
  });
  readonly auditFailures = new PromCounter({
    name: 'mappa_audit_append_failures_total',
    help: 'Audit entries not committed (their requests answered AUDIT_UNAVAILABLE), by reason: queue_full, refused_entry, commit_failed.',
    labelNames: ['service', 'log', 'reason'] as const,
    registers: [this.registry],
  });
  readonly sqlStatements = new PromCounter({
    name: 'mappa_sql_statements_total',
    help: "SQL statements sent, by store: the agency's data, or the audit log.",
    labelNames: ['service', 'store'] as const,
    registers: [this.registry],
  });
  readonly sqlStatementsAtDeadline = new PromCounter({
    name: 'mappa_sql_statements_at_deadline_total',
    help: "A subgraph's data statements stopped at their request's deadline (issue 15): cancelled while running, or not sent.",
    labelNames: ['service', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly poolConnections = new Gauge({
    name: 'mappa_db_pool_connections',
    help: 'PostgreSQL pool connections by state (total, idle, waiting for a connection); absent on the embedded database.',
    labelNames: ['service', 'state'] as const,
    registers: [this.registry],
    collect: () => this.collectPools(),
  });

  private readonly pools = new Map<string, () => PoolUse | null>();

  /** `processMetrics`: also Node's own (CPU, memory, event loop lag, GC), once per process. */
  constructor(options: { readonly processMetrics?: boolean } = {}) {
    // The event-loop delay histogram samples every 100 ms, not prom-client's default 10 ms: a 10 ms
    // timer woke every process a hundred times a second, about 3.6 ms of CPU per second per process
    // with nothing to serve on this (loaded) machine against 1.1 ms at 100 ms (issue 15: seven
    // processes in the deployed layout). Ten samples a second still give the lag's percentiles.
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 100 });
  }

  /** One service's view of these metrics: every sample it records carries its name. */
  forService(service: string, options: { readonly operationNames?: Iterable<string> } = {}): ServiceMetrics {
    return new ServiceMetrics(this, service, new Set(options.operationNames ?? []));
  }

  /** Reads a service's pool use on each scrape. */
  watchPool(service: string, use: () => PoolUse | null): void {
    this.pools.set(service, use);
  }

  /** The Prometheus text exposition of every family. */
  exposition(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  private collectPools(): void {
    this.poolConnections.reset();
    for (const [service, use] of this.pools) {
      const current = use();
      if (!current) continue;
      this.poolConnections.set({ service, state: 'total' }, current.total);
      this.poolConnections.set({ service, state: 'idle' }, current.idle);
      this.poolConnections.set({ service, state: 'waiting' }, current.waiting);
    }
  }
}

/** A connection pool's use at one moment. */
export interface PoolUse {
  readonly total: number;
  readonly idle: number;
  readonly waiting: number;
}

/** What one request's handlers learnt about it, turned into samples once it is answered. */
export interface RequestObservation {
  operation: string;
  purpose: string;
  codes: Set<string>;
  hasData: boolean;
}

/** One service's metrics: each method records one kind of event with bounded labels. */
export class ServiceMetrics {
  constructor(
    readonly metrics: Metrics,
    readonly service: string,
    private readonly operationNames: ReadonlySet<string>,
  ) {}

  /** The label of a named operation: its name when the service registered it, `other` otherwise. */
  operationLabel(operationName: string | null | undefined): string {
    return operationName && this.operationNames.has(operationName) ? operationName : OTHER_OPERATION;
  }

  /** A request answered with `status` after `seconds`. */
  requestAnswered(observation: RequestObservation, status: number, seconds: number): void {
    const codes = observation.codes.size > 0 || status < 400 ? observation.codes : new Set([codeOfStatus(status)]);
    const outcome: RequestOutcome = codes.size === 0 ? 'success' : observation.hasData ? 'partial' : 'error';
    const { service } = this;
    this.metrics.requests.inc({ service, operation: observation.operation, outcome, purpose: observation.purpose });
    this.metrics.requestDuration.observe({ service, operation: observation.operation, outcome }, seconds);
    for (const code of codes) this.metrics.requestErrors.inc({ service, code });
  }

  refused(code: unknown): void {
    this.metrics.refusals.inc({ service: this.service, code: codeLabel(code) });
  }

  /** One subgraph call ended: `result` is `ok` or why it failed. */
  subgraphFetched(agency: string, result: 'ok' | 'unavailable' | 'timeout' | 'unreachable' | 'error', seconds: number): void {
    this.metrics.subgraphFetches.inc({ service: this.service, agency, result });
    this.metrics.subgraphFetchDuration.observe({ service: this.service, agency }, seconds);
  }

  auditAppended(log: string, seconds: number): void {
    this.metrics.auditAppendDuration.observe({ service: this.service, log }, seconds);
  }

  auditBatchCommitted(log: string, size: number): void {
    this.metrics.auditBatchSize.observe({ service: this.service, log }, size);
  }

  auditFailed(log: string, reason: 'queue_full' | 'refused_entry' | 'commit_failed', entries = 1): void {
    this.metrics.auditFailures.inc({ service: this.service, log, reason }, entries);
  }

  /** The Prometheus counter behind a resettable `Counter` of this service. */
  counterFor(
    kind:
      'requests-received' | 'denied-selections' | 'data-statements' | 'audit-statements' | 'statements-cancelled' | 'statements-not-sent',
  ): { inc(by: number): void } {
    const { service } = this;
    switch (kind) {
      case 'requests-received':
        return this.metrics.requestsReceived.labels({ service });
      case 'denied-selections':
        return this.metrics.deniedSelections.labels({ service });
      case 'data-statements':
        return this.metrics.sqlStatements.labels({ service, store: 'data' });
      case 'audit-statements':
        return this.metrics.sqlStatements.labels({ service, store: 'audit' });
      case 'statements-cancelled':
        return this.metrics.sqlStatementsAtDeadline.labels({ service, outcome: 'cancelled' });
      case 'statements-not-sent':
        return this.metrics.sqlStatementsAtDeadline.labels({ service, outcome: 'not_sent' });
    }
  }

  /** Reads this service's pool use on each scrape. */
  watchPool(use: () => PoolUse | null): void {
    this.metrics.watchPool(this.service, use);
  }
}

/** The code of an answer whose handler recorded none (a refusal before GraphQL ran). */
function codeOfStatus(status: number): string {
  switch (status) {
    case 400:
      return 'BAD_REQUEST';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 405:
      return 'METHOD_NOT_ALLOWED';
    case 429:
      return 'RATE_LIMITED';
    case 503:
      return 'UPSTREAM_UNAVAILABLE';
    default:
      return status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST';
  }
}
