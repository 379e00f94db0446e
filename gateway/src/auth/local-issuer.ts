import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createLocalJWKSet, importJWK, SignJWT } from 'jose';
import type { JWK } from 'jose';
import { DEV_ISSUER, generateSigningKeyPair, PRINCIPAL_AGENCIES } from '@mappa/shared';
import type { Clearance, PrincipalAgency, PrincipalClaims } from '@mappa/shared';
import type { TrustedIssuer } from './trusted-issuer';

export { DEV_ISSUER };
export const GATEWAY_AUDIENCE = 'mappa-gateway';

/** Overrides for a minted token; tests use them to make tokens that must be refused. */
export interface MintOptions {
  /** Lifetime in seconds from `issuedAt` (default 3600, the gateway's default maximum). */
  readonly lifetimeSeconds?: number;
  /** An absolute expiry, seconds since the epoch (wins over `lifetimeSeconds`). */
  readonly expiresAt?: number;
  /** The `iat`, seconds since the epoch (default now); null leaves the claim out. */
  readonly issuedAt?: number | null;
  readonly notBefore?: number;
  readonly audience?: string;
  readonly claims?: Record<string, unknown>;
}

/** Whom a trusted issuer may vouch for (`TRUSTED_ISSUERS` entry's `agencies` and `maxClearance`). */
export interface VouchingScope {
  readonly agencies: readonly PrincipalAgency[];
  readonly maxClearance: Clearance;
}

/** Every agency, up to Developed Vetting: the development issuer's scope, and test issuers' unless a test says otherwise. */
export const VOUCHES_FOR_EVERYONE: VouchingScope = { agencies: PRINCIPAL_AGENCIES, maxClearance: 'DV' };

/**
 * An identity provider held in this process: an ES256 key pair that signs bearer tokens.
 * The development issuer (`npm start`, `npm run token`) keeps its key on disk, readable by its owner
 * only, and is marked development so a production gateway refuses it; tests and the benchmark make
 * throwaway issuers that stand in for an agency's identity provider.
 */
export class LocalIssuer {
  private constructor(
    private readonly issuer: string,
    private readonly privateJwk: JWK,
    private readonly publicJwk_: JWK,
    private readonly development: boolean,
  ) {}

  /** The private key imported once, not for every token (the development issuer and the tests mint one per request). */
  private signingKey: ReturnType<typeof importJWK> | undefined;

  /** A throwaway issuer whose key lives only in memory. */
  static async generate(issuer: string): Promise<LocalIssuer> {
    const { privateJwk, publicJwk } = await generateSigningKeyPair();
    return new LocalIssuer(issuer, privateJwk, publicJwk, false);
  }

  /** The development issuer, its key loaded from `directory` or created there on first use. */
  static async openDevIssuer(directory: string): Promise<LocalIssuer> {
    const path = join(directory, 'dev-issuer.jwk.json');
    try {
      const stored = JSON.parse(await readFile(path, 'utf8')) as { privateJwk: JWK; publicJwk: JWK };
      return new LocalIssuer(DEV_ISSUER, stored.privateJwk, stored.publicJwk, true);
    } catch (error: unknown) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const { privateJwk, publicJwk } = await generateSigningKeyPair();
    await mkdir(directory, { recursive: true });
    await writeFile(path, JSON.stringify({ privateJwk, publicJwk }), { mode: 0o600 });
    await chmod(path, 0o600);
    return new LocalIssuer(DEV_ISSUER, privateJwk, publicJwk, true);
  }

  /** The public half of the signing key (what an identity provider publishes in its JWKS). */
  publicJwk(): JWK {
    return { ...this.publicJwk_ };
  }

  /** Its `iss`. */
  get issuerName(): string {
    return this.issuer;
  }

  /** The issuer as the gateway trusts it: for every agency and clearance unless `scope` narrows it. */
  trustedIssuer(scope: VouchingScope = VOUCHES_FOR_EVERYONE): TrustedIssuer {
    return {
      issuer: this.issuer,
      audience: GATEWAY_AUDIENCE,
      keys: createLocalJWKSet({ keys: [this.publicJwk_] }),
      agencies: scope.agencies,
      maxClearance: scope.maxClearance,
      development: this.development,
    };
  }

  /** A bearer token for `principal` (its claims only: the issuer is this one's). */
  async mint(principal: PrincipalClaims, options: MintOptions = {}): Promise<string> {
    const { staffId, agency, roles, area, clearance, establishment, localAuthority } = principal;
    const issuedAt = options.issuedAt === undefined ? Math.floor(Date.now() / 1000) : options.issuedAt;
    const token = new SignJWT({
      staffId,
      agency,
      roles,
      area,
      clearance,
      ...(establishment ? { establishment } : {}),
      ...(localAuthority ? { localAuthority } : {}),
      ...options.claims,
    })
      .setProtectedHeader({ alg: 'ES256', kid: this.privateJwk.kid ?? 'local', typ: 'JWT' })
      .setIssuer(this.issuer)
      .setAudience(options.audience ?? GATEWAY_AUDIENCE)
      .setSubject(staffId)
      .setExpirationTime(options.expiresAt ?? (issuedAt ?? Math.floor(Date.now() / 1000)) + (options.lifetimeSeconds ?? 3_600));
    if (issuedAt !== null) token.setIssuedAt(issuedAt);
    if (options.notBefore !== undefined) token.setNotBefore(options.notBefore);
    this.signingKey ??= importJWK(this.privateJwk, 'ES256');
    return token.sign(await this.signingKey);
  }
}
