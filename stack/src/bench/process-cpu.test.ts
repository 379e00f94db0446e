import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import {
  CpuLedger,
  cpuMsOfStat,
  cpuMsWithReapedChildrenOfStat,
  cpuSpent,
  formatRatio,
  parentPidOfStat,
  processAndChildrenCpuMs,
} from './process-cpu';

// CPU ms per request per process is the benchmark's figure to trust on a shared machine: its
// reading of /proc and its accounting are checked here, without timing anything.
describe('CPU per process', () => {
  // A real line's shape, with a command name holding a space and a parenthesis.
  const stat = (utime: number, stime: number, cutime = 0, cstime = 0) =>
    `4242 (node (bench) x) S 17 4242 4242 0 -1 4194304 1000 0 0 0 ${utime} ${stime} ${cutime} ${cstime} 20 0 11 0 100 1000000 5000 18446744073709551615`;

  it('reads user plus system time after the command name, in milliseconds', () => {
    expect(cpuMsOfStat(stat(150, 50), 100)).toBe(2_000);
    expect(cpuMsOfStat(stat(3, 1), 250)).toBe(16);
  });

  it("adds the children it has waited for, as a database server's postmaster has for every exited backend", () => {
    expect(cpuMsOfStat(stat(150, 50, 300, 100), 100)).toBe(2_000);
    expect(cpuMsWithReapedChildrenOfStat(stat(150, 50, 300, 100), 100)).toBe(6_000);
  });

  it('reads the parent process id', () => {
    expect(parentPidOfStat(stat(1, 1))).toBe(17);
  });

  it("counts a child's CPU after it has exited, in its parent's tree", async () => {
    const before = await processAndChildrenCpuMs(process.pid);
    // A child that spends at least 200 ms of CPU and exits; spawnSync waits for it.
    const child = spawnSync(process.execPath, [
      '-e',
      'const end = process.cpuUsage().user + 200_000; while (process.cpuUsage().user < end);',
    ]);
    expect(child.status).toBe(0);
    const after = await processAndChildrenCpuMs(process.pid);
    expect(after - before).toBeGreaterThanOrEqual(190);
  });

  // A deployed run once put a negative CPU on the database server for a chunk: a backend that exited
  // while its siblings were read had left the list of children but not yet reached the postmaster's
  // waited-for time. Children that burn CPU and exit while the tree is read over and over: no reading
  // may be lower than the one before it.
  it('never reads less than before while children exit and are waited for', async () => {
    // Each child burns CPU, then waits until told to exit: the test lets them go one by one between its
    // readings, so exits fall among the readings however fast or slow the machine reads /proc.
    const children = Array.from({ length: 12 }, () =>
      spawn(
        process.execPath,
        [
          '-e',
          'const end = process.cpuUsage().user + 60_000; while (process.cpuUsage().user < end); process.stdin.resume().on("end", () => process.exit(0));',
        ],
        { stdio: ['pipe', 'ignore', 'ignore'] },
      ),
    );
    const exits = children.map(async (child) => ((await once(child, 'exit')) as [number | null])[0]);
    let exited = 0;
    for (const exit of exits) void exit.then(() => (exited += 1));
    const readings: number[] = [];
    const read = async () => readings.push(await processAndChildrenCpuMs(process.pid));
    for (const child of children) {
      child.stdin.end();
      for (let n = 0; n < 3; n += 1) await read();
    }
    while (exited < children.length) await read();
    expect(await Promise.all(exits)).toEqual(children.map(() => 0));
    const dips = readings.filter((reading, i) => i > 0 && reading < readings[i - 1]!);
    expect(readings.length).toBeGreaterThanOrEqual(36);
    expect(dips).toEqual([]);
  });

  it('refuses a line that is not a stat line', () => {
    expect(() => cpuMsOfStat('no name here', 100)).toThrow();
    expect(() => cpuMsOfStat('1 (node) S 1', 100)).toThrow();
  });

  it('attributes what each process spent between two readings', () => {
    expect(cpuSpent({ gateway: 100, police: 40 }, { gateway: 130, police: 45 })).toEqual({ gateway: 30, police: 5 });
    // A process first seen in the second reading spent nothing that can be told.
    expect(cpuSpent({}, { gateway: 130 })).toEqual({ gateway: 0 });
  });

  it('adds chunks up and divides by every request served', () => {
    const ledger = new CpuLedger();
    expect(ledger.perRequest('gateway')).toBe(0);
    ledger.add({ gateway: 30, police: 10 }, 10);
    ledger.add({ gateway: 50, police: 10, probation: 20 }, 30);
    expect(ledger.requests).toBe(40);
    expect(ledger.perRequest('gateway')).toBe(2);
    expect(ledger.perRequest('probation')).toBe(0.5);
    expect(ledger.perRequestOf(['police', 'probation'])).toBe(1);
    expect(ledger.perRequest('yot')).toBe(0);
    expect(ledger.labels).toEqual(['gateway', 'police', 'probation']);
  });

  it('formats a ratio, and says when it has none', () => {
    expect(formatRatio(3, 2)).toBe('1.50');
    expect(formatRatio(1, 0)).toBe('–');
  });
});
