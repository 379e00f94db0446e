import { createPublicKey, createSecretKey } from 'node:crypto';
import type { JsonWebKey } from 'node:crypto';
import { LocalIssuer } from '@mappa/gateway';
import type { PrincipalClaims } from '@mappa/shared';
import { SignJWT } from 'jose';
import { insertMeeting, inviteToMeeting, signAttendance, DEFAULT_PRINCIPAL, startTestStack, SMALL_DATASET } from '@mappa/testing/stack';
import type { GraphQLResponse } from '@mappa/testing';
import type { TestStack } from '@mappa/testing/stack';

const QUERY = '{ offenders(first: 1) { edges { node { pncId identity { lastName } } } } }';
let env: TestStack;

beforeAll(async () => {
  env = await startTestStack({ dataset: SMALL_DATASET, production: true });
});

afterAll(async () => {
  await env.close();
});

async function ask(headers: Record<string, string>): Promise<{ status: number; body: GraphQLResponse }> {
  env.resetCounters();
  const response = await fetch(`${env.stack.gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: QUERY }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse };
}

function subgraphRequests(): number {
  return Object.values(env.stack.subgraphs).reduce((sum, subgraph) => sum + subgraph.requests.count, 0);
}

async function expectRefused(headers: Record<string, string>, code: string, message: RegExp): Promise<void> {
  const { status, body } = await ask(headers);
  expect(status).toBe(code === 'UNAUTHENTICATED' ? 401 : 400);
  expect(body.data ?? null).toBeNull();
  expect(body.errors).toHaveLength(1);
  expect(body.errors?.[0]?.extensions?.code).toBe(code);
  expect(body.errors?.[0]?.message).toMatch(message);
  expect(JSON.stringify(body)).not.toMatch(/stacktrace|at .*\.ts:\d+/);
  // Refused before planning: no agency was asked anything.
  expect(subgraphRequests()).toBe(0);
}

const purpose = { 'x-mappa-purpose': 'CASE_MANAGEMENT' };

describe('authentication at the gateway', () => {
  it('accepts a valid token with a declared purpose', async () => {
    const { status, body } = await ask(await env.headersFor());
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(subgraphRequests()).toBeGreaterThan(0);
  });

  it('refuses a request without a token', async () => {
    await expectRefused(purpose, 'UNAUTHENTICATED', /Authorization: Bearer/);
  });

  it.each([
    ['a Basic header', 'Basic dXNlcjpwYXNz'],
    ['a bearer that is not a JWT', 'Bearer not-a-token'],
    ['an empty bearer', 'Bearer '],
  ])('refuses %s', async (_case, authorization) => {
    await expectRefused({ ...purpose, authorization }, 'UNAUTHENTICATED', /Bearer/);
  });

  it('refuses an expired token', async () => {
    const token = await env.issuer.mint(DEFAULT_PRINCIPAL, { expiresAt: Math.floor(Date.now() / 1000) - 120 });
    await expectRefused({ ...purpose, authorization: `Bearer ${token}` }, 'UNAUTHENTICATED', /expired/);
  });

  it('refuses a token that is not valid yet', async () => {
    const token = await env.issuer.mint(DEFAULT_PRINCIPAL, { notBefore: Math.floor(Date.now() / 1000) + 600 });
    await expectRefused({ ...purpose, authorization: `Bearer ${token}` }, 'UNAUTHENTICATED', /not valid yet/);
  });

  it('refuses a token addressed to another service', async () => {
    const token = await env.issuer.mint(DEFAULT_PRINCIPAL, { audience: 'some-other-service' });
    await expectRefused({ ...purpose, authorization: `Bearer ${token}` }, 'UNAUTHENTICATED', /not issued for this service/);
  });

  it('refuses a token from an issuer it does not trust', async () => {
    const stranger = await LocalIssuer.generate('urn:someone:else');
    await expectRefused(
      { ...purpose, authorization: `Bearer ${await stranger.mint(DEFAULT_PRINCIPAL)}` },
      'UNAUTHENTICATED',
      /not issued by an identity provider this gateway trusts/,
    );
  });

  it('refuses a token claiming a trusted issuer but signed with another key', async () => {
    const impostor = await LocalIssuer.generate('urn:mappa:test-issuer');
    await expectRefused(
      { ...purpose, authorization: `Bearer ${await impostor.mint(DEFAULT_PRINCIPAL)}` },
      'UNAUTHENTICATED',
      /could not be verified/,
    );
  });

  it('refuses an unsigned token (alg "none")', async () => {
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ ...DEFAULT_PRINCIPAL, iss: 'urn:mappa:test-issuer', aud: 'mappa-gateway', exp: now + 600 })}.`;
    await expectRefused({ ...purpose, authorization: `Bearer ${unsigned}` }, 'UNAUTHENTICATED', /Bearer|verified|algorithm/);
  });

  it("refuses an HMAC token keyed with the issuer's public key", async () => {
    // An attacker who knows the public key tries it as an HS256 secret.
    const publicPem = createPublicKey({ key: env.issuer.publicJwk() as JsonWebKey, format: 'jwk' }).export({ type: 'spki', format: 'pem' });
    const secret = createSecretKey(Buffer.from(publicPem));
    const forged = await new SignJWT({ ...DEFAULT_PRINCIPAL })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('urn:mappa:test-issuer')
      .setAudience('mappa-gateway')
      .setExpirationTime('1h')
      .sign(secret);
    await expectRefused({ ...purpose, authorization: `Bearer ${forged}` }, 'UNAUTHENTICATED', /algorithm/);
  });

  it.each([
    ['an unknown role', { roles: ['superuser'] }],
    ['no roles', { roles: [] }],
    ['an unknown area', { area: 'ATLANTIS' }],
    ['an unknown clearance', { clearance: 'TOP' }],
  ])('refuses a token whose claims have %s', async (_case, claims) => {
    const token = await env.issuer.mint(DEFAULT_PRINCIPAL, { claims });
    await expectRefused({ ...purpose, authorization: `Bearer ${token}` }, 'UNAUTHENTICATED', /does not describe a MAPPA user/);
  });
});

describe('declared purpose', () => {
  // In the area of the test stack's people (row scope, R-3).
  const principal: PrincipalClaims = {
    staffId: 'PPU0001',
    agency: 'police',
    roles: ['ppu_officer'],
    area: DEFAULT_PRINCIPAL.area,
    clearance: 'CTC',
  };

  it('refuses a request that declares no purpose', async () => {
    const token = await env.issuer.mint(principal);
    await expectRefused({ authorization: `Bearer ${token}` }, 'BAD_USER_INPUT', /x-mappa-purpose/);
  });

  it('refuses an unknown purpose', async () => {
    const token = await env.issuer.mint(principal);
    await expectRefused({ authorization: `Bearer ${token}`, 'x-mappa-purpose': 'CURIOSITY' }, 'BAD_USER_INPUT', /purpose must be one of/);
  });

  it.each(['MAPPA_MEETING', 'DISCLOSURE_DECISION'])('refuses %s without the meeting or decision id', async (declared) => {
    const token = await env.issuer.mint(principal);
    await expectRefused({ authorization: `Bearer ${token}`, 'x-mappa-purpose': declared }, 'BAD_USER_INPUT', /x-mappa-case/);
  });

  it('accepts MAPPA_MEETING with a meeting id', async () => {
    // Issue 10: the meeting exists, about this person, and the officer has signed in to it.
    const meetingId = await insertMeeting(env, env.people[0]!.pncId, { meetingId: 'MTG-2026-0001' });
    const { invitationId } = await inviteToMeeting(env, meetingId, { staffId: principal.staffId, agency: principal.agency });
    await signAttendance(env, meetingId, principal, invitationId);
    const headers = await env.headersFor(principal, { purpose: 'MAPPA_MEETING', caseId: 'MTG-2026-0001' });
    const response = await fetch(`${env.stack.gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({
        query: 'query($pncId: ID!) { offender(pncId: $pncId) { identity { lastName } } }',
        variables: { pncId: env.people[0]!.pncId },
      }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { offender: { identity: { lastName: env.people[0]!.lastName } } } });
  });

  it('refuses a malformed case id', async () => {
    const token = await env.issuer.mint(principal);
    await expectRefused(
      { authorization: `Bearer ${token}`, 'x-mappa-purpose': 'MAPPA_MEETING', 'x-mappa-case': 'x; drop table' },
      'BAD_USER_INPUT',
      /case id/,
    );
  });
});
