import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServiceProcess } from './service-process';

// A service process starts with the Node flags it is given and no others: the test runner's own
// (jest runs with --experimental-vm-modules and --max-semi-space-size) are not the service's, and the
// benchmark's `--node-flags` must reach every service it starts, or what it reports of a flag is false.
// @jest-database-independent: it starts a stand-in module and opens no database, so CI runs it once (.ci/run).
describe('a service process', () => {
  let directory: string;
  let module: string;
  const started: ServiceProcess[] = [];

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'mappa-service-process-'));
    module = join(directory, 'stand-in.js');
    // Reports itself listening, with its own Node flags in the URL, and stays up until it is stopped.
    await writeFile(
      module,
      `process.send({ type: 'mappa:listening', service: 'stand-in', url: 'http://127.0.0.1/' + encodeURIComponent(JSON.stringify(process.execArgv)) });
process.on('SIGTERM', () => process.exit(0));
setInterval(() => {}, 1000);
`,
    );
  });

  afterAll(async () => {
    await Promise.all(started.map((service) => service.stop(1_000)));
    await rm(directory, { recursive: true, force: true });
  });

  const flagsOf = (service: ServiceProcess): unknown => JSON.parse(decodeURIComponent(new URL(service.url).pathname.slice(1)));

  it("starts without the test runner's flags", async () => {
    const service = await ServiceProcess.start('stand-in', module, { PATH: process.env.PATH }, 30_000);
    started.push(service);
    expect(flagsOf(service)).toEqual([]);
  });

  it('starts with the flags it is given', async () => {
    const service = await ServiceProcess.start('stand-in', module, { PATH: process.env.PATH }, 30_000, ['--no-memory-reducer']);
    started.push(service);
    expect(flagsOf(service)).toEqual(['--no-memory-reducer']);
  });
});
