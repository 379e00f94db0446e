import { AsyncLocalStorage } from 'node:async_hooks';
import { Client } from 'pg';
import type { Pool, PoolClient } from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import { UpstreamUnavailableError } from '../errors/upstream-unavailable.error';

/**
 * When a subgraph request's database work must end (issue 15): the gateway's wait for the answer, as
 * its signed assertion states (`budgetMs`), capped by the subgraph's own maximum. Past it nobody is
 * waiting for the answer, so the work stops instead of running to the pool's own, longer bounds.
 */
export class WorkDeadline {
  private readonly endsAt: number;

  constructor(
    /** The agency whose work it bounds: named in the coded error the request answers with. */
    readonly agency: string,
    budgetMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.endsAt = now() + budgetMs;
  }

  /** Milliseconds left; 0 once passed. */
  leftMs(): number {
    return Math.max(0, Math.floor(this.endsAt - this.now()));
  }
}

/** What one subgraph's statements did at their requests' deadlines (its metrics and tests read it). */
export interface DeadlineObserver {
  /** A statement was not sent: its request's deadline had passed. */
  notSent(): void;
  /** A running statement was cancelled on the server at its request's deadline. */
  cancelled(): void;
}

const current = new AsyncLocalStorage<WorkDeadline>();

/** Runs `work` (and everything it starts) bounded by `deadline`. */
export function withinWorkDeadline<T>(deadline: WorkDeadline, work: () => T): T {
  return current.run(deadline, work);
}

/** The error a request's statement answers with once the gateway has stopped waiting. */
function deadlinePassed(deadline: WorkDeadline): UpstreamUnavailableError {
  return new UpstreamUnavailableError(deadline.agency);
}

// SQLSTATE query_canceled: what the server answers a statement cancelled by `pg_cancel_backend`.
const QUERY_CANCELED = '57014';

function sqlStateOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
}

type QueryArguments = Parameters<Pool['query']>;

/**
 * A view of `pool` for one service's data statements: a statement sent within a request's deadline is
 * cancelled on the server when the deadline passes (`pg_cancel_backend` from a connection of its own:
 * the server then stops the statement's work, which a client-side timeout would not), and one sent
 * after it is not sent at all. Statements outside a request, and transactions (a client lent by
 * `connect`, under the pool's own bounds), are the pool's as before. It is `pool` underneath, so
 * drizzle still sees a pool and still takes a client of its own for a transaction.
 */
export function deadlineBoundPool(pool: Pool, url: string, connectMs: number, observer?: DeadlineObserver): Pool {
  const bound = Object.create(pool) as Pool;
  bound.connect = pool.connect.bind(pool) as Pool['connect'];
  bound.query = ((...args: QueryArguments) => {
    const deadline = current.getStore();
    // Callback-style calls (pg's own) and statements outside a request go as they are.
    if (!deadline || typeof args[args.length - 1] === 'function') return (pool.query as (...a: QueryArguments) => unknown)(...args);
    return boundedQuery(pool, url, connectMs, deadline, args, observer);
  }) as Pool['query'];
  return bound;
}

async function boundedQuery(
  pool: Pool,
  url: string,
  connectMs: number,
  deadline: WorkDeadline,
  args: QueryArguments,
  observer: DeadlineObserver | undefined,
): Promise<unknown> {
  if (deadline.leftMs() === 0) {
    observer?.notSent();
    throw deadlinePassed(deadline);
  }
  const client = await pool.connect();
  const state = { running: true, cancelled: false };
  const timer = setTimeout(() => {
    if (!state.running) return;
    state.cancelled = true;
    observer?.cancelled();
    void cancelStatement(url, connectMs, client, state);
  }, deadline.leftMs());
  let broken: Error | undefined;
  try {
    return await (client.query as (...a: QueryArguments) => Promise<unknown>)(...args);
  } catch (error: unknown) {
    if (state.cancelled && sqlStateOf(error) === QUERY_CANCELED) throw deadlinePassed(deadline);
    // As pg's own `pool.query` does: a connection whose statement failed otherwise is not reused.
    broken = error instanceof Error ? error : new Error('statement failed');
    throw error;
  } finally {
    state.running = false;
    clearTimeout(timer);
    client.release(broken);
  }
}

/**
 * Asks the server to cancel what `client`'s backend is running, from a short connection of its own (a
 * pooled one may be just what is missing). `state.running` is read again once connected: a statement
 * that ended meanwhile has given its connection back, and another request's statement must not be hit.
 */
async function cancelStatement(url: string, connectMs: number, client: PoolClient, state: { readonly running: boolean }): Promise<void> {
  const processId = (client as PoolClient & { readonly processID?: number }).processID;
  if (processId === undefined) return;
  const canceller = new Client({ connectionString: url, connectionTimeoutMillis: connectMs });
  // A canceller that cannot connect changes nothing: the pool's own statement and query bounds still end the statement.
  canceller.on('error', () => undefined);
  try {
    await canceller.connect();
    if (state.running) await canceller.query('select pg_cancel_backend($1)', [processId]);
  } catch {
    // As above: the pool's own bounds remain.
  } finally {
    await canceller.end().catch(() => undefined);
  }
}

/**
 * A view of the embedded database for one service's data statements: a statement of a request whose
 * deadline has passed is not sent. PGlite runs each statement to its end in this process and has no
 * way to cancel one, so this is all it can do: the request's remaining work stops at the deadline.
 */
export function deadlineBoundPglite(pglite: PGlite, observer?: DeadlineObserver): PGlite {
  const bound = Object.create(pglite) as PGlite;
  const query = pglite.query.bind(pglite);
  bound.query = ((...args: Parameters<PGlite['query']>) => {
    const deadline = current.getStore();
    if (deadline && deadline.leftMs() === 0) {
      observer?.notSent();
      return Promise.reject(deadlinePassed(deadline));
    }
    return query(...args);
  }) as PGlite['query'];
  bound.transaction = pglite.transaction.bind(pglite);
  return bound;
}
