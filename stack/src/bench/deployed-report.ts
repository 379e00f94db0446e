// `--only deployed`'s report (issue 15): for each concurrency level its tables (each side's
// requests/s, latency, CPU per process and failures by code; the product against each peer;
// everything on vs off), and first a summary of issue 15's goal ratios at every level.
import { cpus, totalmem } from 'node:os';
import { AGENCY_REGISTRY, todayOf } from '@mappa/shared';
import { FailureTally } from './failures';
import { percentile } from './load';
import type { BenchOptions } from './options';
import { nodeFlagsArgument } from './options';
import { CpuLedger, formatRatio } from './process-cpu';
import { DEPLOYED_HEADING } from './trace-section';
import { CHUNK, WARM_UP_REQUESTS } from './workload';

/** The label of this process's CPU: the load generator. */
export const LOAD_GENERATOR = 'load generator';
/** The label of the PostgreSQL server's CPU (all its processes), when it runs on this machine. */
export const DATABASE_SERVER = 'database server';

export type SideName = 'product' | 'bare @apollo/gateway' | 'Hive Gateway' | 'everything off';
const PEERS: readonly SideName[] = ['bare @apollo/gateway', 'Hive Gateway'];
const BARE: SideName = 'bare @apollo/gateway';
const OFF: SideName = 'everything off';

/** Issue 15's goals, as the summary states them. */
const GOAL = {
  /** The product's gateway CPU per request against the bare @apollo/gateway's, at most. */
  gatewayCpuOfBare: 1.0,
  /** Everything on against everything off: at most 15% less throughput and 15% more CPU across all processes. */
  overhead: 0.15,
  /** CPU ms per request in each subgraph's process, at most. */
  subgraphCpuMs: 1.5,
} as const;

/** What was measured of one operation on one side at one level. */
export interface SideMeasurement {
  readonly latenciesMs: number[];
  busyMs: number;
  /** Failed requests by status and codes (`failureOf`). */
  readonly failures: FailureTally;
  readonly cpu: CpuLedger;
  /** Requests and busy time per round: the spread of a ratio across rounds. */
  readonly rounds: { requests: number; busyMs: number }[];
}

/** Nothing measured yet. */
export function newSideMeasurement(): SideMeasurement {
  return { latenciesMs: [], busyMs: 0, failures: new FailureTally(), cpu: new CpuLedger(), rounds: [] };
}

/** One concurrency level: what was measured of each operation (outer) on each side (inner). */
export interface LevelMeasurement {
  readonly concurrency: number;
  readonly measurements: readonly (readonly SideMeasurement[])[];
}

/** Everything a deployed run's section is written from. */
export interface DeployedRun {
  readonly options: BenchOptions;
  readonly operations: readonly { readonly name: string }[];
  readonly sides: readonly { readonly name: SideName }[];
  readonly levels: readonly LevelMeasurement[];
  /** One line per operation: what was checked before measuring. */
  readonly checks: readonly string[];
  /** The requests sent to everything off's own peers during the measured rounds (not measured), and those that failed. */
  readonly offPeersSent: { readonly requests: number; readonly failures: FailureTally };
  readonly loadAtStart: readonly number[];
  readonly loadAtEnd: readonly number[];
  /** Each service's database pool (DATABASE_POOL_SIZE). */
  readonly poolSize: number;
  /** Whether the database server's CPU was read (it runs on this machine, readable by this user). */
  readonly serverMeasured: boolean;
}

const SUBGRAPHS = AGENCY_REGISTRY.map(({ name }) => name);

/** One side's figures for one operation at one level. */
function rowOf(name: SideName, m: SideMeasurement) {
  const sorted = [...m.latenciesMs].sort((a, b) => a - b);
  return {
    name,
    m,
    rps: m.busyMs === 0 ? 0 : (sorted.length / m.busyMs) * 1000,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    gateway: m.cpu.perRequest('gateway'),
    subgraphs: m.cpu.perRequestOf(SUBGRAPHS),
    services: m.cpu.perRequestOf(['gateway', ...SUBGRAPHS]),
    loadGenerator: m.cpu.perRequest(LOAD_GENERATOR),
    server: m.cpu.perRequest(DATABASE_SERVER),
  };
}
type Row = ReturnType<typeof rowOf>;

function rowsOf(run: DeployedRun, level: LevelMeasurement, o: number): Row[] {
  return run.sides.map((side, s) => rowOf(side.name, level.measurements[o]![s]!));
}

function rowNamed(rows: readonly Row[], name: SideName): Row {
  const row = rows.find((candidate) => candidate.name === name);
  if (!row) throw new Error(`no side called ${name}`);
  return row;
}

/** The ratio a/b of requests/s in each round: median (min–max). */
function spread(a: SideMeasurement, b: SideMeasurement): string {
  const perRound = a.rounds
    .map((round, r) => round.requests / round.busyMs / (b.rounds[r]!.requests / b.rounds[r]!.busyMs))
    .sort((x, y) => x - y);
  return `${percentile(perRound, 50).toFixed(2)} (${perRound[0]?.toFixed(2) ?? '–'}–${perRound.at(-1)?.toFixed(2) ?? '–'})`;
}

/** The subgraph that spent the most CPU per request, of those the operation asks (`2.40 (police)`). */
function busiestSubgraph(row: Row): string {
  const [name, ms] = SUBGRAPHS.map((subgraph) => [subgraph, row.m.cpu.perRequest(subgraph)] as const).reduce((a, b) =>
    b[1] > a[1] ? b : a,
  );
  return `${ms.toFixed(2)} (${name})`;
}

/** The first words of an operation's name, for the summary (`single offender view`). */
function shortName(name: string): string {
  return name.replace(/ \(.*$/, '');
}

/** Issue 15's goal ratios at every level, one row per level and operation. */
function summaryTable(run: DeployedRun): string {
  const lines = run.levels.flatMap((level) =>
    run.operations.map((operation, o) => {
      const rows = rowsOf(run, level, o);
      const product = rowNamed(rows, 'product');
      const bare = rowNamed(rows, BARE);
      const off = rowNamed(rows, OFF);
      const failures = rows.map((row) => row.m.failures.total).join(' / ');
      const server = run.serverMeasured ? formatRatio(product.server, off.server) : 'not measured';
      return `| ${level.concurrency} | ${shortName(operation.name)} | ${formatRatio(product.rps, bare.rps)} | ${formatRatio(product.gateway, bare.gateway)} | ${formatRatio(product.rps, off.rps)} | ${formatRatio(product.services, off.services)} | ${server} | ${busiestSubgraph(product)} | ${product.services.toFixed(2)} | ${failures} |`;
    }),
  );
  return `| concurrency | operation | requests/s product/bare | gateway CPU product/bare (goal ≤ ${GOAL.gatewayCpuOfBare.toFixed(2)}) | requests/s on/off (goal ≥ ${(1 - GOAL.overhead).toFixed(2)}) | all services' CPU on/off (goal ≤ ${(1 + GOAL.overhead).toFixed(2)}) | database server's CPU on/off | busiest subgraph's CPU ms/request, product (goal ≤ ${GOAL.subgraphCpuMs}) | all services' CPU ms/request, product | failed requests (${run.sides.map((side) => side.name).join(' / ')}) |
|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|
${lines.join('\n')}`;
}

/** One operation's tables at one level. */
function operationTables(run: DeployedRun, level: LevelMeasurement, o: number): string {
  const rows = rowsOf(run, level, o);
  const product = rowNamed(rows, 'product');
  const off = rowNamed(rows, OFF);
  const serverCell = (row: Row) => (run.serverMeasured ? row.server.toFixed(2) : '–');
  const main = rows
    .map(
      (row) =>
        `| ${row.name} | ${row.rps.toFixed(0)} | ${row.p50.toFixed(1)} | ${row.p99.toFixed(1)} | ${row.m.latenciesMs.length} | ${row.m.failures.total} | ${row.gateway.toFixed(2)} | ${row.subgraphs.toFixed(2)} | ${row.services.toFixed(2)} | ${row.loadGenerator.toFixed(2)} | ${serverCell(row)} |`,
    )
    .join('\n');
  const perSubgraph = rows
    .map((row) => `| ${row.name} | ${SUBGRAPHS.map((name) => row.m.cpu.perRequest(name).toFixed(2)).join(' | ')} |`)
    .join('\n');
  const peers = rows
    .filter((row) => PEERS.includes(row.name))
    .map(
      (row) =>
        `| ${row.name} | ${formatRatio(product.rps, row.rps)} | ${spread(product.m, row.m)} | ${formatRatio(product.gateway, row.gateway)} | ${formatRatio(product.services, row.services)} |`,
    )
    .join('\n');
  const failed = rows.filter((row) => row.m.failures.total > 0);
  const failures =
    failed.length === 0
      ? 'Failed requests: none on any side.'
      : `Failed requests by HTTP status and GraphQL error codes (\`extensions.code\`; "no answer" is a request that got no HTTP answer, by its socket error):

| side | failed | by status and codes |
|---|---:|---|
${failed.map((row) => `| ${row.name} | ${row.m.failures.total} of ${row.m.latenciesMs.length} | ${row.m.failures.summary()} |`).join('\n')}`;
  const overhead = (off.rps / product.rps - 1) * 100;
  const withServer = run.serverMeasured
    ? ` The database server's CPU ms per request ${product.server.toFixed(2)} on, ${off.server.toFixed(2)} off (${formatRatio(product.server, off.server)}×); all services and the server together ${(product.services + product.server).toFixed(2)} on, ${(off.services + off.server).toFixed(2)} off (${formatRatio(product.services + product.server, off.services + off.server)}×).`
    : '';
  return `#### ${run.operations[o]!.name}, concurrency ${level.concurrency}

| side | requests/s | p50 ms | p99 ms | requests | failed | CPU ms/request: gateway | subgraphs (sum) | all services | load generator | database server |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
${main}

${failures}

CPU ms per request in each subgraph's process:

| side | ${SUBGRAPHS.join(' | ')} |
|---|${SUBGRAPHS.map(() => '---:').join('|')}|
${perSubgraph}

The product against each peer (above 1 for throughput: the product is faster; above 1 for CPU: the product costs more):

| peer | requests/s product/peer | per round: median (min–max) | gateway CPU ms/request product/peer | all services' CPU product/peer |
|---|---:|---:|---:|---:|
${peers}

Everything on vs everything off: requests/s on/off ${formatRatio(product.rps, off.rps)} (per round ${spread(product.m, off.m)}), overhead ${overhead.toFixed(1)}% (off ÷ on − 1; goal at most ${GOAL.overhead * 100}%); all services' CPU ms per request ${product.services.toFixed(2)} on, ${off.services.toFixed(2)} off (${formatRatio(product.services, off.services)}×); the gateway's ${formatRatio(product.gateway, off.gateway)}×, the subgraphs' ${formatRatio(product.subgraphs, off.subgraphs)}×.${withServer}
`;
}

/** docs/benchmarks.md's deployed section for `run`. */
export function deployedSection(run: DeployedRun): string {
  const { options } = run;
  const cpu = cpus();
  const load = (values: readonly number[]) => values.map((value) => value.toFixed(1)).join(' / ');
  const levels = run.levels.map((level) => level.concurrency).join(',');
  const perLevel = run.levels.map(
    (level) => `### Concurrency ${level.concurrency}

${run.operations.map((_, o) => operationTables(run, level, o)).join('\n')}`,
  );
  const control = options.control
    ? `
**A control run** (\`--control\`): the side called "everything off" below was started with authorization and the
audit trail on, so it runs the same build as the product and every on/off ratio should be 1.00 but for noise;
how far they are from it is the comparison's own bias and noise, not a cost of the product.
`
    : '';
  const flags = options.nodeFlags.join(' ');
  const nodeFlags =
    options.nodeFlags.length > 0
      ? `
**Every service process of every side started with \`${flags}\`** (\`--node-flags\`), which the product does not
start with: what the flags change, not the product as it runs.
`
      : '';
  return `${DEPLOYED_HEADING}
${control}${nodeFlags}
Written by \`npm run bench -- --only deployed --offenders ${options.offenders} --rounds ${options.rounds} --requests-per-round ${options['requests-per-round']} --concurrency ${levels}${options.control ? ' --control' : ''}${nodeFlagsArgument(options.nodeFlags)}\` on ${todayOf()}
(${options.offenders.toLocaleString('en-GB')} offenders; ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}).
Load average (1 / 5 / 15 min) at the start ${load(run.loadAtStart)}, at the end ${load(run.loadAtEnd)}: the machine is shared, so requests/s and
latencies move with other work on it; CPU ms per request hardly does, and is the figure to trust.

One process per service, as deployed: the product's six subgraphs and its gateway (each one's own
entry point, as \`npm start\` runs them with DATABASE_URL; production mode, trusted documents
required, authorization and the audit trail on); in front of the same subgraph processes, a bare
\`@apollo/gateway\` under Apollo Server and Hive Gateway (\`@graphql-hive/gateway-runtime\`), each in a
process of its own on the same static supergraph, adding only the signed gateway assertion the
subgraphs require (one fixed caller: no token, no authorization or audit at the gateway; the subgraphs
still verify the assertion, enforce their policies and write their audit entries); and "everything
off": another gateway and six subgraphs started with authorization and the audit trail off, with a bare
\`@apollo/gateway\` and a Hive Gateway of their own, sent the same requests as the peers in the same turn and not
measured: each set of subgraphs serves its own gateway and two peers, since serving the peers' traffic too was found
to make a subgraph process cheaper per request ("The control run's bias" below). Every
service has a database pool of ${run.poolSize} (DATABASE_POOL_SIZE; fourteen services share the server). This
process is the load generator, apart from all of them. Every side gets the same requests, in the same
rounds, at each concurrency level (${levels}): within a round the levels take turns (in order, then reversed,
so that the machine's drifting load falls on every level alike), and at each level the sides alternate in
chunks of ${CHUNK}. Before measuring, every side serves ${WARM_UP_REQUESTS.toLocaleString('en-GB')} requests of each operation (in chunks taking turns
likewise, discarded), so that every process is measured with its code compiled and optimised: without that
the same build cost about 1.4x per request on the side that had served fewer requests ("Warming up the
deployed run" below). CPU ms per request is each process's user + system time (\`/proc/<pid>/stat\`, 10 ms ticks,
read around every chunk) over the requests of the chunks it served. ${
    run.serverMeasured
      ? `"database server" is the PostgreSQL server's, all its
processes (backends, WAL writer, checkpointer, autovacuum, and backends that exited, through its postmaster), read
the same way: every side shares the one server and only one side runs at a time, so what it spent while a side's
chunk ran is put to that side (anything else the server did meanwhile, for any database, is in it too). It is not in
"all services", the figure issue 15's goals are set on; on two cores it competes with them for the same CPU.`
      : `The PostgreSQL server's is not in it (it is not a process on this machine that this user can read).`
  }

How to run it: \`npm run bench -- --only deployed --offenders 10000\` (add \`--rounds\`, \`--requests-per-round\`,
\`--concurrency\` with one level or several, \`1,10,20\` unless told; its database is seeded once per size, and
eighteen processes start, a few minutes on a loaded machine). What each figure is: requests/s is requests over
the time a side's chunks took (wall time, noisy on a shared machine; a chunk's last requests run with fewer in
flight, more so at high levels); p50/p99 the latency the load generator saw; "CPU ms/request" a process's CPU
over the requests of the chunks it served: "gateway" the side's gateway process, "subgraphs (sum)" its six
subgraph processes together, "all services" both, "load generator" this process (kept apart, never in "all
services"). A ratio product/peer above 1 is the product faster (requests/s) or costlier (CPU); "per round" gives
the ratio in each round (median and range), which shows how far noise moves it. Everything on vs off: overhead
is requests/s off ÷ on − 1, as in the in-process comparisons above. A failed request is one without data or
with any error (every side serves the co-ordinator every field asked), counted by its HTTP status and its
errors' codes.

Checked before measuring:

${run.checks.map((line) => `- ${line}`).join('\n')}

### Issue 15's goals at each level

${summaryTable(run)}

Everything off's own peers (sent the product's peers' requests, not measured) were sent ${run.offPeersSent.requests.toLocaleString('en-GB')} requests in the
measured rounds; failed: ${run.offPeersSent.failures.summary()}.

${perLevel.join('\n')}`;
}
