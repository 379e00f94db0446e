import { createLogger, MemorySharedState } from '@mappa/shared';
import { z } from 'zod';
import { DEFAULT_RATE_LIMITS, GatewayRateLimiter, gatewayRateLimitEnv, rateLimitsFrom, sourceKeyOf } from './rate-limits';

describe('rate-limit keys and buckets', () => {
  it('keys an IPv4 source by its address, an IPv4-mapped IPv6 one by the IPv4 address', () => {
    expect(sourceKeyOf('203.0.113.7')).toBe('203.0.113.7');
    expect(sourceKeyOf('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('keys an IPv6 source by its /64, so rotating addresses inside one network shares one bucket', () => {
    expect(sourceKeyOf('2001:db8:aa:bb:1:2:3:4')).toBe('2001:db8:aa:bb::/64');
    expect(sourceKeyOf('2001:0db8:00aa:00bb:ffff::1')).toBe('2001:db8:aa:bb::/64');
    expect(sourceKeyOf('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(sourceKeyOf('::1')).toBe('0:0:0:0::/64');
    expect(sourceKeyOf(undefined)).toBe('unknown');
  });

  it('refuses a bucket whose capacity is not above its refill rate', () => {
    const limits = {
      perSource: { capacity: 10, refillPerSecond: 10 },
      perPrincipal: { capacity: 20, refillPerSecond: 2 },
      refusalAuditWindowMs: 1_000,
    };
    expect(() => new GatewayRateLimiter(limits, new MemorySharedState(), createLogger('test', 'silent'))).toThrow(
      /capacity \(10\) must be larger than the refill/,
    );
  });

  it('allows the capacity at once, then refuses with the seconds to wait', async () => {
    const limits = {
      perSource: { capacity: 4, refillPerSecond: 1 },
      perPrincipal: { capacity: 20, refillPerSecond: 2 },
      refusalAuditWindowMs: 1_000,
    };
    const limiter = new GatewayRateLimiter(limits, new MemorySharedState(), createLogger('test', 'silent'));
    for (let i = 0; i < 4; i++) await limiter.consumeSource('203.0.113.7');
    await expect(limiter.consumeSource('203.0.113.7')).rejects.toMatchObject({
      extensions: { code: 'RATE_LIMITED' },
      retryAfterSeconds: 1,
    });
    await expect(limiter.consumeSource('203.0.113.8')).resolves.toBeUndefined();
  });

  it('refills a bucket slower than one token a second by one token per window of that length', async () => {
    const limits = {
      perSource: { capacity: 3, refillPerSecond: 1 / 3_600 },
      perPrincipal: { capacity: 20, refillPerSecond: 2 },
      refusalAuditWindowMs: 1_000,
    };
    const limiter = new GatewayRateLimiter(limits, new MemorySharedState(), createLogger('test', 'silent'));
    for (let i = 0; i < 3; i++) await limiter.consumeSource('203.0.113.7');
    const refusal: unknown = await limiter.consumeSource('203.0.113.7').catch((error: unknown) => error);
    expect(refusal).toMatchObject({ extensions: { code: 'RATE_LIMITED' } });
    // The next token comes when the hour's window ends, not in a second.
    expect((refusal as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(3_500);
  });

  it('reads its settings from the environment: the defaults, a hop count to trust, never "true"', () => {
    const env = z.object(gatewayRateLimitEnv);
    expect(rateLimitsFrom(env.parse({}))).toEqual(DEFAULT_RATE_LIMITS);
    expect(env.parse({ GATEWAY_TRUST_PROXY: '1' }).GATEWAY_TRUST_PROXY).toBe(1);
    expect(env.parse({ GATEWAY_TRUST_PROXY: '10.0.0.0/8,fd00::/8' }).GATEWAY_TRUST_PROXY).toBe('10.0.0.0/8,fd00::/8');
    expect(env.safeParse({ GATEWAY_TRUST_PROXY: 'true' }).success).toBe(false);
  });
});
