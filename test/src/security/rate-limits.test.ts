import { and, eq, inArray } from 'drizzle-orm';
import type { RateLimits, RunningGateway } from '@mappa/gateway';
import { auditEntryTable, MappaArea } from '@mappa/shared';
import { dropTestRedis, openTestRedis, uniqueTestKeyPrefix } from '@mappa/testing';
import type { AuditPayload, PrincipalClaims, RedisSharedState, SharedState } from '@mappa/shared';
import { REFILL_ONCE_AN_HOUR, startGatewayOver, startTestStack, SMALL_DATASET } from '@mappa/testing/stack';
import type { GraphQLResponse } from '@mappa/testing';
import type { TestStack } from '@mappa/testing/stack';

// Issue 9 §1, rate limits: token buckets per principal (issuer + staff id) and, before
// authentication, per source address; over a limit, HTTP 429 with Retry-After and RATE_LIMITED;
// in memory, or shared by every replica through Redis. Refusals before authentication (and 429s)
// are audited once per window and source, so a flood without a token cannot flood the audit log.

const QUERY = '{ __typename }';
const OTHER_PRINCIPAL: PrincipalClaims = {
  staffId: 'MCU0002',
  agency: 'mappa_unit',
  roles: ['mappa_coordinator'],
  area: MappaArea.LONDON,
  clearance: 'SC',
};
const GENEROUS = { capacity: 1_000_000, refillPerSecond: 100_000 };
/**
 * The refusal-audit window of the tests that count a window's refusals: longer than any test, so a
 * loaded machine cannot split one burst into two windows (a 3 s window once did, 16 of 25 in the first);
 * the test stops its replica, which writes the open window's entry.
 */
const WINDOW_OVER_THE_TEST_MS = 3_600_000;
/** A bucket each test drains: `capacity` requests, then none until an hour has passed. */
const drained = (capacity: number) => ({ capacity, refillPerSecond: REFILL_ONCE_AN_HOUR });

let env: TestStack;
const gateways: RunningGateway[] = [];
const redisConnections: RedisSharedState[] = [];
const redisPrefix = uniqueTestKeyPrefix('rate-limits');

beforeAll(async () => {
  env = await startTestStack({ dataset: SMALL_DATASET });
});

afterAll(async () => {
  for (const gateway of gateways) await gateway.close();
  const [first, ...others] = redisConnections;
  await Promise.all(others.map((connection) => connection.close()));
  if (first) await dropTestRedis(first);
  await env.close();
});

/** Another gateway replica in front of the test stack's subgraphs, with its own limits. */
async function replica(rateLimits: RateLimits, sharedState?: SharedState): Promise<RunningGateway> {
  const gateway = await startGatewayOver(env, { rateLimits, ...(sharedState ? { sharedState } : {}) });
  gateways.push(gateway);
  return gateway;
}

async function redis(): Promise<RedisSharedState> {
  const connection = await openTestRedis(redisPrefix);
  redisConnections.push(connection);
  return connection;
}

interface Answer {
  readonly status: number;
  readonly retryAfter: string | null;
  readonly requestId: string;
  readonly body: GraphQLResponse;
}

async function ask(gateway: RunningGateway, headers: Record<string, string>): Promise<Answer> {
  const response = await fetch(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: QUERY }),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    requestId: response.headers.get('x-request-id') ?? '',
    body: (await response.json()) as GraphQLResponse,
  };
}

/**
 * Sends requests in turn (to each gateway in `via`, round robin) until the first 429, at most `most`.
 * The tests' buckets cannot refill while they run, so the 429 comes exactly after their capacity.
 */
async function untilLimited(
  via: readonly RunningGateway[],
  headers: () => Promise<Record<string, string>>,
  most: number,
): Promise<{ answers: Answer[]; limited: Answer | undefined }> {
  const answers: Answer[] = [];
  for (let i = 0; i < most; i++) {
    const answer = await ask(via[i % via.length]!, await headers());
    answers.push(answer);
    if (answer.status === 429) return { answers, limited: answer };
  }
  return { answers, limited: undefined };
}

function expectRateLimited(answer: Answer | undefined): void {
  expect(answer?.status).toBe(429);
  expect(answer?.retryAfter).toMatch(/^[1-9]\d*$/);
  expect(answer?.body.data).toBeUndefined();
  expect(answer?.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: Number(answer?.retryAfter) });
}

async function gatewayEntriesOf(requestIds: readonly string[]): Promise<AuditPayload[]> {
  const rows = await env.connection
    .database()
    .select()
    .from(auditEntryTable)
    .where(and(eq(auditEntryTable.log, 'gateway'), inArray(auditEntryTable.requestId, [...requestIds])));
  return rows.map((row) => row.payload as AuditPayload);
}

describe('issue 9 §1: rate limits', () => {
  it('issue 9 §1: one principal over its bucket gets HTTP 429 with Retry-After and RATE_LIMITED; another principal is still served', async () => {
    const gateway = await replica({ perSource: GENEROUS, perPrincipal: drained(5), refusalAuditWindowMs: 1_000 });
    const { answers, limited } = await untilLimited([gateway], () => env.headersFor(), 8);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 429]);
    expectRateLimited(limited);
    expect((await ask(gateway, await env.headersFor(OTHER_PRINCIPAL))).status).toBe(200);
  });

  it('issue 9 §1: the per-source limit applies before authentication: requests without a token are limited, then so is a valid one', async () => {
    const gateway = await replica({ perSource: drained(3), perPrincipal: GENEROUS, refusalAuditWindowMs: 1_000 });
    const { answers, limited } = await untilLimited([gateway], async () => ({}), 6);
    expect(answers.map((answer) => answer.status)).toEqual([401, 401, 401, 429]);
    expectRateLimited(limited);
    expectRateLimited(await ask(gateway, await env.headersFor()));
  });

  it('issue 9 §1: a burst of N bad-token requests from one source leaves one gateway audit entry with count N for the window, not N entries', async () => {
    const gateway = await replica({ perSource: GENEROUS, perPrincipal: GENEROUS, refusalAuditWindowMs: WINDOW_OVER_THE_TEST_MS });
    const burst = await Promise.all(
      Array.from({ length: 25 }, () => ask(gateway, { authorization: 'Bearer not.a.token', 'x-mappa-purpose': 'CASE_MANAGEMENT' })),
    );
    expect(burst.every((answer) => answer.status === 401)).toBe(true);
    const ids = burst.map((answer) => answer.requestId);
    // Stopping the replica writes its open window (and drains its audit writer) before it resolves.
    await gateway.close();
    const entries = await gatewayEntriesOf(ids);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      principal: null,
      outcome: 'UNAUTHENTICATED',
      errorCodes: ['UNAUTHENTICATED'],
      refusals: { count: 25, windowMs: WINDOW_OVER_THE_TEST_MS },
    });
  });

  it('issue 9 §1: rate-limited (429) requests before authentication are audited the same way: one entry with their count', async () => {
    const gateway = await replica({ perSource: drained(2), perPrincipal: GENEROUS, refusalAuditWindowMs: WINDOW_OVER_THE_TEST_MS });
    const answers: Answer[] = [];
    for (let i = 0; i < 12; i++) answers.push(await ask(gateway, {}));
    const limited = answers.filter((answer) => answer.status === 429);
    expect(answers.map((answer) => answer.status)).toEqual([401, 401, ...Array<number>(10).fill(429)]);
    await gateway.close();
    const entries = await gatewayEntriesOf(limited.map((answer) => answer.requestId));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ principal: null, errorCodes: ['RATE_LIMITED'], refusals: { count: 10 } });
  });

  it('issue 9 §1: two gateway replicas sharing one Redis see one bucket per principal', async () => {
    const limits = { perSource: GENEROUS, perPrincipal: drained(6), refusalAuditWindowMs: 1_000 };
    const [a, b] = [await replica(limits, await redis()), await replica(limits, await redis())];
    // Alternating between the replicas: with a bucket each, 12 requests would pass.
    const { answers, limited } = await untilLimited([a, b], () => env.headersFor(OTHER_PRINCIPAL), 9);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 200, 429]);
    expectRateLimited(limited);
  });

  it('issue 9 §1: with Redis unreachable, each replica still limits from its own memory (neither open nor closed)', async () => {
    const lost = await redis();
    const gateway = await replica({ perSource: GENEROUS, perPrincipal: drained(3), refusalAuditWindowMs: 1_000 }, lost);
    lost.client.disconnect();
    const { answers, limited } = await untilLimited([gateway], () => env.headersFor(), 6);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 429]);
    expectRateLimited(limited);
  });
});
