import { GraphQLError } from 'graphql';
import { ERROR_CODES } from '../errors/error-codes';

/**
 * SQLSTATEs that say the database could not do the work now, not that the work was wrong (issue 15):
 * a connection failed or was lost (class 08), the server is short of connections, memory or disk
 * (class 53), it is shutting down or refusing connections (57P01-57P05), or a bound ended the wait
 * (query_canceled 57014: `statement_timeout`, or our own cancel at the request's deadline;
 * lock_not_available 55P03: `lock_timeout`; 25P03: a transaction left idle past its bound).
 */
function isUnavailableSqlState(code: string): boolean {
  return (
    code.startsWith('08') || code.startsWith('53') || code.startsWith('57P') || code === '57014' || code === '55P03' || code === '25P03'
  );
}

// The operating system's errors for a server that cannot be reached or went away mid-conversation.
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

// pg and pg-pool raise their own waits and lost connections as plain Errors with no code: only the
// message tells them apart (pg-pool 'timeout exceeded when trying to connect', pg's `query_timeout`
// 'Query read timeout', 'Connection terminated unexpectedly' / '… due to connection timeout').
const PG_CLIENT_MESSAGE = /^(timeout exceeded when trying to connect|Query read timeout|Connection terminated\b)/;

const MAX_DEPTH = 5;

/**
 * True when `error`, or an error it wraps (`originalError`, then `cause`: graphql-js wraps a
 * resolver's error, drizzle wraps the driver's as "Failed query"), says the database could not
 * answer in time or could not be reached, rather than that the statement was wrong: a load or
 * availability failure that a client can retry, which is answered coded (UPSTREAM_UNAVAILABLE)
 * instead of as an internal error. A request's deadline passing (our own `UpstreamUnavailableError`
 * from `work-deadline`, under drizzle's wrapper) counts too.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  // Duck-typed, not `instanceof Error`: Node's own socket errors come from another realm under jest's vm.
  for (let depth = 0; depth < MAX_DEPTH && typeof current === 'object' && current !== null; depth += 1) {
    if (current instanceof GraphQLError && current.extensions.code === ERROR_CODES.UPSTREAM_UNAVAILABLE.code) return true;
    const { code, message, originalError, cause } = current as {
      code?: unknown;
      message?: unknown;
      originalError?: unknown;
      cause?: unknown;
    };
    if (typeof code === 'string' && (isUnavailableSqlState(code) || NETWORK_CODES.has(code))) return true;
    if (code === undefined && typeof message === 'string' && PG_CLIENT_MESSAGE.test(message)) return true;
    const next = originalError ?? cause;
    current = next === current ? undefined : next;
  }
  return false;
}
