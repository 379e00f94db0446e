// The full run (and `--only pack`, `--statistics-only`, `--register-only`): every stack in this one
// process over the bench database. See bench.main.ts for what is compared.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocalIssuer, trustedDocumentManifestOf } from '@mappa/gateway';
import {
  ASSERTION_HEADER,
  BATCH_JOB_DATABASE_TIMEOUTS,
  byAgency,
  createLogger,
  DatabaseConnection,
  FIVE_AGENCY_VIEW,
  MappaArea,
  MEETING_PACK,
  REGISTER_PAGE,
  syntheticPerson,
} from '@mappa/shared';
import type { PrincipalClaims } from '@mappa/shared';
import { REPOSITORY_ROOT } from '../generate-schemas';
import { startLocalStack } from '../local-stack';
import type { LocalStack } from '../local-stack';
import { auditHeads, auditStatementsOf, checkAuditCounts, countPerOperation, verifyChains } from './audit-accounting';
import { compareAnswers } from './compare';
import { benchDatabaseUrl, busiestVictimLiaisonOfficer, collectCursors, prepareBenchDataset } from './dataset';
import {
  CURSOR_PAGE,
  OFFENDER_VIEW,
  POLICE_IDENTITY,
  STATISTICS_AGGREGATE,
  STATISTICS_AGGREGATE_MAPPA,
  STATISTICS_ANNUAL_REPORT,
} from './documents';
import type { Answer } from './load';
import { runRound, send } from './load';
import { benchMeetings, expectPackServed, meetingPackSection } from './meeting-pack';
import type { BenchOptions } from './options';
import { REGISTER_COUNT_PAGE, registerReport } from './register-workload';
import { renderReport, subgraphCountsLine } from './report';
import { ownCpuMs } from './process-cpu';
import { statisticsOnlyReport, statisticsWorkloads, withStatisticsTables } from './statistics';
import type { StatisticsLayout } from './statistics';
import { startDeployedStatistics } from './statistics-deployed';
import { startStatementRelay } from './statement-relay';
import type { DeployedStatisticsStack } from './statistics-deployed';
import { traceCriticalPaths } from './trace';
import { BENCHMARKS_FILE, keptSections, reportWithoutTrace, traceSection } from './trace-section';
import { CHUNK } from './workload';
import type { BenchStack, Comparison, Measurement, Operation, OperationCounts, Switch, Workload } from './workload';

/** How many people the view workloads cycle through; every one is compared on the stacks first. */
const COMPARED_PEOPLE = 500;
/** How many register pages the page workloads cycle through; every one is compared on the stacks first. */
const PAGES = 20;

export async function runInProcessBench(options: BenchOptions): Promise<void> {
  const packOnly = options.only === 'pack';
  const url = await benchDatabaseUrl(options.offenders);
  const connection = await DatabaseConnection.open({ url }, { poolSize: 20, timeouts: BATCH_JOB_DATABASE_TIMEOUTS });
  const log = createLogger('bench', 'silent');
  const dataset = await prepareBenchDataset(connection, url, options);
  // `--statistics-only` and `--register-only` record the statements one request sends and check their plans:
  // this process's stack then reaches the database through a statement relay, as the deployed layout's
  // services do (statement-relay.ts). pg's clients cannot be patched for it: the pool's SQL tracing binds
  // each connection's `query` when it connects, so a connection made earlier escaped the patch ("read statements 0").
  const relay = options['statistics-only'] || options['register-only'] ? await startStatementRelay(url) : null;
  const stackConnection = relay
    ? await DatabaseConnection.open({ url: relay.urlFor('one process') }, { poolSize: 20, timeouts: BATCH_JOB_DATABASE_TIMEOUTS })
    : connection;
  // A throwaway identity provider standing in for an agency's: the benchmark pays for real token
  // verification at the gateway and real assertion checks in every subgraph.
  const issuer = await LocalIssuer.generate('urn:mappa:bench-issuer');
  const principal: PrincipalClaims = {
    staffId: 'BENCH0001',
    agency: 'mappa_unit',
    roles: ['mappa_coordinator'],
    area: MappaArea.LONDON,
    clearance: 'SC',
  };
  // Authorization has work to do for a PPU officer managing cases: the gateway takes out the fields
  // the officer may not read in this view (the YOT's MAPPA H notification, other agencies' case
  // records) before planning, and each owner checks the rest. With authorization off the officer
  // gets every field. (Under MAPPA_SCREENING, since issue 10, an officer reaches only people their
  // agency referred, so the officer manages cases here; the meeting pack's workloads below measure
  // the officer under MAPPA_MEETING, with the purpose-evidence look-up.)
  const officer: PrincipalClaims = {
    staffId: 'BENCHPPU1',
    agency: 'police',
    roles: ['ppu_officer'],
    area: MappaArea.LONDON,
    clearance: 'BPSS',
  };
  const token = await issuer.mint(principal);
  const officerToken = await issuer.mint(officer);
  // The co-ordinator screening cases may read every field these workloads ask for (principle 3).
  const viaGateway = async () => ({ authorization: `Bearer ${token}`, 'x-mappa-purpose': 'MAPPA_SCREENING' });
  const officerViaGateway = async () => ({ authorization: `Bearer ${officerToken}`, 'x-mappa-purpose': 'CASE_MANAGEMENT' });
  // Calling the police directly, the benchmark signs as the gateway would, once per request.
  const asGateway = async (s: LocalStack, i: number, body: string) => ({
    [ASSERTION_HEADER]: await s.assertionSigner.sign(
      'police',
      { principal: { ...principal, issuer: issuer.issuerName }, declaredPurpose: { purpose: 'MAPPA_SCREENING', caseId: null } },
      `bench-${i}`,
      body,
    ),
  });
  // The operations the benchmark's "front end" registered at build time, as a manifest would hold them.
  const trustedDocuments = {
    mode: 'required' as const,
    manifest: trustedDocumentManifestOf([
      POLICE_IDENTITY,
      OFFENDER_VIEW,
      REGISTER_PAGE,
      CURSOR_PAGE,
      FIVE_AGENCY_VIEW,
      MEETING_PACK,
      STATISTICS_ANNUAL_REPORT,
      STATISTICS_AGGREGATE,
      STATISTICS_AGGREGATE_MAPPA,
      REGISTER_COUNT_PAGE,
    ]),
  };
  const stackOptions = {
    trustedIssuers: [issuer.trustedIssuer()],
    trustedDocuments,
    connection: stackConnection,
    host: '127.0.0.1',
    ports: { gateway: 0, ...byAgency(() => 0) },
    production: true,
    // Every stack of the run rounds statistics alike, as replicas sharing one configured secret would.
    statistics: { keySecret: randomBytes(32).toString('base64url') },
    subgraphTimeoutMs: 10_000,
    log,
    // The benchmark sends thousands of requests a second from one address as one principal: it
    // measures the product's work, not its rate limits, which must never refuse it.
    rateLimits: {
      perSource: { capacity: 1_000_000_000, refillPerSecond: 100_000_000 },
      perPrincipal: { capacity: 1_000_000_000, refillPerSecond: 100_000_000 },
      refusalAuditWindowMs: 60_000,
    },
  };
  const stack = await startLocalStack(stackOptions);
  // An analyst of the principal's area under STATISTICS (issue 13).
  const analystToken = await issuer.mint({
    staffId: 'BENCHANL1',
    agency: 'probation',
    roles: ['analyst'],
    area: principal.area,
    clearance: 'BPSS',
  });
  const statistics = statisticsWorkloads(stack, analystToken, principal.area);
  if (options['register-only']) {
    try {
      const target = {
        gatewayUrl: `${stack.gateway.url}/graphql`,
        headers: await viaGateway(),
        area: principal.area,
        databaseUrl: url,
        offenders: dataset.offenders,
        record: (run: () => Promise<void>) => relay!.record(run),
      };
      process.stdout.write(
        await registerReport({
          ...target,
          rounds: options.rounds,
          requestsPerRound: options['requests-per-round'],
          concurrency: options.concurrency,
        }),
      );
    } finally {
      await stack.close();
      await stackConnection.close();
      await relay?.close();
      await connection.close();
    }
    return;
  }
  if (options['statistics-only']) {
    // Beside this process's stack, the product as deployed over the same database: one process per
    // service with NODE_ENV=production, the same record-key secret (so both answer alike).
    let deployed: DeployedStatisticsStack | null = null;
    try {
      deployed = await startDeployedStatistics({
        databaseUrl: url,
        issuer,
        keySecret: stackOptions.statistics.keySecret,
        documents: [STATISTICS_ANNUAL_REPORT, STATISTICS_AGGREGATE, STATISTICS_AGGREGATE_MAPPA],
        subgraphTimeoutMs: stackOptions.subgraphTimeoutMs,
      });
      const { gatewayUrl, cpuMs } = deployed;
      const layouts: StatisticsLayout[] = [
        {
          // The gateway, every subgraph and the load generator in this process, with its NODE_ENV.
          name: `one process, NODE_ENV ${process.env.NODE_ENV ?? 'unset'}`,
          workloads: statistics,
          cpuMs: async () => ({ 'bench process': ownCpuMs() }),
          recordStatements: (run) => relay!.record(run),
        },
        {
          name: 'deployed, NODE_ENV=production',
          workloads: statisticsWorkloads(stack, analystToken, principal.area, gatewayUrl),
          cpuMs,
          recordStatements: deployed.recordStatements,
        },
      ];
      const { report, largeSeqScans } = await statisticsOnlyReport(layouts, connection.database(), options, dataset.offenders, url);
      process.stdout.write(report);
      const page = join(REPOSITORY_ROOT, 'docs', 'benchmarks-statistics.md');
      writeFileSync(page, withStatisticsTables(existsSync(page) ? readFileSync(page, 'utf8') : null, report));
      if (largeSeqScans.length > 0) throw new Error(largeSeqScans.join('\n'));
    } finally {
      await deployed?.close();
      await stack.close();
      await stackConnection.close();
      await relay?.close();
      await connection.close();
    }
    return;
  }
  // BENCHMARK ONLY: the same product with one part off each, over the same database. The audit-off
  // stack enforces authorization, and the authorization-off stack records its audit trail, so each
  // differs from the product in one part only. Not started for `--only pack`, which uses none.
  const offStacks = packOnly
    ? null
    : {
        authorization: await startLocalStack({ ...stackOptions, authorization: 'off' }),
        audit: await startLocalStack({ ...stackOptions, audit: 'off' }),
        documents: await startLocalStack({ ...stackOptions, documentControls: 'off' }),
      };
  const db = connection.database();
  try {
    const product: BenchStack = { stack, label: 'gateway', off: null };
    const switchedOff: readonly (BenchStack & { readonly off: Switch })[] = offStacks
      ? [
          { stack: offStacks.authorization, label: 'authorization off', off: 'authorization' },
          { stack: offStacks.audit, label: 'audit off', off: 'audit' },
          { stack: offStacks.documents, label: 'document controls off', off: 'documents' },
        ]
      : [];
    const headsAtStart = await auditHeads(db);
    // Row scope is by area: ask about people in the principal's area, or every answer would be
    // the (cheap) unknown-person null. About 1 in 42 people, spread over the dataset.
    const local = Array.from({ length: dataset.offenders }, (_, i) => syntheticPerson((i * 7_919) % dataset.offenders, dataset)).filter(
      (person) => person.area === principal.area,
    );
    // A restricted-access person's probation case is limited to the allocated offender manager,
    // so the co-ordinator gets less of it with authorization on: the co-ordinator's workloads leave
    // such people out, so every stack gives the same answers; the officer's workload keeps them.
    const restricted = new Set(local.filter((person) => person.restrictedAccess).map((person) => person.pncId));
    const pncIds = local
      .filter((person) => !person.restrictedAccess)
      .slice(0, COMPARED_PEOPLE)
      .map((person) => person.pncId);
    const officerPncIds = local.slice(0, COMPARED_PEOPLE).map((person) => person.pncId);
    const gatewayUrl = (s: LocalStack) => `${s.gateway.url}/graphql`;
    // An operation's workload on one stack. Fields are denied only where authorization is on.
    const operation = (
      name: string,
      query: string,
      headers: Workload['headers'],
      variables: Workload['variables'],
      deniesFields = false,
    ): Operation => ({
      name,
      deniesFields,
      on: (s) => ({
        name: `${name}, ${s.label}`,
        stack: s.stack,
        url: gatewayUrl,
        headers,
        query,
        byId: s.off !== 'documents',
        variables,
        deniesFields: deniesFields && s.off !== 'authorization',
      }),
    });
    const operations: Operation[] = [];
    if (!packOnly) {
      const liaison = await busiestVictimLiaisonOfficer(url, principal.area);
      const vloToken = await issuer.mint({
        staffId: liaison.staffId,
        agency: 'probation',
        roles: ['victim_liaison_officer'],
        area: principal.area,
        clearance: 'BPSS',
      });
      const vloViaGateway = async () => ({ authorization: `Bearer ${vloToken}`, 'x-mappa-purpose': 'CASE_MANAGEMENT' });
      const ownArea = { area: principal.area };
      const pageCursors = await collectCursors(`${stack.gateway.url}/graphql`, PAGES, await viaGateway(), ownArea, restricted);
      operations.push(
        operation('single offender view (5 agencies), co-ordinator', OFFENDER_VIEW, viaGateway, (i) => ({
          pncId: pncIds[i % pncIds.length],
        })),
        // The register of the principal's own area: the filter makes the off stack (national row scope)
        // page through exactly the rows the enforced stack's area scope leaves, so both answer alike.
        operation('50-offender page (5 agencies), co-ordinator', REGISTER_PAGE, viaGateway, (i) => ({
          after: pageCursors[i % pageCursors.length],
          filter: ownArea,
        })),
        operation(
          'single offender view (5 agencies), PPU officer',
          OFFENDER_VIEW,
          officerViaGateway,
          (i) => ({ pncId: officerPncIds[i % officerPncIds.length] }),
          true,
        ),
        // Issue 12: the victim liaison officer reads only about offenders of their own victims, decided per
        // record on probation's facts (B.15, C.34), which the gateway first asks probation for.
        operation(
          'single offender view (5 agencies), victim liaison officer',
          OFFENDER_VIEW,
          vloViaGateway,
          (i) => ({ pncId: liaison.pncIds[i % liaison.pncIds.length] }),
          true,
        ),
      );
    }
    // Each operation runs once on the product and once on every off stack: the product's side is one
    // workload, shared by the operation's comparisons, so it is measured once.
    const measured = operations.map((op) => ({ op, on: op.on(product), offs: switchedOff.map((s) => ({ s, workload: op.on(s) })) }));
    const comparisons: Comparison[] = measured.flatMap(({ op, on, offs }) =>
      offs.map(({ s, workload }): Comparison => {
        const moreData = s.off === 'authorization' && op.deniesFields;
        return {
          name: op.deniesFields ? `${op.name}, fields denied` : op.name,
          switched: s.off,
          on,
          off: workload,
          answers: moreData ? 'more data with authorization off' : 'same',
        };
      }),
    );
    // The meeting pack (issue 10): the PPU officer, invited to and signed in at meetings about people
    // of the area, sends the pack, and beside it the single offender view of the same subject with the
    // same selection (FIVE_AGENCY_VIEW) under the same meeting: the ratio is what going through the
    // meeting costs. Set up in the bench database directly, fresh each run.
    const meetings = await benchMeetings(db, local, issuer.issuerName, officer.staffId);
    const attendeeAt = async (_s: LocalStack, i: number) => ({
      authorization: `Bearer ${officerToken}`,
      'x-mappa-purpose': 'MAPPA_MEETING',
      'x-mappa-case': meetings[i % meetings.length]!.meetingId,
    });
    const viewAtMeeting: Workload = {
      name: 'single offender view (5 agencies), attendee at the meeting',
      stack,
      url: gatewayUrl,
      headers: attendeeAt,
      query: FIVE_AGENCY_VIEW,
      byId: true,
      variables: (i) => ({ pncId: meetings[i % meetings.length]!.pncId }),
      deniesFields: true,
    };
    const meetingPack: Workload = {
      ...viewAtMeeting,
      name: 'meeting pack (5 agencies), attendee',
      query: MEETING_PACK,
      variables: (i) => ({ meetingId: meetings[i % meetings.length]!.meetingId }),
    };
    await expectPackServed(meetingPack);
    const workloads: Workload[] = packOnly
      ? [viewAtMeeting, meetingPack]
      : [
          {
            name: 'police identity, police subgraph directly',
            stack,
            url: (s) => `${s.subgraphs.police.url}/graphql`,
            headers: asGateway,
            query: POLICE_IDENTITY,
            byId: false,
            variables: (i) => ({ pncId: pncIds[i % pncIds.length] }),
          },
          {
            name: 'police identity, through the gateway',
            stack,
            url: gatewayUrl,
            headers: viaGateway,
            query: POLICE_IDENTITY,
            byId: true,
            variables: (i) => ({ pncId: pncIds[i % pncIds.length] }),
          },
          viewAtMeeting,
          meetingPack,
          ...statistics,
          ...measured.flatMap(({ on, offs }) => [on, ...offs.map(({ workload }) => workload)]),
        ];
    // Before measuring: the co-ordinator gets the same answers from every stack for every request
    // the measurement will send, the officer gets the same with audit on and off, and really is
    // denied fields only with authorization on.
    const checks: string[] = [];
    const productAnswers = new Map<Workload, Map<number, Answer>>();
    for (const comparison of comparisons)
      checks.push(
        await compareAnswers(
          comparison,
          Math.min(COMPARED_PEOPLE, options.rounds * options['requests-per-round']),
          options.concurrency,
          productAnswers,
        ),
      );
    const counts: OperationCounts[] = [];
    for (const workload of workloads)
      counts.push(
        checkAuditCounts(workload, workload.stack === offStacks?.audit ? 'off' : 'recorded', await countPerOperation(workload, db)),
      );
    const measurements = workloads.map<Measurement>(() => ({
      latenciesMs: [],
      busyMs: 0,
      errors: 0,
      auditStatements: 0,
      cpuMs: 0,
      rounds: [],
    }));
    // Warm-up: one short round each, discarded.
    for (const workload of workloads) await runRound(workload, Math.min(50, options['requests-per-round']), options.concurrency, 0);
    const trace = options.trace
      ? await traceCriticalPaths(
          [viewAtMeeting, meetingPack].map((workload) => ({ name: workload.name, send: (i: number) => send(workload, i) })),
          stack,
          options.concurrency,
        )
      : null;
    if (trace !== null) process.stderr.write(trace);
    // The schedule of a round: each group runs in turn; the sides of an operation (the product and
    // each off stack) alternate in chunks, in order and then reversed (on, a, b, b, a, on, …), so
    // every side's mean position in the round is the same and drift within a round, and whatever
    // ran just before, fall on all sides alike. Every other round runs the groups in reverse.
    // The meeting pack and the view beside it alternate in chunks too, as one group.
    const paired = (workload: Workload) =>
      workload === viewAtMeeting ||
      workload === meetingPack ||
      measured.some(({ on, offs }) => on === workload || offs.some((off) => off.workload === workload));
    const groups: Workload[][] = [
      ...workloads.filter((workload) => !paired(workload)).map((workload) => [workload]),
      [viewAtMeeting, meetingPack],
      ...measured.map(({ on, offs }) => [on, ...offs.map(({ workload }) => workload)]),
    ];
    const perRound = options['requests-per-round'];
    for (let round = 0; round < options.rounds; round += 1) {
      for (const measurement of measurements) measurement.rounds.push({ requests: 0, busyMs: 0, latenciesMs: [] });
      const order = round % 2 === 0 ? groups : [...groups].reverse();
      for (const group of order) {
        for (let chunk = 0, done = 0; done < perRound; chunk += 1, done += CHUNK) {
          const size = Math.min(CHUNK, perRound - done);
          const sides = chunk % 2 === round % 2 ? group : [...group].reverse();
          for (const workload of sides) {
            // Read outside the timed requests; one workload runs at a time, so the difference is its own.
            const auditBefore = auditStatementsOf(workload.stack);
            const cpuBefore = process.cpuUsage();
            const result = await runRound(workload, size, options.concurrency, round * perRound + done);
            const cpu = process.cpuUsage(cpuBefore);
            const measurement = measurements[workloads.indexOf(workload)]!;
            measurement.latenciesMs.push(...result.latenciesMs);
            measurement.busyMs += result.wallMs;
            measurement.errors += result.errors;
            measurement.auditStatements += auditStatementsOf(workload.stack) - auditBefore;
            measurement.cpuMs += (cpu.user + cpu.system) / 1000;
            measurement.rounds[round]!.requests += result.latenciesMs.length;
            measurement.rounds[round]!.busyMs += result.wallMs;
            measurement.rounds[round]!.latenciesMs.push(...result.latenciesMs);
          }
        }
      }
      process.stderr.write(`round ${round + 1}/${options.rounds} done\n`);
    }
    const chains = await verifyChains(connection, headsAtStart, await auditHeads(db));
    const packMeasurement = measurements[workloads.indexOf(meetingPack)]!;
    const viewMeasurement = measurements[workloads.indexOf(viewAtMeeting)]!;
    const packSection = meetingPackSection(packMeasurement, viewMeasurement, options.concurrency);
    if (packOnly) {
      // A quick iteration's answer: the pack's section and its counts, never the full run's report.
      const countsLines = workloads.map((workload, w) => `- ${workload.name}: ${subgraphCountsLine(counts[w]!)}`);
      const quick = (heading?: string) =>
        `${meetingPackSection(packMeasurement, viewMeasurement, options.concurrency, heading)}\nSubgraph requests / SQL statements per request:\n\n${countsLines.join('\n')}\n`;
      process.stdout.write(`${quick()}\n${chains.lines.join('\n')}\n`);
      // A traced run replaces the report's trace section (the full run keeps it as it finds it).
      if (trace !== null)
        writeFileSync(
          BENCHMARKS_FILE,
          `${reportWithoutTrace()}${traceSection(options, trace, quick('### The same quick run, pack against view'))}`,
        );
      return;
    }
    const report = (await renderReport(url, options, workloads, measurements, counts, comparisons, checks, chains)) + packSection;
    process.stdout.write(report);
    writeFileSync(BENCHMARKS_FILE, report + keptSections());
  } finally {
    await offStacks?.documents.close();
    await offStacks?.audit.close();
    await offStacks?.authorization.close();
    await stack.close();
    await connection.close();
  }
}
