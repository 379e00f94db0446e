// @jest-runs-alone: it registers OpenTelemetry's process-wide tracer provider with an in-memory exporter,
// and Apollo Gateway's module-level tracer keeps the first provider it finds (scripts/jest-grouping-runner.js).
import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { MappaArea } from '@mappa/shared';
import { startInMemoryTracing, postGraphQL } from '@mappa/testing';
import type { PrincipalClaims, Tracing } from '@mappa/shared';
import type { ReadableSpan } from '@mappa/testing';
import { startTestStack, SMALL_DATASET } from '@mappa/testing/stack';
import type { TestStack } from '@mappa/testing/stack';

// The request's deadline, and a per-call subgraph bound far beyond it (beyond jest's test timeout): a
// call that ignored the deadline would wait the bound (before issue 15's change the statistics owner
// client did), so the request would not answer before the test failed. A call to the hung unit that
// ends as a timeout at all was ended by the deadline: no wall-clock bound in the test, which a loaded
// machine could break (9,747 ms against a bound of 9,500 once). How long each step may wait of the
// deadline is counted in gateway/src/datasource/request-deadline.test.ts, on a clock of its own.
const DEADLINE_MS = 8_000;
const SUBGRAPH_TIMEOUT_MS = 3_600_000;

const ANALYST: PrincipalClaims = { staffId: 'ANL0101', agency: 'probation', roles: ['analyst'], area: MappaArea.LONDON, clearance: 'BPSS' };
const STATISTICS = { purpose: 'STATISTICS', caseId: null } as const;
const PPU_OFFICER: PrincipalClaims = {
  staffId: 'PPU0101',
  agency: 'police',
  roles: ['ppu_officer'],
  area: MappaArea.LONDON,
  clearance: 'SC',
};
const SCREENING = { purpose: 'MAPPA_SCREENING', caseId: null } as const;

const ANNUAL_REPORT = 'query AnnualReport($area: MappaArea!, $year: Int!) { annualReport(area: $area, year: $year) { area year } }';
const VIEW = 'query PpuView($pncId: ID!) { offender(pncId: $pncId) { pncId mappaCase { level } } }';

/**
 * Issue 15, one deadline per request, on the steps that are not subgraph fetches planned by the
 * gateway: the statistics path's own calls to each owner (`OwnerClient`) and the case-grant look-up.
 * With the MAPPA unit hung (its port accepts connections and never answers), a statistics request
 * answers within the request's deadline with a coded error, not after the per-call bound; and both
 * kinds of call are traced (a client span each, continued by the owner that answers).
 */
describe('statistics and case-grant calls share the request deadline, and are traced', () => {
  let env: TestStack;
  let tracing: Tracing;
  let spans: () => readonly ReadableSpan[];
  let silent: Server;
  const sockets = new Set<Socket>();

  beforeAll(async () => {
    ({ tracing, spans } = startInMemoryTracing('statistics-deadline-test'));
    env = await startTestStack({
      dataset: SMALL_DATASET,
      subgraphTimeoutMs: SUBGRAPH_TIMEOUT_MS,
      requestDeadlineMs: DEADLINE_MS,
    });
    const mappaPort = env.stack.subgraphs.mappa.port;
    await env.stack.subgraphs.mappa.close();
    silent = createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => silent.listen(mappaPort, '127.0.0.1', resolve));
  }, 300_000);

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
    await env.close();
    await tracing.shutdown();
  });

  // The request's trace once the gateway's server span has ended (after its answer is sent, so it is
  // awaited rather than slept for).
  const traceOf = async (requestId: string): Promise<readonly ReadableSpan[]> => {
    for (;;) {
      const server = spans().find(
        (span) => span.attributes['mappa.request_id'] === requestId && span.attributes['mappa.service'] === 'gateway',
      );
      if (server) return spans().filter((span) => span.spanContext().traceId === server.spanContext().traceId);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  it('the annual report answers within the deadline with UPSTREAM_UNAVAILABLE, and each owner call has its span', async () => {
    const requestId = 'statistics-deadline-0001';
    const headers = { ...(await env.headersFor(ANALYST, STATISTICS)), 'x-request-id': requestId };
    const result = await postGraphQL<{ annualReport: unknown }>(
      `${env.stack.gateway.url}/graphql`,
      ANNUAL_REPORT,
      { area: MappaArea.LONDON, year: 2025 },
      headers,
    );
    // A table with one owner's part missing would be wrong, not partial: no report, a coded error.
    expect(result.data).toEqual({ annualReport: null });
    const codes = (result.errors ?? []).map((error) => error.extensions?.code);
    expect(codes).toContain('UPSTREAM_UNAVAILABLE');
    // Answered and audited in time: the audit commit kept its share of the deadline.
    expect(codes).not.toContain('AUDIT_UNAVAILABLE');

    // The trace: a client span per owner call, the hung unit's ended as a timeout (only the deadline
    // could end it), the police's answered and continued by the police subgraph's server span.
    const trace = await traceOf(requestId);
    const ownerCalls = trace.filter((span) => String(span.attributes['mappa.call'] ?? '').startsWith('statistics '));
    const mappaCalls = ownerCalls.filter((span) => span.attributes['mappa.agency'] === 'mappa');
    expect(mappaCalls.length).toBeGreaterThanOrEqual(1);
    for (const call of mappaCalls) expect(call.attributes['mappa.subgraph.result']).toBe('timeout');
    const policeCall = ownerCalls.find((span) => span.attributes['mappa.call'] === 'statistics policeStatisticsAnnualReport');
    expect(policeCall?.name).toBe('POST police');
    expect(policeCall?.attributes['mappa.subgraph.result']).toBe('ok');
    const policeServer = trace.find((span) => span.name === 'POST /graphql' && span.attributes['mappa.service'] === 'police');
    expect(policeServer?.parentSpanContext?.spanId).toBe(policeCall!.spanContext().spanId);
  });

  it("a PPU officer's case-grant look-up to the hung unit has its span, ended by the look-up's share of the deadline", async () => {
    const requestId = 'statistics-deadline-0002';
    const headers = { ...(await env.headersFor(PPU_OFFICER, SCREENING)), 'x-request-id': requestId };
    const result = await postGraphQL(`${env.stack.gateway.url}/graphql`, VIEW, { pncId: env.people[0]!.pncId }, headers);
    // Without grants (fail closed) nobody is in the officer's scope under MAPPA_SCREENING.
    expect(result.data).toEqual({ offender: null });
    const lookup = (await traceOf(requestId)).find((span) => span.attributes['mappa.call'] === 'CaseGrantLookup');
    expect(lookup?.name).toBe('POST mappa');
    // Ended as a timeout with the per-call bound an hour away: the look-up's share of the deadline ended
    // it (at most half the time left for calls, counted in request-deadline.test.ts).
    expect(lookup?.attributes['mappa.subgraph.result']).toBe('timeout');
  });
});
