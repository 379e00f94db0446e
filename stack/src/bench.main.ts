// `npm run bench`: seeds the PostgreSQL server (DATABASE_URL, or the local server's `mappa_bench`
// database) and measures workloads side by side in one run, interleaved in rounds so that machine
// noise hits every workload alike. Reports ratios, not absolute promises.
import { cpus, totalmem } from 'node:os';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { LocalIssuer } from '@mappa/gateway';
import { ASSERTION_HEADER, createLogger, DatabaseConnection, MappaArea, migrateAgencies, seedAgencies, syntheticPerson } from '@mappa/shared';
import type { Principal } from '@mappa/shared';
import { z } from 'zod';
import { REPOSITORY_ROOT } from './generate-schemas';
import { startLocalStack } from './local-stack';
import type { LocalStack } from './local-stack';
import { progressBar } from './progress-bar';
import { AGENCIES } from './subgraphs';

const DEFAULT_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';
const BENCH_DATABASE = 'mappa_bench';

const POLICE_IDENTITY = 'query Identity($pncId: ID!) { offender(pncId: $pncId) { pncId identity { firstName lastName dateOfBirth croNumber } } }';
const OFFENDER_VIEW = `query OffenderView($pncId: ID!) {
  offender(pncId: $pncId) {
    pncId
    identity { firstName lastName dateOfBirth }
    visorNominal { visorReference status }
    mappaCase { category level leadAgency area nextReviewDate }
    probationCase { crn status }
    riskOfSeriousHarm { overallRiskLevel }
    custody { prisonNumber }
    sentence { conditionalReleaseDate licenceExpiryDate }
    mappaHNotification { category }
  }
}`;
const OFFENDER_PAGE = `query OffenderPage($after: String) {
  offenders(first: 50, after: $after) {
    edges { node {
      pncId
      identity { firstName lastName }
      mappaCase { category level leadAgency }
      probationCase { crn }
      riskOfSeriousHarm { overallRiskLevel }
      custody { prisonNumber }
      sentence { conditionalReleaseDate }
      mappaHNotification { category }
    } }
    pageInfo { endCursor hasNextPage }
  }
}`;

interface Workload {
  readonly name: string;
  readonly url: (stack: LocalStack) => string;
  /** Credentials for one request: a bearer token for the gateway, an assertion for a subgraph. */
  readonly headers: (stack: LocalStack, i: number) => Promise<Record<string, string>>;
  readonly query: string;
  readonly variables: (i: number) => Record<string, unknown>;
}

interface Measurement {
  readonly latenciesMs: number[];
  busyMs: number;
  errors: number;
}

const optionsSchema = z.object({
  offenders: z.coerce.number().int().min(1_000).default(100_000),
  rounds: z.coerce.number().int().min(1).default(6),
  'requests-per-round': z.coerce.number().int().min(10).default(300),
  concurrency: z.coerce.number().int().min(1).max(64).default(8),
  reseed: z.boolean().default(false),
});

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      offenders: { type: 'string' },
      rounds: { type: 'string' },
      'requests-per-round': { type: 'string' },
      concurrency: { type: 'string' },
      reseed: { type: 'boolean' },
    },
  });
  const options = optionsSchema.parse(values);
  const url = await benchDatabaseUrl();
  const connection = await DatabaseConnection.open({ url }, { poolSize: 20 });
  const dataset = { offenders: options.offenders, seed: 1, asOf: '2026-11-01' };
  const log = createLogger('bench', 'silent');
  await migrateAgencies(connection, AGENCIES);
  if (options.reseed || !(await holdsDataset(url, dataset.offenders))) {
    process.stderr.write(`Seeding ${dataset.offenders.toLocaleString('en-GB')} offenders into ${BENCH_DATABASE}\n`);
    await seedAgencies(connection, AGENCIES, dataset, progressBar(dataset.offenders, 'offenders'));
  }
  // A throwaway identity provider standing in for an agency's: the benchmark pays for real token
  // verification at the gateway and real assertion checks in every subgraph.
  const issuer = await LocalIssuer.generate('urn:mappa:bench-issuer');
  const principal: Principal = { staffId: 'BENCH0001', agency: 'mappa_unit', roles: ['mappa_coordinator'], area: MappaArea.LONDON, clearance: 'SC' };
  const token = await issuer.mint(principal);
  // The co-ordinator screening cases may read every field these workloads ask for (principle 3).
  const viaGateway = async () => ({ authorization: `Bearer ${token}`, 'x-mappa-purpose': 'MAPPA_SCREENING' });
  // Calling the police directly, the benchmark signs as the gateway would, once per request.
  const asGateway = async (s: LocalStack, i: number) => ({
    [ASSERTION_HEADER]: await s.assertionSigner.sign('police', { principal, declaredPurpose: { purpose: 'MAPPA_SCREENING', caseId: null } }, `bench-${i}`),
  });
  const stack = await startLocalStack({
    trustedIssuers: [issuer.trustedIssuer()],
    connection,
    host: '127.0.0.1',
    ports: { gateway: 0, police: 0, probation: 0, prison: 0, yot: 0, mappa: 0 },
    production: true,
    subgraphTimeoutMs: 10_000,
    log,
  });
  try {
    // Row scope is by area: ask about people in the principal's area, or every answer would be
    // the (cheap) unknown-person null. About 1 in 42 people; up to 5,000 of them, spread over the dataset.
    const pncIds = Array.from({ length: dataset.offenders }, (_, i) => syntheticPerson((i * 7_919) % dataset.offenders, dataset))
      .filter((person) => person.area === principal.area)
      .slice(0, 5_000)
      .map((person) => person.pncId);
    const pageCursors = await collectCursors(stack, 20, await viaGateway());
    const workloads: Workload[] = [
      { name: 'police identity, police subgraph directly', url: (s) => `${s.subgraphs.police.url}/graphql`, headers: asGateway, query: POLICE_IDENTITY, variables: (i) => ({ pncId: pncIds[i % pncIds.length] }) },
      { name: 'police identity, through the gateway', url: (s) => `${s.gateway.url}/graphql`, headers: viaGateway, query: POLICE_IDENTITY, variables: (i) => ({ pncId: pncIds[i % pncIds.length] }) },
      { name: 'single offender view (5 agencies), gateway', url: (s) => `${s.gateway.url}/graphql`, headers: viaGateway, query: OFFENDER_VIEW, variables: (i) => ({ pncId: pncIds[i % pncIds.length] }) },
      { name: '50-offender page (5 agencies), gateway', url: (s) => `${s.gateway.url}/graphql`, headers: viaGateway, query: OFFENDER_PAGE, variables: (i) => ({ after: pageCursors[i % pageCursors.length] }) },
    ];
    const counts = [];
    for (const workload of workloads) counts.push(await countPerOperation(stack, workload));
    const measurements = workloads.map<Measurement>(() => ({ latenciesMs: [], busyMs: 0, errors: 0 }));
    // Warm-up: one round each, discarded.
    for (const workload of workloads) await runRound(stack, workload, Math.min(100, options['requests-per-round']), options.concurrency, 0);
    for (let round = 0; round < options.rounds; round += 1) {
      for (const [index, workload] of workloads.entries()) {
        const result = await runRound(stack, workload, options['requests-per-round'], options.concurrency, round * options['requests-per-round']);
        const measurement = measurements[index]!;
        measurement.latenciesMs.push(...result.latenciesMs);
        measurement.busyMs += result.wallMs;
        measurement.errors += result.errors;
      }
      process.stderr.write(`round ${round + 1}/${options.rounds} done\n`);
    }
    const report = await renderReport(url, options, workloads, measurements, counts);
    process.stdout.write(report);
    writeFileSync(join(REPOSITORY_ROOT, 'docs', 'benchmarks.md'), report);
  } finally {
    await stack.close();
    await connection.close();
  }
}

async function benchDatabaseUrl(): Promise<string> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const admin = new Client({ connectionString: DEFAULT_SERVER });
  await admin.connect();
  try {
    const existing = await admin.query('select 1 from pg_database where datname = $1', [BENCH_DATABASE]);
    if (existing.rowCount === 0) await admin.query(`create database ${BENCH_DATABASE}`);
  } finally {
    await admin.end();
  }
  const url = new URL(DEFAULT_SERVER);
  url.pathname = `/${BENCH_DATABASE}`;
  return url.toString();
}

async function holdsDataset(url: string, offenders: number): Promise<boolean> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ count: string }>('select count(*) as count from police.person');
    return Number(result.rows[0]?.count) === offenders;
  } finally {
    await client.end();
  }
}

async function post(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
): Promise<{ ok: boolean; body: { data?: unknown; errors?: unknown[] } }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
  return { ok: response.ok && !body.errors, body };
}

async function collectCursors(stack: LocalStack, pages: number, headers: Record<string, string>): Promise<(string | null)[]> {
  const cursors: (string | null)[] = [null];
  for (let page = 1; page < pages; page += 1) {
    const { body } = await post(`${stack.gateway.url}/graphql`, 'query($after: String) { offenders(first: 50, after: $after) { pageInfo { endCursor } } }', {
      after: cursors[cursors.length - 1],
    }, headers);
    const endCursor = (body.data as { offenders: { pageInfo: { endCursor: string | null } } }).offenders.pageInfo.endCursor;
    cursors.push(endCursor);
  }
  return cursors;
}

async function runRound(stack: LocalStack, workload: Workload, requests: number, concurrency: number, offset: number) {
  const latenciesMs: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        const i = next;
        next += 1;
        const t0 = performance.now();
        const { ok } = await post(workload.url(stack), workload.query, workload.variables(offset + i), await workload.headers(stack, offset + i));
        latenciesMs.push(performance.now() - t0);
        if (!ok) errors += 1;
      }
    }),
  );
  return { latenciesMs, wallMs: performance.now() - started, errors };
}

async function countPerOperation(stack: LocalStack, workload: Workload) {
  const subgraphs = Object.values(stack.subgraphs);
  for (const subgraph of subgraphs) {
    subgraph.requests.reset();
    subgraph.statements.reset();
  }
  await post(workload.url(stack), workload.query, workload.variables(1), await workload.headers(stack, 1));
  return Object.fromEntries(subgraphs.map((subgraph) => [subgraph.name, { requests: subgraph.requests.count, statements: subgraph.statements.count }]));
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function renderReport(
  url: string,
  options: z.infer<typeof optionsSchema>,
  workloads: readonly Workload[],
  measurements: readonly Measurement[],
  counts: readonly Record<string, { requests: number; statements: number }>[],
): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const pgVersion = (await client.query<{ server_version: string }>('show server_version')).rows[0]?.server_version ?? 'unknown';
  await client.end();
  const rows = measurements.map((measurement) => {
    const sorted = [...measurement.latenciesMs].sort((a, b) => a - b);
    return { rps: (measurement.latenciesMs.length / measurement.busyMs) * 1000, p50: percentile(sorted, 50), p99: percentile(sorted, 99), n: sorted.length, errors: measurement.errors };
  });
  const baseline = rows[0]!;
  const table = workloads
    .map((workload, index) => {
      const row = rows[index]!;
      return `| ${workload.name} | ${row.rps.toFixed(0)} | ${(row.rps / baseline.rps).toFixed(2)} | ${row.p50.toFixed(1)} | ${row.p99.toFixed(1)} | ${row.n} | ${row.errors} |`;
    })
    .join('\n');
  const names = Object.keys(counts[0] ?? {});
  const countTable = workloads
    .map((workload, index) => {
      const count = counts[index]!;
      const cells = names.map((name) => `${count[name]?.requests ?? 0} / ${count[name]?.statements ?? 0}`);
      const totalRequests = names.reduce((sum, name) => sum + (count[name]?.requests ?? 0), 0);
      const totalStatements = names.reduce((sum, name) => sum + (count[name]?.statements ?? 0), 0);
      return `| ${workload.name} | ${cells.join(' | ')} | ${totalRequests} / ${totalStatements} |`;
    })
    .join('\n');
  const cpu = cpus();
  return `# Benchmarks

Produced by \`npm run bench\` (options: ${options.offenders.toLocaleString('en-GB')} offenders, ${options.rounds} rounds of ${options['requests-per-round']} requests per workload, concurrency ${options.concurrency}).
Workloads run interleaved, round by round, in one process against one PostgreSQL server, so machine noise
falls on all of them alike; compare the ratios, not the absolute numbers, across machines.

Machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB memory, Node ${process.version}, PostgreSQL ${pgVersion}.
Run on ${new Date().toISOString().slice(0, 10)}. Services run in production mode with logging off, all in one Node.js process (one event loop) as \`npm start\` runs them, and the load generator shares the same 2 cores: deployed apart, each agency would have a process of its own.

## Throughput and latency

| workload | requests/s | ratio to police direct | p50 ms | p99 ms | requests | errors |
|---|---:|---:|---:|---:|---:|---:|
${table}

## Subgraph requests / SQL statements per operation

| workload | ${names.join(' | ')} | total |
|---|${names.map(() => '---:').join('|')}|---:|
${countTable}

Each agency answers a whole page in one \`_entities\` request and one SQL statement per record kind,
whatever the page size: no N+1.
`;
}

void main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
