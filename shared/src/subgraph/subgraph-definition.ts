import type { GraphQLSchema } from 'graphql';
import type { AuthorizationMode } from '../authorization/authorization-mode';
import type { FieldPolicy } from '../authorization/field-policy';
import type { Database } from '../db/database';
import type { SyntheticDatasetOptions, SyntheticPerson } from '../synthetic/person';

/**
 * Everything the runtime needs to know about one agency's subgraph. Each subgraph package exports
 * one of these from its index; `main.ts` and the local stack both start it through `startSubgraph`.
 */
export interface SubgraphDefinition<Loaders extends object = object> {
  /** The subgraph's name in the supergraph, e.g. `police`. */
  readonly name: string;
  /** The PostgreSQL schema holding this agency's tables; nothing else writes there. */
  readonly schema: string;
  /** Folder of drizzle-kit migrations, applied on start. */
  readonly migrationsFolder: string;
  /** Every access policy the subgraph's fields name (for the schema build and the access matrix). */
  readonly policies: readonly FieldPolicy[];
  /** Builds the executable subgraph schema; every field enforces its policy unless `authorization` is `'off'` (benchmark only). */
  buildSchema(authorization?: AuthorizationMode): Promise<GraphQLSchema>;
  /** Fresh, per-request DataLoaders: never shared between requests, so never between callers. */
  createLoaders(db: Database): Loaders;
  /** Writes this agency's rows for a batch of synthetic people (bulk inserts). */
  seed(db: Database, people: readonly SyntheticPerson[], dataset: SyntheticDatasetOptions): Promise<void>;
  /** Removes every row this agency holds, before a re-seed. */
  clear(db: Database): Promise<void>;
  /** True when the agency holds no rows yet (first start). */
  isEmpty(db: Database): Promise<boolean>;
}
