import type { RequestContext } from '@mappa/shared';

/**
 * The gateway's per-request context. This is the seam for authentication: the next issue adds the
 * verified principal and declared purpose here, and `AgencyDataSource.willSendRequest` turns them
 * into the signed assertion each subgraph receives.
 */
export type GatewayContext = RequestContext;
