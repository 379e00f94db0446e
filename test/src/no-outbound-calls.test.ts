import dns from 'node:dns';
import { isIP, Socket } from 'node:net';
import { createLogger, loadObservabilityConfig, startObservability } from '@mappa/shared';
import type { ProcessObservability } from '@mappa/shared';
import { startTestStack, SMALL_DATASET } from '@mappa/testing/stack';
import type { TestStack } from '@mappa/testing/stack';

// Issue 15, "No outbound calls": a system holding public-protection data connects to nothing but its
// own subgraphs, database, Redis and configured identity providers. Here every one of those is on
// loopback, so any connection or name look-up elsewhere (a cloud metadata probe, a usage report to a
// vendor, a CDN) is a call the product must not make.
//
// How it is observed: every TCP connection in Node goes through `net.Socket.prototype.connect`
// (`http`, `https` and the undici behind `fetch` included), and every host name through `dns.lookup`
// before it; both are wrapped in this test process, where the whole stack runs, before the stack
// starts, and record where each call was going. Nothing is blocked: a call is recorded and made.

interface Attempt {
  readonly kind: 'connect' | 'lookup';
  readonly target: string;
}

const attempts: Attempt[] = [];
const originalConnect = Socket.prototype.connect;
const originalLookup = dns.lookup;

/** Where a `Socket.connect` call goes: its host (or IPC path), from any of the forms it accepts. */
function targetOf(args: unknown[]): string {
  // `net.connect` passes its normalised arguments as one array.
  const first: unknown = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
  if (typeof first === 'object' && first !== null) {
    const options = first as { host?: unknown; path?: unknown };
    if (typeof options.path === 'string') return `ipc:${options.path}`;
    return typeof options.host === 'string' ? options.host : 'localhost';
  }
  if (typeof first === 'string' && Number.isNaN(Number(first))) return `ipc:${first}`;
  return typeof args[1] === 'string' ? args[1] : 'localhost';
}

function isLoopback(target: string): boolean {
  if (target.startsWith('ipc:') || target === 'localhost') return true;
  if (isIP(target) === 4) return target.startsWith('127.');
  if (isIP(target) === 6) return target === '::1' || target.startsWith('::ffff:127.');
  return false;
}

// Seeding this file's dataset and starting six services: on a shared, loaded machine this has taken over a minute.
const STACK_START_TIMEOUT_MS = 180_000;

let env: TestStack;
let observability: ProcessObservability;
let telemetryVariable: string | undefined;

beforeAll(async () => {
  // The product must switch Apollo's telemetry off itself: whatever the environment says, the test starts without it.
  telemetryVariable = process.env.APOLLO_TELEMETRY_DISABLED;
  delete process.env.APOLLO_TELEMETRY_DISABLED;
  Socket.prototype.connect = function recordedConnect(this: Socket, ...args: unknown[]) {
    attempts.push({ kind: 'connect', target: targetOf(args) });
    return (originalConnect as (...given: unknown[]) => Socket).apply(this, args);
  } as typeof Socket.prototype.connect;
  dns.lookup = function recordedLookup(hostname: string, ...rest: unknown[]) {
    attempts.push({ kind: 'lookup', target: hostname });
    return (originalLookup as (...given: unknown[]) => unknown).call(dns, hostname, ...rest);
  } as typeof dns.lookup;
  // Metrics and tracing as an entry point starts them, from a configuration that names no OTLP
  // endpoint: tracing must then send nothing anywhere (issue 15, off by default).
  const { OTEL_EXPORTER_OTLP_ENDPOINT: _endpoint, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: _tracesEndpoint, ...environment } = process.env;
  observability = await startObservability('mappa-stack', loadObservabilityConfig(environment, 0), createLogger('test', 'silent'));
  env = await startTestStack({ dataset: SMALL_DATASET, metrics: observability.metrics });
}, STACK_START_TIMEOUT_MS);

afterAll(async () => {
  await env.close();
  await observability.close();
  Socket.prototype.connect = originalConnect;
  dns.lookup = originalLookup;
  if (telemetryVariable === undefined) delete process.env.APOLLO_TELEMETRY_DISABLED;
  else process.env.APOLLO_TELEMETRY_DISABLED = telemetryVariable;
});

describe('no outbound calls', () => {
  it('starts the gateway and every subgraph, answers a federated query, and connects to nothing outside loopback', async () => {
    const pncId = env.people[0]!.pncId;
    const result = await env.query('query($pncId: ID!) { offender(pncId: $pncId) { pncId identity { firstName } mappaCase { level } } }', {
      pncId,
    });
    expect(result.errors).toBeUndefined();
    // Cloud metadata probes start at construction and retry for a while: give any of them time to show.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    // Scraped as Prometheus would: a loopback connection like any other here.
    expect((await fetch(observability.metricsUrl)).status).toBe(200);
    // The observation works: the query itself went from the gateway to the subgraphs over TCP.
    expect(attempts.filter((attempt) => attempt.kind === 'connect').length).toBeGreaterThan(0);
    expect(attempts.filter((attempt) => !isLoopback(attempt.target))).toEqual([]);
  });
});
