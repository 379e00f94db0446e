import type { SharedState } from './shared-state';

// Expired keys are swept at most this often, on writes: no timer keeps a process alive.
const SWEEP_INTERVAL_MS = 5_000;

/** Shared state for one process: what a single replica needs, and the default without `REDIS_URL`. */
export class MemorySharedState implements SharedState {
  readonly kind = 'memory';
  private readonly expiries = new Map<string, number>();
  private nextSweep = 0;

  constructor(readonly keyPrefix = '') {}

  async claimOnce(key: string, ttlMs: number): Promise<boolean> {
    const now = Date.now();
    this.sweep(now);
    const fullKey = this.keyPrefix + key;
    const expiry = this.expiries.get(fullKey);
    if (expiry !== undefined && expiry > now) return false;
    this.expiries.set(fullKey, now + ttlMs);
    return true;
  }

  async isReachable(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {
    this.expiries.clear();
  }

  private sweep(now: number): void {
    if (now < this.nextSweep) return;
    this.nextSweep = now + SWEEP_INTERVAL_MS;
    for (const [key, expiry] of this.expiries) if (expiry <= now) this.expiries.delete(key);
  }
}
