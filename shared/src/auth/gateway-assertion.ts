import { createHash, createPrivateKey, randomUUID, sign as signWith } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { createLocalJWKSet, errors as joseErrors, jwtVerify } from 'jose';
import type { JSONWebKeySet, JWK } from 'jose';
import { z } from 'zod';
import { UnauthenticatedError } from '../errors/unauthenticated.error';
import { MemorySharedState } from '../shared-state/memory-shared-state';
import type { SharedState } from '../shared-state/shared-state';
import { callerSchema } from './caller';
import type { Caller } from './caller';

/** The HTTP header carrying the gateway's assertion to a subgraph. The client's own token never travels. */
export const ASSERTION_HEADER = 'x-mappa-assertion';

const ISSUER = 'urn:mappa:gateway';
const ALGORITHM = 'ES256';
/**
 * The longest an assertion lives (issue 9 §4): one subgraph call, signed just before it is sent. A
 * subgraph refuses one whose `exp` is further than this from its `iat`, and one issued longer ago.
 */
export const ASSERTION_LIFETIME_SECONDS = 30;
// The clock skew tolerated between the gateway and a subgraph.
const CLOCK_TOLERANCE_SECONDS = 5;

const assertionClaimsSchema = callerSchema.extend({ requestId: z.string().min(1).max(64) });

// What binds an assertion to one request: the body it was signed for, and an id used once.
const bindingClaimsSchema = z.object({
  jti: z.string().regex(/^[A-Za-z0-9-]{16,64}$/),
  bodySha256: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'the base64url SHA-256 of the request body'),
  iat: z.number().int(),
  exp: z.number().int(),
  // How long the gateway waits for this call's answer, in milliseconds from signing (issue 15): the
  // subgraph bounds its own work by it. Signed, so nobody between can lengthen it; never longer than
  // the assertion lives. Relative, not an instant, so the two hosts' clocks need not agree.
  budgetMs: z
    .number()
    .int()
    .min(0)
    .max(ASSERTION_LIFETIME_SECONDS * 1000)
    .optional(),
});

// Both claim sets in one schema, so a verified payload is parsed once, not twice (issue 15: zod's
// parse of the caller is most of what the check costs after the signature).
const allClaimsSchema = assertionClaimsSchema.extend(bindingClaimsSchema.shape);

/** What a subgraph learns from a verified assertion. */
export type VerifiedAssertion = z.infer<typeof assertionClaimsSchema>;

/** A verified assertion and what binds it to one request, checked by `GatewayAssertionVerifier.checkBinding`. */
export interface VerifiedAssertionWithBinding {
  readonly assertion: VerifiedAssertion;
  readonly binding: z.infer<typeof bindingClaimsSchema>;
}

/** The replay cache could not answer: the subgraph cannot tell a replay from a first use, so it refuses (fail closed). */
export class ReplayCacheUnavailableError extends Error {
  override readonly name = 'ReplayCacheUnavailableError';
}

/** The SHA-256 of a request body as an assertion carries it (base64url): over the exact bytes sent. */
export function bodySha256Of(body: string | Uint8Array): string {
  return createHash('sha256').update(body).digest('base64url');
}

/** Signs short-lived assertions, one per subgraph call, with the gateway's private key. */
export class GatewayAssertionSigner {
  private constructor(
    private readonly key: KeyObject,
    /** The protected header, the same for every assertion: encoded once. */
    private readonly encodedHeader: string,
  ) {}

  /** From a private ES256 JWK that carries a `kid` (the id subgraphs look the public key up by). */
  static fromJwk(privateJwk: JWK): Promise<GatewayAssertionSigner> {
    if (!privateJwk.kid) throw new Error('the gateway assertion key needs a "kid"');
    if (privateJwk.kty !== 'EC' || privateJwk.crv !== 'P-256' || !privateJwk.d)
      throw new Error('the gateway assertion key must be a private P-256 (ES256) JWK');
    const key = createPrivateKey({
      key: { kty: privateJwk.kty, crv: privateJwk.crv, x: privateJwk.x, y: privateJwk.y, d: privateJwk.d },
      format: 'jwk',
    });
    const header = Buffer.from(JSON.stringify({ alg: ALGORITHM, kid: privateJwk.kid, typ: 'mappa-assertion+jwt' })).toString('base64url');
    return Promise.resolve(new GatewayAssertionSigner(key, header));
  }

  /**
   * An assertion for one subgraph call (the subgraph's name is the audience), about one caller and
   * request, bound to `body`: the exact bytes about to be sent, which the subgraph hashes again. A
   * fresh id each time, so a retry or a second fetch of the same request gets an assertion of its own.
   * `budgetMs`, when given, tells the subgraph how long the gateway will wait for this answer.
   *
   * A compact JWS (RFC 7515) signed with node:crypto directly, as jose's `SignJWT` would produce it
   * (ES256: the raw r||s signature, RFC 7518 §3.4), which subgraphs verify with jose: jose's own
   * per-call key checks and encodings were about half of the signing cost, and signing about a
   * tenth of the gateway's CPU (issue 15). One signature per call stays: it binds that call's body.
   */
  sign(audience: string, caller: Caller, requestId: string, body: string | Uint8Array, budgetMs?: number): Promise<string> {
    // One reading of the clock for both claims, so `exp - iat` is always the lifetime exactly.
    const issuedAt = Math.floor(Date.now() / 1000);
    const budget =
      budgetMs === undefined ? {} : { budgetMs: Math.max(0, Math.min(Math.floor(budgetMs), ASSERTION_LIFETIME_SECONDS * 1000)) };
    const claims = {
      ...caller,
      requestId,
      bodySha256: bodySha256Of(body),
      ...budget,
      iss: ISSUER,
      aud: audience,
      jti: randomUUID(),
      iat: issuedAt,
      exp: issuedAt + ASSERTION_LIFETIME_SECONDS,
    };
    const signingInput = `${this.encodedHeader}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
    const signature = signWith('sha256', Buffer.from(signingInput), { key: this.key, dsaEncoding: 'ieee-p1363' });
    return Promise.resolve(`${signingInput}.${signature.toString('base64url')}`);
  }
}

/**
 * Verifies the gateway's assertions in a subgraph. The key set may hold several public keys, so
 * the gateway's key can be rotated: publish the new key, switch the gateway, retire the old key.
 *
 * An assertion answers one request (issue 9 §4): it must be signed for the exact body received and
 * is accepted once. The ids seen are kept in `seen` until the assertion expires: this process's
 * memory for one replica, Redis when several replicas of the subgraph must refuse each other's replays.
 */
export class GatewayAssertionVerifier {
  private readonly keys: ReturnType<typeof createLocalJWKSet>;

  constructor(
    publicKeys: JSONWebKeySet,
    private readonly audience: string,
    private readonly seen: SharedState = new MemorySharedState(),
  ) {
    this.keys = createLocalJWKSet(publicKeys);
  }

  /**
   * The caller the gateway vouches for, or UNAUTHENTICATED: signature, issuer, audience, type, and a
   * lifetime of at most 30 s. Cheap enough to run before the body is read; `checkBinding` follows.
   */
  async verify(assertion: string | undefined): Promise<VerifiedAssertionWithBinding> {
    if (!assertion) throw new UnauthenticatedError('This service only answers requests that come through the MAPPA gateway.');
    try {
      const { payload } = await jwtVerify(assertion, this.keys, {
        issuer: ISSUER,
        audience: this.audience,
        algorithms: [ALGORITHM],
        typ: 'mappa-assertion+jwt',
        requiredClaims: ['iat', 'exp', 'jti'],
        maxTokenAge: ASSERTION_LIFETIME_SECONDS,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      });
      const { jti, bodySha256, iat, exp, budgetMs, ...vouchedFor } = allClaimsSchema.parse(payload);
      // An assertion signed to live longer than any the gateway makes is not the gateway's way of working.
      if (exp - iat > ASSERTION_LIFETIME_SECONDS) throw new UnauthenticatedError('The gateway assertion is not valid for this service.');
      return { assertion: vouchedFor, binding: { jti, bodySha256, iat, exp, ...(budgetMs === undefined ? {} : { budgetMs }) } };
    } catch (error: unknown) {
      if (error instanceof joseErrors.JOSEError || error instanceof z.ZodError) {
        throw new UnauthenticatedError('The gateway assertion is not valid for this service.');
      }
      throw error;
    }
  }

  /**
   * UNAUTHENTICATED unless `body` (the exact bytes received; undefined when there were none) is the
   * body the assertion was signed for and its id has not been seen before. Recording the id first
   * would let a forged body burn a real assertion; so the hash is compared first.
   * Throws ReplayCacheUnavailableError when the replay cache cannot answer (fail closed).
   */
  async checkBinding({ binding }: VerifiedAssertionWithBinding, body: Uint8Array | undefined): Promise<void> {
    if (body === undefined || bodySha256Of(body) !== binding.bodySha256) {
      throw new UnauthenticatedError('The gateway assertion was not signed for this request.');
    }
    // Kept until the assertion could no longer be accepted anyway (its expiry plus the clock skew).
    const ttlMs = (binding.exp + CLOCK_TOLERANCE_SECONDS) * 1000 - Date.now();
    let first: boolean;
    try {
      first = await this.seen.claimOnce(`assertion:${this.audience}:${binding.jti}`, Math.max(ttlMs, 1_000));
    } catch (error: unknown) {
      throw new ReplayCacheUnavailableError(error instanceof Error ? error.message : 'unknown');
    }
    if (!first) throw new UnauthenticatedError('The gateway assertion has already been used.');
  }
}
