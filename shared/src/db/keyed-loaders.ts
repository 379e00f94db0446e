import DataLoader from 'dataloader';

// Loaders are built per request (in the context function) and named, so a trace or a test can tell
// them apart. Each batch is one SQL statement: `fetchRows` receives every key of the tick at once.

/** A loader for at most one row per key; `null` for a key with no row. Results follow key order. */
export function loaderForOne<Row, Key extends string = string>(
  name: string,
  fetchRows: (keys: readonly Key[]) => Promise<readonly Row[]>,
  keyOf: (row: Row) => Key,
): DataLoader<Key, Row | null> {
  return new DataLoader<Key, Row | null>(
    async (keys) => {
      const rows = await fetchRows(keys);
      const byKey = new Map(rows.map((row) => [keyOf(row), row]));
      return keys.map((key) => byKey.get(key) ?? null);
    },
    { name },
  );
}

/** A loader for every row per key (possibly none). Results follow key order. */
export function loaderForMany<Row, Key extends string = string>(
  name: string,
  fetchRows: (keys: readonly Key[]) => Promise<readonly Row[]>,
  keyOf: (row: Row) => Key,
): DataLoader<Key, Row[]> {
  return new DataLoader<Key, Row[]>(
    async (keys) => {
      const rows = await fetchRows(keys);
      const byKey = new Map<Key, Row[]>(keys.map((key) => [key, []]));
      for (const row of rows) byKey.get(keyOf(row))?.push(row);
      return keys.map((key) => byKey.get(key) ?? []);
    },
    { name },
  );
}
