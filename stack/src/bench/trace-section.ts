// docs/benchmarks.md's last section: the meeting pack's critical path, written by `--only pack --trace`.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPOSITORY_ROOT } from '../generate-schemas';
import type { BenchOptions } from './options';

export const BENCHMARKS_FILE = join(REPOSITORY_ROOT, 'docs', 'benchmarks.md');
/** Where docs/benchmarks.md's last section begins: the meeting pack's critical path, written by `--only pack --trace`. */
export const TRACE_HEADING = "## The meeting pack's critical path, traced";

/** docs/benchmarks.md as it stands, split at the trace section: what comes before it, and the section (empty when none). */
export function benchmarksFileParts(): { readonly before: string; readonly trace: string } {
  const text = existsSync(BENCHMARKS_FILE) ? readFileSync(BENCHMARKS_FILE, 'utf8') : '';
  const at = text.indexOf(TRACE_HEADING);
  return at < 0 ? { before: text, trace: '' } : { before: text.slice(0, at), trace: text.slice(at) };
}

/** The trace section as the last traced run left it: the full run rewrites everything else. */
export function keptTraceSection(): string {
  const { trace } = benchmarksFileParts();
  return trace ? `\n${trace}` : '';
}

/** docs/benchmarks.md without its trace section, ending in one newline. */
export function reportWithoutTrace(): string {
  return `${benchmarksFileParts().before.trimEnd()}\n`;
}

/** The trace section: what was run, the traced stages, and that quick run's pack-against-view numbers. */
export function traceSection(options: BenchOptions, trace: string, quick: string): string {
  const command = `npm run bench -- --only pack --trace --offenders ${options.offenders} --rounds ${options.rounds} --requests-per-round ${options['requests-per-round']} --concurrency ${options.concurrency}`;
  return `
${TRACE_HEADING}

Written by \`${command}\` on ${new Date().toISOString().slice(0, 10)} (${options.offenders.toLocaleString('en-GB')} offenders; the run above is the full one).
Each stage is measured from outside the product (bench-trace.ts): the start and end of every HTTP
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
