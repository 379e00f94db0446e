import type { Caller } from '../auth/caller';
import type { AccessDecisions } from '../authorization/access-decisions';
import type { RequestContext } from '../context/request-context';
import type { Database } from '../db/database';

/** A subgraph request's context: the shared request context plus this request's loaders. */
export interface SubgraphContext<Loaders extends object> extends RequestContext {
  /** Who is asking and why, as the gateway vouched in its signed assertion. */
  readonly caller: Caller;
  /** This request's policy decisions and denials. */
  readonly access: AccessDecisions;
  readonly loaders: Loaders;
  readonly db: Database;
}
