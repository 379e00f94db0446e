import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Express, NextFunction, Request, Response } from 'express';
import type { Logger } from '../logging/logger';
import type { ServiceMetrics } from '../metrics/metrics';
import { newObservation, observeRefusal, observeRequest } from '../metrics/request-observation';
import { SpanStatusCode, startServerSpan, withTraceContext } from '../tracing/tracing';
import { callerRequestIdFrom, REQUEST_ID_HEADER, requestIdFrom } from './request-id';
import { ERROR_CODES } from '../errors/error-codes';

/** A named dependency that must be healthy before the service takes traffic. */
export interface ReadinessCheck {
  readonly name: string;
  readonly check: () => Promise<boolean> | boolean;
}

/** A listening service and how to stop it. */
export interface RunningService {
  readonly url: string;
  readonly port: number;
  /**
   * Drains, then stops: from the call on, `/readyz` answers 503 and every new request is refused
   * (503, SHUTTING_DOWN); requests already in flight finish, up to the grace period given to
   * `listen`; then every connection is closed. Calling it again waits for the same drain.
   */
  close(): Promise<void>;
  /** How many requests (probes apart) are being served right now. */
  inFlight(): number;
  /** How many TCP connections it has accepted since it started (keep-alive reuse shows as far fewer than requests). */
  connectionsAccepted(): number;
}

/** What every service's HTTP shell is told about the service. */
export interface HttpShellOptions {
  readonly log: Logger;
  readonly readiness: readonly ReadinessCheck[];
  readonly production: boolean;
  /** Where each request's outcome and latency are counted (issue 15); none: not counted. */
  readonly metrics?: ServiceMetrics;
  /** Whether a caller's `traceparent` is continued (subgraphs: the gateway's); default false: each request starts its own trace. */
  readonly trustInboundTrace?: boolean;
}

/** Where and how long to serve (`serveHttp`, `listen`). */
export interface ListenOptions {
  readonly host: string;
  /** 0 picks a free port (tests). */
  readonly port: number;
  /** How long `close` lets requests in flight finish (`SHUTDOWN_GRACE_MS`). Default `DEFAULT_SHUTDOWN_GRACE_MS`. */
  readonly shutdownGraceMs?: number;
}

/**
 * A service's own routes, called for every request the shell does not answer itself (the probes, and
 * every request while it drains): the request is already traced, counted, in flight and carries its
 * request id. It answers every request it is given, an unknown path included (`answerNotFound`); a
 * rejection it returns is answered 500 with a code.
 */
export type RouteHandler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

/** How long a stopping service lets requests in flight finish before it cuts them (`SHUTDOWN_GRACE_MS`). */
export const DEFAULT_SHUTDOWN_GRACE_MS = 15_000;

/**
 * The longest `/readyz` waits for its checks: a probe that hangs on a hung database is no answer at
 * all, so each check is raced against this bound and counts as failed when it loses (issue 15).
 */
export const READINESS_TIMEOUT_MS = 800;

/** The requests a service is serving, and whether it has begun to stop. */
class InFlightRequests {
  private count = 0;
  private idle: (() => void)[] = [];
  draining = false;

  started(): void {
    this.count += 1;
  }

  finished(): void {
    this.count -= 1;
    if (this.count === 0) for (const resolve of this.idle.splice(0)) resolve();
  }

  /** Resolves once no request is in flight, or when `graceMs` has passed, whichever comes first. */
  async settled(graceMs: number): Promise<void> {
    if (this.count === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      new Promise<void>((resolve) => this.idle.push(resolve)),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, graceMs);
      }),
    ]);
    clearTimeout(timer);
  }

  get inFlight(): number {
    return this.count;
  }
}

// The shell options of each Express app, from `createHttpApp` to the `listen` that serves it.
const shellOf = new WeakMap<Express, HttpShellOptions>();
// The id a caller offered, kept beside the one the service issued in production (`clientRequestIdOf`).
const clientRequestIds = new WeakMap<IncomingMessage, string>();

// Paths a span may be named after; any other (it might carry an id) is named `other`.
const TRACED_ROUTES = new Set(['/graphql', '/graphiql']);

/** A readiness check's answer within `READINESS_TIMEOUT_MS`: false when it throws or is still waiting. */
async function boundedCheck(check: ReadinessCheck['check']): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      Promise.resolve().then(check),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), READINESS_TIMEOUT_MS);
      }),
    ]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** The path of a request's target, without its query string. */
export function pathOf(request: IncomingMessage): string {
  const target = request.url ?? '/';
  const query = target.indexOf('?');
  return query < 0 ? target : target.slice(0, query);
}

/** The request id the shell assigned to a request (on its response's `x-request-id`). */
export function requestIdOf(request: Request): string {
  return String(request.res?.getHeader(REQUEST_ID_HEADER) ?? requestIdFrom(request.headers));
}

/**
 * The id the caller offered in production, where the service issued its own instead: kept to be
 * logged beside the service's id (`clientRequestId`), so a client can still find its request.
 */
export function clientRequestIdOf(request: IncomingMessage): string | undefined {
  return clientRequestIds.get(request);
}

/** Answers `body` as JSON with `status` (as Express's `response.status(status).json(body)` does). */
export function answerJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.statusCode = status;
  response.setHeader('content-type', 'application/json; charset=utf-8');
  response.setHeader('content-length', Buffer.byteLength(text));
  response.end(text);
}

/**
 * The one "not found" answer of every service: an unknown path, and a route's record the caller may
 * not have or that does not exist, answer alike (principle 9: nothing an outsider can compare).
 */
export function answerNotFound(response: ServerResponse): void {
  answerJson(response, 404, { errors: [{ message: 'Not found', extensions: { code: ERROR_CODES.NOT_FOUND.code } }] });
}

/**
 * A request that fails before GraphQL sees it: a client error (a malformed JSON body, a body over the
 * size limit; `status` 4xx) gets a short JSON error with a code, anything else a 500 that says
 * nothing of its cause, never an HTML page or a stack trace.
 */
export function answerFailedRequest(response: ServerResponse, status: number): void {
  const clientError = status >= 400 && status < 500;
  answerJson(response, clientError ? status : 500, {
    errors: [
      clientError
        ? { message: 'The request body is not valid JSON, or is too large.', extensions: { code: ERROR_CODES.BAD_REQUEST.code } }
        : { message: 'Internal server error', extensions: { code: ERROR_CODES.INTERNAL_SERVER_ERROR.code } },
    ],
  });
}

/**
 * The HTTP shell every service shares, on Node's own server (no framework: for a subgraph this is
 * the whole of its HTTP stack, and Express's layers cost a subgraph about a tenth of its CPU per
 * request, issue 15): a request id on every request and response, `GET /healthz` (the process is
 * alive) and `GET /readyz` (its dependencies answer), a server span and the request's metrics around
 * everything else, refusal while draining, keep-alive and slow-client bounds, and a draining stop.
 * Probes are the only routes open without credentials; every other request goes to `handler`.
 *
 * In production the service issues every request id itself: a caller choosing the id the audit and
 * the logs file a request under could reuse another request's id and blur the trail (issue 9 §5).
 * A well-formed id the caller offered is kept beside it (`clientRequestIdOf`), never instead of it.
 * Outside production a well-formed caller id is taken as it is, for tracing in tests and local runs.
 */
export async function serveHttp(options: HttpShellOptions, handler: RouteHandler, at: ListenOptions): Promise<RunningService> {
  const requests = new InFlightRequests();
  const service = options.metrics?.service ?? 'service';
  const answerProbe = async (path: string, response: ServerResponse): Promise<void> => {
    if (path === '/healthz') {
      answerJson(response, 200, { status: 'ok' });
      return;
    }
    // A stopping service is not ready, at once: the load balancer sends it nothing new while it drains.
    if (requests.draining) {
      answerJson(response, 503, { status: 'shutting down', checks: [] });
      return;
    }
    const results = await Promise.all(options.readiness.map(async ({ name, check }) => ({ name, ok: await boundedCheck(check) })));
    const ready = results.every((result) => result.ok);
    if (!ready) options.log.warn({ checks: results }, 'not ready');
    answerJson(response, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', checks: results });
  };
  const serve = (request: IncomingMessage, response: ServerResponse): void => {
    const offered = callerRequestIdFrom(request.headers);
    if (options.production || !offered) {
      response.setHeader(REQUEST_ID_HEADER, randomUUID());
      if (offered) clientRequestIds.set(request, offered);
    } else {
      response.setHeader(REQUEST_ID_HEADER, offered);
    }
    const path = pathOf(request);
    // Probes are neither traced nor counted, and answer while the service drains.
    if (path === '/healthz' || path === '/readyz') {
      if (request.method === 'GET' || request.method === 'HEAD') void answerProbe(path, response);
      else answerNotFound(response);
      return;
    }
    // The request's server span and its observation, both carried by the asynchronous context to
    // everything the handler does (Apollo plugins, the data sources' calls, SQL, the audit commit),
    // and counted once the answer is sent (issue 15).
    const started = process.hrtime.bigint();
    const route = TRACED_ROUTES.has(path) ? path : 'other';
    const method = request.method ?? 'GET';
    const { span, context } = startServerSpan(service, `${method} ${route}`, request.headers, options.trustInboundTrace ?? false);
    span.setAttributes({ 'http.request.method': method, 'http.route': route });
    const observation = newObservation();
    response.once('finish', () => {
      span.setAttributes({
        'http.response.status_code': response.statusCode,
        'mappa.request_id': String(response.getHeader(REQUEST_ID_HEADER) ?? ''),
      });
      if (response.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
      options.metrics?.requestAnswered(observation, response.statusCode, Number(process.hrtime.bigint() - started) / 1e9);
    });
    // A client gone before its answer was sent: the span still ends, and the request is not counted as answered.
    response.once('close', () => {
      if (!response.writableFinished) span.end();
    });
    withTraceContext(context, () =>
      observeRequest(observation, () => {
        // Draining (issue 15): once the service is stopping, a new request is refused at once, with a
        // code, and its connection closed, so a load balancer or client retries it elsewhere; a request
        // already in flight is counted until its response is done (or its client has gone), so `close`
        // can wait for it.
        if (requests.draining) {
          observeRefusal('SHUTTING_DOWN');
          response.setHeader('connection', 'close');
          answerJson(response, 503, {
            errors: [{ message: 'This service is shutting down. Try again.', extensions: { code: ERROR_CODES.SHUTTING_DOWN.code } }],
          });
          return;
        }
        requests.started();
        response.once('close', () => requests.finished());
        // An unexpected failure outside GraphQL: masked for the client, its kind logged (never its message,
        // which may quote the request) with the request id.
        const failed = (error: unknown): void => {
          options.log.error(
            { requestId: String(response.getHeader(REQUEST_ID_HEADER)), reason: error instanceof Error ? error.name : 'unknown' },
            'request failed outside GraphQL',
          );
          if (response.headersSent) response.destroy();
          else answerFailedRequest(response, 500);
        };
        try {
          const handled = handler(request, response);
          if (handled) handled.catch(failed);
        } catch (error: unknown) {
          failed(error);
        }
      }),
    );
  };
  const server: Server = createServer(serve);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(at.port, at.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  let accepted = 0;
  server.on('connection', () => (accepted += 1));
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  // Above the keep-alive timeout, as Node's documentation asks, so a request arriving on a connection
  // about to idle out is never cut by the headers timer; the request timeout stays above both.
  // Slow-loris protection: a request must still arrive in full within these bounds.
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
  server.requestTimeout = KEEP_ALIVE_TIMEOUT_MS + 5_000;
  const address = server.address() as AddressInfo;
  const graceMs = at.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS;
  let closing: Promise<void> | undefined;
  const drainAndClose = async (): Promise<void> => {
    requests.draining = true;
    // Still listening while draining: probes answer (503) and new requests are refused with a code
    // and `Connection: close`, rather than meeting a closed port. Idle keep-alive connections are left
    // to `server.close()` below: one carrying a request whose body is still arriving looks idle to Node.
    await requests.settled(graceMs);
    await new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      // Past the grace period whatever is left is cut: a bounded stop beats waiting on a hung client.
      server.closeAllConnections();
    });
  };
  return {
    url: `http://${at.host}:${address.port}`,
    port: address.port,
    close: () => (closing ??= drainAndClose()),
    inFlight: () => requests.inFlight,
    connectionsAccepted: () => accepted,
  };
}

/**
 * An Express app for a service with routes of its own (the gateway's GraphiQL and documents), served
 * behind the shell (`serveHttp`) by `listen`: the shell answers the probes and assigns the request id
 * before the app sees a request.
 */
export function createHttpApp(options: HttpShellOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  shellOf.set(app, options);
  return app;
}

/**
 * After every route: an unknown path is a JSON 404 with a code, like every other refusal, never
 * Express's HTML page (which names the framework and echoes the path).
 */
function answerUnknownPaths(app: Express): void {
  app.use((_request: Request, response: Response) => {
    answerNotFound(response);
  });
}

/** The last handler: an error a route passed on (a body Express's `json()` could not read) is answered by `answerFailedRequest`. */
function answerUnhandledErrors(app: Express): void {
  app.use((error: unknown, _request: Request, response: Response, next: NextFunction) => {
    if (response.headersSent) {
      next(error);
      return;
    }
    const status = typeof (error as { status?: unknown }).status === 'number' ? (error as { status: number }).status : 500;
    answerFailedRequest(response, status);
  });
}

/**
 * Idle keep-alive connections are kept longer than a load balancer's idle timeout (AWS ALB and
 * most others default to 60 s): were the service to close first, the balancer could send a request
 * down a connection the service is closing, and the client would see a 502. Node's default is 5 s.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/**
 * Starts serving an app made by `createHttpApp` behind the shell; port 0 picks a free port (tests).
 * Call it after every route is mounted. `shutdownGraceMs` bounds how long `close` lets requests in
 * flight finish.
 */
export async function listen(
  app: Express,
  host: string,
  port: number,
  options: { readonly shutdownGraceMs?: number } = {},
): Promise<RunningService> {
  const shell = shellOf.get(app);
  if (!shell) throw new Error('listen() serves only an app made by createHttpApp()');
  answerUnknownPaths(app);
  answerUnhandledErrors(app);
  return serveHttp(shell, app, { host, port, ...options });
}
