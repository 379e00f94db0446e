// BENCHMARK ONLY (issue 15 "Scale"): the register at scale. `npm run bench -- --register-only
// --offenders N` measures the co-ordinator's register pages with totalCount, filtered by the caller's
// area and by category, level and lead agency, and the 50-row five-agency page, one workload after
// another on the product alone; before measuring, every SQL statement one request of each sends is
// EXPLAINed (and EXPLAIN ANALYZEd for its time in the database), and the run fails when a plan reads a
// whole large table.
import { createHash } from 'node:crypto';
import { cpus } from 'node:os';
import { REGISTER_PAGE } from '@mappa/shared';
import type { MappaArea } from '@mappa/shared';
import { dataReads, expectNoLargeSeqScan, explainStatements } from './explain-check';
import type { ExplainedStatement, RecordedStatement } from './explain-check';

/** A register page of 50 with its total, as a list screen filtered by one criterion asks for it. */
export const REGISTER_COUNT_PAGE = `query RegisterCountPage($filter: OffenderFilter, $after: String) {
  offenders(first: 50, after: $after, filter: $filter) { totalCount edges { node { pncId mappaCase { category level leadAgency } } } pageInfo { endCursor hasNextPage } }
}`;

/** One register workload: an operation and the variables of its i-th request. */
interface RegisterWorkload {
  readonly name: string;
  readonly query: string;
  readonly variables: (i: number) => Record<string, unknown>;
}

interface GraphQLAnswer {
  readonly data?: { offenders?: { totalCount?: number; pageInfo?: { endCursor: string | null; hasNextPage: boolean } } | null } | null;
  readonly errors?: readonly unknown[];
}

/** Where and as whom the register is asked. */
export interface RegisterBenchTarget {
  readonly gatewayUrl: string;
  readonly headers: Record<string, string>;
  readonly area: MappaArea;
  readonly databaseUrl: string;
  readonly offenders: number;
  readonly rounds: number;
  readonly requestsPerRound: number;
  readonly concurrency: number;
  /** Runs `run` and returns the statements the product sent meanwhile (its statement relay's, statement-relay.ts). */
  readonly record: (run: () => Promise<void>) => Promise<RecordedStatement[]>;
}

/** Sends one operation by its registered id (the product requires trusted documents). */
async function ask(target: RegisterBenchTarget, query: string, variables: Record<string, unknown>): Promise<GraphQLAnswer> {
  const documentId = `sha256:${createHash('sha256').update(query).digest('hex')}`;
  const response = await fetch(target.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...target.headers },
    body: JSON.stringify({ documentId, variables }),
  });
  return (await response.json()) as GraphQLAnswer;
}

/** The cursors of the first `pages` pages of the area's register, for the paged workload. */
async function cursorsOf(target: RegisterBenchTarget, pages: number): Promise<(string | null)[]> {
  const cursors: (string | null)[] = [null];
  while (cursors.length < pages) {
    const answer = await ask(target, REGISTER_COUNT_PAGE, { filter: { area: target.area }, after: cursors[cursors.length - 1] });
    const info = answer.data?.offenders?.pageInfo;
    if (!info?.hasNextPage || info.endCursor === null) break;
    cursors.push(info.endCursor);
  }
  return cursors;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Runs `requests` requests of the workload, `concurrency` at a time: latencies, errors, wall and CPU time. */
async function measure(target: RegisterBenchTarget, workload: RegisterWorkload, requests: number, offset: number) {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: target.concurrency }, async () => {
      while (next < requests) {
        const i = offset + next++;
        const t0 = performance.now();
        const answer = await ask(target, workload.query, workload.variables(i));
        latencies.push(performance.now() - t0);
        if (answer.data?.offenders == null) errors += 1;
      }
    }),
  );
  const cpu = process.cpuUsage(cpuBefore);
  return { latencies, errors, wallMs: performance.now() - started, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/**
 * The register report: per workload, the plan check (no sequential scan of a large table, else it
 * throws before measuring), SQL statements per request and their EXPLAIN ANALYZE time, and latency
 * and CPU over `rounds` × `requestsPerRound` requests, rounds interleaved across the workloads.
 */
export async function registerReport(target: RegisterBenchTarget): Promise<string> {
  const cursors = await cursorsOf(target, 20);
  const area = { area: target.area };
  const workloads: RegisterWorkload[] = [
    { name: 'page + totalCount, area', query: REGISTER_COUNT_PAGE, variables: () => ({ filter: area }) },
    { name: 'page + totalCount, area + level 2', query: REGISTER_COUNT_PAGE, variables: () => ({ filter: { ...area, level: 2 } }) },
    { name: 'page + totalCount, area + category 1', query: REGISTER_COUNT_PAGE, variables: () => ({ filter: { ...area, category: 1 } }) },
    {
      name: 'page + totalCount, area + lead agency POLICE',
      query: REGISTER_COUNT_PAGE,
      variables: () => ({ filter: { ...area, leadAgency: 'POLICE' } }),
    },
    {
      name: '50-offender page (5 agencies)',
      query: REGISTER_PAGE,
      variables: (i) => ({ filter: area, after: cursors[i % cursors.length] }),
    },
  ];
  const plans: ExplainedStatement[][] = [];
  for (const workload of workloads) {
    const statements = dataReads(
      await target.record(async () => {
        const answer = await ask(target, workload.query, workload.variables(1));
        if (answer.data?.offenders == null) throw new Error(`${workload.name}: no answer`);
      }),
    );
    const explained = await explainStatements(target.databaseUrl, statements, true);
    expectNoLargeSeqScan(workload.name, explained);
    plans.push(explained);
  }
  const results = workloads.map(() => ({ latencies: [] as number[], errors: 0, wallMs: 0, cpuMs: 0 }));
  for (const workload of workloads) await measure(target, workload, Math.min(20, target.requestsPerRound), 0);
  for (let round = 0; round < target.rounds; round += 1) {
    const order = round % 2 === 0 ? workloads : [...workloads].reverse();
    for (const workload of order) {
      const result = await measure(target, workload, target.requestsPerRound, round * target.requestsPerRound);
      const into = results[workloads.indexOf(workload)]!;
      into.latencies.push(...result.latencies);
      into.errors += result.errors;
      into.wallMs += result.wallMs;
      into.cpuMs += result.cpuMs;
    }
  }
  const rows = workloads.map((workload, index) => {
    const { latencies, errors, wallMs, cpuMs } = results[index]!;
    const sorted = [...latencies].sort((a, b) => a - b);
    const sqlMs = plans[index]!.reduce((sum, statement) => sum + (statement.executionMs ?? 0), 0);
    const slowest = [...plans[index]!].sort((a, b) => (b.executionMs ?? 0) - (a.executionMs ?? 0))[0];
    return `| ${workload.name} | ${percentile(sorted, 50).toFixed(1)} | ${percentile(sorted, 95).toFixed(1)} | ${((sorted.length / wallMs) * 1000).toFixed(1)} | ${(cpuMs / Math.max(1, sorted.length)).toFixed(1)} | ${plans[index]!.length} | ${sqlMs.toFixed(1)} (${slowest?.label ?? '-'} ${(slowest?.executionMs ?? 0).toFixed(1)}) | none | ${errors} |`;
  });
  return `## Register at ${target.offenders.toLocaleString('en-GB')} offenders (issue 15 "Scale")

\`npm run bench -- --register-only --offenders ${target.offenders} --rounds ${target.rounds} --requests-per-round ${target.requestsPerRound} --concurrency ${target.concurrency}\`
on ${cpus().length} cores, the co-ordinator of ${target.area}, production gateway (trusted documents, audit on). CPU ms per request
is this process's (the gateway, every subgraph and the load generator run in it); SQL ms is EXPLAIN ANALYZE's
execution time of the statements one request sends (read statements, audit apart), the slowest named.
Before measuring, every one of those statements' plans was checked: none reads a whole table of 10,000+ rows.

| workload | p50 ms | p95 ms | requests/s | CPU ms / request | read statements | SQL ms (slowest) | large seq scans | errors |
|---|---:|---:|---:|---:|---:|---|---|---:|
${rows.join('\n')}
`;
}
