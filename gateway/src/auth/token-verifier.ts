import { decodeJwt, errors as joseErrors, jwtVerify } from 'jose';
import { principalSchema, UnauthenticatedError } from '@mappa/shared';
import type { Principal } from '@mappa/shared';
import type { TrustedIssuer } from './trusted-issuer';

// Asymmetric algorithms only: never `none`, and never HMAC, whose "secret" could be a public key.
const ACCEPTED_ALGORITHMS = ['RS256', 'ES256', 'EdDSA'];
const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;

/**
 * Verifies a client's bearer token against the identity provider that issued it and maps its
 * claims to a principal. Messages tell a legitimate caller what to fix (expired, wrong audience)
 * without telling a forger which check their token passed.
 */
export class TokenVerifier {
  private readonly issuers: ReadonlyMap<string, TrustedIssuer>;

  constructor(issuers: readonly TrustedIssuer[]) {
    this.issuers = new Map(issuers.map((issuer) => [issuer.issuer, issuer]));
  }

  /** The principal the token vouches for, or UNAUTHENTICATED. */
  async principalFrom(authorization: string | undefined): Promise<Principal> {
    if (!authorization) throw new UnauthenticatedError('Authentication required: send "Authorization: Bearer <token>".');
    const token = BEARER.exec(authorization)?.[1];
    if (!token) throw new UnauthenticatedError('The Authorization header must be "Bearer " followed by a signed JWT.');
    const issuer = this.issuers.get(unverifiedIssuerOf(token) ?? '');
    if (!issuer) throw new UnauthenticatedError('The token was not issued by an identity provider this gateway trusts.');
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, issuer.keys, {
        issuer: issuer.issuer,
        audience: issuer.audience,
        algorithms: ACCEPTED_ALGORITHMS,
        requiredClaims: ['exp'],
        clockTolerance: 30,
      }));
    } catch (error: unknown) {
      throw new UnauthenticatedError(messageFor(error));
    }
    const principal = principalSchema.safeParse({
      staffId: payload.staffId ?? payload.sub,
      agency: payload.agency,
      roles: payload.roles,
      area: payload.area,
      clearance: payload.clearance,
    });
    if (!principal.success) throw new UnauthenticatedError('The token does not describe a MAPPA user (staffId, agency, roles, area, clearance).');
    return principal.data;
  }
}

function unverifiedIssuerOf(token: string): string | undefined {
  try {
    return decodeJwt(token).iss;
  } catch {
    return undefined;
  }
}

function messageFor(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'The token has expired; sign in again.';
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    return error.claim === 'nbf' ? 'The token is not valid yet.' : 'The token was not issued for this service.';
  }
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return 'The token is signed with an algorithm this gateway does not accept.';
  return 'The token could not be verified.';
}
