import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';

// Only short, plain ids are accepted from callers: anything else could smuggle text into our logs.
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,64}$/;

/** The request id the caller offered, when it is well-formed; otherwise undefined. */
export function callerRequestIdFrom(headers: IncomingHttpHeaders): string | undefined {
  const offered = headers[REQUEST_ID_HEADER];
  return typeof offered === 'string' && SAFE_REQUEST_ID.test(offered) ? offered : undefined;
}

/** The caller's request id when it is well-formed, otherwise a fresh one. */
export function requestIdFrom(headers: IncomingHttpHeaders): string {
  return callerRequestIdFrom(headers) ?? randomUUID();
}
