/**
 * State that every replica of a service must see alike: which assertion ids were already used, and
 * (through `RedisSharedState.client`) the gateway's rate-limit buckets. In memory for one process
 * (`npm start`, a single replica), in Redis when `REDIS_URL` is set so several replicas share it.
 */
export interface SharedState {
  readonly kind: 'memory' | 'redis';
  /** Prepended to every key, so services, deployments and test files sharing one Redis never meet. */
  readonly keyPrefix: string;
  /**
   * Records `key` for `ttlMs` unless it is already recorded: true for the first sighting, false for
   * every later one until it expires. Atomic across replicas sharing the store (a replay cache).
   * Rejects when the store cannot answer; callers decide whether that fails open or closed.
   */
  claimOnce(key: string, ttlMs: number): Promise<boolean>;
  /** True when the store answers (readiness). */
  isReachable(): Promise<boolean>;
  close(): Promise<void>;
}
