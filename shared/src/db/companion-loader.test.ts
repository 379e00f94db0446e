import DataLoader from 'dataloader';
import { loaderWithCompanion } from './companion-loader';
import type { RowWithCompanion } from './companion-loader';

interface Person {
  readonly id: string;
  readonly ref: string;
}
interface Nominal {
  readonly ref: string;
}

/** The three loaders over recorded calls: what each batch function was asked, batch by batch. */
function loaders(pairs: readonly RowWithCompanion<Person, Nominal>[]) {
  const calls = { rows: [] as string[][], companions: [] as string[][], joined: [] as string[][] };
  const rows = new DataLoader<string, Person | null>(async (keys) => {
    calls.rows.push([...keys]);
    return keys.map((key) => pairs.find((pair) => pair.row.id === key)?.row ?? null);
  });
  const companions = new DataLoader<string, Nominal | null>(async (keys) => {
    calls.companions.push([...keys]);
    return keys.map((key) => pairs.find((pair) => pair.companion?.ref === key)?.companion ?? null);
  });
  const joined = loaderWithCompanion(
    'test.personWithNominal',
    async (keys) => {
      calls.joined.push([...keys]);
      return pairs.filter((pair) => keys.includes(pair.row.id));
    },
    { of: (row) => row.id, companionOf: (row) => row.ref },
    { rows, companions },
  );
  return { calls, rows, companions, joined };
}

const withNominal = { row: { id: 'p1', ref: 'n1' }, companion: { ref: 'n1' } };
const withoutNominal = { row: { id: 'p2', ref: 'n2' }, companion: null };

describe('loaderWithCompanion', () => {
  it('answers in key order with null for a missing key, in one batch, and primes both loaders so they send nothing', async () => {
    const { calls, rows, companions, joined } = loaders([withNominal, withoutNominal]);
    expect(await joined.loadMany(['p2', 'unknown', 'p1'])).toEqual([withoutNominal.row, null, withNominal.row]);
    expect(await rows.loadMany(['p1', 'p2', 'unknown'])).toEqual([withNominal.row, withoutNominal.row, null]);
    expect(await companions.loadMany(['n1', 'n2'])).toEqual([{ ref: 'n1' }, null]);
    expect(calls).toEqual({ joined: [['p2', 'unknown', 'p1']], rows: [], companions: [] });
  });

  it('leaves a companion of a key with no row to its own loader', async () => {
    const { calls, companions, joined } = loaders([]);
    expect(await joined.load('p1')).toBeNull();
    expect(await companions.load('n1')).toBeNull();
    expect(calls.companions).toEqual([['n1']]);
  });

  it('never replaces what a loader already holds', async () => {
    const { rows, joined } = loaders([withNominal]);
    const earlier = { id: 'p1', ref: 'earlier' };
    rows.prime('p1', earlier);
    await joined.load('p1');
    expect(await rows.load('p1')).toBe(earlier);
  });

  it('refuses a batch with two rows for one key, naming the loader', async () => {
    const { joined } = loaders([withNominal, { row: { id: 'p1', ref: 'n9' }, companion: null }]);
    await expect(joined.load('p1')).rejects.toThrow('test.personWithNominal: expected at most one row per key, got more than one');
  });
});
