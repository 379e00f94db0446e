import type { SeedDataset, RunningSubgraph, SubgraphDefinition, Caller, Clock } from '@mappa/shared';
import { migrateAgencies, prepareSubgraphDatabase, startSubgraph, createLogger } from '@mappa/shared';
import { openTestDatabase } from './test-database';
import type { TestDatabase } from './test-database';
import { createTestGatewayKeys, TEST_ISSUER } from './test-gateway';
import type { TestGatewayKeys } from './test-gateway';
import { checkSubgraphDocument } from './committed-schemas';
import type { GraphQLResponse } from './graphql-response';

/** One agency's subgraph for a test file: its own database, seeded, and a gateway key it trusts. */
export interface TestSubgraph {
  readonly database: TestDatabase;
  readonly subgraph: RunningSubgraph;
  /** Signs assertions as the gateway would, for callers the test chooses. */
  readonly gateway: TestGatewayKeys;
  /**
   * POSTs `query` to the subgraph as the gateway would for `caller` (a fresh assertion bound to the
   * body), after checking it against the subgraph's committed SDL.
   */
  query<Data = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    caller?: Caller,
  ): Promise<GraphQLResponse<Data>>;
  /** The same, unchecked: for a document the subgraph's schema refuses on purpose. */
  queryRaw<Data = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    caller?: Caller,
  ): Promise<GraphQLResponse<Data>>;
}

/**
 * Starts `definition` on a free port over a fresh test database seeded with `dataset`, trusting a
 * fresh test gateway key and taking staff ids from `TEST_ISSUER` as its own, as a single agency's
 * deployment would run. Stop it in `afterAll` with
 * `subgraph.close()` then `database.drop()`.
 */
export async function startTestSubgraph<Loaders extends object>(
  definition: SubgraphDefinition<Loaders>,
  dataset: SeedDataset,
  options: { readonly clock?: Clock } = {},
): Promise<TestSubgraph> {
  const log = createLogger(`${definition.name}-test`, 'silent');
  const database = await openTestDatabase({
    name: `${definition.name} migrated and seeded with ${JSON.stringify(dataset)}`,
    // Test files of one subgraph seed different datasets over the same migrations.
    base: { name: `${definition.name} migrated`, prepare: (connection) => migrateAgencies(connection, [definition]) },
    prepare: (connection) => prepareSubgraphDatabase(definition, connection, { seedIfEmpty: dataset, log }),
  });
  const gateway = await createTestGatewayKeys();
  const subgraph = await startSubgraph(definition, {
    connection: database.connection,
    host: '127.0.0.1',
    port: 0,
    production: false,
    log,
    gatewayKeys: gateway.gatewayKeys,
    staffIdIssuers: [TEST_ISSUER],
    ...(options.clock ? { clock: options.clock } : {}),
  });
  return {
    database,
    subgraph,
    gateway,
    query: (query, variables, caller) => querySubgraph(subgraph, gateway, query, variables, caller),
    queryRaw: (query, variables, caller) => querySubgraphRaw(subgraph, gateway, query, variables, caller),
  };
}

/**
 * POSTs `query` to a running subgraph as the gateway would for `caller` (an assertion from `gateway`
 * bound to exactly the body sent), unchecked: for a document the subgraph's schema refuses on purpose.
 */
export async function querySubgraphRaw<Data = Record<string, unknown>>(
  subgraph: RunningSubgraph,
  gateway: TestGatewayKeys,
  query: string,
  variables: Record<string, unknown> = {},
  caller?: Caller,
): Promise<GraphQLResponse<Data>> {
  const body = JSON.stringify({ query, variables });
  const response = await fetch(`${subgraph.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await gateway.headersFor(subgraph.name, body, caller)) },
    body,
  });
  return (await response.json()) as GraphQLResponse<Data>;
}

/** `querySubgraphRaw` after checking `query` against the subgraph's committed SDL (subgraphs/<name>/schema.graphql). */
export async function querySubgraph<Data = Record<string, unknown>>(
  subgraph: RunningSubgraph,
  gateway: TestGatewayKeys,
  query: string,
  variables: Record<string, unknown> = {},
  caller?: Caller,
): Promise<GraphQLResponse<Data>> {
  checkSubgraphDocument(subgraph.name, query);
  return querySubgraphRaw<Data>(subgraph, gateway, query, variables, caller);
}
