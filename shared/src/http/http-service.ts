import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Express, NextFunction, Request, Response } from 'express';
import type { Logger } from '../logging/logger';
import { callerRequestIdFrom, REQUEST_ID_HEADER, requestIdFrom } from './request-id';

/** A named dependency that must be healthy before the service takes traffic. */
export interface ReadinessCheck {
  readonly name: string;
  readonly check: () => Promise<boolean> | boolean;
}

/** A listening service and how to stop it. */
export interface RunningService {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
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
export function createHttpApp(options: { readonly log: Logger; readonly readiness: readonly ReadinessCheck[]; readonly production: boolean }): Express {
  const app = express();
  app.disable('x-powered-by');
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
    const results = await Promise.all(
      options.readiness.map(async ({ name, check }) => {
        try {
          return { name, ok: await check() };
        } catch {
          return { name, ok: false };
        }
      }),
    );
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
  response.status(404).json({ errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] });
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
          ? { message: 'The request body is not valid JSON, or is too large.', extensions: { code: 'BAD_REQUEST' } }
          : { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      ],
    });
  });
}

/** Starts listening; port 0 picks a free port (tests). Call it after every route is mounted. */
export async function listen(app: Express, host: string, port: number): Promise<RunningService> {
  answerUnknownPaths(app);
  answerUnhandledErrors(app);
  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(listening)));
  });
  // Slow-loris protection: a request must arrive in full within these bounds.
  server.headersTimeout = 15_000;
  server.requestTimeout = 30_000;
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
