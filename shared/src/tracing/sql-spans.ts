import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Span } from '@opentelemetry/api';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import type { Pool, PoolClient } from 'pg';

/**
 * SQL spans (issue 15): one span per statement a request sends, child of the request's span, named
 * after the statement's first keyword and carrying its text with placeholders (never its
 * parameters: those are the values). Statements outside a recorded request (probes, migrations,
 * seeding, or any while tracing is off) start no span.
 *
 * Written here rather than with `@opentelemetry/instrumentation-pg`: that package patches `pg` by
 * hooking `require` before it is first loaded (so it misses a module loaded earlier, and jest's own
 * module loader), and knows nothing of PGlite, the embedded default. Wrapping the two clients the
 * product opens (`DatabaseConnection`) covers both drivers with the same spans.
 */
function startSqlSpan(text: unknown): Span | undefined {
  // Outside a request, or in a trace not being recorded (tracing off), nothing to add: no span is made.
  if (!trace.getSpan(context.active())?.isRecording()) return undefined;
  const statement = typeof text === 'string' ? text : '';
  const operation = /^\s*(\w+)/.exec(statement)?.[1]?.toUpperCase() ?? 'SQL';
  return trace.getTracer('@mappa/shared').startSpan(operation, {
    kind: SpanKind.CLIENT,
    attributes: { 'db.system.name': 'postgresql', 'db.operation.name': operation, 'db.query.text': statement.slice(0, 2_000) },
  });
}

function ended<T>(span: Span | undefined, pending: Promise<T>): Promise<T> {
  if (!span) return pending;
  return pending.then(
    (result) => {
      span.end();
      return result;
    },
    (error: unknown) => {
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'error' });
      span.end();
      throw error;
    },
  );
}

type QueryFunction = (...args: unknown[]) => unknown;

// Promise-style calls only (drizzle's): a call with a callback or a submittable (pg's own internals) passes through.
function tracedQuery(original: QueryFunction): QueryFunction {
  return (...args: unknown[]) => {
    const [first] = args;
    if (typeof args[args.length - 1] === 'function' || (typeof first === 'object' && first !== null && 'submit' in first))
      return original(...args);
    const span = startSqlSpan(typeof first === 'string' ? first : (first as { text?: unknown } | undefined)?.text);
    return ended(span, original(...args) as Promise<unknown>);
  };
}

/** Spans for every statement sent through `pool` (its `query`, and the clients it lends for transactions). */
export function traceSqlOfPool(pool: Pool): void {
  pool.query = tracedQuery(pool.query.bind(pool) as QueryFunction) as Pool['query'];
  pool.on('connect', (client: PoolClient) => {
    client.query = tracedQuery(client.query.bind(client) as QueryFunction) as PoolClient['query'];
  });
}

/** Spans for every statement sent through the embedded database (its `query`, and each transaction's). */
export function traceSqlOfPglite(pglite: PGlite): void {
  pglite.query = tracedQuery(pglite.query.bind(pglite) as QueryFunction) as PGlite['query'];
  const transaction = pglite.transaction.bind(pglite);
  pglite.transaction = (<T>(callback: (tx: Transaction) => Promise<T>) =>
    transaction((tx) => {
      tx.query = tracedQuery(tx.query.bind(tx) as QueryFunction) as Transaction['query'];
      return callback(tx);
    })) as PGlite['transaction'];
}
