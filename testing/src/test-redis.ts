import { randomUUID } from 'node:crypto';
import { createLogger, RedisSharedState } from '@mappa/shared';

/** Where the tests that need Redis find it: `TEST_REDIS_URL`, by default the local server CI starts. */
export function testRedisUrl(): string {
  return process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
}

/** A prefix of its own for one test file, so test files running in parallel never share a key. */
export function uniqueTestKeyPrefix(name: string): string {
  return `mappa-test:${name}:${randomUUID()}:`;
}

/**
 * Connects to the test Redis under `keyPrefix`. Without a Redis server the test fails here, saying
 * how to start one: these tests are about replicas sharing state, which only a real Redis shows.
 */
export async function openTestRedis(keyPrefix: string): Promise<RedisSharedState> {
  const url = testRedisUrl();
  try {
    return await RedisSharedState.connect(url, { keyPrefix, log: createLogger('test-redis', 'silent') });
  } catch (error: unknown) {
    throw new Error(
      `These tests need a Redis server at ${url} (TEST_REDIS_URL): start one with "redis-server --daemonize yes" ` +
        `(Debian: "apt-get install redis-server"), as .ci/run does. ${error instanceof Error ? error.message : ''}`,
    );
  }
}

/** Removes every key under `keyPrefix` (a test file's clean-up), then closes the connection. */
export async function dropTestRedis(state: RedisSharedState): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await state.client.scan(cursor, 'MATCH', `${state.keyPrefix}*`, 'COUNT', 500);
    if (keys.length > 0) await state.client.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  await state.close();
}
