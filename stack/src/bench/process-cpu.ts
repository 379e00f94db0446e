// CPU time per process, sampled around each chunk of requests: what other load on the machine hardly
// moves, unlike requests/s. Linux only (/proc/<pid>/stat); the load generator reads its own with
// `process.cpuUsage()`.
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';

/**
 * The fields of one `/proc/<pid>/stat` line from field 3 (state) on. The command name (field 2) may
 * hold spaces and parentheses, so fields are counted after its last `)`.
 */
function statFieldsAfterName(stat: string): string[] {
  const end = stat.lastIndexOf(')');
  if (end < 0) throw new Error('not a /proc/<pid>/stat line');
  return stat
    .slice(end + 1)
    .trim()
    .split(/\s+/);
}

/** Field `n` (counted from 1, as proc(5) does) of a stat line's fields after the name, as a number. */
function numericField(fields: readonly string[], n: number): number {
  const value = Number(fields[n - 3]);
  if (!Number.isFinite(value)) throw new Error(`no field ${n} in /proc/<pid>/stat`);
  return value;
}

/** User plus system CPU milliseconds in one `/proc/<pid>/stat` line: utime and stime, fields 14 and 15. */
export function cpuMsOfStat(stat: string, ticksPerSecond: number): number {
  const fields = statFieldsAfterName(stat);
  return ((numericField(fields, 14) + numericField(fields, 15)) * 1000) / ticksPerSecond;
}

/**
 * As `cpuMsOfStat`, plus the time of the children the process has waited for (cutime and cstime,
 * fields 16 and 17): a PostgreSQL postmaster waits for every backend, so a backend's time stays
 * counted after it exits.
 */
export function cpuMsWithReapedChildrenOfStat(stat: string, ticksPerSecond: number): number {
  return cpuMsOfStat(stat, ticksPerSecond) + reapedChildrenMsOfStat(stat, ticksPerSecond);
}

/** The time of the children a process has waited for (cutime and cstime, fields 16 and 17), in milliseconds. */
function reapedChildrenMsOfStat(stat: string, ticksPerSecond: number): number {
  const fields = statFieldsAfterName(stat);
  return ((numericField(fields, 16) + numericField(fields, 17)) * 1000) / ticksPerSecond;
}

/** The parent's process id in a `/proc/<pid>/stat` line (field 4). */
export function parentPidOfStat(stat: string): number {
  return numericField(statFieldsAfterName(stat), 4);
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

/** How often `processAndChildrenCpuMs` reads again when a child was waited for while it read. */
const READ_ATTEMPTS = 5;

/**
 * CPU milliseconds a process and its children have used so far: the process itself, every child it has
 * started and not yet waited for, and every one it has waited for. For a PostgreSQL server on this
 * machine, given its postmaster: the backends, the WAL writer, the checkpointer and autovacuum, and
 * backends that have exited. Everything the server does for anyone is in it, not only for the
 * benchmark's databases.
 *
 * A child can exit and be waited for while its siblings are read (a pool closing an idle connection,
 * an autovacuum worker finishing): its time then leaves the list of children before it reaches the
 * parent's waited-for time, and the reading would dip below the one before it (a negative CPU for a
 * chunk was seen so). So the parent's waited-for time is read before and after the children, and the
 * whole reading is taken again when it moved; a child started meanwhile is counted from the next one.
 */
export async function processAndChildrenCpuMs(pid: number): Promise<number> {
  const ticks = ticksPerSecond();
  for (let attempt = 1; ; attempt += 1) {
    const before = await readFile(`/proc/${pid}/stat`, 'utf8');
    const children = (await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8')).trim().split(/\s+/).filter(Boolean);
    const running = await Promise.all(
      children.map(async (child) => {
        try {
          return cpuMsOfStat(await readFile(`/proc/${child}/stat`, 'utf8'), ticks);
        } catch {
          // Waited for since the list was read (a zombie's stat still reads): the parent's waited-for
          // time has moved, so this reading is taken again.
          return 0;
        }
      }),
    );
    const after = await readFile(`/proc/${pid}/stat`, 'utf8');
    const waitedForMoved = reapedChildrenMsOfStat(after, ticks) !== reapedChildrenMsOfStat(before, ticks);
    if (!waitedForMoved || attempt === READ_ATTEMPTS)
      return running.reduce((sum, ms) => sum + ms, cpuMsWithReapedChildrenOfStat(after, ticks));
  }
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
