import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createLocalJWKSet, importJWK, SignJWT } from 'jose';
import type { JWK } from 'jose';
import { generateSigningKeyPair } from '@mappa/shared';
import type { Principal } from '@mappa/shared';
import type { TrustedIssuer } from './trusted-issuer';

export const DEV_ISSUER = 'urn:mappa:dev-issuer';
export const GATEWAY_AUDIENCE = 'mappa-gateway';

/** Overrides for a minted token; tests use them to make tokens that must be refused. */
export interface MintOptions {
  /** Lifetime in hours from now (default 8). */
  readonly hours?: number;
  /** An absolute expiry, seconds since the epoch (wins over `hours`). */
  readonly expiresAt?: number;
  readonly notBefore?: number;
  readonly audience?: string;
  readonly claims?: Record<string, unknown>;
}

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

  /** The issuer as the gateway trusts it. */
  trustedIssuer(): TrustedIssuer {
    return { issuer: this.issuer, audience: GATEWAY_AUDIENCE, keys: createLocalJWKSet({ keys: [this.publicJwk_] }), development: this.development };
  }

  /** A bearer token for `principal`. */
  async mint(principal: Principal, options: MintOptions = {}): Promise<string> {
    const token = new SignJWT({ ...principal, ...options.claims })
      .setProtectedHeader({ alg: 'ES256', kid: this.privateJwk.kid ?? 'local', typ: 'JWT' })
      .setIssuer(this.issuer)
      .setAudience(options.audience ?? GATEWAY_AUDIENCE)
      .setSubject(principal.staffId)
      .setIssuedAt()
      .setExpirationTime(options.expiresAt ?? `${options.hours ?? 8}h`);
    if (options.notBefore !== undefined) token.setNotBefore(options.notBefore);
    return token.sign(await importJWK(this.privateJwk, 'ES256'));
  }
}
