// `npm run bench`: seeds the PostgreSQL server (DATABASE_URL, or the local server's `mappa_bench`
// database) and measures workloads side by side in one run, interleaved in rounds so that machine
// noise hits every workload alike. Reports ratios, not absolute promises.
//
// Authorization on vs off: a second stack over the same database runs with `authorization: 'off'`
// (BENCHMARK ONLY, see `AuthorizationMode`; this is the only program that passes it), and the same
// operations are measured on both. Authentication stays on in both (token verification at the
// gateway, a signed assertion on every subgraph call), so the ratio isolates authorization.
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
/** How many people the view workloads cycle through; every one is compared on both stacks first. */
const COMPARED_PEOPLE = 500;
/** How many register pages the page workloads cycle through; every one is compared on both stacks first. */
const PAGES = 20;

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
// The register of the principal's own area: the filter makes the off stack (national row scope)
// page through exactly the rows the enforced stack's area scope leaves, so both answer alike.
const OFFENDER_PAGE = `query OffenderPage($after: String, $filter: OffenderFilter) {
  offenders(first: 50, after: $after, filter: $filter) {
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
  /** The stack it runs on: authorization enforced or off. */
  readonly stack: LocalStack;
  readonly url: (stack: LocalStack) => string;
  /** Credentials for one request: a bearer token for the gateway, an assertion for a subgraph. */
  readonly headers: (stack: LocalStack, i: number) => Promise<Record<string, string>>;
  readonly query: string;
  readonly variables: (i: number) => Record<string, unknown>;
  /** Whether FORBIDDEN errors are the expected answer (denied fields), not failures. */
  readonly deniesFields?: boolean;
}

/** One operation measured on both stacks. */
interface Comparison {
  readonly name: string;
  readonly on: Workload;
  readonly off: Workload;
  /** What the answers on the two stacks are checked to be before measuring. */
  readonly answers: 'same' | 'more data with authorization off';
}

interface Measurement {
  readonly latenciesMs: number[];
  busyMs: number;
  errors: number;
  /** Requests and busy time in each round, for the spread of the on/off ratio across rounds. */
  readonly rounds: { requests: number; busyMs: number }[];
}

/** Requests per chunk: within a round, the two sides of a comparison alternate chunk by chunk. */
const CHUNK = 50;

const optionsSchema = z.object({
  offenders: z.coerce.number().int().min(1_000).default(100_000),
  rounds: z.coerce.number().int().min(1).default(8),
  // Fewer per round than before the on/off comparison (6 × 300), more rounds: eight workloads, six of
  // them five-agency, and a check of every compared answer keep the run near five minutes on 2 cores.
  'requests-per-round': z.coerce.number().int().min(10).default(200),
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
  // Authorization has work to do for a PPU officer screening cases: the gateway looks up the
  // officer's case grants (a grant holder under a MAPPA purpose), takes out the field the officer may
  // not read in this view (the YOT's MAPPA H notification) before planning, and each owner checks
  // the rest. With authorization off the officer gets every field.
  const officer: Principal = { staffId: 'BENCHPPU1', agency: 'police', roles: ['ppu_officer'], area: MappaArea.LONDON, clearance: 'BPSS' };
  const token = await issuer.mint(principal);
  const officerToken = await issuer.mint(officer);
  // The co-ordinator screening cases may read every field these workloads ask for (principle 3).
  const viaGateway = async () => ({ authorization: `Bearer ${token}`, 'x-mappa-purpose': 'MAPPA_SCREENING' });
  const officerViaGateway = async () => ({ authorization: `Bearer ${officerToken}`, 'x-mappa-purpose': 'MAPPA_SCREENING' });
  // Calling the police directly, the benchmark signs as the gateway would, once per request.
  const asGateway = async (s: LocalStack, i: number) => ({
    [ASSERTION_HEADER]: await s.assertionSigner.sign('police', { principal, declaredPurpose: { purpose: 'MAPPA_SCREENING', caseId: null } }, `bench-${i}`),
  });
  const stackOptions = {
    trustedIssuers: [issuer.trustedIssuer()],
    connection,
    host: '127.0.0.1',
    ports: { gateway: 0, police: 0, probation: 0, prison: 0, yot: 0, mappa: 0 },
    production: true,
    subgraphTimeoutMs: 10_000,
    log,
  };
  const stack = await startLocalStack(stackOptions);
  // BENCHMARK ONLY: the same product with authorization off, over the same database.
  const offStack = await startLocalStack({ ...stackOptions, authorization: 'off' });
  try {
    // Row scope is by area (R-3): ask about people in the principal's area, or every answer would be
    // the (cheap) unknown-person null. About 1 in 42 people, spread over the dataset.
    const local = Array.from({ length: dataset.offenders }, (_, i) => syntheticPerson((i * 7_919) % dataset.offenders, dataset)).filter(
      (person) => person.area === principal.area,
    );
    // A restricted-access person's probation case is limited to the allocated offender manager (R-4),
    // so the co-ordinator gets less of it with authorization on: the co-ordinator's workloads leave
    // such people out, so both stacks give the same answers; the officer's workload keeps them.
    const restricted = new Set(local.filter((person) => person.restrictedAccess).map((person) => person.pncId));
    const pncIds = local.filter((person) => !person.restrictedAccess).slice(0, COMPARED_PEOPLE).map((person) => person.pncId);
    const officerPncIds = local.slice(0, COMPARED_PEOPLE).map((person) => person.pncId);
    const ownArea = { area: principal.area };
    const pageCursors = await collectCursors(stack, PAGES, await viaGateway(), ownArea, restricted);
    const gatewayUrl = (s: LocalStack) => `${s.gateway.url}/graphql`;
    const view = (name: string, on: LocalStack, headers: Workload['headers'], ids: readonly string[], deniesFields = false): Workload => ({
      name,
      stack: on,
      url: gatewayUrl,
      headers,
      query: OFFENDER_VIEW,
      variables: (i) => ({ pncId: ids[i % ids.length] }),
      deniesFields,
    });
    const page = (name: string, on: LocalStack): Workload => ({
      name,
      stack: on,
      url: gatewayUrl,
      headers: viaGateway,
      query: OFFENDER_PAGE,
      variables: (i) => ({ after: pageCursors[i % pageCursors.length], filter: ownArea }),
    });
    const comparisons: Comparison[] = [
      {
        name: 'single offender view (5 agencies), co-ordinator',
        on: view('single offender view (5 agencies), co-ordinator, gateway', stack, viaGateway, pncIds),
        off: view('single offender view (5 agencies), co-ordinator, authorization off', offStack, viaGateway, pncIds),
        answers: 'same',
      },
      {
        name: '50-offender page (5 agencies), co-ordinator',
        on: page('50-offender page (5 agencies), co-ordinator, gateway', stack),
        off: page('50-offender page (5 agencies), co-ordinator, authorization off', offStack),
        answers: 'same',
      },
      {
        name: 'single offender view (5 agencies), PPU officer, fields denied',
        on: view('single offender view (5 agencies), PPU officer, gateway', stack, officerViaGateway, officerPncIds, true),
        off: view('single offender view (5 agencies), PPU officer, authorization off', offStack, officerViaGateway, officerPncIds),
        answers: 'more data with authorization off',
      },
    ];
    const workloads: Workload[] = [
      { name: 'police identity, police subgraph directly', stack, url: (s) => `${s.subgraphs.police.url}/graphql`, headers: asGateway, query: POLICE_IDENTITY, variables: (i) => ({ pncId: pncIds[i % pncIds.length] }) },
      { name: 'police identity, through the gateway', stack, url: gatewayUrl, headers: viaGateway, query: POLICE_IDENTITY, variables: (i) => ({ pncId: pncIds[i % pncIds.length] }) },
      ...comparisons.flatMap((comparison) => [comparison.on, comparison.off]),
    ];
    // Before measuring: the co-ordinator gets the same answers from both stacks for every request
    // the measurement will send, and the officer really is denied fields only with authorization on.
    const checks: string[] = [];
    for (const comparison of comparisons) checks.push(await compareAnswers(comparison, Math.min(COMPARED_PEOPLE, options.rounds * options['requests-per-round']), options.concurrency));
    const counts = [];
    for (const workload of workloads) counts.push(await countPerOperation(workload));
    const measurements = workloads.map<Measurement>(() => ({ latenciesMs: [], busyMs: 0, errors: 0, rounds: [] }));
    // Warm-up: one short round each, discarded.
    for (const workload of workloads) await runRound(workload, Math.min(50, options['requests-per-round']), options.concurrency, 0);
    // The schedule of a round: each group runs in turn; the two sides of a comparison alternate in
    // chunks (on, off, off, on, …), so drift within a round and whatever ran just before fall on both
    // sides alike. Every other round runs the groups in reverse.
    const groups: Workload[][] = [...workloads.filter((workload) => !comparisons.some((c) => c.on === workload || c.off === workload)).map((workload) => [workload]), ...comparisons.map((c) => [c.on, c.off])];
    const perRound = options['requests-per-round'];
    for (let round = 0; round < options.rounds; round += 1) {
      for (const measurement of measurements) measurement.rounds.push({ requests: 0, busyMs: 0 });
      const order = round % 2 === 0 ? groups : [...groups].reverse();
      for (const group of order) {
        for (let chunk = 0, done = 0; done < perRound; chunk += 1, done += CHUNK) {
          const size = Math.min(CHUNK, perRound - done);
          const sides = chunk % 2 === round % 2 ? group : [...group].reverse();
          for (const workload of sides) {
            const result = await runRound(workload, size, options.concurrency, round * perRound + done);
            const measurement = measurements[workloads.indexOf(workload)]!;
            measurement.latenciesMs.push(...result.latenciesMs);
            measurement.busyMs += result.wallMs;
            measurement.errors += result.errors;
            measurement.rounds[round]!.requests += result.latenciesMs.length;
            measurement.rounds[round]!.busyMs += result.wallMs;
          }
        }
      }
      process.stderr.write(`round ${round + 1}/${options.rounds} done\n`);
    }
    const report = await renderReport(url, options, workloads, measurements, counts, comparisons, checks);
    process.stdout.write(report);
    writeFileSync(join(REPOSITORY_ROOT, 'docs', 'benchmarks.md'), report);
  } finally {
    await offStack.close();
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

interface Answer {
  readonly status: number;
  readonly body: { data?: unknown; errors?: { message?: string; path?: (string | number)[]; extensions?: { code?: string } }[] };
}

async function post(url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string>): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

/** Whether an answer is what the workload expects: data, and no errors but the FORBIDDEN denials it is there to measure. */
function answered(workload: Workload, { status, body }: Answer): boolean {
  return status === 200 && body.data != null && (body.errors ?? []).every((error) => workload.deniesFields === true && error.extensions?.code === 'FORBIDDEN');
}

async function send(workload: Workload, i: number): Promise<Answer> {
  return post(workload.url(workload.stack), workload.query, workload.variables(i), await workload.headers(workload.stack, i));
}

/**
 * Start cursors of `pages` register pages of the filter's area that hold no restricted-access person
 * (see the co-ordinator's workloads): the first page's is null.
 */
async function collectCursors(stack: LocalStack, pages: number, headers: Record<string, string>, filter: Record<string, unknown>, restricted: ReadonlySet<string>): Promise<(string | null)[]> {
  const cursors: (string | null)[] = [];
  let after: string | null = null;
  for (;;) {
    const { body } = await post(`${stack.gateway.url}/graphql`, 'query($after: String, $filter: OffenderFilter) { offenders(first: 50, after: $after, filter: $filter) { edges { node { pncId } } pageInfo { endCursor hasNextPage } } }', { after, filter }, headers);
    const { edges, pageInfo } = (body.data as { offenders: { edges: { node: { pncId: string } }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } }).offenders;
    if (!edges.some((edge) => restricted.has(edge.node.pncId))) cursors.push(after);
    if (cursors.length === pages) return cursors;
    if (!pageInfo.hasNextPage) throw new Error(`only ${cursors.length} register pages without restricted-access people; seed more offenders`);
    after = pageInfo.endCursor;
  }
}

async function runRound(workload: Workload, requests: number, concurrency: number, offset: number) {
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
        const answer = await send(workload, offset + i);
        latenciesMs.push(performance.now() - t0);
        if (!answered(workload, answer)) errors += 1;
      }
    }),
  );
  return { latenciesMs, wallMs: performance.now() - started, errors };
}

/** Non-null leaf values in an answer's data: what "more data" counts. */
function valuesIn(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (Array.isArray(value)) return value.reduce((sum: number, item: unknown) => sum + valuesIn(item), 0);
  if (typeof value === 'object') return Object.values(value).reduce((sum: number, item: unknown) => sum + valuesIn(item), 0);
  return 1;
}

/**
 * Sends every distinct request of the first `requests` a comparison will measure to both stacks and
 * checks the answers: identical for the co-ordinator; for a principal denied fields, FORBIDDEN
 * errors only with authorization on and at least as much data off. Throws on anything else, before
 * anything is measured. Returns one line for the report.
 */
async function compareAnswers(comparison: Comparison, requests: number, concurrency: number): Promise<string> {
  const distinct = new Map<string, number>();
  for (let i = 0; i < requests; i += 1) {
    const key = JSON.stringify(comparison.on.variables(i));
    if (!distinct.has(key)) distinct.set(key, i);
  }
  const indices = [...distinct.values()];
  const denied = new Set<string>();
  let valuesOn = 0;
  let valuesOff = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < indices.length) {
        const i = indices[next]!;
        next += 1;
        const [on, off] = await Promise.all([send(comparison.on, i), send(comparison.off, i)]);
        if (!answered(comparison.on, on) || !answered(comparison.off, off)) {
          throw new Error(`${comparison.name}: request ${i} failed (status ${on.status} on, ${off.status} off; codes ${JSON.stringify([on.body.errors?.map((e) => e.extensions?.code), off.body.errors?.map((e) => e.extensions?.code)])})`);
        }
        if (comparison.answers === 'same' && JSON.stringify(on.body) !== JSON.stringify(off.body)) {
          throw new Error(`${comparison.name}: request ${i} answered differently with authorization on and off`);
        }
        for (const error of on.body.errors ?? []) denied.add((error.path ?? []).filter((segment) => typeof segment === 'string').join('.'));
        valuesOn += valuesIn(on.body.data);
        valuesOff += valuesIn(off.body.data);
      }
    }),
  );
  if (comparison.answers === 'same') return `${comparison.name}: ${indices.length} distinct requests, identical answers on both stacks.`;
  if (denied.size === 0 || valuesOff <= valuesOn) throw new Error(`${comparison.name}: expected fields denied with authorization on, and more data with it off`);
  return `${comparison.name}: ${indices.length} distinct requests; with authorization on, FORBIDDEN at ${[...denied].sort().map((path) => `\`${path}\``).join(', ')}; with it off, no errors and ${((valuesOff / valuesOn - 1) * 100).toFixed(0)}% more non-null values (${valuesOff.toLocaleString('en-GB')} against ${valuesOn.toLocaleString('en-GB')}).`;
}

async function countPerOperation(workload: Workload) {
  const subgraphs = Object.values(workload.stack.subgraphs);
  for (const subgraph of subgraphs) {
    subgraph.requests.reset();
    subgraph.statements.reset();
  }
  await send(workload, 1);
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
  comparisons: readonly Comparison[],
  checks: readonly string[],
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
  const names = Object.keys(counts[0] ?? {});
  const table = workloads
    .map((workload, index) => {
      const row = rows[index]!;
      return `| ${workload.name} | ${row.rps.toFixed(0)} | ${(row.rps / baseline.rps).toFixed(2)} | ${row.p50.toFixed(1)} | ${row.p99.toFixed(1)} | ${row.n} | ${row.errors} |`;
    })
    .join('\n');
  const countTable = workloads
    .map((workload, index) => {
      const count = counts[index]!;
      const cells = names.map((name) => `${count[name]?.requests ?? 0} / ${count[name]?.statements ?? 0}`);
      const totalRequests = names.reduce((sum, name) => sum + (count[name]?.requests ?? 0), 0);
      const totalStatements = names.reduce((sum, name) => sum + (count[name]?.statements ?? 0), 0);
      return `| ${workload.name} | ${cells.join(' | ')} | ${totalRequests} / ${totalStatements} |`;
    })
    .join('\n');
  const totals = (index: number) => {
    const count = counts[index]!;
    return `${names.reduce((sum, name) => sum + (count[name]?.requests ?? 0), 0)} / ${names.reduce((sum, name) => sum + (count[name]?.statements ?? 0), 0)}`;
  };
  const comparisonTable = comparisons
    .map((comparison) => {
      const on = workloads.indexOf(comparison.on);
      const off = workloads.indexOf(comparison.off);
      const rowOn = rows[on]!;
      const rowOff = rows[off]!;
      // Overhead: how much longer the same work takes with authorization on (throughput off / on − 1).
      const overhead = (rowOff.rps / rowOn.rps - 1) * 100;
      // The ratio round by round: how far machine noise moves it.
      const perRound = measurements[on]!.rounds
        .map((round, r) => {
          const other = measurements[off]!.rounds[r]!;
          return round.requests / round.busyMs / (other.requests / other.busyMs);
        })
        .sort((a, b) => a - b);
      const spread = `${percentile(perRound, 50).toFixed(2)} (${perRound[0]?.toFixed(2) ?? '–'}–${perRound.at(-1)?.toFixed(2) ?? '–'})`;
      return `| ${comparison.name} | ${rowOn.rps.toFixed(0)} | ${rowOff.rps.toFixed(0)} | ${(rowOn.rps / rowOff.rps).toFixed(2)} | ${spread} | ${overhead.toFixed(1)}% | ${rowOn.p50.toFixed(1)} / ${rowOff.p50.toFixed(1)} | ${totals(on)} | ${totals(off)} | ${comparison.answers} |`;
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

## Authorization on vs off

The same operations on two stacks over the same database, measured in the same rounds: the product as
it runs (authorization enforced), and the same product started with authorization off (benchmark only:
no field-policy checks in the subgraphs, no denied-selection errors, unrestricted row scope, no early
enforcement or case-grant look-up at the gateway). Authentication is on in both: every request's bearer
token is verified at the gateway and every subgraph call carries a signed assertion that the subgraph
verifies, so the ratio isolates authorization. Goal: at most 15% overhead. Overhead is how much longer the
same work takes with authorization on: requests/s off ÷ requests/s on − 1 (negative: on was faster). Within
each round the two sides alternate in chunks of ${CHUNK} requests (on, off, off, on, …).

| operation | requests/s on | requests/s off | ratio on/off | ratio per round: median (min–max) | overhead | p50 ms on / off | subgraph requests / SQL on | off | answers |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---|
${comparisonTable}

Checked before measuring, on every distinct request the measurement sends:

${checks.map((check) => `- ${check}`).join('\n')}

The co-ordinator may read every field these operations ask, so both stacks must answer alike; people
whose probation case is limited to its offender manager (R-4, restricted access) are left out of the
co-ordinator's workloads, because with authorization on the co-ordinator rightly gets less of them. The
PPU officer's view keeps them: with authorization on, the gateway looks up the officer's case grants
(one more request to the MAPPA unit), removes the fields the officer may not read before planning (a
subgraph asked only for such fields is not called at all: see the counts below), and each owner checks
the rest; with it off the officer gets more data. That row measures authorization doing its work, with
less data served, not identical answers.

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
