import { TEST_ISSUER, openTestRedis, uniqueTestKeyPrefix } from '@mappa/testing';
import { decodeJwt, importJWK, SignJWT } from 'jose';
import { MappaArea } from '../domain/mappa-area';
import {
  ASSERTION_LIFETIME_SECONDS,
  GatewayAssertionSigner,
  GatewayAssertionVerifier,
  ReplayCacheUnavailableError,
} from './gateway-assertion';
import type { Caller } from './caller';
import type { VerifiedAssertionWithBinding } from './gateway-assertion';
import { generateSigningKeyPair } from './signing-keys';

const caller: Caller = {
  principal: {
    issuer: TEST_ISSUER,
    staffId: 'PP0001',
    agency: 'probation',
    roles: ['probation_practitioner'],
    area: MappaArea.DORSET,
    clearance: 'BPSS',
  },
  declaredPurpose: { purpose: 'MAPPA_MEETING', caseId: 'MTG-1' },
};
const BODY = '{"query":"{ __typename }"}';

describe('gateway assertions', () => {
  it('carry the caller, purpose and request id to the subgraph they are addressed to', async () => {
    const { privateJwk, publicJwk } = await generateSigningKeyPair();
    const signer = await GatewayAssertionSigner.fromJwk(privateJwk);
    const verified = await new GatewayAssertionVerifier({ keys: [publicJwk] }, 'probation').verify(
      await signer.sign('probation', caller, 'req-12345678', BODY),
    );
    expect(verified.assertion).toEqual({ ...caller, requestId: 'req-12345678' });
  });

  it("give each call its own caller, request and binding, when the verifier remembers callers' parsed claims", async () => {
    const { privateJwk, publicJwk } = await generateSigningKeyPair();
    const signer = await GatewayAssertionSigner.fromJwk(privateJwk);
    const verifier = new GatewayAssertionVerifier({ keys: [publicJwk] }, 'probation');
    const other: Caller = {
      principal: { ...caller.principal, staffId: 'PP0002', roles: ['probation_practitioner', 'victim_liaison_officer'] },
      declaredPurpose: { purpose: 'CASE_MANAGEMENT', caseId: null },
    };
    const answers: VerifiedAssertionWithBinding[] = [];
    for (const [who, requestId] of [
      [caller, 'req-00000001'],
      [other, 'req-00000002'],
      [caller, 'req-00000003'],
    ] as const) {
      answers.push(await verifier.verify(await signer.sign('probation', who, requestId, `${BODY} ${requestId}`)));
    }
    expect(answers.map((answer) => answer.assertion)).toEqual([
      { ...caller, requestId: 'req-00000001' },
      { ...other, requestId: 'req-00000002' },
      { ...caller, requestId: 'req-00000003' },
    ]);
    expect(new Set(answers.map((answer) => answer.binding.jti)).size).toBe(3);
    // The remembered caller is shared between requests, so no request can change it for the next.
    expect(() => (answers[2]!.assertion.principal.roles as string[]).push('mappa_coordinator')).toThrow(TypeError);
    expect(answers[0]!.assertion.principal.roles).toEqual(['probation_practitioner']);
  });

  it('verify against any published key, so the gateway key can be rotated', async () => {
    const oldKey = await generateSigningKeyPair();
    const newKey = await generateSigningKeyPair();
    const verifier = new GatewayAssertionVerifier({ keys: [oldKey.publicJwk, newKey.publicJwk] }, 'police');
    for (const key of [oldKey, newKey]) {
      const signer = await GatewayAssertionSigner.fromJwk(key.privateJwk);
      await expect(verifier.verify(await signer.sign('police', caller, 'req-12345678', BODY))).resolves.toMatchObject({
        assertion: { requestId: 'req-12345678' },
      });
    }
    const retired = new GatewayAssertionVerifier({ keys: [newKey.publicJwk] }, 'police');
    const oldSigner = await GatewayAssertionSigner.fromJwk(oldKey.privateJwk);
    await expect(retired.verify(await oldSigner.sign('police', caller, 'req-12345678', BODY))).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('are refused once expired', async () => {
    const { privateJwk, publicJwk } = await generateSigningKeyPair();
    const expired = await new SignJWT({ ...caller, requestId: 'req-12345678' })
      .setProtectedHeader({ alg: 'ES256', kid: privateJwk.kid!, typ: 'mappa-assertion+jwt' })
      .setIssuer('urn:mappa:gateway')
      .setAudience('police')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 300)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 240)
      .sign(await importJWK(privateJwk, 'ES256'));
    await expect(new GatewayAssertionVerifier({ keys: [publicJwk] }, 'police').verify(expired)).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  describe('are verified as a signed JWT of the gateway, and refused', () => {
    // Built with jose, independently of the signer under test: every claim the gateway's assertion
    // carries, with one thing changed per case.
    const assertionWith = async (change: {
      readonly header?: Record<string, unknown>;
      readonly claims?: Record<string, unknown>;
      readonly key?: 'gateway' | 'another';
    }) => {
      const gateway = await generateSigningKeyPair();
      const another = await generateSigningKeyPair();
      const now = Math.floor(Date.now() / 1000);
      const claims = {
        ...caller,
        requestId: 'req-12345678',
        bodySha256: 'n4bQgYhMfWWaL-qgxVrQFaO_TxsrC4Is0V1sFbDwCgg',
        iss: 'urn:mappa:gateway',
        aud: 'police',
        jti: '6f1e6c1e-6c7a-4d1e-9d53-000000000001',
        iat: now,
        exp: now + ASSERTION_LIFETIME_SECONDS,
        ...change.claims,
      };
      const signing = change.key === 'another' ? another : gateway;
      const token = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256', kid: gateway.privateJwk.kid!, typ: 'mappa-assertion+jwt', ...change.header })
        .sign(await importJWK(signing.privateJwk, 'ES256'), change.header?.crit ? { crit: { 'exp-x': true } } : undefined);
      return { token, verifier: new GatewayAssertionVerifier({ keys: [gateway.publicJwk] }, 'police') };
    };

    it('accepts one made by a standard JWT library with every claim as the gateway signs them', async () => {
      const { token, verifier } = await assertionWith({});
      await expect(verifier.verify(token)).resolves.toMatchObject({ assertion: { requestId: 'req-12345678' } });
    });

    // Each case is built when its test runs, not when the file loads: a time 60 s ahead must still be
    // ahead when it is checked, however long the tests before it took on a loaded machine.
    it.each<[string, () => Parameters<typeof assertionWith>[0]]>([
      ['signed with a key the gateway does not publish', () => ({ key: 'another' })],
      ['naming a key id the gateway does not publish', () => ({ header: { kid: 'unknown-key' } })],
      ['typed as a plain JWT, not a gateway assertion', () => ({ header: { typ: 'JWT' } })],
      ['carrying a critical extension the subgraph does not understand', () => ({ header: { crit: ['exp-x'], 'exp-x': true } })],
      ['from another issuer', () => ({ claims: { iss: 'urn:mappa:someone-else' } })],
      ['addressed to another subgraph', () => ({ claims: { aud: 'probation' } })],
      ['without an id', () => ({ claims: { jti: undefined } })],
      [
        'issued in the future, beyond the clock skew',
        () => ({ claims: { iat: Math.floor(Date.now() / 1000) + 60, exp: Math.floor(Date.now() / 1000) + 90 } }),
      ],
      ['not valid before a time still to come', () => ({ claims: { nbf: Math.floor(Date.now() / 1000) + 60 } })],
      ['carrying times that are not numbers', () => ({ claims: { exp: 'tomorrow' } })],
    ])('when %s', async (_case, change) => {
      const { token, verifier } = await assertionWith(change());
      await expect(verifier.verify(token)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    });

    it('when any byte of its claims or header is changed after signing, or its signature is dropped', async () => {
      const { token, verifier } = await assertionWith({});
      const [header, claims, signature] = token.split('.') as [string, string, string];
      const widened = Buffer.from(
        JSON.stringify({ ...JSON.parse(Buffer.from(claims, 'base64url').toString()), aud: ['police', 'probation'] }),
      ).toString('base64url');
      const unsigned = Buffer.from(JSON.stringify({ alg: 'none', typ: 'mappa-assertion+jwt' })).toString('base64url');
      for (const forged of [
        `${header}.${widened}.${signature}`,
        `${unsigned}.${claims}.`,
        `${unsigned}.${claims}.${signature}`,
        `${header}.${claims}`,
      ]) {
        await expect(verifier.verify(forged)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
      }
    });
  });

  it('are refused when their claims do not describe a caller', async () => {
    const { privateJwk, publicJwk } = await generateSigningKeyPair();
    const odd = await new SignJWT({ principal: { staffId: 'X' }, requestId: 'req-12345678' })
      .setProtectedHeader({ alg: 'ES256', kid: privateJwk.kid!, typ: 'mappa-assertion+jwt' })
      .setIssuer('urn:mappa:gateway')
      .setAudience('police')
      .setExpirationTime('1m')
      .sign(await importJWK(privateJwk, 'ES256'));
    await expect(new GatewayAssertionVerifier({ keys: [publicJwk] }, 'police').verify(odd)).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('are required', async () => {
    const { publicJwk } = await generateSigningKeyPair();
    await expect(new GatewayAssertionVerifier({ keys: [publicJwk] }, 'police').verify(undefined)).rejects.toThrow(/MAPPA gateway/);
  });

  it('are bound to the exact body signed for, and accepted once', async () => {
    const { privateJwk, publicJwk } = await generateSigningKeyPair();
    const signer = await GatewayAssertionSigner.fromJwk(privateJwk);
    const verifier = new GatewayAssertionVerifier({ keys: [publicJwk] }, 'police');
    const bytes = new TextEncoder().encode(BODY);
    const other = await verifier.verify(await signer.sign('police', caller, 'req-12345678', BODY));
    await expect(verifier.checkBinding(other, new TextEncoder().encode(`${BODY} `))).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
    await expect(verifier.checkBinding(other, undefined)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    const verified = await verifier.verify(await signer.sign('police', caller, 'req-12345678', BODY));
    await expect(verifier.checkBinding(verified, bytes)).resolves.toBeUndefined();
    await expect(verifier.checkBinding(verified, bytes)).rejects.toThrow(/already been used/);
  });

  it('carry a fresh id and live at most 30 s', async () => {
    const { privateJwk } = await generateSigningKeyPair();
    const signer = await GatewayAssertionSigner.fromJwk(privateJwk);
    const [a, b] = [await signer.sign('police', caller, 'req-12345678', BODY), await signer.sign('police', caller, 'req-12345678', BODY)];
    const claims = (token: string) => decodeJwt(token);
    expect(claims(a).jti).not.toBe(claims(b).jti);
    expect(claims(a).exp! - claims(a).iat!).toBe(ASSERTION_LIFETIME_SECONDS);
    expect(ASSERTION_LIFETIME_SECONDS).toBeLessThanOrEqual(30);
  });

  it('are signed with expiry and issue time from one reading of the clock, so a second boundary while signing never makes one a subgraph refuses', async () => {
    const { privateJwk } = await generateSigningKeyPair();
    const signer = await GatewayAssertionSigner.fromJwk(privateJwk);
    // A clock a millisecond before a second boundary that moves on at every reading: the order in
    // which signing reads it then decides whether the boundary falls between issue and expiry.
    const RealDate = Date;
    let tick = 1_796_000_000_999;
    class TickingDate extends RealDate {
      constructor(value?: number | string | Date) {
        if (value === undefined) super(tick++);
        else super(value);
      }
      static override now(): number {
        return tick++;
      }
    }
    globalThis.Date = TickingDate as DateConstructor;
    let token: string;
    try {
      token = await signer.sign('police', caller, 'req-12345678', BODY);
    } finally {
      globalThis.Date = RealDate;
    }
    const { iat, exp } = decodeJwt(token);
    expect(iat).toBe(1_796_000_000);
    expect(exp! - iat!).toBe(ASSERTION_LIFETIME_SECONDS);
  });

  it('are refused while the replay cache cannot answer (fail closed)', async () => {
    const { privateJwk, publicJwk } = await generateSigningKeyPair();
    const signer = await GatewayAssertionSigner.fromJwk(privateJwk);
    // A real Redis connection, then lost: the subgraph cannot tell a replay from a first use.
    const broken = await openTestRedis(uniqueTestKeyPrefix('gateway-assertion'));
    broken.client.disconnect();
    const verifier = new GatewayAssertionVerifier({ keys: [publicJwk] }, 'police', broken);
    const verified = await verifier.verify(await signer.sign('police', caller, 'req-12345678', BODY));
    await expect(verifier.checkBinding(verified, new TextEncoder().encode(BODY))).rejects.toBeInstanceOf(ReplayCacheUnavailableError);
  });
});
