import type { SeedDataset } from '../subgraph/prepare-database';
import { migrateAgencies, prepareSubgraphDatabase } from '../subgraph/prepare-database';
import { startSubgraph } from '../subgraph/start-subgraph';
import type { RunningSubgraph } from '../subgraph/start-subgraph';
import type { SubgraphDefinition } from '../subgraph/subgraph-definition';
import { createLogger } from '../logging/logger';
import type { Clock } from '../time/calendar-date';
import { openTestDatabase } from './test-database';
import type { TestDatabase } from './test-database';
import { createTestGatewayKeys, TEST_ISSUER } from './test-gateway';
import type { TestGatewayKeys } from './test-gateway';

/** One agency's subgraph for a test file: its own database, seeded, and a gateway key it trusts. */
export interface TestSubgraph {
  readonly database: TestDatabase;
  readonly subgraph: RunningSubgraph;
  /** Signs assertions as the gateway would, for callers the test chooses. */
  readonly gateway: TestGatewayKeys;
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
  return { database, subgraph, gateway };
}
