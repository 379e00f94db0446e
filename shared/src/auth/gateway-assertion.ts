import { createLocalJWKSet, errors as joseErrors, importJWK, jwtVerify, SignJWT } from 'jose';
import type { JSONWebKeySet, JWK, KeyLike } from 'jose';
import { z } from 'zod';
import { UnauthenticatedError } from '../errors/unauthenticated.error';
import { callerSchema } from './caller';
import type { Caller } from './caller';

/** The HTTP header carrying the gateway's assertion to a subgraph. The client's own token never travels. */
export const ASSERTION_HEADER = 'x-mappa-assertion';

const ISSUER = 'urn:mappa:gateway';
const ALGORITHM = 'ES256';
// Long enough for one subgraph call, short enough that a leaked assertion is soon useless.
const LIFETIME_SECONDS = 60;

const assertionClaimsSchema = callerSchema.extend({ requestId: z.string().min(1).max(64) });

/** What a subgraph learns from a verified assertion. */
export type VerifiedAssertion = z.infer<typeof assertionClaimsSchema>;

/** Signs short-lived assertions, one per subgraph call, with the gateway's private key. */
export class GatewayAssertionSigner {
  private constructor(
    private readonly key: KeyLike | Uint8Array,
    private readonly keyId: string,
  ) {}

  /** From a private ES256 JWK that carries a `kid` (the id subgraphs look the public key up by). */
  static async fromJwk(privateJwk: JWK): Promise<GatewayAssertionSigner> {
    if (!privateJwk.kid) throw new Error('the gateway assertion key needs a "kid"');
    return new GatewayAssertionSigner(await importJWK(privateJwk, ALGORITHM), privateJwk.kid);
  }

  /** An assertion for one subgraph (its name is the audience), about one caller and request. */
  sign(audience: string, caller: Caller, requestId: string): Promise<string> {
    return new SignJWT({ ...caller, requestId })
      .setProtectedHeader({ alg: ALGORITHM, kid: this.keyId, typ: 'mappa-assertion+jwt' })
      .setIssuer(ISSUER)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime(`${LIFETIME_SECONDS}s`)
      .sign(this.key);
  }
}

/**
 * Verifies the gateway's assertions in a subgraph. The key set may hold several public keys, so
 * the gateway's key can be rotated: publish the new key, switch the gateway, retire the old key.
 */
export class GatewayAssertionVerifier {
  private readonly keys: ReturnType<typeof createLocalJWKSet>;

  constructor(
    publicKeys: JSONWebKeySet,
    private readonly audience: string,
  ) {
    this.keys = createLocalJWKSet(publicKeys);
  }

  /** The caller the gateway vouches for, or UNAUTHENTICATED. */
  async verify(assertion: string | undefined): Promise<VerifiedAssertion> {
    if (!assertion) throw new UnauthenticatedError('This service only answers requests that come through the MAPPA gateway.');
    try {
      const { payload } = await jwtVerify(assertion, this.keys, {
        issuer: ISSUER,
        audience: this.audience,
        algorithms: [ALGORITHM],
        typ: 'mappa-assertion+jwt',
        clockTolerance: 5,
      });
      return assertionClaimsSchema.parse(payload);
    } catch (error: unknown) {
      if (error instanceof joseErrors.JOSEError || error instanceof z.ZodError) {
        throw new UnauthenticatedError('The gateway assertion is not valid for this service.');
      }
      throw error;
    }
  }
}
