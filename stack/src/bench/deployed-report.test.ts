import { deployedSection, newSideMeasurement } from './deployed-report';
import type { DeployedRun, SideMeasurement, SideName } from './deployed-report';
import { FailureTally } from './failures';
import { parseBenchOptions } from './options';

// Issue 15 judges the product by the ratios in the deployed run's summary: they are worked out here by
// hand from the goals' definitions (requests/s and CPU per request, product against the bare gateway
// and everything on against everything off), not from the report's code.
describe("the deployed run's summary of issue 15's goals", () => {
  /** One side's figures: `requests` requests over `busyMs`, and CPU ms in all per process. */
  function measured(
    requests: number,
    busyMs: number,
    cpuMs: Readonly<Record<string, number>>,
    failures = new FailureTally(),
  ): SideMeasurement {
    const m = newSideMeasurement();
    m.latenciesMs.push(...Array.from({ length: requests }, (_, i) => 1 + (i % 10)));
    m.busyMs = busyMs;
    m.failures.addAll(failures);
    m.cpu.add(cpuMs, requests);
    m.rounds.push({ requests, busyMs });
    return m;
  }

  // Per request: the product's gateway 5 ms, police 2, probation, prison, yot and mappa 1 each,
  // home-office 0, so all services 5 + 2 + 4 = 11; the server 3. Everything off: gateway 2.5, the five
  // subgraphs 0.5 each, all services 5; server 1.5. The bare gateway 4 ms at its own gateway.
  const subgraphsAt = (police: number, others: number) => ({
    police,
    probation: others,
    prison: others,
    yot: others,
    mappa: others,
    'home-office': 0,
  });
  const failedOnce = new FailureTally();
  failedOnce.add('HTTP 502: no code');
  const sides: { readonly name: SideName; readonly m: SideMeasurement }[] = [
    { name: 'product', m: measured(100, 1_000, { gateway: 500, ...subgraphsAt(200, 100), 'database server': 300, 'load generator': 50 }) },
    { name: 'bare @apollo/gateway', m: measured(100, 800, { gateway: 400, ...subgraphsAt(200, 100), 'database server': 300 }) },
    { name: 'Hive Gateway', m: measured(100, 900, { gateway: 450, ...subgraphsAt(200, 100), 'database server': 300 }, failedOnce) },
    { name: 'everything off', m: measured(100, 500, { gateway: 250, ...subgraphsAt(50, 50), 'database server': 150 }) },
  ];
  const offPeersFailures = new FailureTally();
  offPeersFailures.add('no answer: ECONNRESET', 2);
  const run: DeployedRun = {
    options: parseBenchOptions([
      '--only',
      'deployed',
      '--offenders',
      '10000',
      '--rounds',
      '1',
      '--requests-per-round',
      '100',
      '--concurrency',
      '1',
    ]),
    operations: [{ name: 'single offender view (5 agencies), co-ordinator' }],
    sides: sides.map(({ name }) => ({ name })),
    levels: [{ concurrency: 1, measurements: [sides.map(({ m }) => m)] }],
    checks: ['checked'],
    offPeersSent: { requests: 200, failures: offPeersFailures },
    loadAtStart: [1, 1, 1],
    loadAtEnd: [2, 2, 2],
    poolSize: 4,
    serverMeasured: true,
  };
  const section = deployedSection(run);

  it('reads each goal ratio: throughput and gateway CPU against the bare gateway, throughput and CPU on against off', () => {
    const row = section.split('\n').find((line) => line.startsWith('| 1 | single offender view |'));
    // Throughput 100 vs 125 requests/s: 0.80. Gateway CPU 5 vs 4: 1.25. Throughput on/off 100 vs 200: 0.50.
    // All services 11 vs 5: 2.20. Server 3 vs 1.5: 2.00. Busiest subgraph: police, 2.00. All services 11.00.
    expect(row).toBe('| 1 | single offender view | 0.80 | 1.25 | 0.50 | 2.20 | 2.00 | 2.00 (police) | 11.00 | 0 / 0 / 1 / 0 |');
  });

  it("says what everything off's own peers were sent, and what of it failed", () => {
    expect(section.replace(/\s+/g, ' ')).toContain('were sent 200 requests in the measured rounds; failed: 2 × no answer: ECONNRESET.');
  });

  it("names the failure a peer's request met, by status and code", () => {
    expect(section).toContain('| Hive Gateway | 1 of 100 | 1 × HTTP 502: no code |');
  });
});
