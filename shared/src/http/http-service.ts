import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
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

// Each app's requests in flight, from `createHttpApp` to the `listen` that stops it.
const inFlightOf = new WeakMap<Express, InFlightRequests>();

const PROBES = new Set(['/healthz', '/readyz']);
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

/** The request id assigned by `createHttpApp`'s middleware. */
export function requestIdOf(request: Request): string {
  return String(request.res?.getHeader(REQUEST_ID_HEADER) ?? requestIdFrom(request.headers));
}

/**
 * The id the caller offered in production, where the service issued its own instead: kept to be
 * logged beside the service's id (`clientRequestId`), so a client can still find its request.
 */
export function clientRequestIdOf(request: Request): string | undefined {
  const offered: unknown = request.res?.locals.clientRequestId;
  return typeof offered === 'string' ? offered : undefined;
}

/**
 * The HTTP shell every service shares: a request id on every request and response,
 * `GET /healthz` (the process is alive) and `GET /readyz` (its dependencies answer).
 * Probes are the only routes open without credentials.
 *
 * In production the service issues every request id itself: a caller choosing the id the audit and
 * the logs file a request under could reuse another request's id and blur the trail (issue 9 §5).
 * A well-formed id the caller offered is kept beside it (`clientRequestIdOf`), never instead of it.
 * Outside production a well-formed caller id is taken as it is, for tracing in tests and local runs.
 */
export function createHttpApp(options: {
  readonly log: Logger;
  readonly readiness: readonly ReadinessCheck[];
  readonly production: boolean;
  /** Where each request's outcome and latency are counted (issue 15); none: not counted. */
  readonly metrics?: ServiceMetrics;
  /** Whether a caller's `traceparent` is continued (subgraphs: the gateway's); default false: each request starts its own trace. */
  readonly trustInboundTrace?: boolean;
}): Express {
  const app = express();
  app.disable('x-powered-by');
  const requests = new InFlightRequests();
  inFlightOf.set(app, requests);
  // First of all (issue 15): the request's server span and its observation, both carried by the
  // asynchronous context to every handler after this one (Apollo plugins, the data sources' calls,
  // SQL, the audit commit), and counted once the answer is sent. Probes are neither traced nor counted.
  const service = options.metrics?.service ?? 'service';
  app.use((request, response, next) => {
    if (PROBES.has(request.path)) {
      next();
      return;
    }
    const started = process.hrtime.bigint();
    const route = TRACED_ROUTES.has(request.path) ? request.path : 'other';
    const { span, context } = startServerSpan(service, `${request.method} ${route}`, request.headers, options.trustInboundTrace ?? false);
    span.setAttributes({ 'http.request.method': request.method, 'http.route': route });
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
    withTraceContext(context, () => observeRequest(observation, next));
  });
  // Draining (issue 15): once the service is stopping, a new request is refused at once, with a code,
  // and its connection closed, so a load balancer or client retries it elsewhere; a request already
  // in flight is counted until its response is done (or its client has gone), so `close` can wait for it.
  app.use((request, response, next) => {
    if (PROBES.has(request.path)) {
      next();
      return;
    }
    if (requests.draining) {
      observeRefusal('SHUTTING_DOWN');
      response.setHeader('connection', 'close');
      response
        .status(503)
        .json({ errors: [{ message: 'This service is shutting down. Try again.', extensions: { code: ERROR_CODES.SHUTTING_DOWN.code } }] });
      return;
    }
    requests.started();
    response.once('close', () => requests.finished());
    next();
  });
  app.use((request, response, next) => {
    const offered = callerRequestIdFrom(request.headers);
    if (options.production || !offered) {
      response.setHeader(REQUEST_ID_HEADER, randomUUID());
      if (offered) response.locals.clientRequestId = offered;
    } else {
      response.setHeader(REQUEST_ID_HEADER, offered);
    }
    next();
  });
  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.get('/readyz', async (_request, response) => {
    // A stopping service is not ready, at once: the load balancer sends it nothing new while it drains.
    if (requests.draining) {
      response.status(503).json({ status: 'shutting down', checks: [] });
      return;
    }
    const results = await Promise.all(options.readiness.map(async ({ name, check }) => ({ name, ok: await boundedCheck(check) })));
    const ready = results.every((result) => result.ok);
    if (!ready) options.log.warn({ checks: results }, 'not ready');
    response.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', checks: results });
  });
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

/**
 * The one "not found" answer of every service: an unknown path, and a route's record the caller may
 * not have or that does not exist, answer alike (principle 9: nothing an outsider can compare).
 */
export function answerNotFound(response: Response): void {
  response.status(404).json({ errors: [{ message: 'Not found', extensions: { code: ERROR_CODES.NOT_FOUND.code } }] });
}

/**
 * The last handler: a request that fails before GraphQL sees it (a malformed JSON body, a body over
 * the size limit) gets a short JSON error with a code, never Express's HTML page with a stack trace.
 */
function answerUnhandledErrors(app: Express): void {
  app.use((error: unknown, _request: Request, response: Response, next: NextFunction) => {
    if (response.headersSent) {
      next(error);
      return;
    }
    const status = typeof (error as { status?: unknown }).status === 'number' ? (error as { status: number }).status : 500;
    const clientError = status >= 400 && status < 500;
    response.status(clientError ? status : 500).json({
      errors: [
        clientError
          ? { message: 'The request body is not valid JSON, or is too large.', extensions: { code: ERROR_CODES.BAD_REQUEST.code } }
          : { message: 'Internal server error', extensions: { code: ERROR_CODES.INTERNAL_SERVER_ERROR.code } },
      ],
    });
  });
}

/**
 * Idle keep-alive connections are kept longer than a load balancer's idle timeout (AWS ALB and
 * most others default to 60 s): were the service to close first, the balancer could send a request
 * down a connection the service is closing, and the client would see a 502. Node's default is 5 s.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/**
 * Starts listening; port 0 picks a free port (tests). Call it after every route is mounted.
 * `shutdownGraceMs` bounds how long `close` lets requests in flight finish.
 */
export async function listen(
  app: Express,
  host: string,
  port: number,
  options: { readonly shutdownGraceMs?: number } = {},
): Promise<RunningService> {
  answerUnknownPaths(app);
  answerUnhandledErrors(app);
  const requests = inFlightOf.get(app);
  if (!requests) throw new Error('listen() serves only an app made by createHttpApp()');
  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(listening)));
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
  const graceMs = options.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS;
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
    url: `http://${host}:${address.port}`,
    port: address.port,
    close: () => (closing ??= drainAndClose()),
    inFlight: () => requests.inFlight,
    connectionsAccepted: () => accepted,
  };
}
