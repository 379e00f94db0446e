import { Redis } from 'ioredis';
import type { Logger } from '../logging/logger';
import type { SharedState } from './shared-state';

/**
 * Shared state in Redis, for several replicas. Commands fail at once while Redis is unreachable
 * (no offline queue, one retry), so a request is never held waiting for it: each caller decides
 * whether that fails open or closed, and logs it.
 */
export class RedisSharedState implements SharedState {
  readonly kind = 'redis';

  private constructor(
    /** The connection, for libraries that keep their own keys in the same Redis (rate-limiter-flexible). */
    readonly client: Redis,
    readonly keyPrefix: string,
  ) {}

  /** Connects to `url`; resolves once connected, rejects when Redis cannot be reached in `connectTimeoutMs`. */
  static async connect(
    url: string,
    options: { readonly keyPrefix: string; readonly log: Logger; readonly connectTimeoutMs?: number },
  ): Promise<RedisSharedState> {
    const client = new Redis(url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: options.connectTimeoutMs ?? 2_000,
      // Keep reconnecting in the background (capped back-off): Redis coming back heals the service.
      retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    });
    let unreachable = false;
    // Logged once per outage, never per command: the host only, never a URL that may carry a password.
    client.on('error', (error: Error) => {
      if (unreachable) return;
      unreachable = true;
      options.log.error(
        { component: 'shared-state', redis: `${client.options.host}:${client.options.port}`, reason: error.name },
        'redis unreachable',
      );
    });
    client.on('ready', () => {
      if (unreachable) options.log.info({ component: 'shared-state' }, 'redis reachable again');
      unreachable = false;
    });
    try {
      await client.connect();
    } catch (error: unknown) {
      client.disconnect();
      throw new Error(
        `Cannot connect to Redis at ${client.options.host}:${client.options.port}: ${error instanceof Error ? error.message : 'unknown error'}`,
      );
    }
    return new RedisSharedState(client, options.keyPrefix);
  }

  async claimOnce(key: string, ttlMs: number): Promise<boolean> {
    // SET NX PX is one atomic command: of two replicas seeing the same key, exactly one wins.
    const result = await this.client.set(this.keyPrefix + key, '1', 'PX', Math.max(1, Math.ceil(ttlMs)), 'NX');
    return result === 'OK';
  }

  async isReachable(): Promise<boolean> {
    if (this.client.status !== 'ready') return false;
    try {
      return (await this.client.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.client.status === 'end') return;
    try {
      await this.client.quit();
    } catch {
      this.client.disconnect();
    }
  }
}
