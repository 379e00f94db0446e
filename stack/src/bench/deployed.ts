// `npm run bench -- --only deployed` (issue 15): the deployed layout, one process per service, over
// the bench database (the PostgreSQL server). In the same interleaved rounds:
// - the product (each subgraph's and the gateway's own entry point, as `npm start` runs them with
//   DATABASE_URL), authorization, audit and trusted documents on, as in production;
// - a bare @apollo/gateway and Hive Gateway (bench/peers.ts), each in a process of its own, in front
//   of the product's running subgraphs, adding only the signed gateway assertion;
// - the product with everything off: another gateway and set of subgraphs, started with
//   authorization and the audit trail off (bench/everything-off.main.ts), with a bare @apollo/gateway
//   and a Hive Gateway of their own sent the same traffic as the peers (not measured): each set of
//   subgraphs then serves the same three kinds of gateway, so that on vs off compares like with like.
// Answers are checked identical to the product's before anything is measured. Reported: requests/s,
// p50/p99, and CPU ms per request of every process (the gateway, each subgraph, and this process,
// the load generator, apart), with the ratios product/peer and on/off.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { GATEWAY_AUDIENCE, LocalIssuer, VOUCHES_FOR_EVERYONE } from '@mappa/gateway';
import { AGENCY_REGISTRY, generateSigningKeyPair, MappaArea, REGISTER_PAGE } from '@mappa/shared';
import type { PrincipalClaims } from '@mappa/shared';
import { z } from 'zod';
import { ServiceProcess } from '../processes/service-process';
import { serviceEntryPoint } from '../processes/stack-processes';
import { benchDatabaseUrl, collectCursors, coordinatorsPeople, localServerPid, seededBenchDataset, serverConnections } from './dataset';
import { CURSOR_PAGE, OFFENDER_VIEW } from './documents';
import { DATABASE_SERVER, deployedSection, LOAD_GENERATOR, newSideMeasurement } from './deployed-report';
import type { LevelMeasurement, SideName } from './deployed-report';
import { failureOf, FailureTally } from './failures';
import type { Answer } from './load';
import { bodyOf, post, runRequests, warmUp } from './load';
import type { BenchOptions } from './options';
import { PEER_SETTINGS_VARIABLE } from './peers';
import type { PeerSettings } from './peers';
import { cpuSpent, ownCpuMs, processCpuMs, processAndChildrenCpuMs } from './process-cpu';
import { BENCHMARKS_FILE, withDeployedSection } from './trace-section';
import { CHUNK } from './workload';

/** How many people the view cycles through (each compared first). */
const COMPARED_PEOPLE = 500;
/** Register pages the page cycles through; fewer at a small dataset, but at least `MIN_PAGES`. */
const PAGES = 20;
const MIN_PAGES = 5;
/** A cold start of eighteen processes on a loaded 2-core machine takes a while. */
const START_TIMEOUT_MS = 240_000;
export const SHUTDOWN_GRACE_MS = 2_000;
/**
 * Each service's database pool unless DATABASE_POOL_SIZE says otherwise. Fourteen services run at once
 * (two gateways, twelve subgraphs): at the product's default of 10 each they could open 140 connections,
 * beyond a default server's `max_connections` of 100 (shared with whatever else runs), where the
 * server refuses the rest and requests fail for the benchmark's set-up, not the product's. At 4,
 * 56. Every side gets the same, so the ratios compare like with like.
 */
export const DEFAULT_POOL_SIZE = 4;
/**
 * The services with a database pool: two gateways (the product's and everything off's) and each one's
 * subgraphs (the peers hold no connection of their own).
 */
const SERVICES = 2 + 2 * AGENCY_REGISTRY.length;

/** A gateway the load generator sends the operations to. */
interface Front {
  readonly name: string;
  readonly url: string;
  /** The operation sent by its registered id (the product) or as text (the peers know no manifest). */
  readonly byId: boolean;
  readonly headers: Record<string, string>;
}

/** A measured gateway (and the subgraphs behind it). */
interface Side extends Front {
  readonly name: SideName;
  /** Label → process id: `gateway` and each subgraph's name. */
  readonly pids: Readonly<Record<string, number>>;
}

export interface DeployedOperation {
  readonly name: string;
  readonly query: string;
  readonly variables: (i: number) => Record<string, unknown>;
}

export async function runDeployedBench(options: BenchOptions): Promise<void> {
  const loadAtStart = loadavg();
  const url = await benchDatabaseUrl(options.offenders);
  const poolSize = z.coerce.number().int().min(1).default(DEFAULT_POOL_SIZE).parse(process.env.DATABASE_POOL_SIZE);
  await checkConnectionBudget(url, poolSize);
  const dataset = await seededBenchDataset(url, options);
  // Every side's services share the one server, and only one side runs at a time: its CPU while a
  // side's chunk runs is that side's (null when the server is not a process here to read).
  const serverPid = await localServerPid(url);
  const issuer = await LocalIssuer.generate('urn:mappa:bench-issuer');
  const principal: PrincipalClaims = {
    staffId: 'BENCH0001',
    agency: 'mappa_unit',
    roles: ['mappa_coordinator'],
    area: MappaArea.LONDON,
    clearance: 'SC',
  };
  const token = await issuer.mint(principal);
  const key = await generateSigningKeyPair();
  const directory = await mkdtemp(join(tmpdir(), 'mappa-bench-'));
  // The documents the product's "front end" registered: a flat manifest, SHA-256 → text.
  const manifest = join(directory, 'trusted-documents.json');
  await writeFile(manifest, JSON.stringify(Object.fromEntries([OFFENDER_VIEW, REGISTER_PAGE, CURSOR_PAGE].map((d) => [sha256Hex(d), d]))));
  const started: ServiceProcess[] = [];
  const start = async (service: string, module: string, env: NodeJS.ProcessEnv) => {
    const running = await ServiceProcess.start(service, module, env, START_TIMEOUT_MS, options.nodeFlags);
    started.push(running);
    return running;
  };
  // Each side's services see the same environment but for what the side is.
  const common = benchServiceEnv(url, poolSize);
  const subgraphEnv: NodeJS.ProcessEnv = { ...common, PORT: '0', GATEWAY_PUBLIC_KEYS: JSON.stringify({ keys: [key.publicJwk] }) };
  const gatewayEnv = (subgraphs: Readonly<Record<string, ServiceProcess>>): NodeJS.ProcessEnv => ({
    ...common,
    GATEWAY_PORT: '0',
    GATEWAY_ASSERTION_KEY: JSON.stringify(key.privateJwk),
    ...Object.fromEntries(AGENCY_REGISTRY.map(({ name, urlVariable }) => [urlVariable, `${subgraphs[name]!.url}/graphql`])),
    STATISTICS_KEY_SECRET: randomBytes(32).toString('base64url'),
    TRUSTED_ISSUERS: JSON.stringify([
      {
        issuer: issuer.issuerName,
        audience: GATEWAY_AUDIENCE,
        agencies: VOUCHES_FOR_EVERYONE.agencies,
        maxClearance: VOUCHES_FOR_EVERYONE.maxClearance,
        jwks: { keys: [issuer.publicJwk()] },
      },
    ]),
    MAPPA_DEV_ISSUER: 'disabled',
    TRUSTED_DOCUMENTS: 'required',
    TRUSTED_DOCUMENTS_MANIFEST: manifest,
    // One address, one principal, thousands of requests a second: the product's work, not its rate limits.
    RATE_LIMIT_SOURCE_CAPACITY: '1000000000',
    RATE_LIMIT_SOURCE_REFILL_PER_SECOND: '100000000',
    RATE_LIMIT_PRINCIPAL_CAPACITY: '1000000000',
    RATE_LIMIT_PRINCIPAL_REFILL_PER_SECOND: '100000000',
  });
  const everythingOff = join(__dirname, 'everything-off.main.js');
  // A control run starts the "everything off" side with everything on (everything-off.main.ts).
  const offEnv: NodeJS.ProcessEnv = options.control ? { BENCH_CONTROL: 'on' } : {};
  const startSubgraphs = async (off: boolean) => {
    const outcomes = await Promise.allSettled(
      AGENCY_REGISTRY.map(({ name }) =>
        off
          ? start(`${name} (off)`, everythingOff, { ...subgraphEnv, ...offEnv, BENCH_SERVICE: name })
          : start(name, serviceEntryPoint(name), subgraphEnv),
      ),
    );
    const failure = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failure) throw failure.reason;
    return Object.fromEntries(
      AGENCY_REGISTRY.map(({ name }, index) => [name, (outcomes[index] as PromiseFulfilledResult<ServiceProcess>).value]),
    );
  };
  try {
    process.stderr.write('starting the product, its peers and everything off, one process per service\n');
    const subgraphs = await startSubgraphs(false);
    const subgraphsOff = await startSubgraphs(true);
    const peerEnv = (behind: Readonly<Record<string, ServiceProcess>>): NodeJS.ProcessEnv => {
      const settings: PeerSettings = {
        host: '127.0.0.1',
        subgraphUrls: Object.fromEntries(Object.entries(behind).map(([name, service]) => [name, `${service.url}/graphql`])),
        assertionKey: key.privateJwk as PeerSettings['assertionKey'],
        // The caller the product's gateway vouches for on these operations.
        caller: { principal: { ...principal, issuer: issuer.issuerName }, declaredPurpose: { purpose: 'MAPPA_SCREENING', caseId: null } },
      };
      // Hive Gateway reads LOG_LEVEL too, and knows no `silent`: errors only.
      return { ...common, LOG_LEVEL: 'error', [PEER_SETTINGS_VARIABLE]: JSON.stringify(settings) };
    };
    const apolloPeer = join(__dirname, 'apollo-peer.main.js');
    const hivePeer = join(__dirname, 'hive-peer.main.js');
    const [gateway, gatewayOff, apollo, hive, apolloOff, hiveOff] = await Promise.all([
      start('gateway', serviceEntryPoint('gateway'), gatewayEnv(subgraphs)),
      start('gateway (off)', everythingOff, { ...gatewayEnv(subgraphsOff), ...offEnv, BENCH_SERVICE: 'gateway' }),
      start('bare @apollo/gateway', apolloPeer, peerEnv(subgraphs)),
      start('Hive Gateway', hivePeer, peerEnv(subgraphs)),
      start('bare @apollo/gateway (off)', apolloPeer, peerEnv(subgraphsOff)),
      start('Hive Gateway (off)', hivePeer, peerEnv(subgraphsOff)),
    ]);
    const pidsOf = (front: ServiceProcess, behind: Readonly<Record<string, ServiceProcess>>) => ({
      gateway: front.pid,
      ...Object.fromEntries(Object.entries(behind).map(([name, service]) => [name, service.pid])),
    });
    const productHeaders = { authorization: `Bearer ${token}`, 'x-mappa-purpose': 'MAPPA_SCREENING' };
    const sides: Side[] = [
      { name: 'product', url: `${gateway!.url}/graphql`, byId: true, headers: productHeaders, pids: pidsOf(gateway!, subgraphs) },
      { name: 'bare @apollo/gateway', url: `${apollo!.url}/graphql`, byId: false, headers: {}, pids: pidsOf(apollo!, subgraphs) },
      { name: 'Hive Gateway', url: `${hive!.url}/graphql`, byId: false, headers: {}, pids: pidsOf(hive!, subgraphs) },
      {
        name: 'everything off',
        url: `${gatewayOff!.url}/graphql`,
        byId: true,
        headers: productHeaders,
        pids: pidsOf(gatewayOff!, subgraphsOff),
      },
    ];
    // The product's subgraphs serve the product and both peers. A control run found that serving the
    // peers too makes a subgraph process cheaper per request (docs/benchmarks.md, "The control run's
    // bias"): everything off's subgraphs would have been measured serving one gateway against the
    // product's serving three. So everything off's subgraphs get the peers' traffic as well, from peers
    // of their own, in the same turn: sent, checked, not measured. Each set of subgraphs then serves its
    // own gateway and a bare @apollo/gateway and a Hive Gateway, in one block of the rotation (product,
    // peers | off, its peers), reversed every other chunk like the rest.
    const offPeers: Front[] = [
      { name: 'bare @apollo/gateway (off)', url: `${apolloOff!.url}/graphql`, byId: false, headers: {} },
      { name: 'Hive Gateway (off)', url: `${hiveOff!.url}/graphql`, byId: false, headers: {} },
    ];
    const rotation: Front[] = [...sides, ...offPeers];
    const { pncIds, restricted } = coordinatorsPeople(dataset, principal.area, COMPARED_PEOPLE);
    const ownArea = { area: principal.area };
    const cursors = await collectCursors(sides[0]!.url, PAGES, productHeaders, ownArea, restricted, MIN_PAGES);
    const operations: DeployedOperation[] = [
      {
        name: 'single offender view (5 agencies), co-ordinator',
        query: OFFENDER_VIEW,
        variables: (i) => ({ pncId: pncIds[i % pncIds.length] }),
      },
      {
        name: `50-offender page (5 agencies), co-ordinator (${cursors.length} pages)`,
        query: REGISTER_PAGE,
        variables: (i) => ({ after: cursors[i % cursors.length], filter: ownArea }),
      },
    ];
    const sendTo = (front: Front, operation: DeployedOperation, i: number): Promise<Answer> =>
      post(front.url, bodyOf(operation.query, operation.variables(i), front.byId), front.headers);
    const checks: string[] = [];
    for (const operation of operations)
      checks.push(
        await checkSameAnswers(operation, rotation, Math.min(COMPARED_PEOPLE, options.rounds * options['requests-per-round']), sendTo),
      );
    const levels: LevelMeasurement[] = options.concurrencyLevels.map((concurrency) => ({
      concurrency,
      measurements: operations.map(() => sides.map(() => newSideMeasurement())),
    }));
    // Warm-up of each operation on every side at the highest level, which also opens every connection
    // the measured rounds will use.
    await warmUp(
      operations.flatMap((operation) => rotation.map((front) => (i: number) => sendTo(front, operation, i))),
      Math.max(...options.concurrencyLevels),
    );
    const perRound = options['requests-per-round'];
    // What everything off's own peers were sent and how much of it failed: unequal traffic would be a bias again.
    const offPeersSent = { requests: 0, failures: new FailureTally() };
    // The levels are interleaved within each round (in order, then reversed), rather than measured one
    // block per level: what is compared across levels (how a ratio moves with concurrency) then sees the
    // same machine, whose load drifts over a run of this length on a shared machine; within a level the
    // sides alternate chunk by chunk as before, so each level's own ratios are as fair as a one-level run's.
    for (let round = 0; round < options.rounds; round += 1) {
      for (const level of round % 2 === 0 ? levels : [...levels].reverse()) {
        const order = round % 2 === 0 ? operations : [...operations].reverse();
        for (const operation of order) {
          const o = operations.indexOf(operation);
          for (const measurement of level.measurements[o]!) measurement.rounds.push({ requests: 0, busyMs: 0 });
          // The sides alternate in chunks, in order and then reversed, so each one's mean position is the same.
          for (let chunk = 0, done = 0; done < perRound; chunk += 1, done += CHUNK) {
            const size = Math.min(CHUNK, perRound - done);
            for (const front of chunk % 2 === round % 2 ? rotation : [...rotation].reverse()) {
              const send = async (i: number) => failureOf(await sendTo(front, operation, round * perRound + done + i));
              const side = sides.find((candidate) => candidate === front);
              if (!side) {
                const result = await runRequests(size, level.concurrency, send);
                offPeersSent.requests += result.latenciesMs.length;
                offPeersSent.failures.addAll(result.failures);
                continue;
              }
              const before = await readCpu(side.pids, serverPid);
              const result = await runRequests(size, level.concurrency, send);
              const after = await readCpu(side.pids, serverPid);
              const measurement = level.measurements[o]![sides.indexOf(side)]!;
              measurement.latenciesMs.push(...result.latenciesMs);
              measurement.busyMs += result.wallMs;
              measurement.failures.addAll(result.failures);
              measurement.cpu.add(cpuSpent(before, after), result.latenciesMs.length);
              measurement.rounds[round]!.requests += result.latenciesMs.length;
              measurement.rounds[round]!.busyMs += result.wallMs;
            }
          }
        }
      }
      process.stderr.write(`round ${round + 1}/${options.rounds} done\n`);
    }
    const section = deployedSection({
      options,
      operations,
      sides,
      levels,
      checks,
      offPeersSent,
      loadAtStart,
      loadAtEnd: loadavg(),
      poolSize,
      serverMeasured: serverPid !== null,
    });
    process.stdout.write(section);
    // A control run checks the instrument, and services started with other Node flags are not the
    // product as it runs: neither's figures are the product's.
    if (!options.control && options.nodeFlags.length === 0) writeFileSync(BENCHMARKS_FILE, withDeployedSection(section));
  } finally {
    // The gateways (and peers) first, while the subgraphs still answer what they have in flight.
    const gateways = started.filter((service) => !AGENCY_REGISTRY.some(({ name }) => service.service.startsWith(name)));
    await Promise.all(gateways.map((service) => service.stop(SHUTDOWN_GRACE_MS)));
    await Promise.all(started.filter((service) => !gateways.includes(service)).map((service) => service.stop(SHUTDOWN_GRACE_MS)));
    await rm(directory, { recursive: true, force: true });
  }
}

/**
 * Refuses to start when every service's pool, full, could not fit on the server: requests would then
 * fail with "too many clients already" (53300) for the benchmark's set-up, not the product's, as the
 * concurrency-16 runs of issue 15 did with the default pool of 10 (140 connections against 100).
 * Warns when they fit only with fewer connections open than now (the server is shared).
 */
async function checkConnectionBudget(url: string, poolSize: number): Promise<void> {
  const needed = SERVICES * poolSize;
  const { limit, open } = await serverConnections(url);
  if (needed > limit)
    throw new Error(
      `${SERVICES} services × DATABASE_POOL_SIZE ${poolSize} = ${needed} connections, above the server's ${limit}: lower DATABASE_POOL_SIZE`,
    );
  if (needed > limit - open)
    process.stderr.write(
      `warning: ${SERVICES} services × DATABASE_POOL_SIZE ${poolSize} = ${needed} connections, and only ${limit - open} of ${limit} are free now: at high concurrency requests may fail with "too many clients already"\n`,
    );
}

/**
 * What every service process the benchmark starts sees, whichever run: production, silent, its pool of
 * `poolSize` on `url`, and no Redis (one replica of each service keeps its state in memory).
 */
export function benchServiceEnv(url: string, poolSize: number): NodeJS.ProcessEnv {
  const { REDIS_URL: _redis, ...withoutSharedState } = process.env;
  return {
    ...withoutSharedState,
    DATABASE_URL: url,
    DATABASE_POOL_SIZE: String(poolSize),
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    REQUIRE_SHARED_STATE: 'false',
    SHUTDOWN_GRACE_MS: String(SHUTDOWN_GRACE_MS),
    METRICS_PORT: '0',
    APOLLO_TELEMETRY_DISABLED: 'true',
  };
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Data and no errors: every side serves the co-ordinator every field these operations ask for. */
function answeredOk(answer: Answer): boolean {
  return failureOf(answer) === null;
}

/** CPU ms so far of each labelled process, of this one (the load generator) and of the database server when it is read. */
async function readCpu(pids: Readonly<Record<string, number>>, serverPid: number | null): Promise<Record<string, number>> {
  const entries = await Promise.all(Object.entries(pids).map(async ([label, pid]) => [label, await processCpuMs(pid)] as const));
  const reading: Record<string, number> = Object.fromEntries(entries);
  if (serverPid !== null) reading[DATABASE_SERVER] = await processAndChildrenCpuMs(serverPid);
  reading[LOAD_GENERATOR] = ownCpuMs();
  return reading;
}

/**
 * Sends every distinct request of the first `requests` the measurement will send to every side and
 * throws unless each answers with data, no errors, and the product's data (the first side's) exactly.
 * Returns one line for the report.
 */
export async function checkSameAnswers<S extends { readonly name: string }, O extends DeployedOperation>(
  operation: O,
  sides: readonly S[],
  requests: number,
  sendTo: (side: S, operation: O, i: number) => Promise<Answer>,
): Promise<string> {
  const distinct = new Map<string, number>();
  for (let i = 0; i < requests; i += 1) {
    const key = JSON.stringify(operation.variables(i));
    if (!distinct.has(key)) distinct.set(key, i);
  }
  for (const i of distinct.values()) {
    const answers = await Promise.all(sides.map((side) => sendTo(side, operation, i)));
    const product = JSON.stringify(answers[0]!.body.data);
    answers.forEach((answer, s) => {
      if (!answeredOk(answer))
        throw new Error(
          `${operation.name}: request ${i} failed on ${sides[s]!.name} (status ${answer.status}, ${JSON.stringify(answer.body.errors?.map((e) => `${e.extensions?.code ?? ''}: ${e.message ?? ''}`) ?? []).slice(0, 500)})`,
        );
      if (JSON.stringify(answer.body.data) !== product)
        throw new Error(`${operation.name}: request ${i} answered differently by ${sides[s]!.name} and the product`);
    });
  }
  return `${operation.name}: ${distinct.size} distinct requests, the same data and no errors from ${sides.map((side) => side.name).join(', ')}.`;
}
