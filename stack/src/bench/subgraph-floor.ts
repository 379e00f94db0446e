// `npm run bench -- --only subgraph` (issue 15's "each subgraph ≤ 1.5 ms CPU per request"): one
// subgraph alone, measured against the least a subgraph on this stack does. The product's police
// subgraph from its own entry point (production, policies and the audit trail on, the signed
// assertion checked) and the floor (floor-subgraph.main.ts: Apollo Server, @apollo/subgraph, one
// prepared statement) run side by side on the same database, each in a process of its own, and this
// process sends both the police part of the single offender view: no gateway in between, so a
// subgraph's CPU per request is measured without the other services' processes sharing the cores.
// The assertions are signed here, as the gateway would; that is the load generator's CPU, kept apart.
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { ASSERTION_HEADER, GatewayAssertionSigner, generateSigningKeyPair, MappaArea, todayOf } from '@mappa/shared';
import type { Caller } from '@mappa/shared';
import { ServiceProcess } from '../processes/service-process';
import { serviceEntryPoint } from '../processes/stack-processes';
import { benchDatabaseUrl, coordinatorsPeople, seededBenchDataset } from './dataset';
import { benchServiceEnv, checkSameAnswers, DEFAULT_POOL_SIZE, SHUTDOWN_GRACE_MS } from './deployed';
import type { DeployedOperation } from './deployed';
import { LOAD_GENERATOR } from './deployed-report';
import { failureOf } from './failures';
import { bodyOf, post, runRequests, warmUp } from './load';
import type { Answer } from './load';
import type { BenchOptions } from './options';
import { nodeFlagsArgument } from './options';
import { CpuLedger, cpuSpent, formatRatio, ownCpuMs, processCpuMs } from './process-cpu';
import { CHUNK } from './workload';

/** The police part of the single offender view: the fields the product's gateway asks the police subgraph for (its plan adds `__typename`s). */
export const POLICE_PART_OF_THE_VIEW =
  'query($pncId: ID!) { offender(pncId: $pncId) { pncId identity { firstName lastName dateOfBirth } visorNominal { visorReference status } } }';

const PEOPLE = 500;
const START_TIMEOUT_MS = 120_000;

/** The caller every assertion vouches for: the co-ordinator of the deployed run, screening. */
const CALLER: Caller = {
  principal: {
    staffId: 'BENCH0001',
    agency: 'mappa_unit',
    roles: ['mappa_coordinator'],
    area: MappaArea.LONDON,
    clearance: 'SC',
    issuer: 'urn:mappa:bench-issuer',
  },
  declaredPurpose: { purpose: 'MAPPA_SCREENING', caseId: null },
};

interface FloorSide {
  readonly name: 'product police subgraph' | 'floor subgraph';
  readonly service: ServiceProcess;
  /** Headers for one request's body: the product's needs a fresh signed assertion for it. */
  readonly headersFor: (body: string) => Promise<Record<string, string>>;
}

export async function runSubgraphFloorBench(options: BenchOptions): Promise<void> {
  const loadAtStart = loadavg();
  const url = await benchDatabaseUrl(options.offenders);
  const dataset = await seededBenchDataset(url, options);
  const { pncIds } = coordinatorsPeople(dataset, CALLER.principal.area, PEOPLE);
  const key = await generateSigningKeyPair();
  const signer = await GatewayAssertionSigner.fromJwk(key.privateJwk);
  const env = { ...benchServiceEnv(url, DEFAULT_POOL_SIZE), PORT: '0', GATEWAY_PUBLIC_KEYS: JSON.stringify({ keys: [key.publicJwk] }) };
  process.stderr.write('starting the product police subgraph and the floor subgraph\n');
  const starts = await Promise.allSettled([
    ServiceProcess.start('police', serviceEntryPoint('police'), env, START_TIMEOUT_MS, options.nodeFlags),
    ServiceProcess.start('floor subgraph', join(__dirname, 'floor-subgraph.main.js'), env, START_TIMEOUT_MS, options.nodeFlags),
  ]);
  const [product, floor] = starts.map((start) => (start.status === 'fulfilled' ? start.value : undefined));
  if (!product || !floor) {
    // One did not start: stop the other, and say why.
    await Promise.all([product, floor].map((started) => started?.stop(SHUTDOWN_GRACE_MS)));
    throw starts.map((start) => (start.status === 'rejected' ? (start.reason as unknown) : undefined)).find(Boolean);
  }
  let assertions = 0;
  const sides: FloorSide[] = [
    {
      name: 'product police subgraph',
      service: product,
      headersFor: async (body) => ({ [ASSERTION_HEADER]: await signer.sign('police', CALLER, `bench-floor-${(assertions += 1)}`, body) }),
    },
    { name: 'floor subgraph', service: floor, headersFor: () => Promise.resolve({}) },
  ];
  const operation: DeployedOperation = {
    name: 'police part of the single offender view, co-ordinator',
    query: POLICE_PART_OF_THE_VIEW,
    variables: (i) => ({ pncId: pncIds[i % pncIds.length] }),
  };
  const send = async (side: FloorSide, i: number): Promise<Answer> => {
    const body = bodyOf(operation.query, operation.variables(i));
    return post(`${side.service.url}/graphql`, body, await side.headersFor(body));
  };
  try {
    const compared = await checkSameAnswers(
      operation,
      sides,
      Math.min(PEOPLE, options.rounds * options['requests-per-round']),
      (side, _, i) => send(side, i),
    );
    await warmUp(
      sides.map((side) => (i: number) => send(side, i)),
      4,
    );
    const rows: string[] = [];
    let failed = 0;
    for (const concurrency of options.concurrencyLevels) {
      const ledgers = new Map(sides.map((side) => [side.name, new CpuLedger()]));
      const wall = new Map(sides.map((side) => [side.name, 0]));
      const roundRatios: number[] = [];
      for (let round = 0; round < options.rounds; round += 1) {
        const perRound = new Map(sides.map((side) => [side.name, new CpuLedger()]));
        // The sides alternate in chunks, and which goes first alternates by round, so the machine's
        // drifting load falls on both alike.
        for (let sent = 0; sent < options['requests-per-round']; sent += CHUNK) {
          const chunk = Math.min(CHUNK, options['requests-per-round'] - sent);
          for (const side of round % 2 === 0 ? sides : [...sides].reverse()) {
            const before = { [side.name]: await processCpuMs(side.service.pid), [LOAD_GENERATOR]: ownCpuMs() };
            const result = await runRequests(chunk, concurrency, async (i) => failureOf(await send(side, round * 1_000 + sent + i)));
            wall.set(side.name, wall.get(side.name)! + result.wallMs);
            failed += result.errors;
            const spent = cpuSpent(before, { [side.name]: await processCpuMs(side.service.pid), [LOAD_GENERATOR]: ownCpuMs() });
            ledgers.get(side.name)!.add(spent, chunk);
            perRound.get(side.name)!.add(spent, chunk);
          }
        }
        roundRatios.push(
          perRound.get(sides[0]!.name)!.perRequest(sides[0]!.name) / perRound.get(sides[1]!.name)!.perRequest(sides[1]!.name),
        );
      }
      const sorted = roundRatios.filter(Number.isFinite).sort((a, b) => a - b);
      const spread = sorted.length
        ? `${sorted[Math.floor(sorted.length / 2)]!.toFixed(2)} (${sorted[0]!.toFixed(2)}–${sorted[sorted.length - 1]!.toFixed(2)})`
        : '–';
      const productCpu = ledgers.get(sides[0]!.name)!.perRequest(sides[0]!.name);
      const floorCpu = ledgers.get(sides[1]!.name)!.perRequest(sides[1]!.name);
      for (const side of sides) {
        const ledger = ledgers.get(side.name)!;
        const isProduct = side === sides[0];
        rows.push(
          `| ${concurrency} | ${side.name} | ${((ledger.requests / wall.get(side.name)!) * 1_000).toFixed(0)} | ${ledger.perRequest(side.name).toFixed(2)} | ${isProduct ? formatRatio(productCpu, floorCpu) : ''} | ${isProduct ? spread : ''} | ${ledger.perRequest(LOAD_GENERATOR).toFixed(2)} |`,
        );
      }
    }
    const lines = [
      `### One subgraph against the least a subgraph on this stack does (issue 15)`,
      '',
      `Written by \`npm run bench -- --only subgraph --offenders ${options.offenders} --rounds ${options.rounds} --requests-per-round ${options['requests-per-round']} --concurrency ${options.concurrencyLevels.join(',')}${nodeFlagsArgument(options.nodeFlags)}\` on ${todayOf()}; load average at the start ${loadAtStart.map((value) => value.toFixed(1)).join(' / ')}, at the end ${loadavg()
        .map((value) => value.toFixed(1))
        .join(' / ')}.`,
      `Checked before measuring: ${compared}`,
      '',
      '| concurrency | side | requests/s | CPU ms/request | product/floor (CPU) | per round: median (min–max) | load generator CPU ms/request |',
      '|---:|---|---:|---:|---:|---:|---:|',
      ...rows,
      '',
      `Failed requests: ${failed}.`,
      '',
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    if (failed > 0) process.exitCode = 1;
  } finally {
    await Promise.all([product.stop(SHUTDOWN_GRACE_MS), floor.stop(SHUTDOWN_GRACE_MS)]);
  }
}
