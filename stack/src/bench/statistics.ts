// Issue 13: the statistics workloads, and `--statistics-only`'s report.
import { cpus, totalmem } from 'node:os';
import type { Database, MappaArea } from '@mappa/shared';
import type { LocalStack } from '../local-stack';
import { checkAuditCounts, countPerOperation } from './audit-accounting';
import { explainStatements, recordStatements } from './explain-check';
import type { ExplainedStatement } from './explain-check';
import type { Answer } from './load';
import { percentile, runRound, send } from './load';
import { STATISTICS_AGGREGATE, STATISTICS_ANNUAL_REPORT, STATISTICS_YEAR } from './documents';
import type { BenchOptions } from './options';
import type { OperationCounts, Workload } from './workload';

/** Issue 13: the annual report for one area and an ad-hoc aggregate over three dimensions, as an analyst of the area. */
export function statisticsWorkloads(stack: LocalStack, analystToken: string, area: MappaArea): Workload[] {
  const headers = async () => ({ authorization: `Bearer ${analystToken}`, 'x-mappa-purpose': 'STATISTICS' });
  const gatewayUrl = (s: LocalStack) => `${s.gateway.url}/graphql`;
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
 * `--statistics-only`: the statistics workloads alone on the product, one after the other (no
 * comparison stacks): per workload, what one request costs with nothing else running (subgraph requests
 * and data SQL statements per owner: one grouped statement per table, never one per person) and its
 * latency over `rounds` × `requests-per-round` requests at the configured concurrency.
 */
export async function statisticsOnlyReport(
  workloads: readonly Workload[],
  db: Database,
  options: BenchOptions,
  offenders: number,
  url: string,
): Promise<string> {
  const counts: OperationCounts[] = [];
  const plans: ExplainedStatement[][] = [];
  for (const workload of workloads) {
    const answers: Answer[] = [];
    // Every read statement of one request, EXPLAIN (ANALYZE, BUFFERS)ed after it: the time each takes in the database.
    const statements = await recordStatements(async () => {
      answers.push(await send(workload, 0));
    });
    plans.push(await explainStatements(url, statements, true));
    const { body } = answers[0]!;
    if (body.data == null || (body.errors ?? []).length > 0)
      throw new Error(`${workload.name}: no answer (${JSON.stringify(body.errors ?? [])})`);
    counts.push(checkAuditCounts(workload, 'recorded', await countPerOperation(workload, db)));
  }
  const measured: { latenciesMs: number[]; wallMs: number; errors: number }[] = workloads.map(() => ({
    latenciesMs: [],
    wallMs: 0,
    errors: 0,
  }));
  for (const workload of workloads) await runRound(workload, Math.min(5, options['requests-per-round']), options.concurrency, 0);
  for (let round = 0; round < options.rounds; round += 1) {
    for (const [index, workload] of workloads.entries()) {
      const result = await runRound(workload, options['requests-per-round'], options.concurrency, round * options['requests-per-round']);
      measured[index]!.latenciesMs.push(...result.latenciesMs);
      measured[index]!.wallMs += result.wallMs;
      measured[index]!.errors += result.errors;
    }
    process.stderr.write(`round ${round + 1}/${options.rounds} done\n`);
  }
  const owners = Object.keys(counts[0]?.subgraphs ?? {}).filter((owner) =>
    counts.some((count) => (count.subgraphs[owner]?.requests ?? 0) > 0),
  );
  const latencyRows = workloads
    .map((workload, index) => {
      const sorted = [...measured[index]!.latenciesMs].sort((a, b) => a - b);
      const rps = (sorted.length / measured[index]!.wallMs) * 1000;
      return `| ${workload.name} | ${percentile(sorted, 50).toFixed(0)} | ${percentile(sorted, 95).toFixed(0)} | ${percentile(sorted, 99).toFixed(0)} | ${rps.toFixed(1)} | ${sorted.length} | ${measured[index]!.errors} |`;
    })
    .join('\n');
  const countRows = workloads
    .map(
      (workload, index) =>
        `| ${workload.name} | ${owners.map((owner) => `${counts[index]!.subgraphs[owner]?.requests ?? 0} / ${counts[index]!.subgraphs[owner]?.statements ?? 0}`).join(' | ')} |`,
    )
    .join('\n');
  return `\`npm run bench -- --statistics-only --offenders ${offenders} --rounds ${options.rounds} --requests-per-round ${options['requests-per-round']} --concurrency ${options.concurrency}\`
on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, against the PostgreSQL server, production gateway
(trusted documents, audit on), ${offenders.toLocaleString('en-GB')} offenders; the analyst's area (London) holds about 15% of them (areas are as large as their populations).
The machine is shared: absolute figures move with other load.

## Latency (ms), one request at a time per client, concurrency ${options.concurrency}

| workload | p50 | p95 | p99 | requests/s | n | errors |
|---|---:|---:|---:|---:|---:|---:|
${latencyRows}

## What one report costs: subgraph requests / data SQL statements, per owner

| workload | ${owners.join(' | ')} |
|---|${owners.map(() => '---:').join('|')}|
${countRows}

## Each read statement in the database: EXPLAIN (ANALYZE, BUFFERS) execution ms (shared buffers)

${workloads.map((workload, index) => `- ${workload.name}: ${plans[index]!.map((plan) => `${plan.label} ${plan.executionMs?.toFixed(0)} ms (${plan.buffers} buffers${plan.seqScans.length > 0 ? `, seq scan ${plan.seqScans.join(', ')}` : ''})`).join('; ')}`).join('\n')}
`;
}
