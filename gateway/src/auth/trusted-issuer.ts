import { createLocalJWKSet, createRemoteJWKSet } from 'jose';
import type { JWTVerifyGetKey } from 'jose';
import { jwksSchema } from '@mappa/shared';
import { z } from 'zod';

/** An identity provider whose tokens the gateway accepts: one per agency, and the local dev issuer. */
export interface TrustedIssuer {
  /** The exact `iss` of its tokens. */
  readonly issuer: string;
  /** The `aud` its tokens must carry for this gateway. */
  readonly audience: string;
  /** Where its public keys come from (a JWKS URL, fetched and cached, or configured keys). */
  readonly keys: JWTVerifyGetKey;
  /** True only for the local development issuer, which a production gateway refuses. */
  readonly development: boolean;
}

/** `TRUSTED_ISSUERS`: a JSON array, each with `issuer`, `audience`, and either `jwksUrl` or `jwks`. */
export const trustedIssuersConfigSchema = z.array(
  z.union([
    z.object({ issuer: z.string().min(1), audience: z.string().min(1), jwksUrl: z.url({ protocol: /^https?$/ }) }).strict(),
    z.object({ issuer: z.string().min(1), audience: z.string().min(1), jwks: jwksSchema }).strict(),
  ]),
);

/** Turns the configuration into verifiers' key sources. */
export function trustedIssuersFrom(config: z.infer<typeof trustedIssuersConfigSchema>): TrustedIssuer[] {
  return config.map((entry) => ({
    issuer: entry.issuer,
    audience: entry.audience,
    // Remote key sets are cached and refetched when a token names an unknown kid (rotation),
    // at most every 30 s, so a flood of forged kids cannot hammer the identity provider.
    keys: 'jwksUrl' in entry ? createRemoteJWKSet(new URL(entry.jwksUrl), { cooldownDuration: 30_000, timeoutDuration: 5_000 }) : createLocalJWKSet(entry.jwks),
    development: false,
  }));
}
