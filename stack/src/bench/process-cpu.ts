// CPU time per process, sampled around each chunk of requests: what other load on the machine hardly
// moves, unlike requests/s. Linux only (/proc/<pid>/stat); the load generator reads its own with
// `process.cpuUsage()`.
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';

/**
 * User plus system CPU milliseconds in one `/proc/<pid>/stat` line. The command name (field 2) may
 * hold spaces and parentheses, so fields are counted after its last `)`: utime and stime are the
 * 14th and 15th fields, in clock ticks.
 */
export function cpuMsOfStat(stat: string, ticksPerSecond: number): number {
  const end = stat.lastIndexOf(')');
  if (end < 0) throw new Error('not a /proc/<pid>/stat line');
  // After the name: field 3 (state) is the first.
  const fields = stat
    .slice(end + 1)
    .trim()
    .split(/\s+/);
  const utime = Number(fields[14 - 3]);
  const stime = Number(fields[15 - 3]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) throw new Error('no utime/stime in /proc/<pid>/stat');
  return ((utime + stime) * 1000) / ticksPerSecond;
}

let ticks: number | undefined;
/** The kernel's clock ticks per second (`getconf CLK_TCK`, 100 on almost every Linux). */
function ticksPerSecond(): number {
  ticks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  return ticks;
}

/** CPU milliseconds `pid` has used so far (user plus system). */
export async function processCpuMs(pid: number): Promise<number> {
  return cpuMsOfStat(await readFile(`/proc/${pid}/stat`, 'utf8'), ticksPerSecond());
}

/** CPU milliseconds this process has used so far (user plus system). */
export function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * CPU milliseconds per labelled process (a gateway, each subgraph, the load generator), added up
 * chunk by chunk, and requests: CPU ms per request is their quotient.
 */
export class CpuLedger {
  private readonly totals = new Map<string, number>();
  private requestCount = 0;

  /** Adds one chunk: CPU ms spent per label while it ran, and its requests. */
  add(spent: Readonly<Record<string, number>>, requests: number): void {
    for (const [label, ms] of Object.entries(spent)) this.totals.set(label, (this.totals.get(label) ?? 0) + ms);
    this.requestCount += requests;
  }

  get requests(): number {
    return this.requestCount;
  }

  /** CPU ms per request for `label` (0 before any request). */
  perRequest(label: string): number {
    return this.requestCount === 0 ? 0 : (this.totals.get(label) ?? 0) / this.requestCount;
  }

  /** CPU ms per request of `labels` together. */
  perRequestOf(labels: readonly string[]): number {
    return labels.reduce((sum, label) => sum + this.perRequest(label), 0);
  }

  get labels(): readonly string[] {
    return [...this.totals.keys()];
  }
}

/** CPU ms each labelled pid spent between two readings (`before` and `after` of `readCpu`). */
export function cpuSpent(before: Readonly<Record<string, number>>, after: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(after).map(([label, ms]) => [label, ms - (before[label] ?? ms)]));
}

/** `a / b`, formatted for a report: two decimals, or `–` when b is 0. */
export function formatRatio(a: number, b: number): string {
  return b === 0 ? '–' : (a / b).toFixed(2);
}
