// Where a test file's CPU goes, for finding what to cut (not used by `npm test` itself):
//   CPU_LOG=/tmp/cpu.jsonl npm test -- --runner jest-runner --testEnvironment ./scripts/jest-cpu-environment.js <files>
// (`--runner jest-runner`: without it the files run in groups and a line is a group's, whose parts' names
// start with the member file's path, so `node scripts/test-cpu-by-file.js /tmp/cpu.jsonl` can split it.)
// appends one JSON line per test file: the worker's CPU (user + system, seconds) and wall time from
// the file's start to its end, how much of it was evaluating the file's modules (before its first
// hook), and each hook and test. On a shared machine compare CPU: wall time is mostly waiting there.
// Child processes' CPU (a test that spawns services) and a PostgreSQL server's are not counted.
const { appendFileSync } = require('node:fs');
const { TestEnvironment } = require('jest-environment-node');

const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};
const round = (seconds) => Math.round(seconds * 100) / 100;

class CpuEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.testPath = context.testPath;
    this.started = { cpu: cpuSeconds(), wall: Date.now() };
    this.parts = [];
  }

  async handleTestEvent(event) {
    const now = { cpu: cpuSeconds(), wall: Date.now() };
    if (event.name === 'run_start') this.evaluated = now;
    if (event.name === 'hook_start' || event.name === 'test_fn_start') this.current = now;
    const ended = ['hook_success', 'hook_failure', 'test_fn_success', 'test_fn_failure'].includes(event.name);
    if (ended && this.current) {
      const part = { cpu: round(now.cpu - this.current.cpu), wall: round((now.wall - this.current.wall) / 1000) };
      // A hook is named after the describe blocks it belongs to, a test after its blocks and itself: in a
      // group of the grouping runner, the first name is the member file's.
      const names = [];
      for (let block = event.hook ? event.hook.parent : event.test; block && block.name !== 'ROOT_DESCRIBE_BLOCK'; block = block.parent) {
        names.unshift(block.name);
      }
      if (event.hook) this.parts.push({ hook: event.hook.type, in: names.join(' > '), ...part });
      else this.parts.push({ test: names.join(' > '), ...part });
    }
  }

  async teardown() {
    const now = { cpu: cpuSeconds(), wall: Date.now() };
    const evaluated = this.evaluated ?? now;
    const line = {
      file: this.testPath,
      database: process.env.DATABASE_URL ? 'server' : 'embedded',
      pid: process.pid,
      cpu: round(now.cpu - this.started.cpu),
      wall: round((now.wall - this.started.wall) / 1000),
      evaluationCpu: round(evaluated.cpu - this.started.cpu),
      parts: this.parts,
    };
    appendFileSync(process.env.CPU_LOG ?? 'jest-cpu.jsonl', `${JSON.stringify(line)}\n`);
    await super.teardown();
  }
}

module.exports = CpuEnvironment;
