// BENCHMARK ONLY (`npm run bench -- --only pack --trace`): the critical path of a gateway request,
// hop by hop, measured from outside the product. Every service runs in this one process, and both the
// gateway's subgraph calls and the benchmark's own requests go through Node's fetch (undici), which
// publishes each request's start, response headers and end on `node:diagnostics_channel`; the SQL
// statements are timed by wrapping `pg`'s `Client#query` for the duration of the trace. Nothing in the
// product is changed or instrumented, and nothing here reads a body, a variable or a parameter: a
// statement is labelled by its verb and first table only.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { REQUEST_ID_HEADER } from '@mappa/shared';
import type { LocalStack } from '../local-stack';

/** One side of the comparison: its name and how to send its i-th request. */
export interface TracedSide {
  readonly name: string;
  readonly send: (i: number) => Promise<unknown>;
}

/** An HTTP request seen on undici's channels, from creation to its last byte. */
interface Exchange {
  readonly origin: string;
  readonly start: number;
  requestId: string | null;
  end: number | null;
}

/** A SQL statement's round trip, as the pool's client saw it. */
interface Statement {
  readonly label: string;
  readonly start: number;
  end: number | null;
}

/** Consecutive subgraph calls of one request that overlap: the gateway waits for all of them at once. */
interface Hop {
  readonly label: string;
  readonly start: number;
  readonly end: number;
}

/** One traced request: its span at the client and its hops in order. */
interface TracedRequest {
  readonly start: number;
  readonly end: number;
  readonly hops: readonly Hop[];
  readonly statements: readonly Statement[];
}

// undici's message shapes (not exported as types by Node): only what is read here.
interface UndiciRequest {
  readonly origin?: unknown;
  readonly headers?: unknown;
}
interface UndiciMessage {
  readonly request: UndiciRequest;
  readonly response?: { readonly headers?: readonly unknown[] };
}

/** A header of an undici request: `headers` is a raw `name: value\r\n` string or a flat name/value array, by version. */
function requestHeader(headers: unknown, name: string): string | null {
  if (typeof headers === 'string') {
    const line = headers.split('\r\n').find((entry) => entry.toLowerCase().startsWith(`${name}:`));
    return line ? line.slice(name.length + 1).trim() : null;
  }
  if (Array.isArray(headers)) {
    for (let i = 0; i + 1 < headers.length; i += 2) if (String(headers[i]).toLowerCase() === name) return String(headers[i + 1]);
  }
  return null;
}

/** A statement's verb and first table, e.g. `select mappa.meeting`: never its parameters or literals. */
function statementLabel(text: string): string {
  const verb = /^\s*(\w+)/.exec(text)?.[1]?.toLowerCase() ?? '?';
  const table = /\b(?:from|into|update)\s+("?\w+"?(?:\."?\w+"?)?)/i.exec(text)?.[1]?.replaceAll('"', '') ?? '';
  return table ? `${verb} ${table}` : verb;
}

/** Records every fetch exchange and SQL statement until `stop()`. */
function record() {
  const exchanges = new Map<UndiciRequest, Exchange>();
  const statements: Statement[] = [];
  const onCreate = (message: unknown) => {
    const { request } = message as UndiciMessage;
    exchanges.set(request, {
      origin: String(request.origin),
      start: performance.now(),
      requestId: requestHeader(request.headers, REQUEST_ID_HEADER),
      end: null,
    });
  };
  const onHeaders = (message: unknown) => {
    const { request, response } = message as UndiciMessage;
    const exchange = exchanges.get(request);
    // The benchmark's own request learns the gateway's request id from the response.
    if (exchange && exchange.requestId === null)
      exchange.requestId = requestHeader(response?.headers?.map(String) ?? [], REQUEST_ID_HEADER);
  };
  const onEnd = (message: unknown) => {
    const exchange = exchanges.get((message as UndiciMessage).request);
    if (exchange) exchange.end = performance.now();
  };
  subscribe('undici:request:create', onCreate);
  subscribe('undici:request:headers', onHeaders);
  subscribe('undici:request:trailers', onEnd);
  // pg's Client#query in its callback and promise forms (the pool passes a callback).
  const original = Client.prototype.query;
  const wrapped = function (this: Client, ...args: unknown[]): unknown {
    const first = args[0];
    const text =
      typeof first === 'string'
        ? first
        : typeof (first as { text?: unknown } | null)?.text === 'string'
          ? (first as { text: string }).text
          : '';
    const statement: Statement = { label: statementLabel(text), start: performance.now(), end: null };
    statements.push(statement);
    const done = () => {
      statement.end = performance.now();
    };
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === 'function') {
      args[last] = (...results: unknown[]) => {
        done();
        return (callback as (...a: unknown[]) => unknown)(...results);
      };
    }
    const result = (original as (...a: unknown[]) => unknown).apply(this, args);
    if (result instanceof Promise) result.then(done, done);
    return result;
  };
  Client.prototype.query = wrapped as typeof Client.prototype.query;
  return {
    exchanges,
    statements,
    stop: () => {
      Client.prototype.query = original;
      unsubscribe('undici:request:create', onCreate);
      unsubscribe('undici:request:headers', onHeaders);
      unsubscribe('undici:request:trailers', onEnd);
    },
  };
}

/** Groups a request's subgraph calls into hops: a call that starts after every earlier one has ended starts a new hop. */
function hopsOf(calls: readonly (Exchange & { end: number; name: string })[]): Hop[] {
  const sorted = [...calls].sort((a, b) => a.start - b.start);
  const hops: { names: string[]; start: number; end: number }[] = [];
  for (const call of sorted) {
    const current = hops[hops.length - 1];
    if (current && call.start < current.end) {
      current.names.push(call.name);
      current.end = Math.max(current.end, call.end);
    } else {
      hops.push({ names: [call.name], start: call.start, end: call.end });
    }
  }
  // The gateway's first call, before any planning, is the grants and purpose-evidence look-up.
  return hops.map((hop, index) => ({
    label:
      index === 0 && hop.names.length === 1 && hop.names[0] === 'mappa' ? 'evidence look-up: mappa' : [...hop.names].sort().join(' + '),
    start: hop.start,
    end: hop.end,
  }));
}

async function traceSide(
  side: TracedSide,
  stack: LocalStack,
  requests: number,
  concurrency: number,
  offset: number,
): Promise<TracedRequest[]> {
  const names = new Map<string, string>(Object.values(stack.subgraphs).map((subgraph) => [new URL(subgraph.url).origin, subgraph.name]));
  const gateway = new URL(stack.gateway.url).origin;
  const recording = record();
  try {
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < requests) {
          const i = next;
          next += 1;
          await side.send(offset + i);
        }
      }),
    );
  } finally {
    recording.stop();
  }
  const all = [...recording.exchanges.values()].filter((exchange): exchange is Exchange & { end: number } => exchange.end !== null);
  const traced: TracedRequest[] = [];
  for (const outer of all.filter((exchange) => exchange.origin === gateway)) {
    const calls = all
      .filter((exchange) => exchange.requestId === outer.requestId && names.has(exchange.origin))
      .map((exchange) => ({ ...exchange, name: names.get(exchange.origin)! }));
    // SQL is attributed by time, so only when one request runs at a time.
    const statements =
      concurrency === 1
        ? recording.statements.filter((statement) => statement.start >= outer.start && statement.end !== null && statement.end <= outer.end)
        : [];
    traced.push({ start: outer.start, end: outer.end, hops: hopsOf(calls), statements });
  }
  return traced;
}

const median = (values: readonly number[]) => percentileOf(values, 50);

function percentileOf(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

/**
 * The stages of a side's requests, in order: the gateway's own time before, between and after the
 * hops, and each hop's wait, with the median, the p99 and the mean over the slowest 5% of requests
 * (where a p99 comes from); at concurrency 1, the SQL statements inside each hop as well.
 */
function stagesTable(side: string, traced: readonly TracedRequest[], concurrency: number): string {
  const shape = traced[0]?.hops.map((hop) => hop.label).join(' → ') ?? '';
  const same = traced.filter((request) => request.hops.map((hop) => hop.label).join(' → ') === shape);
  const stages: { label: string; values: number[]; sql?: string }[] = [];
  const push = (index: number, label: string, value: number, sql?: string) => {
    stages[index] ??= { label, values: [], ...(sql === undefined ? {} : { sql }) };
    stages[index].values.push(value);
  };
  const totals = same.map((request) => request.end - request.start);
  const slowest = new Set([...same].sort((a, b) => b.end - b.start - (a.end - a.start)).slice(0, Math.max(1, Math.ceil(same.length / 20))));
  for (const request of same) {
    let stage = 0;
    let at = request.start;
    request.hops.forEach((hop, index) => {
      push(stage++, index === 0 ? 'gateway: token, purpose, documents' : 'gateway: answer checks, plan, sign', hop.start - at);
      const inside = request.statements.filter((statement) => statement.start >= hop.start && (statement.end ?? Infinity) <= hop.end);
      const sql =
        concurrency === 1
          ? `${inside.length} in ${inside.reduce((sum, statement) => sum + ((statement.end ?? statement.start) - statement.start), 0).toFixed(1)} ms: ${[...new Set(inside.map((statement) => statement.label))].join(', ')}`
          : undefined;
      push(stage++, `wait: ${hop.label}`, hop.end - hop.start, sql);
      at = hop.end;
    });
    push(stage, 'gateway: merge, answer', request.end - at);
  }
  const slowMean = (index: number) => {
    const values = same
      .map((request, r) => (slowest.has(request) ? stages[index]!.values[r]! : Number.NaN))
      .filter((value) => !Number.isNaN(value));
    return values.reduce((sum, value) => sum + value, 0) / values.length;
  };
  const rows = stages.map(
    (stage, index) =>
      `| ${stage.label} | ${median(stage.values).toFixed(1)} | ${percentileOf(stage.values, 99).toFixed(1)} | ${slowMean(index).toFixed(1)} |${concurrency === 1 ? ` ${stage.sql ?? ''} |` : ''}`,
  );
  const total = `| **whole request** | ${median(totals).toFixed(1)} | ${percentileOf(totals, 99).toFixed(1)} | ${(totals.filter((_, r) => slowest.has(same[r]!)).reduce((sum, value) => sum + value, 0) / slowest.size).toFixed(1)} |${concurrency === 1 ? ' |' : ''}`;
  return [
    `${side} at concurrency ${concurrency} (${same.length} of ${traced.length} requests with the path ${shape}):`,
    '',
    `| stage | median ms | p99 ms | mean ms of slowest 5% |${concurrency === 1 ? ' SQL statements (one request, one at a time) |' : ''}`,
    `|---|---:|---:|---:|${concurrency === 1 ? '---|' : ''}`,
    ...rows,
    total,
    '',
  ].join('\n');
}

/**
 * Each side's critical path, hop by hop: once one request at a time (where each stage's SQL is its
 * own), then at the benchmark's concurrency (where the waits are what load makes them). Returns the
 * report as Markdown for stderr.
 */
export async function traceCriticalPaths(
  sides: readonly TracedSide[],
  stack: LocalStack,
  concurrency: number,
  requests = 200,
): Promise<string> {
  const parts: string[] = [''];
  for (const level of [1, concurrency]) {
    for (const [index, side] of sides.entries()) {
      const traced = await traceSide(side, stack, level === 1 ? Math.min(100, requests) : requests, level, index * requests);
      parts.push(stagesTable(side.name, traced, level));
    }
  }
  return parts.join('\n');
}
