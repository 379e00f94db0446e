import DataLoader from 'dataloader';

/** One row of a companion look-up: the row, and its companion record (at most one) or null. */
export interface RowWithCompanion<Row, Companion> {
  readonly row: Row;
  readonly companion: Companion | null;
}

/** A loader `loaderWithCompanion` primes: any `DataLoader` of one value (or null) per key. */
export type PrimedLoader<Key, Value> = Pick<DataLoader<Key, Value | null>, 'prime'>;

/**
 * A loader that reads each key's row and the row's companion record (a 1:1 record the same selection
 * asks for) in ONE statement, and primes the two loaders that would otherwise read them one statement
 * each, so their resolvers send nothing (issue 15: a subgraph request's statements are a third of its
 * `pg` driver's work, one `writev` each). Results follow key order, `null` for a key with no row, as
 * `loaderForOne` gives them.
 *
 * Use it only when the request asks for both (look-ahead on the selection, `selectionAsks`): otherwise
 * the companion would be read for nothing. It decides nothing: row scope and field policies still run
 * on the primed values exactly as on the rows each loader reads itself, so `fetchRows` must give each
 * row and companion exactly as `rows` and `companions` would (their tests compare them).
 *
 * A companion is primed only for a key whose row exists: for a key with no row `companions` is left to
 * read on its own if it is ever asked. `prime` never replaces a value a loader already holds.
 */
export function loaderWithCompanion<Row, Companion, Key extends string = string, CompanionKey extends string = string>(
  name: string,
  fetchRows: (keys: readonly Key[]) => Promise<readonly RowWithCompanion<Row, Companion>[]>,
  keys: { readonly of: (row: Row) => Key; readonly companionOf: (row: Row) => CompanionKey },
  loaders: { readonly rows: PrimedLoader<Key, Row>; readonly companions: PrimedLoader<CompanionKey, Companion> },
): DataLoader<Key, Row | null> {
  return new DataLoader<Key, Row | null>(
    async (batch) => {
      const found = await fetchRows(batch);
      const byKey = new Map<Key, RowWithCompanion<Row, Companion>>();
      for (const pair of found) {
        const key = keys.of(pair.row);
        if (byKey.has(key)) throw new Error(`${name}: expected at most one row per key, got more than one`);
        byKey.set(key, pair);
      }
      return batch.map((key) => {
        const pair = byKey.get(key);
        loaders.rows.prime(key, pair?.row ?? null);
        if (pair) loaders.companions.prime(keys.companionOf(pair.row), pair.companion);
        return pair?.row ?? null;
      });
    },
    { name },
  );
}
