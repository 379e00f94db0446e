import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@mappa/shared';
import { ServiceProcess } from './service-process';
import { supervise } from './supervisor';

// Issue 15, processes: the supervisor of `npm start` (one process per service) on small stand-in
// services, real child processes that listen, report over IPC and record what they were sent.
// The whole product in processes is tested in test/src/processes.test.ts.
// @jest-database-independent: stand-in services and no database, so CI runs it once (.ci/run).

const SERVICE = `
const { appendFileSync } = require('node:fs');
const { createServer } = require('node:http');
const record = (event) => appendFileSync(process.env.EVENTS, process.env.NAME + ' ' + event + '\\n');
if (process.env.BEHAVIOUR === 'fail-at-start') process.exit(3);
const server = createServer((request, response) => response.end('ok'));
server.listen(0, '127.0.0.1', () => process.send({ type: 'mappa:listening', service: process.env.NAME, url: 'http://127.0.0.1:' + server.address().port }));
process.on('SIGTERM', () => {
  record('SIGTERM');
  if (process.env.BEHAVIOUR === 'ignore-sigterm') return;
  // A drain that takes a while, as a service finishing its requests in flight does.
  setTimeout(() => { record('exit'); process.exit(0); }, 300);
});
`;

let folder: string;
let serviceModule: string;
let events: string;
const running: ServiceProcess[] = [];
const lines: Record<string, unknown>[] = [];
const log = createLogger('test', 'info', { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'mappa-supervisor-'));
  serviceModule = join(folder, 'service.js');
  events = join(folder, 'events.log');
  await writeFile(serviceModule, SERVICE);
});

beforeEach(async () => {
  await writeFile(events, '');
  lines.length = 0;
});

afterAll(async () => {
  for (const service of running) if (service.running) await service.stop(0);
  await rm(folder, { recursive: true, force: true });
});

async function start(name: string, behaviour = 'drain'): Promise<ServiceProcess> {
  const service = await ServiceProcess.start(
    name,
    serviceModule,
    { PATH: process.env.PATH, NAME: name, EVENTS: events, BEHAVIOUR: behaviour },
    30_000,
  );
  running.push(service);
  return service;
}

async function recorded(): Promise<string[]> {
  return (await readFile(events, 'utf8')).split('\n').filter(Boolean);
}

describe('issue 15: the supervisor of one process per service', () => {
  it('issue 15: a service reports where it listens; the URL answers', async () => {
    const service = await start('police');
    expect(service.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await (await fetch(service.url)).text()).toBe('ok');
    await service.stop(5_000);
  });

  it('issue 15: when one service dies, it is logged and the others are stopped cleanly (SIGTERM, drained, exit 0), gateways first', async () => {
    const [gateway, police, probation] = [await start('gateway'), await start('police'), await start('probation')];
    const supervision = supervise([[gateway], [police, probation]], 5_000, log);
    process.kill(police.pid, 'SIGKILL');
    expect(await supervision.stopped).toEqual({ failed: 'police' });
    expect(await gateway.exited).toEqual({ code: 0, signal: null });
    expect(await probation.exited).toEqual({ code: 0, signal: null });
    expect(await police.exited).toEqual({ code: null, signal: 'SIGKILL' });
    // The gateway had drained and exited before the subgraph was asked to stop.
    expect(await recorded()).toEqual(['gateway SIGTERM', 'gateway exit', 'probation SIGTERM', 'probation exit']);
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: 50,
        process: 'police',
        signal: 'SIGKILL',
        msg: 'service process exited on its own; stopping the others',
      }),
    );
  });

  it('issue 15: close() stops every service group by group and reports no failure; a second close() waits for the same stop', async () => {
    const [first, second, police] = [await start('gateway-1'), await start('gateway-2'), await start('police')];
    const supervision = supervise([[first, second], [police]], 5_000, log);
    const [closed, again] = [supervision.close(), supervision.close()];
    await Promise.all([closed, again]);
    expect(await supervision.stopped).toEqual({ failed: undefined });
    const events = await recorded();
    expect(events.slice(0, 4).sort()).toEqual(['gateway-1 SIGTERM', 'gateway-1 exit', 'gateway-2 SIGTERM', 'gateway-2 exit']);
    expect(events.slice(4)).toEqual(['police SIGTERM', 'police exit']);
    expect(events.filter((event) => event.endsWith('SIGTERM'))).toHaveLength(3);
    expect(lines.filter((line) => line.level === 50)).toEqual([]);
  });

  it('issue 15: a service that exits before listening fails its start with its exit code', async () => {
    await expect(start('yot', 'fail-at-start')).rejects.toThrow('yot exited before listening (exit code 3)');
  });

  it('issue 15: a service still running past its grace period and the margin is killed', async () => {
    const stubborn = await start('prison', 'ignore-sigterm');
    expect(await stubborn.stop(100)).toEqual({ code: null, signal: 'SIGKILL' });
    expect(await recorded()).toEqual(['prison SIGTERM']);
  });
});
