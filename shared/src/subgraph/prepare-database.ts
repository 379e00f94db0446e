import { migrateAuditStore } from '../audit/audit-log';
import type { DatabaseConnection } from '../db/database';
import type { Logger } from '../logging/logger';
import { syntheticPeople } from '../synthetic/person';
import type { SyntheticDatasetOptions } from '../synthetic/person';
import type { SubgraphDefinition } from './subgraph-definition';
import { vacuumAnalyzeDatabase } from './subgraph-database.query';

/** A synthetic dataset: how many offenders, from which seed, as of which day. */
export interface SeedDataset extends SyntheticDatasetOptions {
  readonly offenders: number;
}

// People are generated and written in batches so memory stays flat however large the dataset.
export const SEED_BATCH_SIZE = 5_000;
// Batches of people generated ahead of the database: two keep Node and the database both busy.
const BATCHES_IN_FLIGHT = 2;

/**
 * Applies every given agency's migrations, each in its own schema, and the audit store's: every
 * service keeps its own audit log in its own database, and an agency's access-audit query reads it.
 */
export async function migrateAgencies(connection: DatabaseConnection, definitions: readonly SubgraphDefinition[]): Promise<void> {
  for (const definition of definitions) await connection.migrate(definition.migrationsFolder, definition.schema);
  await migrateAuditStore(connection);
}

/**
 * Replaces the given agencies' data with one synthetic dataset. People are generated once per batch
 * and handed to every agency's seeder, so each person is consistent across the agencies.
 * `onProgress` is called after each batch with the number of offenders written so far.
 */
export async function seedAgencies(
  connection: DatabaseConnection,
  definitions: readonly SubgraphDefinition[],
  dataset: SeedDataset,
  onProgress: (written: number) => void = () => undefined,
): Promise<void> {
  const agencies = definitions.map((definition) => ({ definition, db: connection.database() }));
  for (const { definition, db } of agencies) await definition.clear(db);
  // Batches overlap: while one agency's statements for a batch run in the database, Node builds another
  // agency's rows or the next batch's people, instead of one waiting for the other (half of a seed's time
  // was Node idle, waiting for the database, and the rest the database waiting for Node). Each agency
  // still writes its batches one after another, in order, so every serial id and every "first batch's
  // rows kept" comes out as before; agencies never share a table. At most BATCHES_IN_FLIGHT batches of
  // people are held at once, so memory stays flat.
  const agencyWrites = agencies.map(() => Promise.resolve());
  const batchesWritten: Promise<void>[] = [];
  for (let start = 0; start < dataset.offenders; start += SEED_BATCH_SIZE) {
    if (batchesWritten.length >= BATCHES_IN_FLIGHT) await batchesWritten.shift();
    const people = syntheticPeople(start, Math.min(SEED_BATCH_SIZE, dataset.offenders - start), dataset);
    const written = start + people.length;
    const writes = agencies.map(({ definition, db }, index) => {
      const write = (agencyWrites[index] ?? Promise.resolve()).then(() => definition.seed(db, people, dataset));
      agencyWrites[index] = write;
      return write;
    });
    // Progress in order: a batch's report waits for the batch before it.
    const previous = batchesWritten[batchesWritten.length - 1] ?? Promise.resolve();
    const batch = Promise.all([previous, ...writes]).then(() => onProgress(written));
    // Awaited below; marked handled now so that a failure is reported once, by that await, even when it
    // happens while an earlier batch is being awaited.
    batch.catch(() => undefined);
    batchesWritten.push(batch);
  }
  await Promise.all(batchesWritten);
  // Planner statistics for what was just written, in every schema: without them a freshly seeded
  // database is planned as if its tables were empty or unchanged until autovacuum catches up (issue 15
  // measured large bitmap scans at 1,000,000 offenders for lack of them). VACUUM too: it marks the
  // freshly written pages all-visible, so the register's counts and the statistics' joins are
  // index-only scans rather than a visit to every row's page (until autovacuum would have got there).
  await vacuumAnalyzeDatabase(connection.database());
}

/**
 * Applies a subgraph's migrations and, when asked, seeds it with a synthetic dataset if it holds
 * no rows yet. Runs before the subgraph listens, so it never serves a half-seeded database.
 */
export async function prepareSubgraphDatabase(
  definition: SubgraphDefinition,
  connection: DatabaseConnection,
  options: { readonly seedIfEmpty?: SeedDataset | undefined; readonly log: Logger },
): Promise<void> {
  await migrateAgencies(connection, [definition]);
  const dataset = options.seedIfEmpty;
  if (!dataset || !(await definition.isEmpty(connection.database()))) return;
  options.log.info({ subgraph: definition.name, offenders: dataset.offenders }, 'seeding a fresh database');
  await seedAgencies(connection, [definition], dataset);
}
