import { MappaArea } from '@mappa/shared';
import type { PrincipalClaims } from '@mappa/shared';
import type { LocalStack } from '@mappa/stack';
import { postGraphQL } from '@mappa/testing';
import { startSecondStack, startTestStack } from '@mappa/testing/stack';
import type { TestStack } from '@mappa/testing/stack';

// The benchmark's `authorization: 'off'` switch (BENCHMARK ONLY): the default stack enforces, the
// off stack does not, and both still authenticate. This is the one test allowed to pass 'off': it
// proves the ratio `npm run bench` reports compares enforced against really-off.

const IDENTITY = 'query($pncId: ID!) { offender(pncId: $pncId) { pncId identity { firstName lastName } } }';
const PRACTITIONER: PrincipalClaims = {
  staffId: 'PRB0001',
  agency: 'probation',
  roles: ['probation_practitioner'],
  area: MappaArea.LONDON,
  clearance: 'BPSS',
};
const POLICE_OFFICER: PrincipalClaims = {
  staffId: 'PPU0001',
  agency: 'police',
  roles: ['ppu_officer'],
  area: MappaArea.LONDON,
  clearance: 'BPSS',
};
const CASE_MANAGEMENT = { purpose: 'CASE_MANAGEMENT', caseId: null } as const;
const SCREENING = { purpose: 'MAPPA_SCREENING', caseId: null } as const;

let env: TestStack;
let off: LocalStack;

beforeAll(async () => {
  env = await startTestStack();
  // The second stack shares the database and trusts the same identity provider, as in the benchmark.
  off = await startSecondStack(env, { authorization: 'off' });
});

afterAll(async () => {
  await off.close();
  await env.close();
});

const onGateway = () => `${env.stack.gateway.url}/graphql`;
const offGateway = () => `${off.gateway.url}/graphql`;
const pncId = () => env.people[0]!.pncId;

test('principle 2 / B.1 default is enforced: a probation practitioner under CASE_MANAGEMENT is FORBIDDEN the police identity; the off stack returns it', async () => {
  const headers = await env.headersFor(PRACTITIONER, CASE_MANAGEMENT);
  const enforced = await postGraphQL<{ offender: { identity: unknown } }>(onGateway(), IDENTITY, { pncId: pncId() }, headers);
  expect(enforced.data?.offender.identity).toBeNull();
  expect(enforced.errors?.map((error) => [error.extensions?.code, error.path])).toEqual([['FORBIDDEN', ['offender', 'identity']]]);

  const unenforced = await postGraphQL<{ offender: { identity: { firstName: string } | null } }>(
    offGateway(),
    IDENTITY,
    { pncId: pncId() },
    headers,
  );
  expect(unenforced.errors).toBeUndefined();
  expect(unenforced.data?.offender.identity?.firstName).toBe(env.people[0]!.firstName);
});

test("R-3 default is enforced: a person outside the caller's area is unknown on the default stack; the off stack's row scope is unrestricted", async () => {
  const inKent = await env.headersFor({ ...POLICE_OFFICER, area: MappaArea.KENT }, CASE_MANAGEMENT);
  const enforced = await postGraphQL<{ offender: unknown }>(onGateway(), IDENTITY, { pncId: pncId() }, inKent);
  expect(enforced).toEqual({ data: { offender: null } });

  const unenforced = await postGraphQL<{ offender: { pncId: string } | null }>(offGateway(), IDENTITY, { pncId: pncId() }, inKent);
  expect(unenforced.errors).toBeUndefined();
  expect(unenforced.data?.offender?.pncId).toBe(pncId());
});

test("case grants: the default gateway asks the MAPPA unit for a police officer's grants under MAPPA_SCREENING; the off gateway does not", async () => {
  const headers = await env.headersFor(POLICE_OFFICER, SCREENING);
  env.resetCounters();
  for (const subgraph of Object.values(off.subgraphs)) subgraph.requests.reset();
  await postGraphQL(onGateway(), IDENTITY, { pncId: pncId() }, headers);
  await postGraphQL(offGateway(), IDENTITY, { pncId: pncId() }, headers);
  // The identity is the police's alone: the only MAPPA request is the grant look-up.
  expect(env.stack.subgraphs.mappa.requests.count).toBe(1);
  expect(off.subgraphs.mappa.requests.count).toBe(0);
  expect(off.subgraphs.police.requests.count).toBe(1);
});

test('authentication stays on with authorization off: no token is UNAUTHENTICATED at the gateway, no assertion is refused by a subgraph', async () => {
  const noToken = await fetch(offGateway(), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-mappa-purpose': 'MAPPA_SCREENING' },
    body: JSON.stringify({ query: IDENTITY, variables: { pncId: pncId() } }),
  });
  expect(noToken.status).toBe(401);
  expect(((await noToken.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('UNAUTHENTICATED');

  const noAssertion = await fetch(`${off.subgraphs.police.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: IDENTITY, variables: { pncId: pncId() } }),
  });
  expect(noAssertion.status).toBe(401);
});
