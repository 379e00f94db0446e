// Issue 13: the statistics workloads, and `--statistics-only`'s report.
import { cpus, loadavg, totalmem } from 'node:os';
import type { Database, MappaArea } from '@mappa/shared';
import type { LocalStack } from '../local-stack';
import { checkAuditCounts, countPerOperation } from './audit-accounting';
import { dataReads, explainStatements, LARGE_TABLE_ROWS, largeSeqScansOf } from './explain-check';
import type { ExplainedStatement } from './explain-check';
import type { RelayedStatement } from './statement-relay';
import type { Answer } from './load';
import { percentile, runRound, send } from './load';
import { STATISTICS_AGGREGATE, STATISTICS_AGGREGATE_MAPPA, STATISTICS_ANNUAL_REPORT, STATISTICS_YEAR } from './documents';
import type { BenchOptions } from './options';
import { cpuSpent, CpuLedger } from './process-cpu';
import type { OperationCounts, Workload } from './workload';

/** Issue 13: the annual report for one area and an ad-hoc aggregate over three dimensions, as an analyst of the area. */
/** `gateway` is where they are sent: the stack's own gateway unless given (the deployed layout's, `statistics-deployed.ts`). */
export function statisticsWorkloads(stack: LocalStack, analystToken: string, area: MappaArea, gateway?: string): Workload[] {
  const headers = async () => ({ authorization: `Bearer ${analystToken}`, 'x-mappa-purpose': 'STATISTICS' });
  const gatewayUrl = (s: LocalStack) => gateway ?? `${s.gateway.url}/graphql`;
  return [
    {
      name: 'annual report tables 1-9, one area, analyst',
      stack,
      url: gatewayUrl,
      headers,
      query: STATISTICS_ANNUAL_REPORT,
      byId: true,
      variables: () => ({ area, year: STATISTICS_YEAR }),
    },
    {
      name: 'ad-hoc aggregate, 3 dimensions (category × gender, supervision filter), analyst',
      stack,
      url: gatewayUrl,
      headers,
      query: STATISTICS_AGGREGATE,
      byId: true,
      variables: () => ({ area, filters: [{ dimension: 'SUPERVISION_TYPE', values: ['CUSTODY', 'LICENCE', 'COMMUNITY_ORDER'] }] }),
    },
    {
      name: "ad-hoc aggregate, the MAPPA unit's own 3 dimensions (category × level, lead agency filter), analyst",
      stack,
      url: gatewayUrl,
      headers,
      query: STATISTICS_AGGREGATE_MAPPA,
      byId: true,
      variables: () => ({ area, filters: [{ dimension: 'LEAD_AGENCY', values: ['POLICE', 'PROBATION'] }] }),
    },
  ];
}

/** The page `--statistics-only` writes its tables into (docs/benchmarks-statistics.md). */
export const STATISTICS_MARKERS = { start: '<!-- bench:statistics:start -->', end: '<!-- bench:statistics:end -->' } as const;

/**
 * The statistics page with `generated` (the bench's tables) between its markers and everything else
 * kept: the page's analysis sections (before/after runs, plans, what is left) are written by hand and
 * must survive a run. A page without the markers (or no page) gets them, with the tables, after its
 * first line (the title).
 */
export function withStatisticsTables(page: string | null, generated: string): string {
  const block = `${STATISTICS_MARKERS.start}\n${generated.trimEnd()}\n${STATISTICS_MARKERS.end}`;
  if (page === null) return `# Benchmarks: statistics (issue 13)\n\n${block}\n`;
  const start = page.indexOf(STATISTICS_MARKERS.start);
  const end = page.indexOf(STATISTICS_MARKERS.end);
  if (start >= 0 && end > start) return page.slice(0, start) + block + page.slice(end + STATISTICS_MARKERS.end.length);
  const titleEnd = page.indexOf('\n');
  return titleEnd < 0 ? `${page}\n\n${block}\n` : `${page.slice(0, titleEnd + 1)}\n${block}\n${page.slice(titleEnd + 1)}`;
}

/**
 * One layout of the product the statistics workloads are measured on: the same workloads (by index)
 * sent to its gateway, and the CPU its processes have used so far, by process.
 */
export interface StatisticsLayout {
  readonly name: string;
  readonly workloads: readonly Workload[];
  cpuMs(): Promise<Record<string, number>>;
  /** Runs `run` and returns the SQL statements the layout's services sent meanwhile, each with its service (statement-relay.ts). */
  recordStatements(run: () => Promise<void>): Promise<RelayedStatement[]>;
}

/**
 * `--statistics-only`: the statistics workloads alone on the product, one after the other (no
 * comparison stacks): per workload, what one request costs with nothing else running (subgraph requests
 * and data SQL statements per owner: one grouped statement per table, never one per person, counted
 * and EXPLAINed on the first layout, whose services run in this process) and its latency and CPU per
 * request on every layout over `rounds` × `requests-per-round` requests at the configured concurrency.
 * The layouts take turns within each round (in order, then reversed the next round), so load on the
 * shared machine falls on them alike; their answers are checked equal first.
 */
export async function statisticsOnlyReport(
  layouts: readonly StatisticsLayout[],
  db: Database,
  options: BenchOptions,
  offenders: number,
  url: string,
): Promise<{ readonly report: string; readonly largeSeqScans: readonly string[] }> {
  const loadAtStart = loadavg();
  const workloads = layouts[0]!.workloads;
  const counts: OperationCounts[] = [];
  /** Per layout, per workload: each data read of one request, EXPLAINed. */
  const plans: ExplainedStatement[][][] = layouts.map(() => []);
  // Plans that read a whole large table fail the run (issue 15), once it has measured and written its
  // report: a run at 1,000,000 takes long, and its figures are worth keeping beside the failure.
  const largeSeqScans: string[] = [];
  /** Per layout, per workload: the data reads of one request by service (when the layout can tell). */
  const readsByService: Record<string, number>[][] = layouts.map(() => []);
  for (const [w, workload] of workloads.entries()) {
    // The first request to each layout, its answer unread: it reads the owners' tables cold, which on a
    // loaded machine outlasted the 10 s deadline and failed the run before it measured. Its statements
    // are recorded (in this process by patching pg, in the deployed layout by the services' relay) and
    // every data read among them EXPLAIN (ANALYZE, BUFFERS)ed after it (the time each takes in the
    // database). A plan reading a whole large table fails the run, in every layout (issue 15).
    for (const [l, layout] of layouts.entries()) {
      const reads = dataReads(
        await layout.recordStatements(async () => {
          await send(layout.workloads[w]!, 0);
        }),
      );
      const explained = await explainStatements(url, reads, true);
      const offending = largeSeqScansOf(`${workload.name} (${layout.name})`, explained);
      if (offending !== null) largeSeqScans.push(offending);
      plans[l]!.push(explained);
      const byService: Record<string, number> = {};
      for (const read of reads) byService[read.service] = (byService[read.service] ?? 0) + 1;
      readsByService[l]!.push(byService);
    }
    const data = dataOf(workload, await send(workload, 0));
    for (const layout of layouts.slice(1))
      if (dataOf(workload, await send(layout.workloads[w]!, 0)) !== data)
        throw new Error(`${workload.name}: ${layout.name} answered differently from ${layouts[0]!.name}`);
    counts.push(checkAuditCounts(workload, 'recorded', await countPerOperation(workload, db)));
  }
  const measured = layouts.map(() => workloads.map(() => ({ latenciesMs: [] as number[], wallMs: 0, errors: 0, cpu: new CpuLedger() })));
  for (const layout of layouts)
    for (const workload of layout.workloads) await runRound(workload, Math.min(5, options['requests-per-round']), options.concurrency, 0);
  for (let round = 0; round < options.rounds; round += 1) {
    for (const w of workloads.keys()) {
      for (const layout of round % 2 === 0 ? layouts : [...layouts].reverse()) {
        const l = layouts.indexOf(layout);
        const before = await layout.cpuMs();
        const result = await runRound(
          layout.workloads[w]!,
          options['requests-per-round'],
          options.concurrency,
          round * options['requests-per-round'],
        );
        const after = await layout.cpuMs();
        const m = measured[l]![w]!;
        m.latenciesMs.push(...result.latenciesMs);
        m.wallMs += result.wallMs;
        m.errors += result.errors;
        m.cpu.add(cpuSpent(before, after), result.latenciesMs.length);
      }
    }
    process.stderr.write(`round ${round + 1}/${options.rounds} done\n`);
  }
  const loadAtEnd = loadavg();
  const owners = Object.keys(counts[0]?.subgraphs ?? {}).filter((owner) =>
    counts.some((count) => (count.subgraphs[owner]?.requests ?? 0) > 0),
  );
  const latencyRows = layouts
    .flatMap((layout, l) =>
      workloads.map((workload, w) => {
        const m = measured[l]![w]!;
        const sorted = [...m.latenciesMs].sort((a, b) => a - b);
        const rps = (sorted.length / m.wallMs) * 1000;
        return `| ${workload.name} | ${layout.name} | ${percentile(sorted, 50).toFixed(0)} | ${percentile(sorted, 95).toFixed(0)} | ${percentile(sorted, 99).toFixed(0)} | ${rps.toFixed(1)} | ${sorted.length} | ${m.errors} | ${m.cpu.perRequestOf(m.cpu.labels).toFixed(0)} |`;
      }),
    )
    .join('\n');
  const cpuRows = layouts
    .flatMap((layout, l) =>
      workloads.map((workload, w) => {
        const { cpu } = measured[l]![w]!;
        return `| ${workload.name} | ${layout.name} | ${cpu.labels.map((label) => `${label} ${cpu.perRequest(label).toFixed(0)}`).join(', ')} |`;
      }),
    )
    .join('\n');
  const countRows = workloads
    .map(
      (workload, index) =>
        `| ${workload.name} | ${owners.map((owner) => `${counts[index]!.subgraphs[owner]?.requests ?? 0} / ${counts[index]!.subgraphs[owner]?.statements ?? 0}`).join(' | ')} |`,
    )
    .join('\n');
  const load = (values: readonly number[]) => values.map((value) => value.toFixed(1)).join(' / ');
  const report = `\`npm run bench -- --statistics-only --offenders ${offenders} --rounds ${options.rounds} --requests-per-round ${options['requests-per-round']} --concurrency ${options.concurrency}\`
on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, against the PostgreSQL server, production gateway
(trusted documents, audit on), ${offenders.toLocaleString('en-GB')} offenders; the analyst's area (London) holds about 15% of them (areas are as large as their populations).
Load average (1 / 5 / 15 min) at the start ${load(loadAtStart)}, at the end ${load(loadAtEnd)}: the machine is shared, so latencies move with
other work on it; CPU per request hardly does. Two layouts of the product over the same database, taking turns in each round, checked to answer alike:
\`one process\` is this bench's own (the gateway, every subgraph and the load generator on one thread; the audit's counts below are of it),
\`deployed\` one process per service as \`npm start\` runs them with DATABASE_URL (CPU per process: /proc/<pid>/stat). Both reach the
database through the bench's statement relay (stack/src/bench/statement-relay.ts), which records each layout's statements of one request.

## Latency (ms) and CPU per request, one request at a time per client, concurrency ${options.concurrency}

| workload | layout | p50 | p95 | p99 | requests/s | n | errors | CPU ms/request |
|---|---|---:|---:|---:|---:|---:|---:|---:|
${latencyRows}

CPU ms per request by process (user + system; the PostgreSQL server's is in none of them):

| workload | layout | CPU ms/request |
|---|---|---|
${cpuRows}

## What one report costs: subgraph requests / data SQL statements, per owner

A statement here is every one the owner sends on its data connection (counted by the service: \`RunningSubgraph.statements\`), transaction control and settings included (the MAPPA unit reads its report in transactions with JIT off: \`begin\`, \`set local jit = off\`, its two reads, \`commit\`); a data read, in the lists below, is a select on the owner's tables alone (recorded by the statement relay: transaction control, settings and the audit trail's statements left out).

| workload | ${owners.join(' | ')} |
|---|${owners.map(() => '---:').join('|')}|
${countRows}

${layouts
  .map((layout, l) =>
    readsByService[l]!.some((byService) => Object.keys(byService).length > 0)
      ? `Data reads per service process in the ${layout.name} layout (selects on the owners' tables, recorded by its statement relay; one request):\n\n${workloads
          .map(
            (workload, w) =>
              `- ${workload.name}: ${
                Object.entries(readsByService[l]![w]!)
                  .sort(([a], [b]) => a.localeCompare(b))
                  .map(([service, reads]) => `${service} ${reads}`)
                  .join(', ') || 'none'
              }`,
          )
          .join('\n')}\n`
      : '',
  )
  .join('\n')}
## Each read statement in the database: EXPLAIN (ANALYZE, BUFFERS) execution ms (shared buffers)

${
  largeSeqScans.length === 0
    ? `No plan reads a table of ${LARGE_TABLE_ROWS.toLocaleString('en-GB')} rows or more whole (the run fails otherwise), in either layout.`
    : `**Plans reading a whole table of ${LARGE_TABLE_ROWS.toLocaleString('en-GB')}+ rows (the run fails):** ${largeSeqScans.join('; ')}.`
}

${layouts
  .flatMap((layout, l) =>
    workloads.map(
      (workload, w) =>
        `- ${workload.name}, ${layout.name}: ${plans[l]![w]!.map((plan) => `${plan.label} ${plan.executionMs?.toFixed(0)} ms (${plan.buffers} buffers)`).join('; ') || 'no data read recorded'}`,
    ),
  )
  .join('\n')}
`;
  return { report, largeSeqScans };
}

/** An answer's data as JSON, for comparing layouts; throws on an answer without data or with errors. */
function dataOf(workload: Workload, { body }: Answer): string {
  if (body.data == null || (body.errors ?? []).length > 0)
    throw new Error(`${workload.name}: no answer (${JSON.stringify(body.errors ?? [])})`);
  return JSON.stringify(body.data);
}
