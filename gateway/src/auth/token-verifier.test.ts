import type { JWTVerifyGetKey } from 'jose';
import { MappaArea } from '@mappa/shared';
import type { PrincipalClaims } from '@mappa/shared';
import { LocalIssuer } from './local-issuer';
import { TokenVerifier, VERIFIED_TOKEN_TTL_MS } from './token-verifier';
import type { TrustedIssuer } from './trusted-issuer';

const officer: PrincipalClaims = { staffId: 'PPU0001', agency: 'police', roles: ['ppu_officer'], area: MappaArea.LONDON, clearance: 'SC' };
const bearer = (token: string) => `Bearer ${token}`;

/** The issuer as the gateway trusts it, with its key look-ups counted: one per signature jose checks. */
function counted(issuer: TrustedIssuer): { issuer: TrustedIssuer; lookups: () => number } {
  let lookups = 0;
  const keys: JWTVerifyGetKey = (header, token) => {
    lookups += 1;
    return issuer.keys(header, token);
  };
  return { issuer: { ...issuer, keys }, lookups: () => lookups };
}

describe('TokenVerifier: verified tokens remembered for their lifetime (issue 15)', () => {
  let now = Date.now();
  const clock = () => now;
  let issuer: LocalIssuer;

  beforeAll(async () => {
    issuer = await LocalIssuer.generate('https://idp.police.example');
  });

  beforeEach(() => {
    now = Date.now();
  });

  it('checks the signature of a token once, then answers the same token from memory with a principal of its own', async () => {
    const { issuer: trusted, lookups } = counted(issuer.trustedIssuer());
    const verifier = new TokenVerifier([trusted], undefined, clock);
    const token = await issuer.mint(officer);
    const first = await verifier.principalFrom(bearer(token));
    const second = await verifier.principalFrom(bearer(token));
    expect(second).toEqual({ ...officer, issuer: 'https://idp.police.example' });
    expect(second).toEqual(first);
    expect(lookups()).toBe(1);
    // A caller changing its copy changes nobody else's.
    (first.roles as string[]).push('mappa_chair');
    expect((await verifier.principalFrom(bearer(token))).roles).toEqual(['ppu_officer']);
  });

  it('never answers a remembered token from memory past its expiry: it goes back through verification, which refuses an expired token', async () => {
    const { issuer: trusted, lookups } = counted(issuer.trustedIssuer());
    const verifier = new TokenVerifier([trusted], undefined, clock);
    const token = await issuer.mint(officer, { lifetimeSeconds: 40 });
    await verifier.principalFrom(bearer(token));
    now += 39_000;
    await verifier.principalFrom(bearer(token));
    expect(lookups()).toBe(1);
    now += 2_000;
    // Past its exp by this verifier's clock: verified again (jose's clock is the real one, so it still passes here).
    await verifier.principalFrom(bearer(token));
    expect(lookups()).toBe(2);
    // A token that has really expired is refused, remembered or not.
    const expired = await issuer.mint(officer, { issuedAt: Math.floor(Date.now() / 1000) - 600, lifetimeSeconds: 300 });
    await expect(verifier.principalFrom(bearer(expired))).rejects.toThrow('The token has expired; sign in again.');
  });

  it(`verifies a remembered token again after ${VERIFIED_TOKEN_TTL_MS / 1000} s, so a key withdrawn from the key set stops vouching for it`, async () => {
    const { issuer: trusted, lookups } = counted(issuer.trustedIssuer());
    const verifier = new TokenVerifier([trusted], undefined, clock);
    const token = await issuer.mint(officer);
    await verifier.principalFrom(bearer(token));
    now += VERIFIED_TOKEN_TTL_MS - 1;
    await verifier.principalFrom(bearer(token));
    expect(lookups()).toBe(1);
    now += 2;
    await verifier.principalFrom(bearer(token));
    expect(lookups()).toBe(2);
    // The key withdrawn: the same token, remembered a moment ago, is refused once the bound has passed.
    const withdrawn = new TokenVerifier([
      { ...trusted, keys: (await LocalIssuer.generate('https://idp.police.example')).trustedIssuer().keys },
    ]);
    await expect(withdrawn.principalFrom(bearer(token))).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('still refuses a token signed with another key, or changed in any byte, after the genuine one is remembered', async () => {
    const verifier = new TokenVerifier([issuer.trustedIssuer()], undefined, clock);
    const token = await issuer.mint(officer);
    await verifier.principalFrom(bearer(token));
    // Same issuer name and claims, another key: a forger's token.
    const forger = await LocalIssuer.generate('https://idp.police.example');
    await expect(verifier.principalFrom(bearer(await forger.mint(officer)))).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
    // The genuine token with its claims changed (a DV clearance) and the original signature.
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, clearance: 'DV' })).toString('base64url')}.${signature}`;
    await expect(verifier.principalFrom(bearer(tampered))).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    // A refused token is not remembered: it is refused again, however often it is sent.
    await expect(verifier.principalFrom(bearer(tampered))).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });
});
