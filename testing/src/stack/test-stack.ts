import { randomBytes } from 'node:crypto';
import { LocalIssuer, readSupergraph, startGateway } from '@mappa/gateway';
import type { GatewayOptions, OperationLimits, RateLimits, RunningGateway, TrustedDocuments, TrustedIssuer } from '@mappa/gateway';
import { byAgency, createLogger, MappaArea, migrateAgencies, seedAgencies, startSubgraph, syntheticPeople } from '@mappa/shared';
import { openTestDatabase } from '../test-database';
import type { TestDatabaseTemplate } from '../test-database';
import { TEST_ISSUER } from '../test-gateway';
import type {
  DatabaseConnection,
  DeclaredPurpose,
  Logger,
  Principal,
  PrincipalClaims,
  RunningSubgraph,
  SeedDataset,
  SharedState,
  SyntheticPerson,
} from '@mappa/shared';
import { AGENCIES, startLocalStack } from '@mappa/stack';
import { postGraphQL, postRawGraphQL } from '../graphql-client';
import type { GraphQLResponse } from '../graphql-response';
import type { LocalStack, LocalStackOptions } from '@mappa/stack';

/** How long the test gateway waits for a subgraph (production's own default is in the gateway's config). */
const TEST_SUBGRAPH_TIMEOUT_MS = 20_000;

/**
 * Who the tests ask as, unless a test says otherwise: the MAPPA co-ordinator screening cases, who may
 * page the register and read each Responsible Authority agency's MAPPA summary (principle 3), but
 * not youth records (A.R10), narratives or victim details (principle 4).
 */
export const DEFAULT_PRINCIPAL: PrincipalClaims = {
  staffId: 'MCU0001',
  agency: 'mappa_unit',
  roles: ['mappa_coordinator'],
  area: MappaArea.LONDON,
  clearance: 'SC',
};
/** The principal the gateway makes of a test token's claims: vouched for by the test issuer. */
export const vouched = (claims: PrincipalClaims): Principal => ({ ...claims, issuer: TEST_ISSUER });
export const DEFAULT_PURPOSE: DeclaredPurpose = { purpose: 'MAPPA_SCREENING', caseId: null };

/**
 * The rate limits of a test stack unless a test sets its own: every test file asks from one address
 * as one principal or a few, faster than any person, so no test trips a limit it is not about; and
 * refusals before authentication are audited after 200 ms rather than a minute.
 */
export const TEST_RATE_LIMITS: RateLimits = {
  perSource: { capacity: 1_000_000, refillPerSecond: 100_000 },
  perPrincipal: { capacity: 1_000_000, refillPerSecond: 100_000 },
  refusalAuditWindowMs: 200,
};

/**
 * The refill of a bucket a test drains on purpose: one token an hour, so the bucket cannot refill
 * while the test runs however slow a loaded machine is (a refill of one a second did, and a test that
 * expected its 429 within a few requests got none).
 */
export const REFILL_ONCE_AN_HOUR = 1 / 3_600;

/** The whole product on port 0 over a database of its own, plus the people it was seeded with. */
export interface TestStack {
  readonly stack: LocalStack;
  readonly connection: DatabaseConnection;
  readonly people: readonly SyntheticPerson[];
  /** The identity provider the gateway trusts in this test (`TEST_ISSUER`, for every agency and clearance). */
  readonly issuer: LocalIssuer;
  /** POSTs an operation to the gateway as `DEFAULT_PRINCIPAL` for `DEFAULT_PURPOSE`, checked first against the committed supergraph's API schema. */
  query<Data = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<Data>>;
  /** The same, unchecked: for a document the schema refuses on purpose (test/src/security). */
  queryRaw<Data = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<Data>>;
  /** Headers that authenticate as `principal` and declare `purpose`. */
  headersFor(principal?: PrincipalClaims, purpose?: DeclaredPurpose): Promise<Record<string, string>>;
  /** Resets every subgraph's request, SQL statement and denied-selection counters. */
  resetCounters(): void;
  close(): Promise<void>;
}

/** The stack's staff-id issuers: every agency takes staff ids from `issuers` as its own. */
export const staffIdIssuersForAll = (issuers: readonly string[]): NonNullable<LocalStackOptions['staffIdIssuers']> => ({
  police: issuers,
  probation: issuers,
  prison: issuers,
  yot: issuers,
  mappa: issuers,
  'home-office': issuers,
});

/** Every agency migrated, as `startLocalStack` migrates an empty database: the base of every stack's template. */
const MIGRATED_STACK_TEMPLATE: TestDatabaseTemplate = {
  name: 'every agency migrated',
  prepare: (connection) => migrateAgencies(connection, AGENCIES),
};

// The datasets test files share. Each distinct dataset is seeded once per test run into a template
// (2-8 s of CPU on the embedded database, more the more people), so a file takes one of these unless
// what it tests needs data of its own (a count, a rare kind of person, an empty area): say why there.

/** `startTestStack`'s default: 300 people, everyone in the default principal's area. */
export const DEFAULT_DATASET: SeedDataset = { offenders: 300, seed: 11, asOf: '2026-11-01', areas: [DEFAULT_PRINCIPAL.area] };
/**
 * A few people in the default principal's area, for files about the gateway's plumbing (deadlines,
 * errors, shutdown, limits) that ask about one person or a few: a smaller copy to load per file.
 */
export const SMALL_DATASET: SeedDataset = { offenders: 20, seed: 9, asOf: '2026-11-01', areas: [DEFAULT_PRINCIPAL.area] };
/**
 * Many people in the default principal's area: enough of the rare kinds (young people, transition
 * plans, foreign nationals) for the files that need several of them, and statistics whose cells are
 * large enough to be shown past disclosure control.
 */
export const LARGE_DATASET: SeedDataset = { offenders: 800, seed: 13, asOf: '2026-11-01', areas: [DEFAULT_PRINCIPAL.area] };

/**
 * Every agency seeded with `dataset`, as `startLocalStack` would seed an empty database: made once
 * per test run for each dataset, from a copy of the migrated one, and copied into each stack's own
 * database, so the stack finds nothing to migrate or seed. Named by the dataset's fields in a fixed
 * order, so the same dataset written in another order is the same template.
 */
export const seededStackTemplate = (dataset: SeedDataset): TestDatabaseTemplate => ({
  name: `every agency migrated and seeded with ${JSON.stringify(dataset, Object.keys(dataset).sort())}`,
  base: MIGRATED_STACK_TEMPLATE,
  prepare: (connection) => seedAgencies(connection, AGENCIES, dataset),
});

/**
 * The people a dataset seeds: pure in the dataset and read-only, so one list per dataset for the
 * files of a module registry (group) rather than one per stack (0.2 s of CPU per stack start).
 */
const peopleByDataset = new Map<string, readonly SyntheticPerson[]>();
const peopleOf = (dataset: SeedDataset): readonly SyntheticPerson[] => {
  const key = JSON.stringify(dataset);
  const people = peopleByDataset.get(key) ?? Object.freeze(syntheticPeople(0, dataset.offenders, dataset));
  peopleByDataset.set(key, people);
  return people;
};

/**
 * Starts the stack for one test file; stop it in `afterAll`. The gateway trusts the test issuer for
 * every agency and clearance, plus `moreIssuers`; every agency's staff ids are the test issuer's
 * unless `staffIdIssuers` says otherwise.
 */
export async function startTestStack(
  options: {
    dataset?: SeedDataset;
    production?: boolean;
    subgraphTimeoutMs?: number;
    /** The gateway's one deadline per request; default: the gateway's, never below the subgraph timeout. */
    requestDeadlineMs?: number;
    log?: Logger;
    /** The gateway's operation limits; each one not given keeps its default. */
    operationLimits?: Partial<OperationLimits>;
    /** Which documents the gateway runs. Default `optional` with no registered document, in production too, so tests send ad-hoc documents. */
    trustedDocuments?: TrustedDocuments;
    rateLimits?: RateLimits;
    sharedState?: SharedState;
    moreIssuers?: readonly TrustedIssuer[];
    staffIdIssuers?: LocalStackOptions['staffIdIssuers'];
    /** The statistics path's disclosure control and record-key secret; defaults when not given. */
    statistics?: LocalStackOptions['statistics'];
    /** One metrics registry for every service of the stack (as a process has); default one per service. */
    metrics?: LocalStackOptions['metrics'];
  } = {},
): Promise<TestStack> {
  // Row scope is by area: unless a test says otherwise, everyone is managed in the default
  // principal's area, so tests about other rules can ask about anyone.
  const dataset: SeedDataset = { areas: [DEFAULT_PRINCIPAL.area], ...(options.dataset ?? DEFAULT_DATASET) };
  const database = await openTestDatabase(seededStackTemplate(dataset));
  const issuer = await LocalIssuer.generate(TEST_ISSUER);
  const headersFor = async (principal = DEFAULT_PRINCIPAL, purpose = DEFAULT_PURPOSE): Promise<Record<string, string>> => ({
    authorization: `Bearer ${await issuer.mint(principal)}`,
    'x-mappa-purpose': purpose.purpose,
    ...(purpose.caseId ? { 'x-mappa-case': purpose.caseId } : {}),
  });
  const stack = await startLocalStack({
    connection: database.connection,
    host: '127.0.0.1',
    ports: { gateway: 0, ...byAgency(() => 0) },
    production: options.production ?? false,
    // Generous: CI runs three jest workers and the PostgreSQL server on two cores, where a 100-row page
    // once took over 5 s in mappa. Tests of the timeout itself pass their own.
    subgraphTimeoutMs: options.subgraphTimeoutMs ?? TEST_SUBGRAPH_TIMEOUT_MS,
    requestDeadlineMs: options.requestDeadlineMs,
    log: options.log ?? createLogger('test', 'silent'),
    seedIfEmpty: dataset,
    trustedIssuers: [issuer.trustedIssuer(), ...(options.moreIssuers ?? [])],
    staffIdIssuers: options.staffIdIssuers ?? staffIdIssuersForAll([TEST_ISSUER]),
    operationLimits: options.operationLimits,
    trustedDocuments: options.trustedDocuments ?? { mode: 'optional', manifest: new Map() },
    rateLimits: options.rateLimits ?? TEST_RATE_LIMITS,
    sharedState: options.sharedState,
    // A production gateway needs a configured record-key secret; one stack is one replica, so any will do.
    statistics: options.production ? { keySecret: randomBytes(32).toString('base64url'), ...options.statistics } : options.statistics,
    ...(options.metrics ? { metrics: options.metrics } : {}),
  });
  return {
    stack,
    connection: database.connection,
    people: peopleOf(dataset),
    issuer,
    headersFor,
    query: async (query, variables) => postGraphQL(`${stack.gateway.url}/graphql`, query, variables, await headersFor()),
    queryRaw: async (query, variables) => postRawGraphQL(`${stack.gateway.url}/graphql`, query, variables, await headersFor()),
    resetCounters: () => {
      for (const subgraph of Object.values(stack.subgraphs)) {
        subgraph.requests.reset();
        subgraph.statements.reset();
        subgraph.deniedSelections.reset();
      }
    },
    close: async () => {
      await stack.close();
      await database.drop();
    },
  };
}

/**
 * BENCHMARK SWITCHES ONLY: a second stack over the test stack's database, trusting the same identity
 * provider, as the benchmark runs its off stacks; `switches` says which part is off. Stop it in
 * `afterAll` before the test stack.
 */
export async function startSecondStack(
  env: TestStack,
  switches: Pick<LocalStackOptions, 'authorization' | 'audit' | 'documentControls' | 'operationLimits' | 'trustedDocuments'>,
): Promise<LocalStack> {
  return startLocalStack({
    connection: env.connection,
    host: '127.0.0.1',
    ports: { gateway: 0, ...byAgency(() => 0) },
    production: false,
    subgraphTimeoutMs: TEST_SUBGRAPH_TIMEOUT_MS,
    log: createLogger('test', 'silent'),
    trustedIssuers: [env.issuer.trustedIssuer()],
    rateLimits: TEST_RATE_LIMITS,
    staffIdIssuers: staffIdIssuersForAll([TEST_ISSUER]),
    ...switches,
  });
}

/**
 * Another gateway replica in front of the test stack's own subgraphs, trusting its issuer and signing
 * with its key, its audit log beside theirs unless `options` say otherwise (a rate limit, a subgraph
 * behind a recorder, a database of its own). Stop it before the test stack.
 */
export async function startGatewayOver(env: TestStack, options: Partial<GatewayOptions> = {}): Promise<RunningGateway> {
  return startGateway({
    supergraphSdl: readSupergraph(),
    subgraphUrls: Object.fromEntries(Object.values(env.stack.subgraphs).map((subgraph) => [subgraph.name, `${subgraph.url}/graphql`])),
    host: '127.0.0.1',
    port: 0,
    production: false,
    subgraphTimeoutMs: TEST_SUBGRAPH_TIMEOUT_MS,
    log: createLogger('test', 'silent'),
    trustedIssuers: [env.issuer.trustedIssuer()],
    assertionSigner: env.stack.assertionSigner,
    auditConnection: env.connection,
    // A production gateway needs a configured record-key secret (issue 13).
    ...(options.production ? { statistics: { keySecret: randomBytes(32).toString('base64url') } } : {}),
    ...options,
  });
}

/**
 * Another replica of one of the test stack's subgraphs (`agency`, as `AGENCIES` names it) over the
 * stack's database, trusting `gatewayKeys`, with what `options` add (its replay cache, say). Stop it
 * before the test stack.
 */
export async function startSubgraphReplica(
  env: TestStack,
  agency: string,
  options: Pick<Parameters<typeof startSubgraph>[1], 'gatewayKeys'> & Partial<Parameters<typeof startSubgraph>[1]>,
): Promise<RunningSubgraph> {
  const definition = AGENCIES.find((candidate) => candidate.name === agency);
  if (!definition) throw new Error(`no agency ${agency} in the stack`);
  return startSubgraph(definition, {
    connection: env.connection,
    host: '127.0.0.1',
    port: 0,
    production: false,
    log: createLogger('test', 'silent'),
    ...options,
  });
}

/** Reads `read` until `done` holds of what it returns (at most `timeoutMs`), and returns the last reading. */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}
