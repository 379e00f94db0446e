import { StatementCounter } from '@mappa/shared';

/** Any loader a test reads through: a `DataLoader` of the subgraph's loaders. */
interface ReadableLoader {
  loadMany(keys: readonly string[]): Promise<unknown[]>;
}

/** A subgraph's joined loader (`loaderWithCompanion`) and the two loaders it primes, made over one statement counter. */
export interface CompanionLoaders {
  readonly joined: ReadableLoader;
  readonly rows: ReadableLoader;
  readonly companions: ReadableLoader;
}

/**
 * Issue 15: a joined read gives every row exactly as the row loader reads it, in one statement, and the
 * two loaders it primed then send none; read separately, the same keys take two statements. `open`
 * makes a fresh set of a subgraph's loaders counting into the counter it is given. Returns what the
 * separate loaders read, for the caller to check that both outcomes (a companion held, none) occur, or
 * the comparison could not fail.
 */
export async function expectJoinedReadAsSeparate(
  open: (statements: StatementCounter) => CompanionLoaders,
  keys: readonly string[],
  companionKeys: readonly string[],
): Promise<{ rows: unknown[]; companions: unknown[] }> {
  const joinedStatements = new StatementCounter();
  const joined = open(joinedStatements);
  const readTogether = await joined.joined.loadMany(keys);
  const rowsPrimed = await joined.rows.loadMany(keys);
  const companionsPrimed = await joined.companions.loadMany(companionKeys);
  expect(joinedStatements.count).toBe(1);
  const separateStatements = new StatementCounter();
  const separate = open(separateStatements);
  const rows = await separate.rows.loadMany(keys);
  const companions = await separate.companions.loadMany(companionKeys);
  expect(separateStatements.count).toBe(2);
  expect(readTogether).toEqual(rows);
  expect(rowsPrimed).toEqual(rows);
  expect(companionsPrimed).toEqual(companions);
  return { rows, companions };
}
