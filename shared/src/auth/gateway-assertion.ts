import { createHash, createPrivateKey, createPublicKey, randomUUID, sign as signWith, verify as verifyWith } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { JSONWebKeySet, JWK } from 'jose';
import { z } from 'zod';
import { UnauthenticatedError } from '../errors/unauthenticated.error';
import { MemorySharedState } from '../shared-state/memory-shared-state';
import type { SharedState } from '../shared-state/shared-state';
import { callerSchema } from './caller';
import type { Caller } from './caller';
import { RememberedParse } from '../validation/remembered-parse';

/** The HTTP header carrying the gateway's assertion to a subgraph. The client's own token never travels. */
export const ASSERTION_HEADER = 'x-mappa-assertion';

const ISSUER = 'urn:mappa:gateway';
const ALGORITHM = 'ES256';
const TYPE = 'mappa-assertion+jwt';
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

// What changes with every call: the request it answers and what binds it to that request.
const perCallClaimsSchema = bindingClaimsSchema.extend({ requestId: assertionClaimsSchema.shape.requestId });

/**
 * How many distinct callers' parsed claims a subgraph keeps (`GatewayAssertionVerifier`). A caller is
 * the same on every call of a session (the principal, purpose, grants, evidence and relationships
 * the gateway vouches for), so a few thousand cover every user active at once; past it the cache
 * starts again, which costs a parse per caller and nothing else.
 */
const MAX_PARSED_CALLERS = 4_096;

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
    const header = Buffer.from(JSON.stringify({ alg: ALGORITHM, kid: privateJwk.kid, typ: TYPE })).toString('base64url');
    return Promise.resolve(new GatewayAssertionSigner(key, header));
  }

  /**
   * An assertion for one subgraph call (the subgraph's name is the audience), about one caller and
   * request, bound to `body`: the exact bytes about to be sent, which the subgraph hashes again. A
   * fresh id each time, so a retry or a second fetch of the same request gets an assertion of its own.
   * `budgetMs`, when given, tells the subgraph how long the gateway will wait for this answer.
   *
   * A compact JWS (RFC 7515) signed with node:crypto directly, as jose's `SignJWT` would produce it
   * (ES256: the raw r||s signature, RFC 7518 §3.4), which subgraphs verify (`GatewayAssertionVerifier`):
   * jose's own per-call key checks and encodings were about half of the signing cost, and signing
   * about a tenth of the gateway's CPU (issue 15). One signature per call stays: it binds that call's body.
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

/** Why an assertion was refused; never shown to the caller, who gets one UNAUTHENTICATED for all of them. */
class InvalidAssertionError extends Error {
  override readonly name = 'InvalidAssertionError';
}

// A JWS segment: unpadded base64url and nothing else (Node's decoder would skip any other character).
const BASE64URL_SEGMENT = /^[A-Za-z0-9_-]+$/;
// An ES256 signature: r and s, 32 bytes each (RFC 7518 §3.4).
const ES256_SIGNATURE_BYTES = 64;

/** A base64url segment's JSON, which must be an object (a JWS header, a JWT claims set). */
function jsonObjectOf(segment: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidAssertionError('not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InvalidAssertionError('not a JSON object');
  return value as Record<string, unknown>;
}

/**
 * The key set's ES256 public keys by `kid`, each imported once. Only keys usable for ES256
 * verification are kept, as jose's key-set selection keeps them: EC P-256, and `alg`, `use` and
 * `key_ops`, when present, allowing it; a key that cannot be imported vouches for nothing.
 */
function verificationKeysOf(keySet: JSONWebKeySet): ReadonlyMap<string, readonly KeyObject[]> {
  const keys = new Map<string, KeyObject[]>();
  for (const jwk of keySet.keys) {
    const usable =
      typeof jwk.kid === 'string' &&
      jwk.kty === 'EC' &&
      jwk.crv === 'P-256' &&
      (jwk.alg === undefined || jwk.alg === ALGORITHM) &&
      (jwk.use === undefined || jwk.use === 'sig') &&
      (jwk.key_ops === undefined || jwk.key_ops.includes('verify'));
    if (!usable || typeof jwk.kid !== 'string') continue;
    let key: KeyObject;
    try {
      // The public part only: a key set is public, and a private key in it is used as its public half.
      key = createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }, format: 'jwk' });
    } catch {
      continue;
    }
    keys.set(jwk.kid, [...(keys.get(jwk.kid) ?? []), key]);
  }
  return keys;
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
  private readonly keys: ReadonlyMap<string, readonly KeyObject[]>;
  // The caller claims already parsed, by their exact JSON text (issue 15: zod's parse of the caller
  // was most of what the check cost after the signature, on every call, for the same few callers).
  // Only claims whose signature was verified reach it, and the same text always parses the same way
  // (the schema depends on nothing else: grants and evidence are checked against the clock where
  // they are used), so a parse remembered is the parse that would be made again.
  private readonly callers = new RememberedParse(callerSchema, MAX_PARSED_CALLERS);

  constructor(
    publicKeys: JSONWebKeySet,
    private readonly audience: string,
    private readonly seen: SharedState = new MemorySharedState(),
  ) {
    this.keys = verificationKeysOf(publicKeys);
  }

  /**
   * The caller the gateway vouches for, or UNAUTHENTICATED: signature, issuer, audience, type, and a
   * lifetime of at most 30 s. Cheap enough to run before the body is read; `checkBinding` follows.
   */
  async verify(assertion: string | undefined): Promise<VerifiedAssertionWithBinding> {
    if (!assertion) throw new UnauthenticatedError('This service only answers requests that come through the MAPPA gateway.');
    try {
      // The claims of this call, parsed every time; the caller's, parsed once per distinct caller.
      const { requestId, jti, bodySha256, iat, exp, budgetMs, ...callerClaims } = this.verifiedClaimsOf(assertion);
      const perCall = perCallClaimsSchema.parse({ requestId, jti, bodySha256, iat, exp, budgetMs });
      // An assertion signed to live longer than any the gateway makes is not the gateway's way of working.
      if (perCall.exp - perCall.iat > ASSERTION_LIFETIME_SECONDS) throw new InvalidAssertionError('lives longer than an assertion may');
      return {
        assertion: { ...this.callerOf(callerClaims), requestId: perCall.requestId },
        binding: {
          jti: perCall.jti,
          bodySha256: perCall.bodySha256,
          iat: perCall.iat,
          exp: perCall.exp,
          ...(perCall.budgetMs === undefined ? {} : { budgetMs: perCall.budgetMs }),
        },
      };
    } catch (error: unknown) {
      if (error instanceof InvalidAssertionError || error instanceof z.ZodError) {
        throw new UnauthenticatedError('The gateway assertion is not valid for this service.');
      }
      throw error;
    }
  }

  /** The caller vouched for by verified claims (their registered claims `iss`, `aud`, `nbf` included, which the schema drops). */
  private callerOf(claims: Record<string, unknown>): Caller {
    const parsed = this.callers.safeParse(claims);
    if (!parsed.success) throw parsed.error;
    return parsed.data;
  }

  /**
   * The claims of a compact JWS (RFC 7515) whose ES256 signature one of the gateway's keys verifies,
   * checked as jose's `jwtVerify` checked them before (issue 15: jose's generic path, with its
   * signature checked on the thread pool, was most of a subgraph's cost of verifying; here the key is
   * imported once and the signature checked in place). Refused: any algorithm but ES256 (`none`
   * included), another `typ`, a `kid` not in the key set, any `crit` extension, another issuer or
   * audience, no `iat`, `exp` or `jti`, an `exp` passed or an `nbf` not reached, an `iat` in the
   * future or older than the lifetime; each clock check with the tolerated skew.
   */
  private verifiedClaimsOf(assertion: string): Record<string, unknown> {
    const segments = assertion.split('.');
    if (segments.length !== 3 || !segments.every((segment) => BASE64URL_SEGMENT.test(segment))) {
      throw new InvalidAssertionError('not a compact JWS');
    }
    const [encodedHeader, encodedClaims, encodedSignature] = segments as [string, string, string];
    const header = jsonObjectOf(encodedHeader);
    // No extension is understood, so none may be critical (RFC 7515 §4.1.11); unencoded payloads (`b64`) are not JWTs.
    if (header.alg !== ALGORITHM || header.typ !== TYPE || 'crit' in header || 'b64' in header) {
      throw new InvalidAssertionError('unexpected header');
    }
    const keys = typeof header.kid === 'string' ? this.keys.get(header.kid) : undefined;
    const signature = Buffer.from(encodedSignature, 'base64url');
    const signingInput = Buffer.from(`${encodedHeader}.${encodedClaims}`);
    const signed =
      signature.length === ES256_SIGNATURE_BYTES &&
      (keys ?? []).some((key) => verifyWith('sha256', signingInput, { key, dsaEncoding: 'ieee-p1363' }, signature));
    if (!signed) throw new InvalidAssertionError('no key of the gateway signed it');
    const claims = jsonObjectOf(encodedClaims);
    for (const claim of ['iss', 'aud', 'iat', 'exp', 'jti']) if (!(claim in claims)) throw new InvalidAssertionError(`no ${claim}`);
    const { aud } = claims;
    const addressed = typeof aud === 'string' ? aud === this.audience : Array.isArray(aud) && aud.includes(this.audience);
    if (claims.iss !== ISSUER || !addressed) throw new InvalidAssertionError('another issuer or audience');
    const now = Math.floor(Date.now() / 1000);
    const { iat, exp, nbf } = claims;
    if (typeof iat !== 'number' || typeof exp !== 'number' || (nbf !== undefined && typeof nbf !== 'number')) {
      throw new InvalidAssertionError('times are not numbers');
    }
    if (exp <= now - CLOCK_TOLERANCE_SECONDS) throw new InvalidAssertionError('expired');
    if (typeof nbf === 'number' && nbf > now + CLOCK_TOLERANCE_SECONDS) throw new InvalidAssertionError('not yet valid');
    const age = now - iat;
    if (age - CLOCK_TOLERANCE_SECONDS > ASSERTION_LIFETIME_SECONDS || age < -CLOCK_TOLERANCE_SECONDS) {
      throw new InvalidAssertionError('issued too long ago or in the future');
    }
    return claims;
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
