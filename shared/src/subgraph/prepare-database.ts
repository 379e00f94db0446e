import type { DatabaseConnection } from '../db/database';
import type { Logger } from '../logging/logger';
import { syntheticPeople } from '../synthetic/person';
import type { SyntheticDatasetOptions } from '../synthetic/person';
import type { SubgraphDefinition } from './subgraph-definition';

/** A synthetic dataset: how many offenders, from which seed, as of which day. */
export interface SeedDataset extends SyntheticDatasetOptions {
  readonly offenders: number;
}

// People are generated and written in batches so memory stays flat however large the dataset.
export const SEED_BATCH_SIZE = 5_000;

/**
 * Applies a subgraph's migrations and, when asked, seeds it with a synthetic dataset if it holds
 * no rows yet. Runs before the subgraph listens, so it never serves a half-seeded database.
 */
export async function prepareSubgraphDatabase(
  definition: SubgraphDefinition,
  connection: DatabaseConnection,
  options: { readonly seedIfEmpty?: SeedDataset | undefined; readonly log: Logger },
): Promise<void> {
  await connection.migrate(definition.migrationsFolder, definition.schema);
  const dataset = options.seedIfEmpty;
  if (!dataset) return;
  const db = connection.database();
  if (!(await definition.isEmpty(db))) return;
  options.log.info({ subgraph: definition.name, offenders: dataset.offenders }, 'seeding a fresh database');
  for (let start = 0; start < dataset.offenders; start += SEED_BATCH_SIZE) {
    const people = syntheticPeople(start, Math.min(SEED_BATCH_SIZE, dataset.offenders - start), dataset);
    await definition.seed(db, people, dataset);
  }
}
