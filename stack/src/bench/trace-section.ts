// docs/benchmarks.md's sections that other runs than the full one write: the deployed layout's
// (`--only deployed`) and, last, the meeting pack's critical path (`--only pack --trace`).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { todayOf } from '@mappa/shared';
import { REPOSITORY_ROOT } from '../generate-schemas';
import type { BenchOptions } from './options';

export const BENCHMARKS_FILE = join(REPOSITORY_ROOT, 'docs', 'benchmarks.md');
/** Where docs/benchmarks.md's last section begins: the meeting pack's critical path, written by `--only pack --trace`. */
export const TRACE_HEADING = "## The meeting pack's critical path, traced";

/** Where the deployed layout's section begins (`--only deployed`), before the trace section; the full run keeps it too. */
export const DEPLOYED_HEADING = '## Deployed layout: the product against its peers, and everything on vs off';

/**
 * docs/benchmarks.md as it stands, in three parts: the full run's report, the deployed layout's
 * section and the trace section (each empty when absent).
 */
function benchmarksFileParts(): { readonly report: string; readonly deployed: string; readonly trace: string } {
  const text = existsSync(BENCHMARKS_FILE) ? readFileSync(BENCHMARKS_FILE, 'utf8') : '';
  const found = text.indexOf(TRACE_HEADING);
  const traceAt = found < 0 ? text.length : found;
  const deployedFound = text.indexOf(DEPLOYED_HEADING);
  const deployedAt = deployedFound < 0 || deployedFound > traceAt ? traceAt : deployedFound;
  return { report: text.slice(0, deployedAt), deployed: text.slice(deployedAt, traceAt), trace: text.slice(traceAt) };
}

/** The sections other runs write (deployed layout, trace) as they left them: the full run rewrites everything else. */
export function keptSections(): string {
  const { deployed, trace } = benchmarksFileParts();
  const kept = `${deployed}${trace}`;
  return kept ? `\n${kept}` : '';
}

/** docs/benchmarks.md without its trace section, ending in one newline. */
export function reportWithoutTrace(): string {
  const { report, deployed } = benchmarksFileParts();
  return `${`${report}${deployed}`.trimEnd()}\n`;
}

/** docs/benchmarks.md with `section` as its deployed layout's section, the rest as it was. */
export function withDeployedSection(section: string): string {
  const { report, trace } = benchmarksFileParts();
  return `${report.trimEnd()}\n\n${section.trim()}\n${trace ? `\n${trace}` : ''}`;
}

/** The trace section: what was run, the traced stages, and that quick run's pack-against-view numbers. */
export function traceSection(options: BenchOptions, trace: string, quick: string): string {
  const command = `npm run bench -- --only pack --trace --offenders ${options.offenders} --rounds ${options.rounds} --requests-per-round ${options['requests-per-round']} --concurrency ${options.concurrency}`;
  return `
${TRACE_HEADING}

Written by \`${command}\` on ${todayOf()} (${options.offenders.toLocaleString('en-GB')} offenders; the run above is the full one).
Each stage is measured from outside the product (bench/trace.ts): the start and end of every HTTP
exchange on Node's fetch (the benchmark's request to the gateway, and each of the gateway's calls to a
subgraph, matched by request id), so "wait" is the gateway waiting for a subgraph hop (calls that
overlap are one hop), and "gateway" its own time before, between and after them (token, purpose,
documents; the answer's checks, planning and signing of the next assertions; merging). One request
at a time, the SQL statements inside each hop are listed (verb and first table only) with their time
added up (statements of agencies asked at once overlap, so it can exceed the hop's wait).
Both sides are three hops deep: the purpose-evidence look-up (the MAPPA unit), then the root
field's owner (the police for the view, the MAPPA unit's \`meeting\` for the pack), then every other
agency at once.
${trace}${quick}`;
}
