import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { and, eq, inArray } from 'drizzle-orm';
import { Client } from 'pg';
import { LocalIssuer } from '@mappa/gateway';
import { AGENCY_REGISTRY, auditEntryTable, DatabaseConnection } from '@mappa/shared';
import { serverDatabaseUrl, testRedisUrl, uniqueTestKeyPrefix } from '@mappa/testing';
import type { PrincipalClaims } from '@mappa/shared';
import { runAuditVerify } from '../../stack/src/audit-verify';
import { DEFAULT_PRINCIPAL } from '@mappa/testing/stack';
import type { GraphQLResponse } from '@mappa/testing';

// Issue 15, processes and replicas: `npm start` with DATABASE_URL runs every service in a process of
// its own (`node stack/dist/main.js`, the built product, as `npm start` runs it), here with two
// gateway replicas sharing Redis in front of one set of subgraphs, against a fresh database on the
// PostgreSQL server (an embedded database lives inside one process, so this test always uses the
// server: DATABASE_URL, or the local one). Then SIGTERM: every service drains and no process is left.
// @jest-database-independent: it runs on the PostgreSQL server whichever database the run is on, so it
// would do the same twice in CI's two runs; .ci/run runs it in the server run only.

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DATABASE = `mappa_processes_${randomBytes(5).toString('hex')}`;
const DATABASE_URL = serverDatabaseUrl(SERVER_URL, DATABASE);
/** The per-principal bucket of every replica: alone, each replica would let this many through. */
const PRINCIPAL_CAPACITY = 10;
const OFFENDERS = `query ProcessesPage { offenders(first: 3) { totalCount edges { node { pncId identity { lastName } mappaCase { level } custody { inOutStatus } } } } }`;

jest.setTimeout(600_000);

/** The stack with two gateway replicas on Redis. */
let stack: Launched;
let replicas: string[];
let issuer: LocalIssuer;
let issuerFolder: string;
const answeredBy: Record<string, string[]> = {};

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

interface Launched {
  readonly child: ChildProcess;
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything it (and the services it started) printed so far. */
  read(): string;
}

/** `node stack/dist/main.js` (what `npm start` runs once built) on the test database, every port 0, plus `env`. */
function launch(env: NodeJS.ProcessEnv): Launched {
  let printed = '';
  const child = spawn(process.execPath, [join(ROOT, 'stack', 'dist', 'main.js')], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      DATABASE_URL,
      GATEWAY_PORT: '0',
      ...Object.fromEntries(AGENCY_REGISTRY.map(({ portVariable }) => [portVariable, '0'])),
      SEED_OFFENDERS: '100',
      MAPPA_DEV_ISSUER: 'enabled',
      DEV_ISSUER_DIR: issuerFolder,
      SHUTDOWN_GRACE_MS: '5000',
      ...env,
    },
  });
  child.stdout?.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, exit, read: () => printed };
}

/** Waits for the line `pattern` matches (its first group), failing with the output if the stack exits first. */
function ready(launched: Launched, pattern: RegExp): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const found = pattern.exec(launched.read())?.[1];
      if (found) {
        clearInterval(timer);
        resolve(found);
      }
    }, 200);
    void launched.exit.then(({ code }) => {
      clearInterval(timer);
      reject(new Error(`the stack exited (${String(code)}) before it was ready:\n${launched.read()}`));
    });
  });
}

beforeAll(async () => {
  // The product as `npm start` builds it (incremental: quick when the build is current), so this
  // test never runs stale code.
  await run('npx', ['tsc', '-b', 'tsconfig.build.json'], { cwd: ROOT });
  await admin((client) => client.query(`create database ${DATABASE}`));
  issuerFolder = await mkdtemp(join(tmpdir(), 'mappa-processes-'));
  issuer = await LocalIssuer.openDevIssuer(issuerFolder);
  stack = launch({
    REDIS_URL: testRedisUrl(),
    REDIS_KEY_PREFIX: uniqueTestKeyPrefix('processes'),
    GATEWAY_REPLICAS: '2',
    RATE_LIMIT_PRINCIPAL_CAPACITY: String(PRINCIPAL_CAPACITY),
    RATE_LIMIT_PRINCIPAL_REFILL_PER_SECOND: '1',
  });
  replicas = (await ready(stack, /^Gateway replicas: (.+)$/m)).split(', ');
});

afterAll(async () => {
  for (const launched of [stack, second]) {
    if (launched && launched.child.exitCode === null && launched.child.signalCode === null) {
      launched.child.kill('SIGTERM');
      await launched.exit;
    }
  }
  await rm(issuerFolder, { recursive: true, force: true });
  await admin((client) => client.query(`drop database if exists ${DATABASE} with (force)`));
});

async function ask(
  url: string,
  query: string,
  principal: PrincipalClaims,
): Promise<{ status: number; requestId: string; body: GraphQLResponse }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await issuer.mint(principal)}`,
      'x-mappa-purpose': 'MAPPA_SCREENING',
    },
    body: JSON.stringify({ query }),
  });
  const requestId = response.headers.get('x-request-id') ?? '';
  (answeredBy[url] ??= []).push(requestId);
  return { status: response.status, requestId, body: (await response.json()) as GraphQLResponse };
}

/** The processes the stack started, and the entry point each runs. */
async function children(of: Launched): Promise<{ pid: number; entryPoint: string }[]> {
  const { stdout } = await run('ps', ['-o', 'pid=', '--ppid', String(of.child.pid)]);
  const pids = stdout
    .split('\n')
    .map((line) => Number(line.trim()))
    .filter((pid) => pid > 0);
  return Promise.all(pids.map(async (pid) => ({ pid, entryPoint: (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0')[1] ?? '' })));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

let serviceProcesses: { pid: number; entryPoint: string }[] = [];

describe('issue 15: npm start with DATABASE_URL, one process per service, two gateway replicas', () => {
  it('issue 15: runs each subgraph and each gateway replica in a process of its own, from its built entry point', async () => {
    serviceProcesses = await children(stack);
    const expected = [
      ...AGENCY_REGISTRY.map(({ name }) => join(ROOT, 'subgraphs', name, 'dist', 'main.js')),
      ...replicas.map(() => join(ROOT, 'gateway', 'dist', 'main.js')),
    ];
    expect(serviceProcesses.map(({ entryPoint }) => entryPoint).sort()).toEqual(expected.sort());
    expect(replicas).toHaveLength(2);
    expect(new Set(replicas).size).toBe(2);
  });

  it('issue 15: either replica answers a query across the agencies from the freshly seeded database', async () => {
    for (const url of replicas) {
      const answer = await ask(url, OFFENDERS, DEFAULT_PRINCIPAL);
      expect(answer.body.errors).toBeUndefined();
      const page = answer.body.data?.offenders as {
        totalCount: number;
        edges: { node: { pncId: string; identity: unknown; mappaCase: unknown; custody: unknown } }[];
      };
      expect(page.totalCount).toBeGreaterThan(0);
      expect(page.edges.length).toBeGreaterThan(0);
      // Police (identity), the MAPPA unit (case) and prison (custody) answered, each from its own process.
      expect(page.edges[0]?.node.identity).not.toBeUndefined();
      expect(page.edges[0]?.node.mappaCase).not.toBeUndefined();
      expect(page.edges[0]?.node.custody).not.toBeUndefined();
    }
  });

  it('issue 9 §1: a rate limit hit through one replica counts on the other (one bucket per principal in Redis)', async () => {
    const principal: PrincipalClaims = { ...DEFAULT_PRINCIPAL, staffId: 'MCU0077' };
    // Twice the capacity at once, half through each replica: with a bucket each, every request would pass.
    const answers = await Promise.all(
      Array.from({ length: 2 * PRINCIPAL_CAPACITY }, (_, i) => ask(replicas[i % 2]!, '{ __typename }', principal)),
    );
    const refused = answers.filter((answer) => answer.status === 429);
    const served = answers.filter((answer) => answer.status === 200);
    expect(served.length + refused.length).toBe(answers.length);
    // The bucket refills one a second while the burst is answered: a few more than the capacity may pass.
    expect(served.length).toBeGreaterThanOrEqual(PRINCIPAL_CAPACITY);
    expect(refused.length).toBeGreaterThanOrEqual(PRINCIPAL_CAPACITY / 2);
    for (const answer of refused) expect(answer.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });

  it('issue 15: SIGTERM stops every service (gateways drained first) and the stack exits 0 with no process left', async () => {
    expect(serviceProcesses).toHaveLength(AGENCY_REGISTRY.length + 2);
    stack.child.kill('SIGTERM');
    expect(await stack.exit).toEqual({ code: 0, signal: null });
    expect(serviceProcesses.filter(({ pid }) => alive(pid))).toEqual([]);
    expect(stack.read()).not.toMatch(/"level":50/);
  });

  it('principle 10: both replicas wrote the one gateway audit log, each with its own writer, and every chain verifies', async () => {
    const connection = await DatabaseConnection.open({ url: DATABASE_URL }, { poolSize: 1 });
    try {
      for (const url of replicas) {
        const ids = answeredBy[url] ?? [];
        const rows = await connection
          .database()
          .select({ requestId: auditEntryTable.requestId })
          .from(auditEntryTable)
          .where(and(eq(auditEntryTable.log, 'gateway'), inArray(auditEntryTable.requestId, ids)));
        expect(rows.length).toBeGreaterThan(0);
      }
      const lines: string[] = [];
      expect(await runAuditVerify(connection, (line) => lines.push(line))).toBe(0);
      expect(lines).toContainEqual(expect.stringMatching(/^gateway: \d+ entries, intact$/));
      expect(lines.every((line) => line.endsWith('intact'))).toBe(true);
    } finally {
      await connection.close();
    }
  });
});

/** A second start on the same (now seeded) database: one gateway, in-memory state, no Redis. */
let second: Launched | undefined;

describe('issue 15: one service process dying', () => {
  beforeAll(async () => {
    second = launch({ LOG_LEVEL: 'error' });
    await ready(second, /^MAPPA federation gateway: (\S+)/m);
  });

  it('issue 15: is logged, the others are stopped cleanly, and the stack exits non-zero with no process left', async () => {
    const launched = second!;
    const services = await children(launched);
    expect(services).toHaveLength(AGENCY_REGISTRY.length + 1);
    const yot = services.find(({ entryPoint }) => entryPoint === join(ROOT, 'subgraphs', 'yot', 'dist', 'main.js'))!;
    process.kill(yot.pid, 'SIGKILL');
    expect(await launched.exit).toEqual({ code: 1, signal: null });
    expect(services.filter(({ pid }) => alive(pid))).toEqual([]);
    const errors = launched
      .read()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.level === 50);
    // One line, from the supervisor, naming the service and how it ended; the others stopped without error.
    expect(errors).toEqual([
      expect.objectContaining({
        service: 'stack',
        process: 'yot',
        signal: 'SIGKILL',
        msg: 'service process exited on its own; stopping the others',
      }),
    ]);
  });
});
