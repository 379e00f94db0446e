import type { Caller, RequestContext } from '@mappa/shared';
import type { GatewayRequestAudit } from '../audit/gateway-request-audit';
import type { RequestDeadline } from '../datasource/request-deadline';

/**
 * The gateway's per-request context: the verified principal, the declared purpose and the caller's
 * live case grants (looked up from the MAPPA unit when they could apply), built once in the context
 * function. `AgencyDataSource.willSendRequest` turns them into the signed assertion
 * each subgraph receives; the client's own token goes no further than the gateway.
 */
export interface GatewayContext extends RequestContext {
  /** Set once by the context function; widened only by the case relationships the operation needs, before planning (EnforcingGateway). */
  caller: Caller;
  /** What the audit entry needs to know that the response does not show (fields removed before planning). */
  readonly audit: GatewayRequestAudit;
  /** The request's one deadline, set when it arrived: every look-up, subgraph fetch and the audit commit share it. */
  readonly deadline: RequestDeadline;
}
