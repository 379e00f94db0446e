import type { Logger } from '../logging/logger';

/**
 * What every service knows about the request it is serving.
 * Authentication (the next issue) adds the verified principal and the declared purpose here,
 * built once per request in the context function, so resolvers never read headers themselves.
 */
export interface RequestContext {
  /** Correlates log lines across the gateway and every subgraph it calls. */
  readonly requestId: string;
  /** A child logger that stamps `requestId` on every line. */
  readonly log: Logger;
}
