// Data set-up: the bench database (one per dataset size), and the people, pages and officers the
// workloads are about.
import { readFile, realpath } from 'node:fs/promises';
import { Client } from 'pg';
import { BATCH_JOB_DATABASE_TIMEOUTS, DatabaseConnection, migrateAgencies, seedAgencies, syntheticPerson } from '@mappa/shared';
import type { MappaArea, SeedDataset } from '@mappa/shared';
import { progressBar } from '../progress-bar';
import { AGENCIES } from '../subgraphs';
import { CURSOR_PAGE } from './documents';
import { parentPidOfStat } from './process-cpu';
import { bodyOf, post } from './load';
import { DEFAULT_OFFENDERS } from './options';
import type { BenchOptions } from './options';

export const DEFAULT_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';
export const BENCH_DATABASE = 'mappa_bench';

/**
 * The bench database: DATABASE_URL, or on the local server `mappa_bench` for the full run's size and
 * `mappa_bench_<offenders>` for any other, so that a quick run at a smaller size (`--offenders 10000`)
 * never reseeds, and so never costs, the full run's ten-minute dataset, and each size is seeded once.
 */
export async function benchDatabaseUrl(offenders: number): Promise<string> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  // A number from the zod-checked options: the name is safe to write into the statement.
  const name = offenders === DEFAULT_OFFENDERS ? BENCH_DATABASE : `${BENCH_DATABASE}_${offenders}`;
  const admin = new Client({ connectionString: DEFAULT_SERVER });
  await admin.connect();
  try {
    const existing = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (existing.rowCount === 0) await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(DEFAULT_SERVER);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * The benchmark's dataset in the bench database at `url`, through `connection` (a pool on it): refused
 * when the database holds other people (`mustSeedBenchDatabase`, before anything is migrated), then
 * every agency migrated, and seeded when it holds no one yet (or `--reseed`). Returns the dataset,
 * whose synthetic people the workloads ask about.
 */
export async function prepareBenchDataset(
  connection: DatabaseConnection,
  url: string,
  options: Pick<BenchOptions, 'offenders' | 'reseed'>,
): Promise<SeedDataset> {
  const dataset = { offenders: options.offenders, seed: 1, asOf: '2026-11-01' };
  const seed = await mustSeedBenchDatabase(url, dataset, options.reseed);
  await migrateAgencies(connection, AGENCIES);
  if (seed) {
    process.stderr.write(`Seeding ${dataset.offenders.toLocaleString('en-GB')} offenders into ${new URL(url).pathname.slice(1)}\n`);
    await seedAgencies(connection, AGENCIES, dataset, progressBar(dataset.offenders, 'offenders'));
  }
  return dataset;
}

/**
 * `prepareBenchDataset` for the one-process-per-service runs (`--only deployed`, `--only subgraph`),
 * through a pool of its own, closed once the dataset is there: the services open their own.
 */
export async function seededBenchDataset(url: string, options: Pick<BenchOptions, 'offenders' | 'reseed'>): Promise<SeedDataset> {
  const connection = await DatabaseConnection.open({ url }, { poolSize: 5, timeouts: BATCH_JOB_DATABASE_TIMEOUTS });
  try {
    return await prepareBenchDataset(connection, url, options);
  } finally {
    await connection.close();
  }
}

/**
 * The people a co-ordinator's view is asked about, as in the full run: up to `count` of `area` (row
 * scope) without the restricted-access ones, whose probation case and ViSOR nominal the co-ordinator
 * rightly gets less of with authorization on; and the restricted-access people of the area apart.
 */
export function coordinatorsPeople(dataset: SeedDataset, area: MappaArea, count: number): { pncIds: string[]; restricted: Set<string> } {
  const local = Array.from({ length: dataset.offenders }, (_, i) => syntheticPerson((i * 7_919) % dataset.offenders, dataset)).filter(
    (person) => person.area === area,
  );
  return {
    pncIds: local
      .filter((person) => !person.restrictedAccess)
      .slice(0, count)
      .map((person) => person.pncId),
    restricted: new Set(local.filter((person) => person.restrictedAccess).map((person) => person.pncId)),
  };
}

/** The victim liaison officer of the area with victims of the most offenders, and those offenders' PNC IDs. */
export async function busiestVictimLiaisonOfficer(url: string, area: MappaArea): Promise<{ staffId: string; pncIds: string[] }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ staff_id: string; pnc_ids: string[] }>(
      `select v.vlo_staff_id as staff_id, array_agg(distinct c.pnc_id order by c.pnc_id) as pnc_ids
         from probation.victim_contact v join probation.probation_case c on c.crn = v.crn
        where c.area = $1 and not c.current_restriction and not c.ct_restricted
        group by v.vlo_staff_id order by count(distinct c.pnc_id) desc, v.vlo_staff_id limit 1`,
      [area],
    );
    const row = result.rows[0];
    if (!row) throw new Error('no victim liaison officer in the area; seed more offenders');
    return { staffId: row.staff_id, pncIds: row.pnc_ids };
  } finally {
    await client.end();
  }
}

/**
 * The server's connection limit for ordinary clients (`max_connections` less the superuser reserve)
 * and the client connections open on it now, every database's.
 */
export async function serverConnections(url: string): Promise<{ readonly limit: number; readonly open: number }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ limit: number; open: number }>(
      `select current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int as "limit",
              (select count(*) from pg_stat_activity where backend_type = 'client backend')::int as "open"`,
    );
    const row = result.rows[0];
    if (!row) throw new Error('the server did not say its connection limit');
    return row;
  } finally {
    await client.end();
  }
}

/**
 * The process id of the PostgreSQL server behind `url` when it runs on this machine and this user can
 * read its processes, so that the benchmark can count its CPU (`processAndChildrenCpuMs`); null otherwise (a remote
 * server, one in a container of its own, or no right to read it). Found as the parent of this
 * connection's backend, and taken only if that process's working directory is the server's data
 * directory (the postmaster works there), so a process id from another namespace is never read.
 */
export async function localServerPid(url: string): Promise<number | null> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ backend: number; directory: string }>(
      "select pg_backend_pid() as backend, current_setting('data_directory') as directory",
    );
    const row = result.rows[0];
    if (!row) return null;
    const serverPid = parentPidOfStat(await readFile(`/proc/${row.backend}/stat`, 'utf8'));
    return (await realpath(`/proc/${serverPid}/cwd`)) === (await realpath(row.directory)) ? serverPid : null;
  } catch {
    // Not allowed to read the setting or the process, or not on this machine.
    return null;
  } finally {
    await client.end();
  }
}

/**
 * Whether the benchmark must seed the database at `url` with `dataset` before measuring: not when it
 * holds that dataset already (as many people, the first synthetic one among them), unless `reseed`;
 * yes when it holds no one (no police record of anyone, or no police schema yet). Anything else is
 * refused before a table is touched, migrations included: seeding clears every agency's records
 * first, and DATABASE_URL may name a database that is not the benchmark's own.
 */
export async function mustSeedBenchDatabase(url: string, dataset: SeedDataset, reseed: boolean): Promise<boolean> {
  const client = new Client({ connectionString: url });
  await client.connect();
  let held: { people: number; first: boolean };
  try {
    const { rows } = await client.query<{ people: string; first: boolean }>(
      `select (select count(*) from police.person) as people,
              exists (select 1 from police.person where pnc_id = $1) as first`,
      [syntheticPerson(0, dataset).pncId],
    );
    held = { people: Number(rows[0]?.people ?? 0), first: rows[0]?.first === true };
  } catch (error) {
    // 42P01 (undefined_table) or 3F000 (invalid_schema_name): a database the agencies were never migrated into.
    const code = (error as { code?: string }).code;
    if (code !== '42P01' && code !== '3F000') throw error;
    held = { people: 0, first: false };
  } finally {
    await client.end();
  }
  if (held.people === dataset.offenders && held.first) return reseed;
  if (held.people === 0 || reseed) return true;
  const name = new URL(url).pathname.slice(1);
  throw new Error(
    `the database ${name} holds ${held.people.toLocaleString('en-GB')} ${held.people === 1 ? 'person who is' : 'people who are'} not the benchmark's ${dataset.offenders.toLocaleString('en-GB')} synthetic offenders, and seeding clears every agency's records first: point DATABASE_URL at a database of the benchmark's own (or leave it unset for mappa_bench*), or pass --reseed to replace them`,
  );
}

/**
 * Start cursors of `pages` register pages of the filter's area that hold no restricted-access person
 * (see the co-ordinator's workloads), asked of the gateway at `gatewayUrl`: the first page's is null.
 * Fewer when the register ends first, but at least `atLeast`.
 */
export async function collectCursors(
  gatewayUrl: string,
  pages: number,
  headers: Record<string, string>,
  filter: Record<string, unknown>,
  restricted: ReadonlySet<string>,
  atLeast = pages,
): Promise<(string | null)[]> {
  const cursors: (string | null)[] = [];
  let after: string | null = null;
  for (;;) {
    const { body } = await post(gatewayUrl, bodyOf(CURSOR_PAGE, { after, filter }, true), headers);
    const { edges, pageInfo } = (
      body.data as { offenders: { edges: { node: { pncId: string } }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } }
    ).offenders;
    if (!edges.some((edge) => restricted.has(edge.node.pncId))) cursors.push(after);
    if (cursors.length === pages) return cursors;
    if (!pageInfo.hasNextPage && cursors.length >= atLeast) return cursors;
    if (!pageInfo.hasNextPage)
      throw new Error(`only ${cursors.length} register pages without restricted-access people; seed more offenders`);
    after = pageInfo.endCursor;
  }
}
