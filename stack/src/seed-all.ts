import { SEED_BATCH_SIZE, syntheticPeople } from '@mappa/shared';
import type { DatabaseConnection, SeedDataset, SubgraphDefinition } from '@mappa/shared';

/**
 * Replaces every agency's data with one synthetic dataset. People are generated once per batch and
 * handed to every agency's seeder, so each person is consistent across all five subgraphs.
 * `onProgress` is called after each batch with the number of offenders written so far.
 */
export async function seedAllAgencies(
  connection: DatabaseConnection,
  definitions: readonly SubgraphDefinition[],
  dataset: SeedDataset,
  onProgress: (written: number) => void = () => undefined,
): Promise<void> {
  const agencies = definitions.map((definition) => ({ definition, db: connection.database() }));
  for (const { definition, db } of agencies) await definition.clear(db);
  for (let start = 0; start < dataset.offenders; start += SEED_BATCH_SIZE) {
    const people = syntheticPeople(start, Math.min(SEED_BATCH_SIZE, dataset.offenders - start), dataset);
    // Agencies write in parallel: on a server each uses its own pooled connection.
    await Promise.all(agencies.map(({ definition, db }) => definition.seed(db, people, dataset)));
    onProgress(start + people.length);
  }
}
