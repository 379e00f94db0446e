import { STATUS_CODES } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { Fetcher, FetcherHeaders, FetcherResponse } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import { request } from 'undici';
import type { Dispatcher } from 'undici';
import type { GraphQLFormattedError } from 'graphql';
import {
  ASSERTION_HEADER,
  CASE_RELATIONSHIP_READERS,
  CLIENT_ERROR_CODES,
  observedSubgraphCall,
  repeatedLogs,
  REQUEST_ID_HEADER,
} from '@mappa/shared';
import type { Caller, GatewayAssertionSigner, Logger, SubgraphCallObserver } from '@mappa/shared';
import type { GatewayContext } from '../context/gateway-context';
import type { RequestDeadline } from './request-deadline';
import { unavailableResponse } from './unavailable-response';

/** A subgraph did not answer in time, refused the connection, or its host said it is down. */
export class SubgraphUnreachableError extends Error {
  override readonly name = 'SubgraphUnreachableError';

  constructor(
    message: string,
    /** How long the call waited, when it timed out (kept out of the message, so repeated lines are alike). */
    readonly waitedMs?: number,
  ) {
    super(message);
  }
}

/** Status codes that mean "the service is not there", as opposed to an answer we should pass on. */
const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);
const clientCodes = new Set<string>(CLIENT_ERROR_CODES);

/**
 * The owner's own coded refusal of the caller's input, when a subgraph answered HTTP 400: a value
 * the gateway passes on unparsed (a custom scalar such as `DateTimeISO`) is refused by the owner
 * before execution, and the caller must see that BAD_USER_INPUT naming the argument, not the
 * gateway's uncoded "400: Bad Request" (INTERNAL_SERVER_ERROR in production, issue 9 §6).
 */
function refusedInput(error: unknown): GraphQLFormattedError[] | undefined {
  if (!(error instanceof GraphQLError)) return undefined;
  const response = error.extensions.response as { status?: unknown; body?: unknown } | undefined;
  if (response?.status !== 400 || typeof response.body !== 'object' || response.body === null) return undefined;
  const errors = (response.body as { errors?: unknown }).errors;
  if (!Array.isArray(errors) || errors.length === 0) return undefined;
  const coded = errors.every((entry: unknown) => {
    const code = (entry as { extensions?: { code?: unknown } } | null)?.extensions?.code;
    return typeof (entry as { message?: unknown } | null)?.message === 'string' && typeof code === 'string' && clientCodes.has(code);
  });
  return coded ? (errors as GraphQLFormattedError[]) : undefined;
}

/** One subgraph call: the body and headers to send, and whom it is made for. */
type SigningCall = (url: string, init: SubgraphCallInit, call: CallFor) => Promise<FetcherResponse>;

/** What `AgencyDataSource.send` hands the call: the final body, signed as it is. */
interface SubgraphCallInit {
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * The fetcher `RemoteGraphQLDataSource` is given, which nothing here calls (`process` sends every call
 * through `signingCall`): refused, never sent unsigned, should any path of Apollo's reach it.
 */
const refuseUnsignedFetch: Fetcher = () => Promise.reject(new Error('a subgraph call must go through the signing call'));

/** Whom the subgraph call being made is for: handed to the call with its body. */
interface CallFor {
  readonly caller: Caller;
  readonly requestId: string;
  /** The request's one deadline (issue 15): the call waits no longer than it, nor than the per-subgraph bound. */
  readonly deadline: RequestDeadline;
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}

/**
 * The gateway's connection to one agency's subgraph. Each request carries the request id, is
 * bounded by a per-subgraph timeout and by the request's one deadline (whichever ends first), and when the agency is unreachable the operation still
 * answers with every other agency's data plus an UPSTREAM_UNAVAILABLE error at each missing path.
 */
export class AgencyDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly agency: string,
    url: string,
    timeoutMs: number,
    private readonly signer: GatewayAssertionSigner,
    private readonly log: Logger,
    /** The keep-alive pool every subgraph call of the gateway shares (`subgraphAgent`). */
    agent: Dispatcher,
    metrics?: SubgraphCallObserver,
  ) {
    super({ url, fetcher: refuseUnsignedFetch });
    this.call = signingCall(agency, timeoutMs, signer, agent, metrics);
  }

  /** Sends one call, signed for the caller it is made for. */
  private readonly call: SigningCall;

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    try {
      // The data source is shared by concurrent requests: the caller is handed to the call with its
      // body, never kept in a field of the instance (issue 15: an AsyncLocalStorage per data source,
      // which carried it before, added a store copied onto every promise the process made).
      return await this.send(options, {
        caller: options.context.caller,
        requestId: options.context.requestId,
        deadline: options.context.deadline,
      });
    } catch (error: unknown) {
      const refused = refusedInput(error);
      if (refused) return { errors: refused };
      if (!(error instanceof SubgraphUnreachableError) && !isAbort(error)) throw error;
      // Log the agency and the kind of failure only: never the request, its variables or a body.
      // One line per agency and kind of failure per window, however many requests it fails (issue 15).
      repeatedLogs.write(
        options.context.log ?? this.log,
        'warn',
        { agency: this.agency, reason: error instanceof Error ? error.message : 'unknown' },
        'subgraph unavailable',
        error instanceof SubgraphUnreachableError && error.waitedMs !== undefined ? { waitedMs: error.waitedMs } : {},
      );
      return unavailableResponse(this.agency, options);
    }
  }

  /**
   * `RemoteGraphQLDataSource.process` as this gateway uses it (no automatic persisted queries, no
   * `willSendRequest` or `didReceiveResponse` hook), without the node-fetch `Headers` and `Request`
   * it builds around every call only to hand them to hooks it does not call here: copying headers
   * and body into them was about 3% of the gateway's CPU (issue 15). Nothing from the client is
   * forwarded but the request id; the fetcher adds the assertion. A subgraph's `cache-control`
   * restricts the operation's cache policy as Apollo's does, and a non-2xx answer becomes Apollo's
   * own error (`errorFromResponse`).
   */
  private async send(options: GraphQLDataSourceProcessOptions<GatewayContext>, callFor: CallFor): Promise<GatewayGraphQLResponse> {
    const { http: _notSent, query, ...rest } = options.request;
    if (!query) throw new Error('Missing query');
    const init = {
      headers: { 'content-type': 'application/json', [REQUEST_ID_HEADER]: options.context.requestId },
      body: JSON.stringify({ query, ...rest }),
    };
    const response = await this.call(this.url, init, callFor);
    if (!response.ok) throw await this.errorFromResponse(response);
    const body = await this.parseBody(response);
    if (typeof body !== 'object' || body === null) throw new Error(`Expected JSON response body, but received: ${String(body)}`);
    // Typed `any` by the gateway interface: a policy only when it can be restricted, as Apollo checks.
    const policy: unknown = 'incomingRequestContext' in options ? options.incomingRequestContext.overallCachePolicy : undefined;
    if (this.honorSubgraphCacheControlHeader && isRestrictable(policy)) policy.restrict(cacheHintOf(response.headers.get('cache-control')));
    return { ...(body as GatewayGraphQLResponse), http: response };
  }
}

/** A cache hint, as `@apollo/cache-control-types` has it. */
interface CacheHint {
  readonly maxAge: number;
  readonly scope?: 'PUBLIC' | 'PRIVATE';
}

function isRestrictable(policy: unknown): policy is { restrict(hint: CacheHint): void } {
  return typeof policy === 'object' && policy !== null && typeof (policy as { restrict?: unknown }).restrict === 'function';
}

/** The cache hint in a subgraph's `cache-control` header, read as `RemoteGraphQLDataSource` reads it. */
function cacheHintOf(header: string | null): CacheHint {
  const directives = new Map<string, string | true>();
  for (const part of header ? header.trim().split(/\s*,\s*/) : []) {
    const [name = '', value] = part.split(/\s*=\s*/, 2);
    directives.set(name, value === undefined ? true : value.replace(/^"|"$/g, ''));
  }
  const maxAge = directives.get('max-age');
  const scope = directives.get('public') === true ? 'PUBLIC' : directives.get('private') === true ? 'PRIVATE' : undefined;
  return { maxAge: typeof maxAge === 'string' && /^[0-9]+$/.test(maxAge) ? Number(maxAge) : 0, ...(scope ? { scope } : {}) };
}

/** The caller as vouched to `agency`: the case relationships only to the agencies whose record conditions decide on them (data minimisation). */
function callerFor(agency: string, caller: Caller): Caller {
  if (!caller.caseRelationships || CASE_RELATIONSHIP_READERS.some((reader) => reader === agency)) return caller;
  const { caseRelationships: _notForThisAgency, ...rest } = caller;
  return rest;
}

/**
 * Sends one subgraph call. Each carries a fresh assertion addressed to this agency alone (so it
 * cannot be replayed to another), vouching for the caller and purpose, and bound to the exact body
 * sent (issue 9 §4): signed here, where the body is the final string sent, so the hash can
 * never drift from the bytes (Apollo builds the body after `willSendRequest`). Every call, a retry
 * included, gets an assertion and an id of its own. Sent on undici's `request` over the gateway's
 * keep-alive agent, under the call's timer (its bound and the request's deadline, whichever ends first).
 */
function signingCall(
  agency: string,
  timeoutMs: number,
  signer: GatewayAssertionSigner,
  agent: Dispatcher,
  metrics?: SubgraphCallObserver,
): SigningCall {
  // The call's span (its `traceparent` travels beside the assertion, unsigned: see docs/operations.md) and its metrics.
  return (url, init, call) =>
    observedSubgraphCall(agency, metrics, async (traceHeaders, result) => {
      // The request's deadline already spent (an earlier step waited it out): not asked at all.
      if (call.deadline.fetchTimeLeftMs() === 0) {
        result('timeout');
        throw new SubgraphUnreachableError(`the request's deadline passed before ${agency} was asked`);
      }
      const timer = call.deadline.callTimer(timeoutMs);
      try {
        // The subgraph learns how long this call is waited for (signed, so no one can lengthen it) and
        // stops its own work by then (issue 15).
        const assertion = await signer.sign(agency, callerFor(agency, call.caller), call.requestId, init.body, timer.waitMs);
        let status: number;
        let headers: IncomingHttpHeaders;
        let text: string;
        try {
          // The whole exchange, the answer's body included, under the call's timer.
          const response = await request(url, {
            dispatcher: agent,
            method: 'POST',
            headers: { ...init.headers, ...traceHeaders, [ASSERTION_HEADER]: assertion },
            body: init.body,
            signal: timer.signal,
          });
          status = response.statusCode;
          headers = response.headers;
          text = await response.body.text();
        } catch (error: unknown) {
          result(isAbort(error) ? 'timeout' : 'unreachable');
          throw isAbort(error)
            ? new SubgraphUnreachableError(`no answer from ${agency} in time`, timer.waitMs)
            : new SubgraphUnreachableError(`cannot connect to ${agency}`);
        }
        result(UNAVAILABLE_STATUSES.has(status) ? 'unavailable' : 'ok', status);
        if (UNAVAILABLE_STATUSES.has(status)) throw new SubgraphUnreachableError(`${agency} answered HTTP ${status}`);
        return new SubgraphResponse(url, status, headers, text);
      } finally {
        timer.clear();
      }
    });
}

/**
 * A subgraph's answer, read whole, in the shape @apollo/gateway reads (`ok`, `status`, a content type,
 * `json()`/`text()`, and `cache-control` for its cache policy): nothing more is built per call.
 */
class SubgraphResponse implements FetcherResponse {
  readonly bodyUsed = false;
  readonly redirected = false;
  readonly ok: boolean;
  readonly statusText: string;
  readonly headers: FetcherHeaders;

  constructor(
    readonly url: string,
    readonly status: number,
    headers: IncomingHttpHeaders,
    private readonly body: string,
  ) {
    this.ok = status >= 200 && status < 300;
    this.statusText = STATUS_CODES[status] ?? '';
    this.headers = new ReadOnlyHeaders(headers);
  }

  text(): Promise<string> {
    return Promise.resolve(this.body);
  }

  json(): Promise<unknown> {
    return Promise.resolve().then(() => JSON.parse(this.body) as unknown);
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(new TextEncoder().encode(this.body).buffer);
  }

  clone(): FetcherResponse {
    return this;
  }
}

/** An answer's headers as undici gives them (lower-case names), read-only. */
class ReadOnlyHeaders implements FetcherHeaders {
  constructor(private readonly headers: IncomingHttpHeaders) {}

  get(name: string): string | null {
    const value = this.headers[name.toLowerCase()];
    return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
  }

  has(name: string): boolean {
    return this.headers[name.toLowerCase()] !== undefined;
  }

  append(): void {
    throw new Error("a subgraph answer's headers are read-only");
  }

  delete(): void {
    throw new Error("a subgraph answer's headers are read-only");
  }

  set(): void {
    throw new Error("a subgraph answer's headers are read-only");
  }

  *entries(): IterableIterator<[string, string]> {
    for (const name of Object.keys(this.headers)) {
      const value = this.get(name);
      if (value !== null) yield [name, value];
    }
  }

  *keys(): IterableIterator<string> {
    for (const [name] of this.entries()) yield name;
  }

  *values(): IterableIterator<string> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }
}
