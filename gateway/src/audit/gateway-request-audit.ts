import type { DeniedSelection } from '@mappa/shared';
import type { StatisticsAuditDetail } from '../statistics/statistics.service';

/**
 * What the gateway learns about one request while serving it that the response alone does not
 * show: when it started, and the fields removed before planning with the policies that removed them
 * (`EnforcingGateway`). Created per request in the context function; read by the audit plugin.
 */
export class GatewayRequestAudit {
  readonly started = process.hrtime.bigint();
  private denied: readonly DeniedSelection[] = [];

  /** The selections early enforcement removed from this request's operation. */
  recordDenied(denied: readonly DeniedSelection[]): void {
    this.denied = denied;
  }

  deniedSelections(): readonly DeniedSelection[] {
    return this.denied;
  }

  private statistics: StatisticsAuditDetail[] = [];

  /** A statistics query this request ran (issue 13): its dimensions, filters and the owners asked. */
  recordStatistics(detail: StatisticsAuditDetail): void {
    this.statistics.push(detail);
  }

  statisticsQueries(): readonly StatisticsAuditDetail[] {
    return this.statistics;
  }
}
