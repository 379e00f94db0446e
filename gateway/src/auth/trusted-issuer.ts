import { createLocalJWKSet, createRemoteJWKSet } from 'jose';
import type { JWTVerifyGetKey } from 'jose';
import { CLEARANCES, ISSUER_NOT_RECORDED, issuerSchema, jwksSchema, PRINCIPAL_AGENCIES } from '@mappa/shared';
import type { Clearance, PrincipalAgency } from '@mappa/shared';
import { z } from 'zod';

/** An identity provider whose tokens the gateway accepts: one per agency, and the local dev issuer. */
export interface TrustedIssuer {
  /** The exact `iss` of its tokens. */
  readonly issuer: string;
  /** The `aud` its tokens must carry for this gateway. */
  readonly audience: string;
  /** Where its public keys come from (a JWKS URL, fetched and cached, or configured keys). */
  readonly keys: JWTVerifyGetKey;
  /** The agencies whose people it may vouch for: a token claiming any other agency is refused. */
  readonly agencies: readonly PrincipalAgency[];
  /** The highest vetting level it may assert: a token claiming more is refused. */
  readonly maxClearance: Clearance;
  /** True only for the local development issuer, which a production gateway refuses. */
  readonly development: boolean;
}

// Deny by default: an entry must say whom it vouches for. An entry written before `agencies` and
// `maxClearance` existed is refused at start with this schema's message, never read as "everyone".
const vouchesFor = {
  issuer: issuerSchema.refine(
    (issuer) => issuer !== ISSUER_NOT_RECORDED,
    `${ISSUER_NOT_RECORDED} stands for "unknown provider" on old case grants and cannot be trusted`,
  ),
  audience: z.string().min(1),
  agencies: z
    .array(z.enum(PRINCIPAL_AGENCIES, { error: `agencies must be among ${PRINCIPAL_AGENCIES.join(', ')}` }), {
      error: 'agencies is required: the agencies whose people this identity provider may vouch for',
    })
    .min(1, 'agencies must name at least one agency'),
  maxClearance: z.enum(CLEARANCES, {
    error: `maxClearance is required: the highest vetting level this identity provider may assert (${CLEARANCES.join(', ')})`,
  }),
};

/**
 * `TRUSTED_ISSUERS`: a JSON array, each with `issuer`, `audience`, `agencies` (whom it may vouch for),
 * `maxClearance` (the highest vetting it may assert), and either `jwksUrl` or `jwks`.
 */
export const trustedIssuersConfigSchema = z
  .array(
    // One object rather than a union of the two key forms, so a missing `agencies` is reported as
    // such rather than as "no union member matched".
    z
      .object({ ...vouchesFor, jwksUrl: z.url({ protocol: /^https?$/ }).optional(), jwks: jwksSchema.optional() })
      .strict()
      .refine((entry) => (entry.jwksUrl === undefined) !== (entry.jwks === undefined), 'give exactly one of jwksUrl or jwks'),
  )
  .refine((entries) => new Set(entries.map((entry) => entry.issuer)).size === entries.length, 'each issuer may be listed once');

/** Turns the configuration into verifiers' key sources. */
export function trustedIssuersFrom(config: z.infer<typeof trustedIssuersConfigSchema>): TrustedIssuer[] {
  return config.map((entry) => ({
    issuer: entry.issuer,
    audience: entry.audience,
    // Remote key sets are cached and refetched when a token names an unknown kid (rotation),
    // at most every 30 s, so a flood of forged kids cannot hammer the identity provider.
    keys:
      entry.jwksUrl !== undefined
        ? createRemoteJWKSet(new URL(entry.jwksUrl), { cooldownDuration: 30_000, timeoutDuration: 5_000 })
        : createLocalJWKSet(entry.jwks ?? { keys: [] }), // (the refine guarantees jwks here; an empty set would verify nothing)
    agencies: entry.agencies,
    maxClearance: entry.maxClearance,
    development: false,
  }));
}
