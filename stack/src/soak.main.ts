// `npm run soak -- [--minutes 10] [--sample-seconds 10] [--concurrency 10] [--offenders 5000] [--port 4750]
//                  [--database-url postgres://…/mappa_soak] [--heap-snapshots]`
//
// Memory under sustained load (issue 15: gateway resident memory after a 10-minute soak <= 300 MB).
// Starts the product as it is deployed (DATABASE_URL, one process per service, `startStackProcesses`),
// drives the single five-agency view and the 50-row register page at a fixed concurrency for the
// given time, and every N seconds samples each process's resident memory (from /proc, as the kernel
// counts it) and V8 heap in use (from the process's own /metrics, `nodejs_heap_size_used_bytes`). It
// prints the curve while it runs and, at the end, each process's first, peak and last figures and the
// growth over the second half of the run (a leak keeps growing there; a warm-up does not).
// `--heap-snapshots` starts the services with `--heapsnapshot-signal=SIGUSR2` and asks the gateway for a
// snapshot after warm-up and at the end (written to the working directory, for Chrome DevTools' comparison view).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { LocalIssuer, trustedIssuersConfigured } from '@mappa/gateway';
import {
  AGENCY_REGISTRY,
  createLogger,
  DatabaseConnection,
  defaultMetricsPortOf,
  FIVE_AGENCY_VIEW,
  MappaArea,
  REGISTER_PAGE,
} from '@mappa/shared';
import type { PrincipalClaims } from '@mappa/shared';
import { z } from 'zod';
import { loadStackConfig } from './config';
import { prepareStackDatabase } from './local-stack';
import { gatewayNodeOptions, startStackProcesses } from './processes/stack-processes';
import { commandFailureText } from './command-failure';

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/mappa_soak';

const optionsSchema = z.object({
  minutes: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(10),
  'sample-seconds': z.coerce.number().positive().max(3_600).default(10),
  concurrency: z.coerce.number().int().min(1).max(200).default(10),
  offenders: z.coerce.number().int().min(100).max(2_000_000).default(5_000),
  port: z.coerce.number().int().min(1_024).max(60_000).default(4_750),
  'database-url': z.url().default(DEFAULT_DATABASE_URL),
  'heap-snapshots': z.boolean().default(false),
});

/** Pages of the register the page workload cycles through; their people are the single view's. */
const PAGES = 20;
const MB = 1024 * 1024;

interface Sample {
  readonly seconds: number;
  readonly requests: number;
  readonly failures: number;
  /** Per process: resident set and V8 heap in use, bytes (NaN when unreadable). */
  readonly memory: Readonly<Record<string, { readonly rss: number; readonly heap: number }>>;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      minutes: { type: 'string' },
      'sample-seconds': { type: 'string' },
      concurrency: { type: 'string' },
      offenders: { type: 'string' },
      port: { type: 'string' },
      'database-url': { type: 'string' },
      'heap-snapshots': { type: 'boolean' },
    },
    strict: true,
  });
  const options = optionsSchema.parse(values);
  const databaseUrl = options['database-url'];
  await ensureDatabase(databaseUrl);
  const log = createLogger('soak', 'warn');
  // The services read everything from the environment they inherit, as deployed: set it here.
  const ports = {
    gateway: options.port,
    ...Object.fromEntries(AGENCY_REGISTRY.map(({ name }, index) => [name, options.port + 1 + index])),
  } as Record<(typeof AGENCY_REGISTRY)[number]['name'] | 'gateway', number>;
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    PROCESS_LAYOUT: 'per-service',
    MAPPA_DEV_ISSUER: 'enabled',
    SEED_OFFENDERS: String(options.offenders),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    // One principal sends everything from one address: the soak measures memory, not the rate limits.
    RATE_LIMIT_SOURCE_CAPACITY: '1000000000',
    RATE_LIMIT_SOURCE_REFILL_PER_SECOND: '100000000',
    RATE_LIMIT_PRINCIPAL_CAPACITY: '1000000000',
    RATE_LIMIT_PRINCIPAL_REFILL_PER_SECOND: '100000000',
    ...(options['heap-snapshots'] ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --heapsnapshot-signal=SIGUSR2`.trim() } : {}),
  });
  const config = loadStackConfig();
  await trustedIssuersConfigured(config); // creates the development issuer's key before any gateway reads it
  const connection = await DatabaseConnection.open({ url: databaseUrl }, { poolSize: 5 });
  try {
    process.stderr.write(`soak: preparing ${new URL(databaseUrl).pathname.slice(1)} (${options.offenders} offenders)\n`);
    await prepareStackDatabase(connection, { offenders: options.offenders, seed: 1, asOf: config.SEED_AS_OF }, log);
  } finally {
    await connection.close();
  }
  const processes = await startStackProcesses({
    env: process.env,
    host: '127.0.0.1',
    ports,
    gatewayReplicas: 1,
    shutdownGraceMs: config.SHUTDOWN_GRACE_MS,
    log,
  });
  const services = [
    { name: 'gateway', pid: processes.gateways[0]!.pid, metricsPort: defaultMetricsPortOf(ports.gateway) },
    ...AGENCY_REGISTRY.map(({ name }) => ({
      name,
      pid: processes.subgraphs[name].pid,
      metricsPort: defaultMetricsPortOf(ports[name]),
    })),
  ];
  const gatewayUrl = `${processes.gateways[0]!.url}/graphql`;
  try {
    const issuer = await LocalIssuer.openDevIssuer(config.DEV_ISSUER_DIR);
    const coordinator: PrincipalClaims = {
      staffId: 'SOAK0001',
      agency: 'mappa_unit',
      roles: ['mappa_coordinator'],
      area: MappaArea.LONDON,
      clearance: 'SC',
    };
    // Fresh tokens well before they expire (the gateway caps their lifetime).
    let token = { value: '', mintedAt: 0 };
    const headers = async (): Promise<Record<string, string>> => {
      if (Date.now() - token.mintedAt > 60_000) token = { value: await issuer.mint(coordinator), mintedAt: Date.now() };
      return { authorization: `Bearer ${token.value}`, 'x-mappa-purpose': 'MAPPA_SCREENING', 'content-type': 'application/json' };
    };
    const post = async (query: string, variables: Record<string, unknown>): Promise<{ ok: boolean; body: unknown }> => {
      const response = await fetch(gatewayUrl, { method: 'POST', headers: await headers(), body: JSON.stringify({ query, variables }) });
      const body: unknown = await response.json();
      const errors = (body as { errors?: unknown[] }).errors;
      return { ok: response.ok && (errors === undefined || errors.length === 0), body };
    };

    // The pages and the people on them, once, before measuring.
    const filter = { area: MappaArea.LONDON };
    const cursors: (string | null)[] = [null];
    const pncIds: string[] = [];
    for (let page = 0; page < PAGES; page++) {
      const { ok, body } = await post(REGISTER_PAGE, { after: cursors[page], filter });
      if (!ok) throw new Error(`the register page did not answer cleanly: ${JSON.stringify(body).slice(0, 300)}`);
      const offenders = (body as { data: { offenders: { edges: { node: { pncId: string } }[]; pageInfo: PageInfo } } }).data.offenders;
      pncIds.push(...offenders.edges.map((edge) => edge.node.pncId));
      if (!offenders.pageInfo.hasNextPage) break;
      cursors.push(offenders.pageInfo.endCursor);
    }
    if (pncIds.length === 0) throw new Error('the register is empty: nothing to view');

    const durationMs = options.minutes * 60_000;
    const started = Date.now();
    let requests = 0;
    let failures = 0;
    const worker = async (index: number) => {
      for (let i = index; Date.now() - started < durationMs; i += options.concurrency) {
        // Alternately the single view and the 50-row page, spread over the people and pages.
        const answer = await (
          i % 2 === 0
            ? post(FIVE_AGENCY_VIEW, { pncId: pncIds[(i >> 1) % pncIds.length] })
            : post(REGISTER_PAGE, { after: cursors[(i >> 1) % cursors.length], filter })
        ).catch(() => ({ ok: false, body: null }));
        requests += 1;
        if (!answer.ok) failures += 1;
      }
    };
    const samples: Sample[] = [];
    const takeSample = async () => {
      const memory: Record<string, { rss: number; heap: number }> = {};
      for (const service of services)
        memory[service.name] = { rss: residentBytesOf(service.pid), heap: await heapUsedOf(service.metricsPort) };
      const sample: Sample = { seconds: Math.round((Date.now() - started) / 1000), requests, failures, memory };
      samples.push(sample);
      printSample(
        sample,
        services.map((service) => service.name),
        samples.length === 1,
      );
    };
    const cpuBefore = services.map((service) => cpuMsOf(service.pid));
    await takeSample();
    const sampler = setInterval(() => void takeSample(), options['sample-seconds'] * 1000);
    const snapshotAt = options['heap-snapshots']
      ? setTimeout(() => process.kill(services[0]!.pid, 'SIGUSR2'), Math.min(60_000, durationMs / 4))
      : null;
    await Promise.all(Array.from({ length: options.concurrency }, (_, index) => worker(index)));
    clearInterval(sampler);
    if (snapshotAt) clearTimeout(snapshotAt);
    await takeSample();
    // CPU per request, which other load on the machine hardly moves (a heap bound costs collections: this shows how much).
    const cpuPerRequest = services.map((service, index) => (cpuMsOf(service.pid) - cpuBefore[index]!) / Math.max(1, requests));
    if (options['heap-snapshots']) process.kill(services[0]!.pid, 'SIGUSR2');
    printSummary(
      samples,
      services.map((service) => service.name),
      options,
    );
    process.stdout.write(
      `CPU ms per request: ${services.map((service, index) => `${service.name} ${cpuPerRequest[index]!.toFixed(2)}`).join(', ')}\n` +
        `gateway NODE_OPTIONS: ${gatewayNodeOptions(process.env.NODE_OPTIONS)}\n`,
    );
  } finally {
    await processes.close();
  }
  const { failed } = await processes.stopped;
  process.exit(failed ? 1 : 0);
}

interface PageInfo {
  readonly endCursor: string | null;
  readonly hasNextPage: boolean;
}

async function ensureDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`--database-url: a plain database name is expected, not "${name}"`);
  const server = new URL(url);
  server.pathname = '/postgres';
  const client = new Client({ connectionString: server.toString() });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
}

/** The process's resident set as the kernel counts it (VmRSS), in bytes; NaN when it cannot be read. */
function residentBytesOf(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** CPU time the process has used (user + system), in milliseconds; NaN when it cannot be read. */
function cpuMsOf(pid: number): number {
  try {
    // Fields 14 and 15 of /proc/<pid>/stat (after the parenthesised command name), in clock ticks (100 per second on Linux).
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/** The V8 heap in use, from the process's own metrics (prom-client's `nodejs_heap_size_used_bytes`); NaN when unreadable. */
async function heapUsedOf(metricsPort: number): Promise<number> {
  try {
    const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`, { signal: AbortSignal.timeout(5_000) })).text();
    const match = /^nodejs_heap_size_used_bytes(?:\{[^}]*\})? ([0-9.e+]+)$/m.exec(text);
    return match ? Number(match[1]) : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

const mb = (bytes: number) => (Number.isNaN(bytes) ? '   ?' : (bytes / MB).toFixed(0).padStart(4));

function printSample(sample: Sample, names: readonly string[], header: boolean): void {
  if (header) {
    process.stdout.write(
      `${'t(s)'.padStart(6)} ${'requests'.padStart(9)} ${'failed'.padStart(6)}  ${names.map((name) => `${name} rss/heap MB`.padStart(24)).join('')}\n`,
    );
  }
  const cells = names.map((name) => `${mb(sample.memory[name]!.rss)} / ${mb(sample.memory[name]!.heap)}`.padStart(24));
  process.stdout.write(
    `${String(sample.seconds).padStart(6)} ${String(sample.requests).padStart(9)} ${String(sample.failures).padStart(6)}  ${cells.join('')}\n`,
  );
}

function printSummary(samples: readonly Sample[], names: readonly string[], options: z.infer<typeof optionsSchema>): void {
  const first = samples[0]!;
  const last = samples[samples.length - 1]!;
  const half = samples.find((sample) => sample.seconds >= last.seconds / 2) ?? first;
  process.stdout.write(
    `\nSoak: ${options.minutes} min, concurrency ${options.concurrency}, ${options.offenders} offenders; ` +
      `${last.requests} requests (${(last.requests / Math.max(1, last.seconds)).toFixed(1)}/s), ${last.failures} failed\n`,
  );
  process.stdout.write(
    `${'process'.padEnd(12)} ${'RSS first'.padStart(10)} ${'peak'.padStart(6)} ${'last'.padStart(6)} ${'2nd-half growth'.padStart(16)} ${'heap last'.padStart(10)} ${'peak'.padStart(6)}\n`,
  );
  for (const name of names) {
    const rss = samples.map((sample) => sample.memory[name]!.rss).filter((value) => !Number.isNaN(value));
    const heap = samples.map((sample) => sample.memory[name]!.heap).filter((value) => !Number.isNaN(value));
    const growth = last.memory[name]!.rss - half.memory[name]!.rss;
    process.stdout.write(
      `${name.padEnd(12)} ${mb(first.memory[name]!.rss).padStart(10)} ${mb(Math.max(...rss)).padStart(6)} ${mb(last.memory[name]!.rss).padStart(6)} ` +
        `${`${growth >= 0 ? '+' : ''}${(growth / MB).toFixed(1)}`.padStart(16)} ${mb(last.memory[name]!.heap).padStart(10)} ${mb(Math.max(...heap)).padStart(6)}\n`,
    );
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`soak: ${commandFailureText(error)}\n`);
  process.exit(1);
});
