import { baseServiceEnv, databaseEnv, jsonEnv, parseEnv, portEnv } from '@mappa/shared';
import { LocalIssuer } from './auth/local-issuer';
import { DEFAULT_TOKEN_MAX_LIFETIME_SECONDS } from './auth/token-verifier';
import { trustedIssuersConfigSchema, trustedIssuersFrom } from './auth/trusted-issuer';
import type { TrustedIssuer } from './auth/trusted-issuer';
import { z } from 'zod';

const subgraphUrl = (port: number) => z.url({ protocol: /^https?$/ }).default(`http://127.0.0.1:${port}/graphql`);

/**
 * How the gateway decides who is asking and how long it waits: shared by the gateway on its own and
 * the local stack, which runs the same gateway.
 */
export const gatewayAccessEnv = {
  /** How long the gateway waits for one subgraph before answering without it. */
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  /** Identity providers whose tokens are accepted: JSON array of { issuer, audience, agencies, maxClearance, jwksUrl | jwks }. */
  TRUSTED_ISSUERS: jsonEnv(trustedIssuersConfigSchema).default([]),
  /** The longest a bearer token may live (`exp - iat`), in seconds: one hour unless set (at most a day). */
  TOKEN_MAX_LIFETIME_SECONDS: z.coerce.number().int().min(60).max(86_400).default(DEFAULT_TOKEN_MAX_LIFETIME_SECONDS),
  /** `enabled` trusts the local development issuer (`npm run token`); refused in production. */
  MAPPA_DEV_ISSUER: z.enum(['enabled', 'disabled']).default('disabled'),
  DEV_ISSUER_DIR: z.string().min(1).default('.data/dev-issuer'),
};

type GatewayAccessConfig = z.infer<z.ZodObject<typeof gatewayAccessEnv>>;

/** The identity providers the configuration trusts, the development issuer included when enabled. */
export async function trustedIssuersConfigured(config: Pick<GatewayAccessConfig, 'TRUSTED_ISSUERS' | 'MAPPA_DEV_ISSUER' | 'DEV_ISSUER_DIR'>): Promise<TrustedIssuer[]> {
  const issuers = trustedIssuersFrom(config.TRUSTED_ISSUERS);
  if (config.MAPPA_DEV_ISSUER === 'enabled') issuers.push((await LocalIssuer.openDevIssuer(config.DEV_ISSUER_DIR)).trustedIssuer());
  return issuers;
}

const gatewayEnv = z.object({
  ...baseServiceEnv,
  // Where the gateway keeps its own audit log: DATABASE_URL, or an embedded database.
  ...databaseEnv,
  ...gatewayAccessEnv,
  GATEWAY_PORT: portEnv(4000),
  POLICE_SUBGRAPH_URL: subgraphUrl(4001),
  PROBATION_SUBGRAPH_URL: subgraphUrl(4002),
  PRISON_SUBGRAPH_URL: subgraphUrl(4003),
  YOT_SUBGRAPH_URL: subgraphUrl(4004),
  MAPPA_SUBGRAPH_URL: subgraphUrl(4005),
  /** The gateway's private ES256 JWK (with kid) for signing subgraph assertions. */
  GATEWAY_ASSERTION_KEY: jsonEnv(z.looseObject({ kty: z.literal('EC'), kid: z.string().min(1), d: z.string().min(1) })),
});

export type GatewayEnv = z.infer<typeof gatewayEnv>;

/** The gateway's configuration, read once from the environment at start-up. */
export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayEnv {
  return parseEnv(gatewayEnv, env);
}

/** The subgraph URLs by supergraph name, as configured. */
export function subgraphUrlsFrom(config: GatewayEnv): Record<string, string> {
  return {
    police: config.POLICE_SUBGRAPH_URL,
    probation: config.PROBATION_SUBGRAPH_URL,
    prison: config.PRISON_SUBGRAPH_URL,
    yot: config.YOT_SUBGRAPH_URL,
    mappa: config.MAPPA_SUBGRAPH_URL,
  };
}
