import { ConfigError, parseEnv } from '@mappa/shared';
import { z } from 'zod';
import { gatewayAccessEnv } from '../config';

const accessEnv = z.object(gatewayAccessEnv);
const jwks = { keys: [{ kty: 'EC', kid: 'k1', crv: 'P-256', x: 'x', y: 'y' }] };
const load =
  (entries: unknown[], extra: Record<string, string> = {}) =>
  () =>
    parseEnv(accessEnv, { TRUSTED_ISSUERS: JSON.stringify(entries), ...extra });

describe('TRUSTED_ISSUERS: whom each identity provider may vouch for', () => {
  it('issue 9 §2: refuses at start an entry that does not list the agencies it may vouch for (deny by default), saying so', () => {
    expect(load([{ issuer: 'https://idp.police.example', audience: 'mappa-gateway', maxClearance: 'SC', jwks }])).toThrow(ConfigError);
    expect(load([{ issuer: 'https://idp.police.example', audience: 'mappa-gateway', maxClearance: 'SC', jwks }])).toThrow(
      /TRUSTED_ISSUERS\.0\.agencies: agencies is required/,
    );
  });

  it('issue 9 §2: refuses an entry without the highest clearance it may assert, an empty or unknown agency list', () => {
    expect(load([{ issuer: 'https://idp.police.example', audience: 'mappa-gateway', agencies: ['police'], jwks }])).toThrow(
      /maxClearance is required/,
    );
    expect(load([{ issuer: 'https://idp.police.example', audience: 'mappa-gateway', agencies: [], maxClearance: 'SC', jwks }])).toThrow(
      /at least one agency/,
    );
    expect(
      load([{ issuer: 'https://idp.police.example', audience: 'mappa-gateway', agencies: ['bank'], maxClearance: 'SC', jwks }]),
    ).toThrow(/agencies must be among/);
  });

  it('refuses an entry with both or neither key source, a repeated issuer, or the issuer that stands for "not recorded"', () => {
    const entry = { issuer: 'https://idp.police.example', audience: 'mappa-gateway', agencies: ['police'], maxClearance: 'SC' };
    expect(load([entry])).toThrow(/exactly one of jwksUrl or jwks/);
    expect(load([{ ...entry, jwks, jwksUrl: 'https://idp.police.example/jwks' }])).toThrow(/exactly one of jwksUrl or jwks/);
    expect(
      load([
        { ...entry, jwks },
        { ...entry, jwks },
      ]),
    ).toThrow(/each issuer may be listed once/);
    expect(load([{ ...entry, jwks, issuer: 'urn:mappa:issuer-not-recorded' }])).toThrow(/cannot be trusted/);
  });

  it('reads a complete entry, and the token lifetime (default one hour)', () => {
    const config = load([
      {
        issuer: 'https://idp.police.example',
        audience: 'mappa-gateway',
        agencies: ['police'],
        maxClearance: 'DV',
        jwksUrl: 'https://idp.police.example/jwks',
      },
    ])();
    expect(config.TRUSTED_ISSUERS[0]).toMatchObject({ agencies: ['police'], maxClearance: 'DV' });
    expect(config.TOKEN_MAX_LIFETIME_SECONDS).toBe(3_600);
    expect(load([], { TOKEN_MAX_LIFETIME_SECONDS: '900' })().TOKEN_MAX_LIFETIME_SECONDS).toBe(900);
  });
});
