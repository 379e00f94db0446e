import type { Caller, RequestContext } from '@mappa/shared';

/**
 * The gateway's per-request context: the verified principal and the declared purpose, built once
 * in the context function. `AgencyDataSource.willSendRequest` turns them into the signed assertion
 * each subgraph receives; the client's own token goes no further than the gateway.
 */
export interface GatewayContext extends RequestContext {
  readonly caller: Caller;
}
