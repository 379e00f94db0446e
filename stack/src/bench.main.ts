// `npm run bench`: seeds the PostgreSQL server (DATABASE_URL, or the local server's `mappa_bench`
// database) and measures workloads side by side in one run, interleaved in rounds so that machine
// noise hits every workload alike. Reports ratios, not absolute promises.
//
// On vs off: besides the product as it runs, three more stacks over the same database each run with
// one part switched off (BENCHMARK ONLY switches; this is the only program that passes them):
// `authorization: 'off'` (see `AuthorizationMode`), `audit: 'off'` (see `AuditMode`) and
// `documentControls: 'off'` (see `DocumentControlsMode`). The same operations are measured on all
// four, in the same rounds, and each off stack is compared with the product. The product requires
// trusted documents, as in production: its workloads send each operation's registered id, and the
// documents-off stack the operation's text. Authentication stays on everywhere (token verification at the gateway, a signed assertion
// on every subgraph call), and each off stack leaves out one part only, so each ratio isolates it.
// At the end every audit chain in the database is verified; a broken one fails the run.
import { createHash, randomBytes } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { LocalIssuer, trustedDocumentManifestOf } from '@mappa/gateway';
import {
  ASSERTION_HEADER,
  auditLogHeadTable,
  BATCH_JOB_DATABASE_TIMEOUTS,
  byAgency,
  createLogger,
  DatabaseConnection,
  FIVE_AGENCY_VIEW,
  insertMeetingInSession,
  isUnder18,
  MappaArea,
  MEETING_PACK,
  migrateAgencies,
  REGISTER_PAGE,
  todayOf,
  seedAgencies,
  syntheticPerson,
} from '@mappa/shared';
import type { AuditMode, Database, PrincipalClaims } from '@mappa/shared';
import { z } from 'zod';
import { runAuditVerify } from './audit-verify';
import { REPOSITORY_ROOT } from './generate-schemas';
import { startLocalStack } from './local-stack';
import type { LocalStack } from './local-stack';
import { traceCriticalPaths } from './bench-trace';
import { explainStatements, recordStatements } from './bench/explain-check';
import type { ExplainedStatement } from './bench/explain-check';
import { REGISTER_COUNT_PAGE, registerReport } from './bench/register-workload';
import { progressBar } from './progress-bar';
import { AGENCIES } from './subgraphs';

const DEFAULT_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';
const BENCH_DATABASE = 'mappa_bench';
/** The full run's dataset size: its database is `BENCH_DATABASE`; any other size has one of its own (`benchDatabaseUrl`). */
const DEFAULT_OFFENDERS = 100_000;
/** How many people the view workloads cycle through; every one is compared on the stacks first. */
const COMPARED_PEOPLE = 500;
/** How many register pages the page workloads cycle through; every one is compared on the stacks first. */
const PAGES = 20;
/** Where the audit trail's cost would stop being acceptable, as for authorization: at most 15% overhead. */
const OVERHEAD_GOAL_PERCENT = 15;
/** Document limits and trusted documents are a look-up per request: at most 2% overhead (issue 9). */
const DOCUMENTS_OVERHEAD_GOAL_PERCENT = 2;
// Issue 10: the meeting pack's p99 at most this many times the single offender view's, for the same attendee at the same concurrency.
const MEETING_PACK_P99_GOAL = 1.2;
// Meetings the attendee is signed in to, one subject each, so the pack's requests spread over people as the view's do.
const BENCH_MEETINGS = 20;
const goalOf = (switched: Switch) => (switched === 'documents' ? DOCUMENTS_OVERHEAD_GOAL_PERCENT : OVERHEAD_GOAL_PERCENT);

// The register page the benchmark pages through to collect its cursors.
const CURSOR_PAGE =
  'query($after: String, $filter: OffenderFilter) { offenders(first: 50, after: $after, filter: $filter) { edges { node { pncId } } pageInfo { endCursor hasNextPage } } }';
const POLICE_IDENTITY =
  'query Identity($pncId: ID!) { offender(pncId: $pncId) { pncId identity { firstName lastName dateOfBirth croNumber } } }';
const OFFENDER_VIEW = `query OffenderView($pncId: ID!) {
  offender(pncId: $pncId) {
    pncId
    identity { firstName lastName dateOfBirth }
    visorNominal { visorReference status }
    mappaCase { category level leadAgency area nextReviewDate }
    probationCase { crn status }
    riskOfSeriousHarm { overallRiskLevel }
    custody { prisonNumber }
    sentence { conditionalReleaseDate licenceExpiryDate }
    mappaHNotification { category }
  }
}`;
// Issue 13: the statistics workloads. The annual report (every table) for the analyst's own area, for
// the last reporting year before the dataset's day, and an ad-hoc aggregate over three dimensions of
// three owners (rows, columns and a filter).
const STATISTICS_COUNT = 'count suppressed';
const STATISTICS_TABLE = `rows { value cells { ${STATISTICS_COUNT} } total { ${STATISTICS_COUNT} } } columnTotals { ${STATISTICS_COUNT} } total { ${STATISTICS_COUNT} }`;
const STATISTICS_ANNUAL_REPORT = `query BenchAnnualReport($area: MappaArea!, $year: Int!) {
  annualReport(area: $area, year: $year) {
    offendersOn31March { ${STATISTICS_TABLE} } managedAtLevel2Or3InYear { ${STATISTICS_TABLE} } breachOfNotification { ${STATISTICS_TABLE} }
    civilOrdersImposed { ${STATISTICS_TABLE} } returnedToCustodyForBreachOfLicence { ${STATISTICS_TABLE} } returnedToCustodyForBreachOfLicenceByReason { ${STATISTICS_TABLE} }
    returnedToCustodyForBreachOfOrder { ${STATISTICS_TABLE} } registeredSexOffendersPer100000 { rate suppressed }
    seriousFurtherOffenceCharges { ${STATISTICS_TABLE} } seriousCaseReviews { ${STATISTICS_TABLE} } seriousFurtherOffenceOutcomes { ${STATISTICS_TABLE} }
  }
}`;
const STATISTICS_AGGREGATE = `query BenchAggregate($area: MappaArea!, $filters: [StatisticsFilterInput!]) {
  statisticsAggregate(area: $area, rows: CATEGORY, columns: GENDER, filters: $filters) { ${STATISTICS_TABLE} }
}`;
/** The reporting year the statistics workloads ask for: the last one before the bench dataset's day (2026-11-01). */
const STATISTICS_YEAR = 2025;

/** A part of the product that a BENCHMARK-ONLY switch leaves out, so that its cost can be measured. */
type Switch = 'authorization' | 'audit' | 'documents';

/** One of the stacks the benchmark runs over the one database. */
interface BenchStack {
  readonly stack: LocalStack;
  /** What its workloads are called after: `gateway` for the product as it runs, else what is off. */
  readonly label: string;
  /** The part it runs without; null for the product as it runs. */
  readonly off: Switch | null;
}

interface Workload {
  readonly name: string;
  /** The stack it runs on: the product as it runs, or one with a part switched off. */
  readonly stack: LocalStack;
  readonly url: (stack: LocalStack) => string;
  /** Credentials for one request: a bearer token for the gateway, an assertion for a subgraph (bound to the body). */
  readonly headers: (stack: LocalStack, i: number, body: string) => Promise<Record<string, string>>;
  readonly query: string;
  /** Whether the operation is sent by its registered id (`documentId`) rather than as text. */
  readonly byId: boolean;
  readonly variables: (i: number) => Record<string, unknown>;
  /** Whether FORBIDDEN errors are the expected answer (denied fields), not failures. */
  readonly deniesFields?: boolean;
}

/** An operation, measured on the product and on every stack with a part switched off. */
interface Operation {
  readonly name: string;
  /** Whether the principal is denied fields (where authorization is on): FORBIDDEN is then the expected answer. */
  readonly deniesFields: boolean;
  readonly on: (stack: BenchStack) => Workload;
}

/** One operation measured on the product (`on`) and on a stack with one part switched off (`off`). */
interface Comparison {
  readonly name: string;
  /** What the off side leaves out. */
  readonly switched: Switch;
  readonly on: Workload;
  readonly off: Workload;
  /** What the answers on the two stacks are checked to be before measuring. */
  readonly answers: 'same' | 'more data with authorization off';
}

interface Measurement {
  readonly latenciesMs: number[];
  busyMs: number;
  errors: number;
  /** Audit SQL statements its stack sent while it ran: fewer per request than alone, under group commit. */
  auditStatements: number;
  /**
   * CPU time this process (every service and the load generator) spent while it ran. Unlike
   * requests/s it hardly moves with other load on the machine; the database server's is not in it.
   */
  cpuMs: number;
  /** Requests, busy time and latencies in each round, for the spread of a ratio across rounds. */
  readonly rounds: { requests: number; busyMs: number; readonly latenciesMs: number[] }[];
}

/** What one request of a workload costs, counted with nothing else running. */
interface OperationCounts {
  /** Per subgraph: GraphQL requests it served and data SQL statements it sent. */
  readonly subgraphs: Readonly<Record<string, { requests: number; statements: number }>>;
  /** Per audit log (the gateway's and each subgraph's): entries written and audit SQL statements sent. */
  readonly audit: Readonly<Record<string, { entries: number; statements: number }>>;
}

/** Requests per chunk: within a round, the sides of an operation (product and off stacks) alternate chunk by chunk. */
const CHUNK = 50;

const optionsSchema = z.object({
  offenders: z.coerce.number().int().min(1_000).default(DEFAULT_OFFENDERS),
  rounds: z.coerce.number().int().min(1).default(8),
  // Fewer per round than before the on/off comparison (6 × 300), more rounds: eight workloads, six of
  // them five-agency, and a check of every compared answer keep the run near five minutes on 2 cores.
  'requests-per-round': z.coerce.number().int().min(10).default(200),
  concurrency: z.coerce.number().int().min(1).max(64).default(8),
  reseed: z.boolean().default(false),
  // Only the statistics workloads (issue 13), on the product alone: `--statistics-only --offenders N`.
  'statistics-only': z.boolean().default(false),
  // Only the register at scale (issue 15), on the product alone, with every statement's plan checked: `--register-only --offenders N`.
  'register-only': z.boolean().default(false),
  // `--only pack`: the meeting pack and the single offender view beside it, nothing else (no off
  // stacks, no other workload), reported on stdout: the rest of docs/benchmarks.md is the full run's.
  only: z.enum(['pack']).optional(),
  // With `--only pack`: before measuring, each side's critical path, hop by hop (bench-trace.ts),
  // written with that run's numbers into the last section of docs/benchmarks.md, which the full run keeps.
  trace: z.boolean().default(false),
});

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      offenders: { type: 'string' },
      rounds: { type: 'string' },
      'requests-per-round': { type: 'string' },
      concurrency: { type: 'string' },
      reseed: { type: 'boolean' },
      'statistics-only': { type: 'boolean' },
      'register-only': { type: 'boolean' },
      only: { type: 'string' },
      trace: { type: 'boolean' },
    },
  });
  const options = optionsSchema.parse(values);
  if (options.trace && options.only !== 'pack') throw new Error('--trace traces the meeting pack: run it with --only pack');
  const packOnly = options.only === 'pack';
  const url = await benchDatabaseUrl(options.offenders);
  const connection = await DatabaseConnection.open({ url }, { poolSize: 20, timeouts: BATCH_JOB_DATABASE_TIMEOUTS });
  const dataset = { offenders: options.offenders, seed: 1, asOf: '2026-11-01' };
  const log = createLogger('bench', 'silent');
  await migrateAgencies(connection, AGENCIES);
  if (options.reseed || !(await holdsDataset(url, dataset.offenders))) {
    process.stderr.write(`Seeding ${dataset.offenders.toLocaleString('en-GB')} offenders into ${new URL(url).pathname.slice(1)}\n`);
    await seedAgencies(connection, AGENCIES, dataset, progressBar(dataset.offenders, 'offenders'));
  }
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
      REGISTER_COUNT_PAGE,
    ]),
  };
  const stackOptions = {
    trustedIssuers: [issuer.trustedIssuer()],
    trustedDocuments,
    connection,
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
      await connection.close();
    }
    return;
  }
  if (options['statistics-only']) {
    try {
      const report = await statisticsOnlyReport(statistics, connection.database(), options, dataset.offenders, url);
      process.stdout.write(report);
      writeFileSync(join(REPOSITORY_ROOT, 'docs', 'benchmarks-statistics.md'), report);
    } finally {
      await stack.close();
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
    // Row scope is by area (R-3): ask about people in the principal's area, or every answer would be
    // the (cheap) unknown-person null. About 1 in 42 people, spread over the dataset.
    const local = Array.from({ length: dataset.offenders }, (_, i) => syntheticPerson((i * 7_919) % dataset.offenders, dataset)).filter(
      (person) => person.area === principal.area,
    );
    // A restricted-access person's probation case is limited to the allocated offender manager (R-4),
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
      const pageCursors = await collectCursors(stack, PAGES, await viaGateway(), ownArea, restricted);
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
    writeFileSync(BENCHMARKS_FILE, report + keptTraceSection());
  } finally {
    await offStacks?.documents.close();
    await offStacks?.audit.close();
    await offStacks?.authorization.close();
    await stack.close();
    await connection.close();
  }
}

/**
 * BENCHMARK ONLY: meetings in session about `BENCH_MEETINGS` adults of the area at level 2 or 3 (no
 * counter-terrorism restriction: the officer is not cleared), each with the police PPU invited and
 * the officer signed in (MAPPA E), written straight into the bench database.
 */
async function benchMeetings(db: Database, people: readonly ReturnType<typeof syntheticPerson>[], issuer: string, officerStaffId: string) {
  const today = todayOf();
  const subjects = people
    .filter((person) => person.level >= 2 && person.category !== 4 && !person.restrictedAccess && !isUnder18(person.dateOfBirth, today))
    .slice(0, BENCH_MEETINGS);
  if (subjects.length === 0) throw new Error("no one for the meeting pack's meetings; seed more offenders");
  return Promise.all(
    subjects.map((person) =>
      insertMeetingInSession(db, {
        pncId: person.pncId,
        chair: { staffId: 'BENCHCHAIR', issuer, agency: 'probation' },
        issuer,
        invitees: [{ agency: 'police', role: 'ppu_officer', staffId: officerStaffId, signed: true }],
      }),
    ),
  );
}

const BENCHMARKS_FILE = join(REPOSITORY_ROOT, 'docs', 'benchmarks.md');
/** Where docs/benchmarks.md's last section begins: the meeting pack's critical path, written by `--only pack --trace`. */
const TRACE_HEADING = "## The meeting pack's critical path, traced";

/** docs/benchmarks.md as it stands, split at the trace section: what comes before it, and the section (empty when none). */
function benchmarksFileParts(): { readonly before: string; readonly trace: string } {
  const text = existsSync(BENCHMARKS_FILE) ? readFileSync(BENCHMARKS_FILE, 'utf8') : '';
  const at = text.indexOf(TRACE_HEADING);
  return at < 0 ? { before: text, trace: '' } : { before: text.slice(0, at), trace: text.slice(at) };
}

/** The trace section as the last traced run left it: the full run rewrites everything else. */
function keptTraceSection(): string {
  const { trace } = benchmarksFileParts();
  return trace ? `\n${trace}` : '';
}

/** docs/benchmarks.md without its trace section, ending in one newline. */
function reportWithoutTrace(): string {
  return `${benchmarksFileParts().before.trimEnd()}\n`;
}

/** The trace section: what was run, the traced stages, and that quick run's pack-against-view numbers. */
function traceSection(options: z.infer<typeof optionsSchema>, trace: string, quick: string): string {
  const command = `npm run bench -- --only pack --trace --offenders ${options.offenders} --rounds ${options.rounds} --requests-per-round ${options['requests-per-round']} --concurrency ${options.concurrency}`;
  return `
${TRACE_HEADING}

Written by \`${command}\` on ${todayOf()} (${options.offenders.toLocaleString('en-GB')} offenders; the run above is the full one).
Each stage is measured from outside the product (bench-trace.ts): the start and end of every HTTP
exchange on Node's fetch (the benchmark's request to the gateway, and each of the gateway's calls to a
subgraph, matched by request id), so "wait" is the gateway waiting for a subgraph hop (calls that
overlap are one hop), and "gateway" its own time before, between and after them (token, purpose,
documents; the answer's checks, planning and signing of the next assertions; merging). One request
at a time, the SQL statements inside each hop are listed (verb and first table only) with their time
added up (statements of agencies asked at once overlap, so it can exceed the hop's wait).
Both sides are three hops deep: the purpose-evidence look-up (the MAPPA unit), then the root
field's owner (the police for the view, the MAPPA unit's \`meeting\` for the pack), then every other
agency at once.
${trace}${quick}`;
}

/** One operation's subgraph requests / data SQL statements per subgraph, and in all, on one line. */
function subgraphCountsLine(counts: OperationCounts): string {
  const entries = Object.entries(counts.subgraphs);
  const total = entries.reduce(
    (sum, [, { requests, statements }]) => ({ requests: sum.requests + requests, statements: sum.statements + statements }),
    { requests: 0, statements: 0 },
  );
  return `${entries.map(([name, { requests, statements }]) => `${name} ${requests} / ${statements}`).join(', ')}; total ${total.requests} / ${total.statements}`;
}

/** Throws before measuring unless the pack really serves its subject to the attendee: a null subject would be a cheap answer. */
async function expectPackServed(workload: Workload): Promise<void> {
  const { body } = await send(workload, 0);
  const subject = (body.data as { meeting?: { subject?: { pncId?: string } | null } | null } | null | undefined)?.meeting?.subject;
  if (!subject?.pncId) throw new Error(`${workload.name}: the pack served no subject (${JSON.stringify(body.errors ?? [])})`);
}

/** The full report's heading for the pack's section (a quick traced run titles its own copy apart). */
const MEETING_PACK_HEADING = '## The meeting pack';
/** Under the full report's pack section: how to run just the pack against the view. */
const QUICK_RUN_NOTE = `
To measure just these two quickly: \`npm run bench -- --only pack --offenders 10000\` (its own database,
seeded once); add \`--trace\` for each side's critical path, hop by hop, in the last section below.
`;

/**
 * The report's meeting-pack section: the pack's p99 against the single offender view's, with the goal.
 * A p99 is the tail, which a pause of the machine moves most: beside the run's ratio, the ratio round
 * by round (its spread is the noise) and the CPU per request, which other load hardly moves.
 */
function meetingPackSection(pack: Measurement, view: Measurement, concurrency: number, heading = MEETING_PACK_HEADING): string {
  const p99Of = (latenciesMs: readonly number[]) =>
    percentile(
      [...latenciesMs].sort((a, b) => a - b),
      99,
    );
  const packP99 = p99Of(pack.latenciesMs);
  const viewP99 = p99Of(view.latenciesMs);
  const ratio = packP99 / viewP99;
  const perRound = pack.rounds.map((round, r) => p99Of(round.latenciesMs) / p99Of(view.rounds[r]!.latenciesMs)).sort((a, b) => a - b);
  const spread = `${percentile(perRound, 50).toFixed(2)} (${perRound[0]?.toFixed(2) ?? '–'}–${perRound.at(-1)?.toFixed(2) ?? '–'})`;
  const cpuPerRequest = (measurement: Measurement) => (measurement.cpuMs / Math.max(1, measurement.latenciesMs.length)).toFixed(1);
  return `
${heading}

The meeting pack (\`MEETING_PACK\`: \`meeting(id)\` with its subject's single offender view) for a signed-in
attendee (a police PPU officer) beside the single offender view of the same subject with the same
selection under the same meeting, at concurrency ${concurrency}, alternating in chunks of ${CHUNK} requests.
Goal: p99 at most ${MEETING_PACK_P99_GOAL}× the view's.

| p99 ms pack | p99 ms view | ratio pack/view | p99 ratio per round: median (min–max) | CPU ms per request pack / view | within ${MEETING_PACK_P99_GOAL}× |
|---:|---:|---:|---:|---:|:--|
| ${packP99.toFixed(1)} | ${viewP99.toFixed(1)} | ${ratio.toFixed(2)} | ${spread} | ${cpuPerRequest(pack)} / ${cpuPerRequest(view)} | ${ratio <= MEETING_PACK_P99_GOAL ? 'yes' : 'no'} |
${heading === MEETING_PACK_HEADING ? QUICK_RUN_NOTE : ''}`;
}

/** Issue 13: the annual report for one area and an ad-hoc aggregate over three dimensions, as an analyst of the area. */
function statisticsWorkloads(stack: LocalStack, analystToken: string, area: MappaArea): Workload[] {
  const headers = async () => ({ authorization: `Bearer ${analystToken}`, 'x-mappa-purpose': 'STATISTICS' });
  const gatewayUrl = (s: LocalStack) => `${s.gateway.url}/graphql`;
  return [
    {
      name: 'annual report tables 1-9, one area, analyst',
      stack,
      url: gatewayUrl,
      headers,
      query: STATISTICS_ANNUAL_REPORT,
      byId: true,
      variables: () => ({ area, year: STATISTICS_YEAR }),
    },
    {
      name: 'ad-hoc aggregate, 3 dimensions (category × gender, supervision filter), analyst',
      stack,
      url: gatewayUrl,
      headers,
      query: STATISTICS_AGGREGATE,
      byId: true,
      variables: () => ({ area, filters: [{ dimension: 'SUPERVISION_TYPE', values: ['CUSTODY', 'LICENCE', 'COMMUNITY_ORDER'] }] }),
    },
  ];
}

/**
 * `--statistics-only`: the statistics workloads alone on the product, one after the other (no
 * comparison stacks): per workload, what one request costs with nothing else running (subgraph requests
 * and data SQL statements per owner: one grouped statement per table, never one per person) and its
 * latency over `rounds` × `requests-per-round` requests at the configured concurrency.
 */
async function statisticsOnlyReport(
  workloads: readonly Workload[],
  db: Database,
  options: z.infer<typeof optionsSchema>,
  offenders: number,
  url: string,
): Promise<string> {
  const counts: OperationCounts[] = [];
  const plans: ExplainedStatement[][] = [];
  for (const workload of workloads) {
    const answers: Answer[] = [];
    // Every read statement of one request, EXPLAIN (ANALYZE, BUFFERS)ed after it: the time each takes in the database.
    const statements = await recordStatements(async () => {
      answers.push(await send(workload, 0));
    });
    plans.push(await explainStatements(url, statements, true));
    const { body } = answers[0]!;
    if (body.data == null || (body.errors ?? []).length > 0)
      throw new Error(`${workload.name}: no answer (${JSON.stringify(body.errors ?? [])})`);
    counts.push(checkAuditCounts(workload, 'recorded', await countPerOperation(workload, db)));
  }
  const measured: { latenciesMs: number[]; wallMs: number; errors: number }[] = workloads.map(() => ({
    latenciesMs: [],
    wallMs: 0,
    errors: 0,
  }));
  for (const workload of workloads) await runRound(workload, Math.min(5, options['requests-per-round']), options.concurrency, 0);
  for (let round = 0; round < options.rounds; round += 1) {
    for (const [index, workload] of workloads.entries()) {
      const result = await runRound(workload, options['requests-per-round'], options.concurrency, round * options['requests-per-round']);
      measured[index]!.latenciesMs.push(...result.latenciesMs);
      measured[index]!.wallMs += result.wallMs;
      measured[index]!.errors += result.errors;
    }
    process.stderr.write(`round ${round + 1}/${options.rounds} done\n`);
  }
  const owners = Object.keys(counts[0]?.subgraphs ?? {}).filter((owner) =>
    counts.some((count) => (count.subgraphs[owner]?.requests ?? 0) > 0),
  );
  const latencyRows = workloads
    .map((workload, index) => {
      const sorted = [...measured[index]!.latenciesMs].sort((a, b) => a - b);
      const rps = (sorted.length / measured[index]!.wallMs) * 1000;
      return `| ${workload.name} | ${percentile(sorted, 50).toFixed(0)} | ${percentile(sorted, 95).toFixed(0)} | ${percentile(sorted, 99).toFixed(0)} | ${rps.toFixed(1)} | ${sorted.length} | ${measured[index]!.errors} |`;
    })
    .join('\n');
  const countRows = workloads
    .map(
      (workload, index) =>
        `| ${workload.name} | ${owners.map((owner) => `${counts[index]!.subgraphs[owner]?.requests ?? 0} / ${counts[index]!.subgraphs[owner]?.statements ?? 0}`).join(' | ')} |`,
    )
    .join('\n');
  return `# Benchmarks: statistics (issue 13)

\`npm run bench -- --statistics-only --offenders ${offenders} --rounds ${options.rounds} --requests-per-round ${options['requests-per-round']} --concurrency ${options.concurrency}\`
on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, against the PostgreSQL server, production gateway
(trusted documents, audit on), ${offenders.toLocaleString('en-GB')} offenders; the analyst's area (London) holds about 15% of them (areas are as large as their populations).
The machine is shared: absolute figures move with other load.

## Latency (ms), one request at a time per client, concurrency ${options.concurrency}

| workload | p50 | p95 | p99 | requests/s | n | errors |
|---|---:|---:|---:|---:|---:|---:|
${latencyRows}

## What one report costs: subgraph requests / data SQL statements, per owner

| workload | ${owners.join(' | ')} |
|---|${owners.map(() => '---:').join('|')}|
${countRows}

## Each read statement in the database: EXPLAIN (ANALYZE, BUFFERS) execution ms (shared buffers)

${workloads.map((workload, index) => `- ${workload.name}: ${plans[index]!.map((plan) => `${plan.label} ${plan.executionMs?.toFixed(0)} ms (${plan.buffers} buffers${plan.seqScans.length > 0 ? `, seq scan ${plan.seqScans.join(', ')}` : ''})`).join('; ')}`).join('\n')}
`;
}

/**
 * The bench database: DATABASE_URL, or on the local server `mappa_bench` for the full run's size and
 * `mappa_bench_<offenders>` for any other, so that a quick run at a smaller size (`--offenders 10000`)
 * never reseeds, and so never costs, the full run's ten-minute dataset, and each size is seeded once.
 */
async function benchDatabaseUrl(offenders: number): Promise<string> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  // A number from the zod-checked options: the name is safe to write into the statement.
  const name = offenders === DEFAULT_OFFENDERS ? BENCH_DATABASE : `${BENCH_DATABASE}_${offenders}`;
  const admin = new Client({ connectionString: DEFAULT_SERVER });
  await admin.connect();
  try {
    const existing = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (existing.rowCount === 0) await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(DEFAULT_SERVER);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The victim liaison officer of the area with victims of the most offenders, and those offenders' PNC IDs. */
async function busiestVictimLiaisonOfficer(url: string, area: MappaArea): Promise<{ staffId: string; pncIds: string[] }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ staff_id: string; pnc_ids: string[] }>(
      `select v.vlo_staff_id as staff_id, array_agg(distinct c.pnc_id order by c.pnc_id) as pnc_ids
         from probation.victim_contact v join probation.probation_case c on c.crn = v.crn
        where c.area = $1 and not c.current_restriction and not c.ct_restricted
        group by v.vlo_staff_id order by count(distinct c.pnc_id) desc, v.vlo_staff_id limit 1`,
      [area],
    );
    const row = result.rows[0];
    if (!row) throw new Error('no victim liaison officer in the area; seed more offenders');
    return { staffId: row.staff_id, pncIds: row.pnc_ids };
  } finally {
    await client.end();
  }
}

async function holdsDataset(url: string, offenders: number): Promise<boolean> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ count: string }>('select count(*) as count from police.person');
    return Number(result.rows[0]?.count) === offenders;
  } finally {
    await client.end();
  }
}

interface Answer {
  readonly status: number;
  readonly body: { data?: unknown; errors?: { message?: string; path?: (string | number)[]; extensions?: { code?: string } }[] };
}

/** The request body: the operation as text, or by its registered id (the SHA-256 of its text) where `byId`. */
function bodyOf(query: string, variables: Record<string, unknown>, byId = false): string {
  const document = byId ? { documentId: `sha256:${createHash('sha256').update(query).digest('hex')}` } : { query };
  return JSON.stringify({ ...document, variables });
}

async function post(url: string, body: string, headers: Record<string, string>): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

/** Whether an answer is what the workload expects: data, and no errors but the FORBIDDEN denials it is there to measure. */
function answered(workload: Workload, { status, body }: Answer): boolean {
  return (
    status === 200 &&
    body.data != null &&
    (body.errors ?? []).every((error) => workload.deniesFields === true && error.extensions?.code === 'FORBIDDEN')
  );
}

async function send(workload: Workload, i: number): Promise<Answer> {
  const body = bodyOf(workload.query, workload.variables(i), workload.byId);
  return post(workload.url(workload.stack), body, await workload.headers(workload.stack, i, body));
}

/**
 * Start cursors of `pages` register pages of the filter's area that hold no restricted-access person
 * (see the co-ordinator's workloads): the first page's is null.
 */
async function collectCursors(
  stack: LocalStack,
  pages: number,
  headers: Record<string, string>,
  filter: Record<string, unknown>,
  restricted: ReadonlySet<string>,
): Promise<(string | null)[]> {
  const cursors: (string | null)[] = [];
  let after: string | null = null;
  for (;;) {
    const { body } = await post(`${stack.gateway.url}/graphql`, bodyOf(CURSOR_PAGE, { after, filter }, true), headers);
    const { edges, pageInfo } = (
      body.data as { offenders: { edges: { node: { pncId: string } }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } }
    ).offenders;
    if (!edges.some((edge) => restricted.has(edge.node.pncId))) cursors.push(after);
    if (cursors.length === pages) return cursors;
    if (!pageInfo.hasNextPage)
      throw new Error(`only ${cursors.length} register pages without restricted-access people; seed more offenders`);
    after = pageInfo.endCursor;
  }
}

async function runRound(workload: Workload, requests: number, concurrency: number, offset: number) {
  const latenciesMs: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        const i = next;
        next += 1;
        const t0 = performance.now();
        const answer = await send(workload, offset + i);
        latenciesMs.push(performance.now() - t0);
        if (!answered(workload, answer)) errors += 1;
      }
    }),
  );
  return { latenciesMs, wallMs: performance.now() - started, errors };
}

/** Non-null leaf values in an answer's data: what "more data" counts. */
function valuesIn(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (Array.isArray(value)) return value.reduce((sum: number, item: unknown) => sum + valuesIn(item), 0);
  if (typeof value === 'object') return Object.values(value).reduce((sum: number, item: unknown) => sum + valuesIn(item), 0);
  return 1;
}

/**
 * Sends every distinct request of the first `requests` a comparison will measure to both stacks and
 * checks the answers: identical (denials included) unless authorization is what is off; for a
 * principal denied fields with authorization off, FORBIDDEN errors only with it on and more data
 * off. Throws on anything else, before anything is measured. Returns one line for the report.
 * The product's answers are kept in `productAnswers`: its side is shared by every comparison of an
 * operation, and is asked once.
 */
async function compareAnswers(
  comparison: Comparison,
  requests: number,
  concurrency: number,
  productAnswers: Map<Workload, Map<number, Answer>>,
): Promise<string> {
  const known = productAnswers.get(comparison.on) ?? new Map<number, Answer>();
  productAnswers.set(comparison.on, known);
  const distinct = new Map<string, number>();
  for (let i = 0; i < requests; i += 1) {
    const key = JSON.stringify(comparison.on.variables(i));
    if (!distinct.has(key)) distinct.set(key, i);
  }
  const indices = [...distinct.values()];
  const denied = new Set<string>();
  let valuesOn = 0;
  let valuesOff = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < indices.length) {
        const i = indices[next]!;
        next += 1;
        const [on, off] = await Promise.all([known.get(i) ?? send(comparison.on, i), send(comparison.off, i)]);
        known.set(i, on);
        if (!answered(comparison.on, on) || !answered(comparison.off, off)) {
          throw new Error(
            `${comparison.name}: request ${i} failed (status ${on.status} on, ${off.status} off; codes ${JSON.stringify([on.body.errors?.map((e) => e.extensions?.code), off.body.errors?.map((e) => e.extensions?.code)])})`,
          );
        }
        if (comparison.answers === 'same' && JSON.stringify(on.body) !== JSON.stringify(off.body)) {
          throw new Error(`${comparison.name}: request ${i} answered differently with ${comparison.switched} on and off`);
        }
        for (const error of on.body.errors ?? []) denied.add((error.path ?? []).filter((segment) => typeof segment === 'string').join('.'));
        valuesOn += valuesIn(on.body.data);
        valuesOff += valuesIn(off.body.data);
      }
    }),
  );
  const deniedPaths = [...denied]
    .sort()
    .map((path) => `\`${path}\``)
    .join(', ');
  if (comparison.answers === 'same') {
    return `${comparison.name}, ${comparison.switched} on vs off: ${indices.length} distinct requests, identical answers on both stacks${denied.size > 0 ? ` (FORBIDDEN at ${deniedPaths} on both)` : ''}.`;
  }
  if (denied.size === 0 || valuesOff <= valuesOn)
    throw new Error(`${comparison.name}: expected fields denied with authorization on, and more data with it off`);
  return `${comparison.name}, authorization on vs off: ${indices.length} distinct requests; with authorization on, FORBIDDEN at ${deniedPaths}; with it off, no errors and ${((valuesOff / valuesOn - 1) * 100).toFixed(0)}% more non-null values (${valuesOff.toLocaleString('en-GB')} against ${valuesOn.toLocaleString('en-GB')}).`;
}

/** Each audit log's last sequence number: how many entries it holds. */
async function auditHeads(db: Database): Promise<Map<string, number>> {
  const heads = await db.select({ log: auditLogHeadTable.log, lastSequence: auditLogHeadTable.lastSequence }).from(auditLogHeadTable);
  return new Map(heads.map(({ log, lastSequence }) => [log, lastSequence]));
}

/** Audit SQL statements a stack has sent so far: its gateway's and every subgraph's. */
function auditStatementsOf(stack: LocalStack): number {
  return Object.values(stack.subgraphs).reduce(
    (sum, subgraph) => sum + subgraph.auditStatements.count,
    stack.gateway.auditStatements.count,
  );
}

/**
 * Sends one request of the workload with nothing else running and counts what it cost: subgraph
 * requests and data statements, and per audit log the entries written (from the log heads) and the
 * audit statements sent. Every service waits for its entry to commit before it answers, so all are
 * in by the time the answer is.
 */
async function countPerOperation(workload: Workload, db: Database): Promise<OperationCounts> {
  const { gateway, subgraphs } = workload.stack;
  for (const subgraph of Object.values(subgraphs)) {
    subgraph.requests.reset();
    subgraph.statements.reset();
    subgraph.auditStatements.reset();
  }
  gateway.auditStatements.reset();
  const before = await auditHeads(db);
  await send(workload, 1);
  const after = await auditHeads(db);
  const entries = (log: string) => (after.get(log) ?? 0) - (before.get(log) ?? 0);
  return {
    subgraphs: Object.fromEntries(
      Object.values(subgraphs).map((subgraph) => [
        subgraph.name,
        { requests: subgraph.requests.count, statements: subgraph.statements.count },
      ]),
    ),
    audit: Object.fromEntries([
      ['gateway', { entries: entries('gateway'), statements: gateway.auditStatements.count }],
      ...Object.values(subgraphs).map((subgraph) => [
        subgraph.name,
        { entries: entries(subgraph.name), statements: subgraph.auditStatements.count },
      ]),
    ]),
  };
}

/**
 * The audit ratio means something only if the product writes what it should and the audit-off
 * stack writes nothing: one gateway entry per operation through it, one subgraph entry per request
 * served, and with audit off no entry and no audit statement anywhere. Throws before measuring
 * otherwise; returns the counts.
 */
function checkAuditCounts(workload: Workload, mode: AuditMode, counts: OperationCounts): OperationCounts {
  const throughGateway = workload.url(workload.stack) === `${workload.stack.gateway.url}/graphql`;
  const expected = (log: string) =>
    mode === 'off' ? 0 : log === 'gateway' ? Number(throughGateway) : (counts.subgraphs[log]?.requests ?? 0);
  const wrong = Object.entries(counts.audit).filter(
    ([log, { entries, statements }]) => entries !== expected(log) || (mode === 'off' && statements > 0),
  );
  if (wrong.length > 0) {
    throw new Error(
      `${workload.name}: audit ${mode}, but ${wrong.map(([log, { entries, statements }]) => `${log} wrote ${entries} entries (expected ${expected(log)}) in ${statements} statements`).join('; ')}`,
    );
  }
  return counts;
}

/** What the report says of the audit chains: every one verified at the end of the run. */
interface ChainReport {
  readonly lines: readonly string[];
  /** Entries this run wrote, per log. */
  readonly written: ReadonlyMap<string, number>;
  readonly verifyMs: number;
}

/**
 * Verifies every audit chain in the database (`npm run audit:verify`'s check), after everything the
 * run sent: a broken chain fails the benchmark, with the verification's lines, and no report.
 */
async function verifyChains(
  connection: DatabaseConnection,
  headsAtStart: ReadonlyMap<string, number>,
  headsAtEnd: ReadonlyMap<string, number>,
): Promise<ChainReport> {
  const lines: string[] = [];
  const started = performance.now();
  const code = await runAuditVerify(connection, (line) => lines.push(line));
  const verifyMs = performance.now() - started;
  if (code !== 0) throw new Error(`an audit chain is broken:\n${lines.join('\n')}`);
  const written = new Map([...headsAtEnd].map(([log, sequence]) => [log, sequence - (headsAtStart.get(log) ?? 0)]));
  return { lines, written, verifyMs };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function renderReport(
  url: string,
  options: z.infer<typeof optionsSchema>,
  workloads: readonly Workload[],
  measurements: readonly Measurement[],
  counts: readonly OperationCounts[],
  comparisons: readonly Comparison[],
  checks: readonly string[],
  chains: ChainReport,
): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const pgVersion = (await client.query<{ server_version: string }>('show server_version')).rows[0]?.server_version ?? 'unknown';
  await client.end();
  const rows = measurements.map((measurement) => {
    const sorted = [...measurement.latenciesMs].sort((a, b) => a - b);
    return {
      rps: (measurement.latenciesMs.length / measurement.busyMs) * 1000,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      n: sorted.length,
      errors: measurement.errors,
      auditPerRequest: sorted.length > 0 ? measurement.auditStatements / sorted.length : 0,
      cpuPerRequest: sorted.length > 0 ? measurement.cpuMs / sorted.length : 0,
    };
  });
  const baseline = rows[0]!;
  const names = Object.keys(counts[0]?.subgraphs ?? {});
  const logs = Object.keys(counts[0]?.audit ?? {});
  const sum = <T>(items: readonly T[], value: (item: T) => number) => items.reduce((total, item) => total + value(item), 0);
  const table = workloads
    .map((workload, index) => {
      const row = rows[index]!;
      return `| ${workload.name} | ${row.rps.toFixed(0)} | ${(row.rps / baseline.rps).toFixed(2)} | ${row.p50.toFixed(1)} | ${row.p99.toFixed(1)} | ${row.n} | ${row.errors} |`;
    })
    .join('\n');
  // Subgraph requests / data SQL statements, and audit entries / audit SQL statements, of one request alone.
  const dataStatements = (index: number) => sum(names, (name) => counts[index]!.subgraphs[name]?.statements ?? 0);
  const work = (index: number) => `${sum(names, (name) => counts[index]!.subgraphs[name]?.requests ?? 0)} / ${dataStatements(index)}`;
  const auditWork = (index: number) => {
    const { audit } = counts[index]!;
    return `${sum(logs, (log) => audit[log]?.entries ?? 0)} / ${sum(logs, (log) => audit[log]?.statements ?? 0)}`;
  };
  const countTable = workloads
    .map((workload, index) => {
      const { subgraphs } = counts[index]!;
      return `| ${workload.name} | ${names.map((name) => `${subgraphs[name]?.requests ?? 0} / ${subgraphs[name]?.statements ?? 0}`).join(' | ')} | ${work(index)} |`;
    })
    .join('\n');
  const auditCountTable = workloads
    .map((workload, index) => {
      const { audit } = counts[index]!;
      return `| ${workload.name} | ${logs.map((log) => `${audit[log]?.entries ?? 0} / ${audit[log]?.statements ?? 0}`).join(' | ')} | ${auditWork(index)} | ${rows[index]!.auditPerRequest.toFixed(1)} |`;
    })
    .join('\n');
  // One way to compare, whatever is switched off: the same columns, then what the switch changes.
  const comparisonTable = (switched: Switch, extra: (on: number, off: number) => readonly string[]) =>
    comparisons
      .filter((comparison) => comparison.switched === switched)
      .map((comparison) => {
        const on = workloads.indexOf(comparison.on);
        const off = workloads.indexOf(comparison.off);
        const rowOn = rows[on]!;
        const rowOff = rows[off]!;
        // Overhead: how much longer the same work takes with the part on (throughput off / on − 1).
        const overhead = (rowOff.rps / rowOn.rps - 1) * 100;
        // The ratio round by round: how far machine noise moves it.
        const perRound = measurements[on]!.rounds.map((round, r) => {
          const other = measurements[off]!.rounds[r]!;
          return round.requests / round.busyMs / (other.requests / other.busyMs);
        }).sort((a, b) => a - b);
        const spread = `${percentile(perRound, 50).toFixed(2)} (${perRound[0]?.toFixed(2) ?? '–'}–${perRound.at(-1)?.toFixed(2) ?? '–'})`;
        const cells = [
          comparison.name,
          rowOn.rps.toFixed(0),
          rowOff.rps.toFixed(0),
          (rowOn.rps / rowOff.rps).toFixed(2),
          spread,
          `${overhead.toFixed(1)}%`,
          overhead <= goalOf(switched) ? 'yes' : '**no**',
          `${rowOn.p50.toFixed(1)} / ${rowOff.p50.toFixed(1)}`,
          `${rowOn.cpuPerRequest.toFixed(1)} / ${rowOff.cpuPerRequest.toFixed(1)}`,
          ...extra(on, off),
          comparison.answers,
        ];
        return `| ${cells.join(' | ')} |`;
      })
      .join('\n');
  const checksOf = (switched: Switch) =>
    comparisons
      .map((comparison, index) => (comparison.switched === switched ? `- ${checks[index]!}` : null))
      .filter((line) => line !== null)
      .join('\n');
  // Against the goal, with what moved alongside the throughput: this process's CPU, and the audit
  // statements sent next to the data statements.
  const verdict = (switched: Switch) => {
    const of = comparisons.filter((comparison) => comparison.switched === switched);
    const lines = of.map((comparison) => {
      const on = workloads.indexOf(comparison.on);
      const off = workloads.indexOf(comparison.off);
      const overhead = (rows[off]!.rps / rows[on]!.rps - 1) * 100;
      const cpu = rows[on]!.cpuPerRequest - rows[off]!.cpuPerRequest;
      const sign = (value: number) => (value >= 0 ? '+' : '−');
      const statements =
        switched === 'audit'
          ? `; ${rows[on]!.auditPerRequest.toFixed(1)} audit statements per request under load, against ${dataStatements(on)} data statements`
          : '';
      return `- ${comparison.name}: ${overhead.toFixed(1)}% overhead (${overhead <= goalOf(switched) ? 'within' : 'over'} the goal); this process's CPU per request ${sign(cpu)}${Math.abs(cpu).toFixed(1)} ms (${sign(cpu)}${Math.abs((cpu / rows[off]!.cpuPerRequest) * 100).toFixed(0)}%)${statements}.`;
    });
    const met = of.filter(
      (comparison) =>
        rows[workloads.indexOf(comparison.off)]!.rps / rows[workloads.indexOf(comparison.on)]!.rps - 1 <= goalOf(switched) / 100,
    ).length;
    return `Goal (at most ${goalOf(switched)}% overhead): met by ${met} of ${of.length} operations in this run.\n\n${lines.join('\n')}`;
  };
  const comparisonHeader = (extra: readonly string[], goal = OVERHEAD_GOAL_PERCENT) =>
    `| operation | requests/s on | requests/s off | ratio on/off | ratio per round: median (min–max) | overhead | within ${goal}% | p50 ms on / off | CPU ms per request on / off | ${extra.join(' | ')} | answers |
|---|---:|---:|---:|---:|---:|---|---:|---:|${extra.map(() => '---:|').join('')}---|`;
  const written = [...chains.written].filter(([, entries]) => entries > 0);
  const cpu = cpus();
  return `# Benchmarks

Produced by \`npm run bench\` (options: ${options.offenders.toLocaleString('en-GB')} offenders, ${options.rounds} rounds of ${options['requests-per-round']} requests per workload, concurrency ${options.concurrency}).
Workloads run interleaved, round by round, in one process against one PostgreSQL server, so machine noise
falls on all of them alike; compare the ratios, not the absolute numbers, across machines.

Machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB memory, Node ${process.version}, PostgreSQL ${pgVersion}.
Run on ${todayOf()}. Services run in production mode with logging off, all in one Node.js process (one event loop) as \`npm start\` runs them, and the load generator shares the same 2 cores: deployed apart, each agency would have a process of its own.

## Throughput and latency

| workload | requests/s | ratio to police direct | p50 ms | p99 ms | requests | errors |
|---|---:|---:|---:|---:|---:|---:|
${table}

Four stacks over the same database: the product as it runs (\`gateway\`), and the same product with
authorization off, with its audit trail off, and with its document controls (operation limits and
trusted documents) off, each different from the product in that one part. The product's side of an
operation is measured once and compared with each. Goal for authorization and for the audit trail: at
most ${OVERHEAD_GOAL_PERCENT}% overhead; for the document controls at most ${DOCUMENTS_OVERHEAD_GOAL_PERCENT}%; overhead is how much longer the same work takes with the
part on: requests/s off ÷ requests/s on − 1 (negative: on was faster). Within each round the sides of
an operation alternate in chunks of ${CHUNK} requests, in order and then reversed (on, authorization off,
audit off, document controls off, document controls off, audit off, authorization off, on, …), so each side's mean position in the round is the same.
"CPU ms per request" is the CPU time this process (all six services and the load generator) spent
per request, which other load on the machine hardly moves; the database server's CPU is not in it.

## Authorization on vs off

The product against the same product started with authorization off (benchmark only: no field-policy
checks in the subgraphs, no denied-selection errors, unrestricted row scope, no early enforcement or
case-grant look-up at the gateway). Authentication is on in both: every request's bearer token is
verified at the gateway and every subgraph call carries a signed assertion that the subgraph verifies,
and both record the audit trail, so the ratio isolates authorization.

${comparisonHeader(['subgraph requests / SQL on', 'off'])}
${comparisonTable('authorization', (on, off) => [work(on), work(off)])}

${verdict('authorization')}

Checked before measuring, on every distinct request the measurement sends:

${checksOf('authorization')}

The co-ordinator may read every field these operations ask, so both stacks must answer alike; people
whose probation case is limited to its offender manager (R-4, restricted access) are left out of the
co-ordinator's workloads, because with authorization on the co-ordinator rightly gets less of them. The
PPU officer's view keeps them: with authorization on, the gateway looks up the officer's case grants
(one more request to the MAPPA unit), removes the fields the officer may not read before planning (a
subgraph asked only for such fields is not called at all: see the counts below), and each owner checks
the rest; with it off the officer gets more data. That row measures authorization doing its work, with
less data served, not identical answers.

## Audit on vs off

The product against the same product started with its audit trail off (benchmark only: neither the
gateway nor any subgraph writes an entry); authorization is enforced in both, so the answers, denials
included, must be identical, and the ratio isolates the audit trail.

${comparisonHeader(['audit entries / SQL alone, on', 'off', 'audit SQL per request under load, on'])}
${comparisonTable('audit', (on, off) => [auditWork(on), auditWork(off), rows[on]!.auditPerRequest.toFixed(1)])}

${verdict('audit')}

Where this process's CPU rises by about as much as the overhead, the cost is work done for each entry
(statements through the driver, the payload checked and hashed, the response walked for subjects and
fields), not waiting on commits: the services and the load generator share 2 cores, and the database
server's CPU for the same statements (not in the column) comes on top.

Checked before measuring, on every distinct request the measurement sends:

${checksOf('audit')}

and, on one request of every workload, that the product writes one gateway entry per operation and
one entry per subgraph request, and the audit-off stack no entry and no audit statement (the run stops
otherwise).

What the audit trail costs an operation: the gateway and every subgraph it asks append one
hash-chained entry to their own log and answer only once it has committed (fail closed). A writer
that knows its log's head appends in one statement, which moves the head only if it is still where
the writer saw it (so the chain cannot fork); when another writer moved it, it reads the head again
(two statements) and retries. The four stacks here write to the same logs, so the first append after
another stack's chunk reads the head again: that is most of the difference between an entry's one
statement and the counts below. A fetch the query plan makes after another waits for the earlier
owner's commit, and the gateway's own entry comes last: the offender view (police, then four
agencies side by side) and the page (the MAPPA unit, then four side by side) each wait for three
commits in turn, the officer's view for a fourth (the MAPPA unit's entry for the case-grant
look-up). Entries of one log that arrive while its append is in flight share the next one (group
commit): "alone" is one request with nothing else running, "under load" what the stack sent per
request during the measurement, at concurrency ${options.concurrency}. The embedded database (PGlite, one
connection in the process) is not measured here.

## Document limits and trusted documents on vs off

The product against the same product started with its document controls off (benchmark only: no
operation limits, no trusted documents). The product runs as in production, registered documents
required: its workloads send each operation's id (\`documentId\`, the SHA-256 of the text), which the
gateway looks up in its manifest before measuring the document against every operation limit (a
document it has measured before costs a look-up; one whose page size is a variable is walked again
for its variables). The off stack is sent the text and checks nothing. Authorization and the audit
trail are on in both, so the answers must be identical and the ratio isolates the document controls.

${comparisonHeader(['subgraph requests / SQL on', 'off'], DOCUMENTS_OVERHEAD_GOAL_PERCENT)}
${comparisonTable('documents', (on, off) => [work(on), work(off)])}

${verdict('documents')}

A ${DOCUMENTS_OVERHEAD_GOAL_PERCENT}% goal is inside this benchmark's noise (see each ratio's spread across rounds): the
CPU per request, which other load hardly moves, says more than requests/s.

Checked before measuring, on every distinct request the measurement sends:

${checksOf('documents')}

## Subgraph requests / SQL statements per operation

| workload | ${names.join(' | ')} | total |
|---|${names.map(() => '---:').join('|')}|---:|
${countTable}

Each agency answers a whole page in one \`_entities\` request and one SQL statement per record kind,
whatever the page size: no N+1. Audit statements are counted apart, below.

## Audit entries / audit SQL statements per operation

| workload | ${logs.join(' | ')} | total | audit SQL per request under load |
|---|${logs.map(() => '---:').join('|')}|---:|---:|
${auditCountTable}

Alone, an entry is one statement once its writer knows the head (four when another stack's writer moved
it first); under load, entries of one log share one.

## Audit chains

Every chain in the database verified after the run (\`npm run audit:verify\`'s check; a broken chain
fails the benchmark), in ${(chains.verifyMs / 1000).toFixed(1)} s. This run wrote ${sum(written, ([, entries]) => entries).toLocaleString('en-GB')} entries (${written.map(([log, entries]) => `${log} ${entries.toLocaleString('en-GB')}`).join(', ')}); the
database holds every earlier run's too.

${chains.lines.map((line) => `- ${line}`).join('\n')}
`;
}

void main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
