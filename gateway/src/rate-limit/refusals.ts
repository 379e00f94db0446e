import type { RequestHandler } from 'express';
import { observeRefusal, RateLimitedError, requestIdOf, ERROR_CODES } from '@mappa/shared';
import type { AuditWriter, Logger, ServiceMetrics } from '@mappa/shared';
import { auditRefusedRequest, refusedRequestPayload } from '../audit/gateway-audit';
import type { RefusedRequest } from '../audit/gateway-audit';
import { GatewayRequestAudit } from '../audit/gateway-request-audit';
import { RefusalAudit } from '../audit/refusal-audit';
import type { GatewayRateLimiter } from './rate-limits';
import { sourceOf } from './rate-limits';

/**
 * How the gateway audits the requests it refuses before any operation runs. Failed authentication
 * and rate limits are what a flood without a valid token produces: they are gathered per source
 * (and principal, for the per-principal limit) into one entry per window (`RefusalAudit`). Any
 * other refusal (a verified caller with no purpose) is one entry per request, as before: its
 * principal is known and limited.
 */
export class RequestRefusals {
  private readonly windows: RefusalAudit | null;

  constructor(
    private readonly writer: AuditWriter | null,
    windowMs: number,
    log: Logger,
    private readonly metrics?: ServiceMetrics,
  ) {
    this.windows = writer ? new RefusalAudit(writer, windowMs, log) : null;
  }

  /** Records one refused request from `source` (see `sourceKeyOf`); `principalKey` when the principal was verified. */
  async record(source: string, refusal: RefusedRequest, principalKey: string | null, log: Logger): Promise<void> {
    // Counted whether or not it is audited: rate limits, document limits, authentication (issue 15).
    this.metrics?.refused((refusal.error as { extensions?: { code?: unknown } } | null)?.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
    if (!this.writer || !this.windows) return;
    const payload = refusedRequestPayload(refusal);
    if (refusal.error instanceof RateLimitedError || payload.outcome === 'UNAUTHENTICATED') {
      this.windows.record(
        [source, payload.outcome, ...(payload.errorCodes ?? []), principalKey ?? ''].join('|'),
        refusal.requestId,
        payload,
      );
      return;
    }
    await auditRefusedRequest(this.writer, refusal, log);
  }

  /** Writes every open window's entry (the gateway is stopping). */
  async flush(): Promise<void> {
    await this.windows?.flush();
  }
}

/**
 * The per-source limit, before the body or the token is read (issue 9 §1): over it, HTTP 429 with
 * `Retry-After` and a GraphQL error `RATE_LIMITED`, recorded once per window and source.
 */
export function perSourceRateLimit(limiter: GatewayRateLimiter, refusals: RequestRefusals, log: Logger): RequestHandler {
  return async (request, response, next) => {
    const source = sourceOf(request);
    try {
      await limiter.consumeSource(source);
      next();
    } catch (error: unknown) {
      if (!(error instanceof RateLimitedError)) {
        next(error);
        return;
      }
      const requestId = requestIdOf(request);
      observeRefusal('RATE_LIMITED');
      await refusals.record(
        source,
        { requestId, body: undefined, principal: null, error, audit: new GatewayRequestAudit() },
        null,
        log.child({ requestId }),
      );
      response
        .status(429)
        .set('retry-after', String(error.retryAfterSeconds))
        .json({
          errors: [
            { message: error.message, extensions: { code: ERROR_CODES.RATE_LIMITED.code, retryAfterSeconds: error.retryAfterSeconds } },
          ],
        });
    }
  };
}
