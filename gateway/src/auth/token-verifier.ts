import { decodeJwt, errors as joseErrors, jwtVerify } from 'jose';
import { LRUCache } from 'lru-cache';
import { agencyHoldsRole, CLEARANCES, principalClaimsSchema, UnauthenticatedError } from '@mappa/shared';
import type { Principal, PrincipalClaims } from '@mappa/shared';
import type { TrustedIssuer } from './trusted-issuer';

// Asymmetric algorithms only: never `none`, and never HMAC, whose "secret" could be a public key.
const ACCEPTED_ALGORITHMS = ['RS256', 'ES256', 'EdDSA'];
const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;
/** Seconds of clock difference tolerated between an identity provider and the gateway (exp, nbf, iat). */
const CLOCK_TOLERANCE_SECONDS = 30;

/** The longest a token may live (`exp - iat`) unless configured otherwise: one hour. */
export const DEFAULT_TOKEN_MAX_LIFETIME_SECONDS = 3_600;

/** How the gateway judges a token beyond its signature. */
export interface TokenPolicy {
  /** The longest lifetime (`exp - iat`) accepted, in seconds. */
  readonly maxLifetimeSeconds: number;
}

/**
 * How many verified tokens are remembered, and for how long at most. A client sends the same bearer
 * token with every request for its lifetime, and checking its ES256 signature and claims again each
 * time was a large share of the gateway's CPU per request (issue 15). A token is remembered only once
 * it has passed every check below, by its exact text (signature included: a token signed with any
 * other key, or changed in any byte, is another string and is verified afresh), never past its own
 * `exp` (no clock tolerance from memory), and never longer than `VERIFIED_TOKEN_TTL_MS`, so a key an identity provider withdraws from
 * its JWKS stops vouching for tokens already seen within that bound (jose itself caches a remote key
 * set for up to ten minutes).
 */
export const VERIFIED_TOKEN_CACHE_SIZE = 10_000;
export const VERIFIED_TOKEN_TTL_MS = 60_000;

interface VerifiedToken {
  readonly principal: Principal;
  /** Until when it may be answered from memory, in milliseconds: its `exp`, or `VERIFIED_TOKEN_TTL_MS` after it was verified if sooner. */
  readonly validUntilMs: number;
}

/**
 * Verifies a client's bearer token against the identity provider that issued it and maps its
 * claims to a principal. Messages tell a legitimate caller what to fix (expired, wrong audience)
 * without telling a forger which check their token passed.
 */
export class TokenVerifier {
  private readonly issuers: ReadonlyMap<string, TrustedIssuer>;
  // Bounded (least recently used go first) so a flood of distinct valid tokens cannot grow it.
  private readonly verified = new LRUCache<string, VerifiedToken>({ max: VERIFIED_TOKEN_CACHE_SIZE });

  constructor(
    issuers: readonly TrustedIssuer[],
    private readonly policy: TokenPolicy = { maxLifetimeSeconds: DEFAULT_TOKEN_MAX_LIFETIME_SECONDS },
    private readonly now: () => number = Date.now,
  ) {
    this.issuers = new Map(issuers.map((issuer) => [issuer.issuer, issuer]));
  }

  /** The principal the token vouches for, with its issuer, or UNAUTHENTICATED. */
  async principalFrom(authorization: string | undefined): Promise<Principal> {
    if (!authorization) throw new UnauthenticatedError('Authentication required: send "Authorization: Bearer <token>".');
    const token = BEARER.exec(authorization)?.[1];
    if (!token) throw new UnauthenticatedError('The Authorization header must be "Bearer " followed by a signed JWT.');
    const remembered = this.verified.get(token);
    // Checked on every use: past its expiry (or the bound) the token goes back through jose, which
    // refuses an expired one with the usual message.
    if (remembered && this.now() < remembered.validUntilMs) return copyOf(remembered.principal);
    if (remembered) this.verified.delete(token);
    const { principal, exp } = await this.verify(token);
    const validUntilMs = Math.min(exp * 1000, this.now() + VERIFIED_TOKEN_TTL_MS);
    if (validUntilMs > this.now()) this.verified.set(token, { principal, validUntilMs });
    return copyOf(principal);
  }

  private async verify(token: string): Promise<{ principal: Principal; exp: number }> {
    const issuer = this.issuers.get(unverifiedIssuerOf(token) ?? '');
    if (!issuer) throw new UnauthenticatedError('The token was not issued by an identity provider this gateway trusts.');
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, issuer.keys, {
        issuer: issuer.issuer,
        audience: issuer.audience,
        algorithms: ACCEPTED_ALGORITHMS,
        requiredClaims: ['exp', 'iat'],
        // Also refuses a token issued in the future (beyond the tolerance) and one older than the
        // longest lifetime, whatever its exp says.
        maxTokenAge: this.policy.maxLifetimeSeconds,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      }));
    } catch (error: unknown) {
      throw new UnauthenticatedError(messageFor(error));
    }
    // A provider that mints day-long tokens makes a stolen one a day-long credential: refuse it
    // outright rather than trust it for its first hour.
    if (typeof payload.exp !== 'number' || typeof payload.iat !== 'number' || payload.exp - payload.iat > this.policy.maxLifetimeSeconds) {
      throw new UnauthenticatedError(
        `The token lives longer than this gateway accepts (at most ${this.policy.maxLifetimeSeconds} s); sign in again.`,
      );
    }
    const claims = principalClaimsSchema.safeParse({
      staffId: payload.staffId ?? payload.sub,
      agency: payload.agency,
      roles: payload.roles,
      area: payload.area,
      clearance: payload.clearance,
      establishment: payload.establishment,
      localAuthority: payload.localAuthority,
    });
    if (!claims.success)
      throw new UnauthenticatedError('The token does not describe a MAPPA user (staffId, agency, roles, area, clearance).');
    refuseUnvouchable(claims.data, issuer);
    return { principal: { ...claims.data, issuer: issuer.issuer }, exp: payload.exp };
  }
}

/** Each request its own principal: one request can never change what the next one is told. */
function copyOf(principal: Principal): Principal {
  return { ...principal, roles: [...principal.roles] };
}

/**
 * Issue 9 §2: an identity provider vouches only for its own people. The same message for every
 * claim it may not make, so a forger learns nothing about which one failed.
 */
function refuseUnvouchable(claims: PrincipalClaims, issuer: TrustedIssuer): void {
  const vouchable =
    issuer.agencies.includes(claims.agency) &&
    CLEARANCES.indexOf(claims.clearance) <= CLEARANCES.indexOf(issuer.maxClearance) &&
    claims.roles.every((role) => agencyHoldsRole(claims.agency, role)) &&
    // Only the prison service has establishments, and only youth offending teams work for a council here:
    // anyone else claiming one is not a MAPPA user as described.
    (claims.establishment === undefined || claims.agency === 'prison') &&
    (claims.localAuthority === undefined || claims.agency === 'yot');
  if (!vouchable) throw new UnauthenticatedError('The token claims an agency, role or clearance its identity provider may not vouch for.');
}

function unverifiedIssuerOf(token: string): string | undefined {
  try {
    return decodeJwt(token).iss;
  } catch {
    return undefined;
  }
}

function messageFor(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) {
    return error.claim === 'iat' ? 'The token was issued too long ago; sign in again.' : 'The token has expired; sign in again.';
  }
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return 'The token is not valid yet.';
    if (error.claim === 'iat')
      return error.reason === 'missing' || error.reason === 'invalid'
        ? 'The token must say when it was issued (iat).'
        : 'The token was issued in the future.';
    if (error.claim === 'exp') return 'The token must say when it expires (exp).';
    return 'The token was not issued for this service.';
  }
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return 'The token is signed with an algorithm this gateway does not accept.';
  return 'The token could not be verified.';
}
