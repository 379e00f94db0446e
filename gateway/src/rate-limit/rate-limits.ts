import { isIPv4, isIPv6 } from 'node:net';
import { BurstyRateLimiter, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Request } from 'express';
import { RateLimitedError, RedisSharedState } from '@mappa/shared';
import type { Logger, Principal, SharedState } from '@mappa/shared';
import { z } from 'zod';

/**
 * A token bucket: up to `capacity` requests at once, refilled at `refillPerSecond`. The configuration
 * gives whole tokens a second; a refill below one a second (say `1 / 3600`) is one token per
 * `1 / refillPerSecond` seconds, which tests use for a bucket that cannot refill while they run.
 */
export interface TokenBucket {
  readonly capacity: number;
  readonly refillPerSecond: number;
}

/** The gateway's rate limits (issue 9 §1) and how refusals before authentication are audited. */
export interface RateLimits {
  /** Per source address, before the token is even read. */
  readonly perSource: TokenBucket;
  /** Per principal (issuer + staff id), once the token is verified. */
  readonly perPrincipal: TokenBucket;
  /** Refusals of one kind from one source (or rate-limited principal) within this window make one audit entry. */
  readonly refusalAuditWindowMs: number;
}

/**
 * Generous for real use: a MAPP meeting room of a dozen people behind one NAT address, each screen
 * loading several operations at once, stays far below the per-source bucket; one person never
 * reaches 10 requests a second for long. A script hammering the gateway does, within seconds.
 */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  perSource: { capacity: 600, refillPerSecond: 60 },
  perPrincipal: { capacity: 200, refillPerSecond: 20 },
  refusalAuditWindowMs: 60_000,
};

const bucketEnv = (capacity: number, refill: number) => ({
  capacity: z.coerce.number().int().min(2).max(1_000_000_000).default(capacity),
  refill: z.coerce.number().int().min(1).max(1_000_000_000).default(refill),
});
const source = bucketEnv(DEFAULT_RATE_LIMITS.perSource.capacity, DEFAULT_RATE_LIMITS.perSource.refillPerSecond);
const principal = bucketEnv(DEFAULT_RATE_LIMITS.perPrincipal.capacity, DEFAULT_RATE_LIMITS.perPrincipal.refillPerSecond);

/** The gateway's rate-limit settings (see `.env.example`), shared by the gateway on its own and the local stack. */
export const gatewayRateLimitEnv = {
  RATE_LIMIT_SOURCE_CAPACITY: source.capacity,
  RATE_LIMIT_SOURCE_REFILL_PER_SECOND: source.refill,
  RATE_LIMIT_PRINCIPAL_CAPACITY: principal.capacity,
  RATE_LIMIT_PRINCIPAL_REFILL_PER_SECOND: principal.refill,
  AUDIT_REFUSAL_WINDOW_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(3_600)
    .default(DEFAULT_RATE_LIMITS.refusalAuditWindowMs / 1000),
  /**
   * Express's `trust proxy` for the source address: `false` (the default: the TCP peer is the
   * source), a number of proxy hops, or a comma-separated list of the load balancers' addresses or
   * CIDRs. Never `true`: trusting every hop lets a client choose its own address in X-Forwarded-For.
   */
  GATEWAY_TRUST_PROXY: z
    .string()
    .regex(/^(false|\d{1,2}|[0-9A-Fa-f.:/,\s]+|loopback|linklocal|uniquelocal)$/, 'false, a hop count, or addresses/CIDRs (never true)')
    .default('false')
    .transform((value): false | number | string => (value === 'false' ? false : /^\d+$/.test(value) ? Number(value) : value)),
};

type RateLimitConfig = z.infer<z.ZodObject<typeof gatewayRateLimitEnv>>;

/** The rate limits a configuration describes. */
export function rateLimitsFrom(config: RateLimitConfig): RateLimits {
  return {
    perSource: { capacity: config.RATE_LIMIT_SOURCE_CAPACITY, refillPerSecond: config.RATE_LIMIT_SOURCE_REFILL_PER_SECOND },
    perPrincipal: { capacity: config.RATE_LIMIT_PRINCIPAL_CAPACITY, refillPerSecond: config.RATE_LIMIT_PRINCIPAL_REFILL_PER_SECOND },
    refusalAuditWindowMs: config.AUDIT_REFUSAL_WINDOW_SECONDS * 1000,
  };
}

/** The key a request's source is limited by (see `sourceKeyOf`): Express's `req.ip`, which follows `trust proxy`. */
export function sourceOf(request: Request): string {
  return sourceKeyOf(request.ip ?? request.socket.remoteAddress);
}

/**
 * The key a source address is limited by: an IPv4 address as it is, an IPv6 address by its /64
 * (one subscriber's network: an attacker holding one has 2^64 addresses to rotate through).
 */
export function sourceKeyOf(address: string | undefined): string {
  if (!address) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped && isIPv4(mapped)) return mapped;
  if (isIPv4(address) || !isIPv6(address)) return address;
  const [head = '', tail = ''] = address.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...headGroups, ...Array<string>(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups]
    : headGroups;
  return `${groups
    .slice(0, 4)
    .map((group) => group.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * The key a principal is limited by: the issuer that vouched for the staff id, and the staff id, so
 * two identity providers' staff with the same id never share a bucket.
 */
export function principalKeyOf(principal: Principal): string {
  return `${principal.issuer}|${principal.staffId}`;
}

/**
 * Approximates a token bucket with rate-limiter-flexible's BurstyRateLimiter (the library's own
 * answer to "allow bursts"; it has no token bucket as such): a sustained limiter of `refillPerSecond`
 * points a second, and a burst allowance of the rest of the capacity, refilled over the time a
 * token bucket would take to refill it. At most `capacity` requests at once; in the long run at most
 * twice `refillPerSecond` (each window refills whole rather than token by token).
 */
function bucketLimiter(bucket: TokenBucket, name: string, state: SharedState): BurstyRateLimiter {
  if (!(bucket.capacity > bucket.refillPerSecond)) {
    throw new Error(
      `Rate limit "${name}": the capacity (${bucket.capacity}) must be larger than the refill per second (${bucket.refillPerSecond})`,
    );
  }
  // The sustained window gives whole tokens: one a second at `refillPerSecond` of them, or, below one a
  // second, one token per window of `1 / refillPerSecond` seconds.
  const sustainedSeconds = bucket.refillPerSecond >= 1 ? 1 : Math.ceil(1 / bucket.refillPerSecond);
  const sustainedPoints = bucket.refillPerSecond >= 1 ? bucket.refillPerSecond : 1;
  const burst = bucket.capacity - sustainedPoints;
  const windows = [
    { keyPrefix: `${state.keyPrefix}rate:${name}:sustained`, points: sustainedPoints, duration: sustainedSeconds },
    { keyPrefix: `${state.keyPrefix}rate:${name}:burst`, points: burst, duration: Math.max(1, Math.ceil(burst / bucket.refillPerSecond)) },
  ];
  const [sustained, burstAllowance] = windows.map((window): RateLimiterAbstract => {
    if (!(state instanceof RedisSharedState)) return new RateLimiterMemory(window);
    // Redis unreachable: each replica falls back to its own bucket in memory (the library's
    // insurance limiter), so the limits hold per replica rather than failing open or closed.
    return new RateLimiterRedis({
      ...window,
      storeClient: state.client,
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory(window),
    });
  }) as [RateLimiterAbstract, RateLimiterAbstract];
  return new BurstyRateLimiter(sustained, burstAllowance);
}

/** The gateway's two limiters: per source address before authentication, per principal after. */
export class GatewayRateLimiter {
  private readonly perSource: BurstyRateLimiter;
  private readonly perPrincipal: BurstyRateLimiter;
  private fallingBack = false;

  constructor(
    limits: RateLimits,
    private readonly state: SharedState,
    private readonly log: Logger,
  ) {
    this.perSource = bucketLimiter(limits.perSource, 'source', state);
    this.perPrincipal = bucketLimiter(limits.perPrincipal, 'principal', state);
  }

  /** Takes one token from the source's bucket, or throws RATE_LIMITED. */
  consumeSource(sourceKey: string): Promise<void> {
    return this.consume(this.perSource, sourceKey);
  }

  /** Takes one token from the principal's bucket, or throws RATE_LIMITED. */
  consumePrincipal(principalKey: string): Promise<void> {
    return this.consume(this.perPrincipal, principalKey);
  }

  private async consume(limiter: BurstyRateLimiter, key: string): Promise<void> {
    this.noteFallback();
    try {
      await limiter.consume(key);
    } catch (rejection: unknown) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      throw new RateLimitedError(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
    }
  }

  // Logged once per outage: the limits are per replica until Redis answers again.
  private noteFallback(): void {
    if (!(this.state instanceof RedisSharedState)) return;
    const down = this.state.client.status !== 'ready';
    if (down && !this.fallingBack)
      this.log.warn({ component: 'rate-limits' }, "redis unreachable: rate limits fall back to this replica's memory");
    if (!down && this.fallingBack) this.log.info({ component: 'rate-limits' }, 'redis reachable: rate limits shared across replicas again');
    this.fallingBack = down;
  }
}
