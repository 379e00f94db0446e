import type { RequestAudit } from '../audit/request-audit';
import type { Caller } from '../auth/caller';
import type { RowScope } from '../auth/row-scope';
import type { AccessDecisions } from '../authorization/access-decisions';
import type { RequestContext } from '../context/request-context';
import type { Database } from '../db/database';
import type { CalendarDate } from '../time/calendar-date';

/** A subgraph request's context: the shared request context plus this request's loaders. */
export interface SubgraphContext<Loaders extends object> extends RequestContext {
  /** Who is asking and why, as the gateway vouched in its signed assertion. */
  readonly caller: Caller;
  /**
   * The request's instant, read once from the service's clock: row scope, grants and evidence are
   * judged at it, so every decision of one request is made at the same time.
   */
  readonly now: Date;
  /** The request's calendar date in England and Wales (`calendarDateOf(now)`): "today" for every rule of the request. */
  readonly today: CalendarDate;
  /** Whom the caller may know exists (principles 2, 5, 7, 9; ), from the request's caller and date. */
  readonly rowScope: RowScope;
  /** This request's policy decisions and denials. */
  readonly access: AccessDecisions;
  /** What this request adds to the owner's audit entry (subjects the response does not name). */
  readonly audit: RequestAudit;
  readonly loaders: Loaders;
  readonly db: Database;
}
