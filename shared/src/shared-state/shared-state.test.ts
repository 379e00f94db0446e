import { setTimeout as sleep } from 'node:timers/promises';
import { createLogger } from '../logging/logger';
import { dropTestRedis, openTestRedis, testRedisUrl, uniqueTestKeyPrefix } from '@mappa/testing';
import { MemorySharedState } from './memory-shared-state';
import { openSharedState } from './open-shared-state';
import { RedisSharedState } from './redis-shared-state';
import type { SharedState } from './shared-state';

const prefix = uniqueTestKeyPrefix('shared-state');
const replicas: RedisSharedState[] = [];

afterAll(async () => {
  const [first, ...others] = replicas;
  await Promise.all(others.map((state) => state.close()));
  if (first) await dropTestRedis(first);
});

describe.each([
  ['in memory', async (): Promise<SharedState> => new MemorySharedState(`${prefix}memory:`)],
  [
    'in Redis',
    async (): Promise<SharedState> => {
      const state = await openTestRedis(`${prefix}redis:`);
      replicas.push(state);
      return state;
    },
  ],
])('shared state %s', (_kind, open) => {
  let state: SharedState;
  beforeAll(async () => {
    state = await open();
  });

  it('claims a key once, then refuses it until it expires', async () => {
    expect(await state.claimOnce('jti-1', 300)).toBe(true);
    expect(await state.claimOnce('jti-1', 300)).toBe(false);
    expect(await state.claimOnce('jti-2', 300)).toBe(true);
    await sleep(450);
    expect(await state.claimOnce('jti-1', 300)).toBe(true);
  });

  it('of many simultaneous claims of one key, exactly one wins', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => state.claimOnce('contended', 5_000)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('is reachable', async () => {
    expect(await state.isReachable()).toBe(true);
  });
});

describe('shared state across replicas', () => {
  it('two Redis connections under one prefix (two replicas) see one set of keys', async () => {
    const [a, b] = [await openTestRedis(`${prefix}replicas:`), await openTestRedis(`${prefix}replicas:`)];
    replicas.push(a, b);
    expect(await a.claimOnce('seen-by-a', 5_000)).toBe(true);
    expect(await b.claimOnce('seen-by-a', 5_000)).toBe(false);
  });

  it('two prefixes never meet', async () => {
    const [a, b] = [await openTestRedis(`${prefix}one:`), await openTestRedis(`${prefix}two:`)];
    replicas.push(a, b);
    expect(await a.claimOnce('same-key', 5_000)).toBe(true);
    expect(await b.claimOnce('same-key', 5_000)).toBe(true);
  });

  it('memory by default, Redis when a URL is given', async () => {
    const log = createLogger('test', 'silent');
    expect((await openSharedState({ redisUrl: undefined, keyPrefix: prefix, log })).kind).toBe('memory');
    const redis = await openSharedState({ redisUrl: testRedisUrl(), keyPrefix: `${prefix}opened:`, log });
    expect(redis.kind).toBe('redis');
    await redis.close();
  });

  it('an unreachable Redis is refused at start with a clear error, and commands on a lost connection reject at once', async () => {
    const log = createLogger('test', 'silent');
    await expect(RedisSharedState.connect('redis://127.0.0.1:1', { keyPrefix: prefix, log, connectTimeoutMs: 500 })).rejects.toThrow(
      /Cannot connect to Redis at 127\.0\.0\.1:1/,
    );
    const lost = await openTestRedis(`${prefix}lost:`);
    // Disconnected on purpose, so the client never reconnects: a command that waited for a connection
    // (an offline queue) would never settle, so its rejection at all is what shows it rejected at once.
    lost.client.disconnect();
    await expect(lost.claimOnce('any', 1_000)).rejects.toThrow();
    expect(await lost.isReachable()).toBe(false);
  });
});
