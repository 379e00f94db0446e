import type { Logger } from '../logging/logger';
import { MemorySharedState } from './memory-shared-state';
import { RedisSharedState } from './redis-shared-state';
import type { SharedState } from './shared-state';

/** Redis when `redisUrl` is set (replicas share it), otherwise this process's memory. */
export async function openSharedState(options: {
  readonly redisUrl: string | undefined;
  readonly keyPrefix: string;
  readonly log: Logger;
}): Promise<SharedState> {
  if (!options.redisUrl) return new MemorySharedState(options.keyPrefix);
  return RedisSharedState.connect(options.redisUrl, { keyPrefix: options.keyPrefix, log: options.log });
}
