import type { AccessContext, Caller, Logger } from '@mappa/shared';
import type { GatewayRequestAudit } from '../audit/gateway-request-audit';
import type { StatisticsService } from './statistics.service';

/** What the statistics service's resolvers receive: the gateway request's caller, its audit, and the service. */
export interface StatisticsContext extends AccessContext {
  readonly caller: Caller;
  readonly requestId: string;
  readonly log: Logger;
  readonly audit: GatewayRequestAudit;
  readonly statistics: StatisticsService;
}
