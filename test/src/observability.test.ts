// @jest-runs-alone: it registers OpenTelemetry's process-wide tracer provider with an in-memory exporter,
// and Apollo Gateway's module-level tracer keeps the first provider it finds (scripts/jest-grouping-runner.js).
import { trustedDocumentManifestOf } from '@mappa/gateway';
import { createLogger, Metrics, serveMetrics, REQUEST_ID_HEADER } from '@mappa/shared';
import { startInMemoryTracing } from '@mappa/testing';
import type { ReadableSpan } from '@mappa/testing';
import type { RunningMetricsServer, Tracing } from '@mappa/shared';
import { startTestStack, SMALL_DATASET } from '@mappa/testing/stack';
import type { TestStack } from '@mappa/testing/stack';

// Issue 15, "Observability an operator expects": real requests through the gateway and the
// subgraphs (real HTTP, real database, real token verification) move the Prometheus metrics and
// produce one trace across services, and nothing a caller sent (a PNC ID, a name, a made-up
// operation name) becomes a label.

/** Registered: its name is a label. */
const REGISTERED =
  /* GraphQL */ 'query ObservedOffender($pncId: ID!) { offender(pncId: $pncId) { pncId identity { firstName lastName } mappaCase { level } } }';

// Seeding this file's dataset and starting six services: on a shared, loaded machine this has taken over a minute.
const STACK_START_TIMEOUT_MS = 180_000;

interface LogLine {
  readonly msg: string;
  readonly requestId?: string;
  readonly subgraph?: string;
  readonly component?: string;
  readonly traceId?: string;
}

const lines: LogLine[] = [];
let env: TestStack;
let metrics: Metrics;
let metricsServer: RunningMetricsServer;
let tracing: Tracing;
let spans: () => readonly ReadableSpan[];

beforeAll(async () => {
  ({ tracing, spans } = startInMemoryTracing('mappa-test'));
  metrics = new Metrics({ processMetrics: true });
  const log = createLogger('test', 'info', { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) });
  env = await startTestStack({
    dataset: SMALL_DATASET,
    log,
    metrics,
    trustedDocuments: { mode: 'optional', manifest: trustedDocumentManifestOf([REGISTERED]) },
  });
  metricsServer = await serveMetrics(metrics, '127.0.0.1', 0);
}, STACK_START_TIMEOUT_MS);

afterAll(async () => {
  await metricsServer.close();
  await env.close();
  await tracing.shutdown();
});

async function scrape(): Promise<string> {
  const response = await fetch(metricsServer.url);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return response.text();
}

/** The value of one sample (0 when absent), found by its name and exact labels. */
function sample(text: string, name: string, labels: Record<string, string>): number {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    const labelText = line.slice(name.length + 1, line.indexOf('}'));
    const have = labelText.split(',');
    if (wanted.every((pair) => have.includes(pair)) && have.length === wanted.length) return Number(line.slice(line.indexOf('}') + 2));
  }
  return 0;
}

async function post(
  body: Record<string, unknown>,
  headers: Record<string, string>,
): Promise<{ status: number; requestId: string; json: { data?: unknown; errors?: { extensions?: { code?: string } }[] } }> {
  const response = await fetch(`${env.stack.gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    requestId: response.headers.get(REQUEST_ID_HEADER) ?? '',
    json: (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] },
  };
}

describe('metrics', () => {
  it('counts a registered operation by name, outcome and purpose at the gateway, and its subgraph call, SQL and audit commit', async () => {
    const person = env.people[0]!;
    const before = await scrape();
    const answer = await post({ query: REGISTERED, variables: { pncId: person.pncId } }, await env.headersFor());
    expect(answer.json.errors).toBeUndefined();
    const after = await scrape();
    const gatewayRequest = { service: 'gateway', operation: 'ObservedOffender', outcome: 'success', purpose: 'MAPPA_SCREENING' };
    expect(sample(after, 'mappa_requests_total', gatewayRequest) - sample(before, 'mappa_requests_total', gatewayRequest)).toBe(1);
    const gatewayLatency = { service: 'gateway', operation: 'ObservedOffender', outcome: 'success' };
    expect(
      sample(after, 'mappa_request_duration_seconds_count', gatewayLatency) -
        sample(before, 'mappa_request_duration_seconds_count', gatewayLatency),
    ).toBe(1);
    // The police subgraph was asked (an entity look-up or the root field), once at least, and said so under its own name.
    const policeSuccess = (text: string) =>
      text
        .split('\n')
        .filter(
          (line) =>
            line.startsWith('mappa_requests_total{') &&
            line.includes('service="police"') &&
            line.includes('outcome="success"') &&
            line.includes('purpose="MAPPA_SCREENING"'),
        )
        .reduce((sum, line) => sum + Number(line.slice(line.indexOf('}') + 2)), 0);
    expect(policeSuccess(after)).toBeGreaterThan(policeSuccess(before));
    const policeFetch = { service: 'gateway', agency: 'police', result: 'ok' };
    expect(sample(after, 'mappa_subgraph_fetches_total', policeFetch)).toBeGreaterThan(
      sample(before, 'mappa_subgraph_fetches_total', policeFetch),
    );
    const gatewayAudit = { service: 'gateway', log: 'gateway' };
    expect(
      sample(after, 'mappa_audit_append_duration_seconds_count', gatewayAudit) -
        sample(before, 'mappa_audit_append_duration_seconds_count', gatewayAudit),
    ).toBe(1);
    expect(sample(after, 'mappa_audit_batch_size_count', gatewayAudit)).toBeGreaterThan(
      sample(before, 'mappa_audit_batch_size_count', gatewayAudit),
    );
    const policeAudit = { service: 'police', log: 'police' };
    expect(sample(after, 'mappa_audit_append_duration_seconds_count', policeAudit)).toBeGreaterThan(
      sample(before, 'mappa_audit_append_duration_seconds_count', policeAudit),
    );
    const policeData = { service: 'police', store: 'data' };
    expect(sample(after, 'mappa_sql_statements_total', policeData)).toBeGreaterThan(
      sample(before, 'mappa_sql_statements_total', policeData),
    );
    // The families an operator's dashboards and alerts are built on are all there.
    for (const family of [
      'mappa_requests_total',
      'mappa_request_duration_seconds',
      'mappa_request_errors_total',
      'mappa_requests_received_total',
      'mappa_refusals_total',
      'mappa_subgraph_fetches_total',
      'mappa_subgraph_fetch_duration_seconds',
      'mappa_audit_append_duration_seconds',
      'mappa_audit_batch_size',
      'mappa_audit_append_failures_total',
      'mappa_sql_statements_total',
      'mappa_db_pool_connections',
      'process_cpu_seconds_total',
    ]) {
      expect(after).toContain(`# TYPE ${family} `);
    }
    if (env.connection.kind === 'server') expect(after).toMatch(/^mappa_db_pool_connections\{service="gateway",state="total"\} \d+$/m);
  });

  it('counts refusals by code: a request without a token is UNAUTHENTICATED, counted with no operation and no purpose', async () => {
    const before = await scrape();
    const anonymous = await post({ query: REGISTERED, variables: { pncId: env.people[1]!.pncId } }, {});
    expect(anonymous.json.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const after = await scrape();
    const refused = { service: 'gateway', code: 'UNAUTHENTICATED' };
    expect(sample(after, 'mappa_refusals_total', refused) - sample(before, 'mappa_refusals_total', refused)).toBe(1);
    expect(sample(after, 'mappa_request_errors_total', refused) - sample(before, 'mappa_request_errors_total', refused)).toBe(1);
    const request = { service: 'gateway', operation: 'none', outcome: 'error', purpose: 'none' };
    expect(sample(after, 'mappa_requests_total', request) - sample(before, 'mappa_requests_total', request)).toBe(1);
  });

  it('never puts a PNC ID, a name, a variable value or a made-up operation name in /metrics: unregistered names are counted as "other"', async () => {
    const person = env.people[2]!;
    const madeUp = `Lookup_${person.lastName.replace(/[^A-Za-z]/g, '')}_${person.pncId.replace(/[^A-Za-z0-9]/g, '')}`;
    const before = await scrape();
    const answer = await post(
      {
        query: `query ${madeUp}($pncId: ID!) { offender(pncId: $pncId) { pncId identity { firstName lastName } } }`,
        variables: { pncId: person.pncId },
        operationName: madeUp,
      },
      await env.headersFor(),
    );
    expect(answer.json.errors).toBeUndefined();
    const after = await scrape();
    const other = { service: 'gateway', operation: 'other', outcome: 'success', purpose: 'MAPPA_SCREENING' };
    expect(sample(after, 'mappa_requests_total', other) - sample(before, 'mappa_requests_total', other)).toBe(1);
    for (const secret of [madeUp, person.pncId, person.firstName, person.lastName, person.croNumber]) expect(after).not.toContain(secret);
    for (const someone of env.people) expect(after).not.toContain(someone.pncId);
  });

  it('serves nothing but GET /metrics on the metrics listener, and nothing of it on the service port', async () => {
    expect((await fetch(metricsServer.url.replace('/metrics', '/graphql'))).status).toBe(404);
    expect((await fetch(metricsServer.url, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${env.stack.gateway.url}/metrics`)).status).toBe(404);
  });
});

describe('traces', () => {
  it('one request is one trace: the gateway, its planning and fetches, the subgraph with its SQL, and both audit commits share a trace id; each log line carries it', async () => {
    // A document not asked before, so the gateway plans it (a plan is cached for the same document).
    const traced = /* GraphQL */ 'query TracedOffender($pncId: ID!) { offender(pncId: $pncId) { pncId mappaCase { level category } } }';
    const answer = await post({ query: traced, variables: { pncId: env.people[3]!.pncId } }, await env.headersFor());
    expect(answer.json.errors).toBeUndefined();
    // The server span ends when its answer is sent; the subgraphs' and the audit's ended before it.
    const gatewaySpan = spans().find(
      (span) => span.attributes['mappa.request_id'] === answer.requestId && span.attributes['mappa.service'] === 'gateway',
    );
    expect(gatewaySpan).toBeDefined();
    const traceId = gatewaySpan!.spanContext().traceId;
    const trace = spans().filter((span) => span.spanContext().traceId === traceId);
    const names = trace.map((span) => span.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'POST /graphql',
        'gateway.request',
        'gateway.plan',
        'gateway.fetch',
        'POST police',
        'audit.append',
        'audit.commit',
        'SELECT',
      ]),
    );
    // The police subgraph's server span continues the gateway's call to it: same trace, parented on the client span.
    const policeCall = trace.find((span) => span.name === 'POST police')!;
    const policeServer = trace.find((span) => span.name === 'POST /graphql' && span.attributes['mappa.service'] === 'police');
    expect(policeServer).toBeDefined();
    expect(policeServer!.parentSpanContext?.spanId).toBe(policeCall.spanContext().spanId);
    expect(policeServer!.attributes['mappa.request_id']).toBe(answer.requestId);
    // SQL spans carry the statement with placeholders, never a parameter.
    const statements = trace.filter((span) => span.attributes['db.system.name'] === 'postgresql');
    expect(statements.length).toBeGreaterThan(0);
    for (const span of trace) expect(JSON.stringify(span.attributes)).not.toContain(env.people[3]!.pncId);
    // Every line this request logged, at the gateway and in each subgraph, names the request and its trace.
    const requestLines = lines.filter((line) => line.requestId === answer.requestId);
    expect(requestLines.some((line) => line.subgraph === 'police')).toBe(true);
    expect(requestLines.some((line) => line.component === 'gateway')).toBe(true);
    for (const line of requestLines) expect(line.traceId).toBe(traceId);
  });

  it("continues a caller's trace outside production (in production the gateway starts its own: shared/src/tracing/tracing.test.ts)", async () => {
    const callerTrace = '4bf92f3577b34da6a3ce929d0e0e4736';
    const answer = await post(
      { query: REGISTERED, variables: { pncId: env.people[4]!.pncId } },
      { ...(await env.headersFor()), traceparent: `00-${callerTrace}-00f067aa0ba902b7-01` },
    );
    const gatewaySpan = spans().find(
      (span) => span.attributes['mappa.request_id'] === answer.requestId && span.attributes['mappa.service'] === 'gateway',
    );
    expect(gatewaySpan?.spanContext().traceId).toBe(callerTrace);
  });
});
