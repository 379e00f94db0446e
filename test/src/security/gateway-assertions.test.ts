import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { importJWK, SignJWT } from 'jose';
import type { RunningGateway } from '@mappa/gateway';
import { ASSERTION_HEADER, GatewayAssertionSigner, generateSigningKeyPair } from '@mappa/shared';
import { dropTestRedis, openTestRedis, uniqueTestKeyPrefix, postGraphQL } from '@mappa/testing';
import type { RedisSharedState, RunningSubgraph } from '@mappa/shared';
import {
  DEFAULT_PRINCIPAL,
  DEFAULT_PURPOSE,
  startGatewayOver,
  startSubgraphReplica,
  startTestStack,
  vouched,
  SMALL_DATASET,
} from '@mappa/testing/stack';
import type { GraphQLResponse } from '@mappa/testing';
import type { TestStack } from '@mappa/testing/stack';

// Issue 9 §4: an assertion the gateway signs for one subgraph call must answer that call only. A
// captured one must not answer the same body again, another body, or another replica of the subgraph,
// and none may live longer than 30 s.

const QUERY = 'query Identity($pncId: ID!) { offender(pncId: $pncId) { pncId identity { lastName } } }';
const caller = { principal: vouched(DEFAULT_PRINCIPAL), declaredPurpose: DEFAULT_PURPOSE };

interface Captured {
  readonly headers: Record<string, string>;
  readonly body: string;
}

let env: TestStack;
/** A second gateway whose police calls pass through `recorder`, as an eavesdropper on the hop would see them. */
let gateway: RunningGateway;
let recorder: Server;
const captured: Captured[] = [];

/** Two replicas of the police subgraph, trusting `keys`, sharing one Redis replay cache. */
let replicas: RunningSubgraph[];
let redisOfReplicas: RedisSharedState[];
let keys: Awaited<ReturnType<typeof generateSigningKeyPair>>;

beforeAll(async () => {
  env = await startTestStack({ dataset: SMALL_DATASET });
  const police = env.stack.subgraphs.police;
  // Records each call's assertion and exact body, then forwards it unchanged.
  recorder = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = { 'content-type': 'application/json', [ASSERTION_HEADER]: String(request.headers[ASSERTION_HEADER]) };
      captured.push({ headers, body });
      void fetch(`${police.url}/graphql`, { method: 'POST', headers, body }).then(async (answer) => {
        response.writeHead(answer.status, { 'content-type': 'application/json' });
        response.end(await answer.text());
      });
    });
  });
  await new Promise<void>((resolve) => recorder.listen(0, '127.0.0.1', resolve));
  const recorderUrl = `http://127.0.0.1:${(recorder.address() as AddressInfo).port}/graphql`;
  gateway = await startGatewayOver(env, {
    subgraphUrls: {
      ...Object.fromEntries(Object.values(env.stack.subgraphs).map((subgraph) => [subgraph.name, `${subgraph.url}/graphql`])),
      police: recorderUrl,
    },
  });
  keys = await generateSigningKeyPair();
  const prefix = uniqueTestKeyPrefix('gateway-assertions');
  redisOfReplicas = [await openTestRedis(prefix), await openTestRedis(prefix)];
  replicas = [];
  for (const sharedState of redisOfReplicas) {
    replicas.push(await startSubgraphReplica(env, 'police', { gatewayKeys: { keys: [keys.publicJwk] }, sharedState }));
  }
});

afterAll(async () => {
  await Promise.all(replicas.map((replica) => replica.close()));
  await redisOfReplicas[1]?.close();
  if (redisOfReplicas[0]) await dropTestRedis(redisOfReplicas[0]);
  await gateway.close();
  await new Promise<void>((resolve) => recorder.close(() => resolve()));
  await env.close();
});

async function send(url: string, headers: Record<string, string>, body: string): Promise<{ status: number; body: GraphQLResponse }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: response.status, body: (await response.json()) as GraphQLResponse };
}

/** Asks the gateway, and returns the police call it made, as captured on the hop. */
async function captureOne(pncId: string): Promise<Captured> {
  captured.length = 0;
  const answer = await postGraphQL<{ offender: { pncId: string } | null }>(
    `${gateway.url}/graphql`,
    QUERY,
    { pncId },
    await env.headersFor(),
  );
  expect(answer.errors).toBeUndefined();
  expect(answer.data?.offender?.pncId).toBe(pncId);
  expect(captured).toHaveLength(1);
  return captured[0]!;
}

/** An assertion as the gateway's key would sign it, with the lifetime the test chooses. */
async function craft(body: string, times: { readonly iat: number; readonly exp: number }): Promise<string> {
  return new SignJWT({ ...caller, requestId: 'crafted-0001', bodySha256: createHash('sha256').update(body).digest('base64url') })
    .setProtectedHeader({ alg: 'ES256', kid: keys.privateJwk.kid!, typ: 'mappa-assertion+jwt' })
    .setIssuer('urn:mappa:gateway')
    .setAudience('police')
    .setJti(crypto.randomUUID())
    .setIssuedAt(times.iat)
    .setExpirationTime(times.exp)
    .sign(await importJWK(keys.privateJwk, 'ES256'));
}

const bodyFor = (pncId: string) => JSON.stringify({ query: QUERY, variables: { pncId } });

describe('issue 9 §4: each subgraph call vouches for the request that made it', () => {
  it("issue 9 §4: concurrent requests of two callers: every police call carries its own request's caller and request id", async () => {
    // The data source is shared by every request in flight: a caller kept anywhere but with the call
    // would show here as one coordinator's call signed for the other.
    const second = { ...DEFAULT_PRINCIPAL, staffId: 'MCU0002' };
    const headersOf = { [DEFAULT_PRINCIPAL.staffId]: await env.headersFor(), [second.staffId]: await env.headersFor(second) };
    const asked = env.people
      .slice(0, 16)
      .map((person, i) => ({ pncId: person.pncId, staffId: i % 2 === 0 ? DEFAULT_PRINCIPAL.staffId : second.staffId }));
    captured.length = 0;
    const answers = await Promise.all(
      asked.map(({ pncId, staffId }) =>
        postGraphQL<{ offender: { pncId: string } | null }>(`${gateway.url}/graphql`, QUERY, { pncId }, headersOf[staffId]!),
      ),
    );
    answers.forEach((answer, i) => expect(answer.data?.offender?.pncId).toBe(asked[i]!.pncId));
    expect(captured).toHaveLength(asked.length);
    const requestIds = new Set<string>();
    for (const call of captured) {
      const { variables } = JSON.parse(call.body) as { variables: { pncId: string } };
      const claims = JSON.parse(Buffer.from(call.headers[ASSERTION_HEADER]!.split('.')[1]!, 'base64url').toString('utf8')) as {
        principal: { staffId: string };
        requestId: string;
      };
      expect(claims.principal.staffId).toBe(asked.find((request) => request.pncId === variables.pncId)!.staffId);
      requestIds.add(claims.requestId);
    }
    // One request id per request: no call carried another request's.
    expect(requestIds.size).toBe(asked.length);
  });
});

describe('issue 9 §4: gateway-to-subgraph assertions cannot be replayed', () => {
  it('issue 9 §4: a captured assertion replayed with the same body is refused (UNAUTHENTICATED)', async () => {
    // Through the gateway the call is answered (captureOne checks it); its replay is not.
    const call = await captureOne(env.people[0]!.pncId);
    const replay = await send(`${env.stack.subgraphs.police.url}/graphql`, call.headers, call.body);
    expect(replay.status).toBe(401);
    expect(replay.body.data).toBeUndefined();
    expect(replay.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('issue 9 §4: a captured assertion replayed with another body (another query) is refused', async () => {
    const call = await captureOne(env.people[1]!.pncId);
    const other = JSON.stringify({
      query: '{ offenders: offender(pncId: "' + env.people[2]!.pncId + '") { pncId identity { firstName lastName dateOfBirth } } }',
    });
    const replay = await send(`${env.stack.subgraphs.police.url}/graphql`, call.headers, other);
    expect(replay.status).toBe(401);
    expect(replay.body.data).toBeUndefined();
    expect(replay.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('issue 9 §4: an assertion issued more than 30 s ago is refused, even before its expiry', async () => {
    const body = bodyFor(env.people[0]!.pncId);
    const now = Math.floor(Date.now() / 1000);
    const old = await craft(body, { iat: now - 40, exp: now + 20 });
    const answer = await send(`${replicas[0]!.url}/graphql`, { [ASSERTION_HEADER]: old }, body);
    expect(answer.status).toBe(401);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // The same crafted the way the gateway signs (issued now, 30 s) is answered: only the age differs.
    const fresh = await craft(body, { iat: now, exp: now + 30 });
    expect((await send(`${replicas[0]!.url}/graphql`, { [ASSERTION_HEADER]: fresh }, body)).status).toBe(200);
  });

  it('issue 9 §4: an assertion signed to live longer than 30 s is refused', async () => {
    const body = bodyFor(env.people[0]!.pncId);
    const now = Math.floor(Date.now() / 1000);
    const long = await craft(body, { iat: now, exp: now + 60 });
    const answer = await send(`${replicas[0]!.url}/graphql`, { [ASSERTION_HEADER]: long }, body);
    expect(answer.status).toBe(401);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('issue 9 §4: an assertion used at one replica is refused at another replica sharing its Redis', async () => {
    const signer = await GatewayAssertionSigner.fromJwk(keys.privateJwk);
    const body = bodyFor(env.people[4]!.pncId);
    const headers = { [ASSERTION_HEADER]: await signer.sign('police', caller, 'replicas-0001', body) };
    const first = await send(`${replicas[0]!.url}/graphql`, headers, body);
    expect(first.status).toBe(200);
    expect(first.body.errors).toBeUndefined();
    const replay = await send(`${replicas[1]!.url}/graphql`, headers, body);
    expect(replay.status).toBe(401);
    expect(replay.body.data).toBeUndefined();
    expect(replay.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
