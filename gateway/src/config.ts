import {
  AGENCY_REGISTRY,
  baseServiceEnv,
  byAgency,
  observabilityEnv,
  databaseEnv,
  jsonEnv,
  parseEnv,
  portEnv,
  requireSharedStateWhereNeeded,
  sharedStateEnv,
  STATISTICS_ROUNDING_BASE,
  STATISTICS_SUPPRESSION_THRESHOLD,
  statisticsSecretSchema,
} from '@mappa/shared';
import type { RegisteredAgency } from '@mappa/shared';
import { LocalIssuer } from './auth/local-issuer';
import { DEFAULT_TOKEN_MAX_LIFETIME_SECONDS } from './auth/token-verifier';
import { trustedIssuersConfigSchema, trustedIssuersFrom } from './auth/trusted-issuer';
import type { TrustedIssuer } from './auth/trusted-issuer';
import { DEFAULT_REQUEST_DEADLINE_MS } from './datasource/request-deadline';
import { DEFAULT_OPERATION_LIMITS } from './documents/operation-limits';
import type { OperationLimits } from './documents/operation-limits';
import { loadTrustedDocumentManifests, TRUSTED_DOCUMENT_MODES } from './documents/trusted-documents';
import type { TrustedDocuments } from './documents/trusted-documents';
import { gatewayRateLimitEnv } from './rate-limit/rate-limits';
import { DEFAULT_MINIMUM_GROUP_SIZE } from './statistics/statistics.service';
import type { StatisticsSettings } from './statistics/statistics.service';
import { z } from 'zod';

const subgraphUrl = (port: number) => z.url({ protocol: /^https?$/ }).default(`http://127.0.0.1:${port}/graphql`);

/** Each registered agency's subgraph URL variable (`POLICE_SUBGRAPH_URL`, …), defaulting to its registered port on this host. */
const subgraphUrlEnv = Object.fromEntries(
  AGENCY_REGISTRY.map(({ urlVariable, defaultPort }) => [urlVariable, subgraphUrl(defaultPort)]),
) as {
  readonly [A in RegisteredAgency as A['urlVariable']]: ReturnType<typeof subgraphUrl>;
};

/**
 * How the gateway decides who is asking and how long it waits: shared by the gateway on its own and
 * the local stack, which runs the same gateway.
 */
export const gatewayAccessEnv = {
  /** How long the gateway waits for one subgraph before answering without it. */
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  /**
   * One deadline per request (issue 15): its look-ups, subgraph fetches and audit commit all end by
   * then, and it answers with what it has (each step also waits at most SUBGRAPH_TIMEOUT_MS).
   */
  REQUEST_DEADLINE_MS: z.coerce.number().int().min(500).max(120_000).default(DEFAULT_REQUEST_DEADLINE_MS),
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
export async function trustedIssuersConfigured(
  config: Pick<GatewayAccessConfig, 'TRUSTED_ISSUERS' | 'MAPPA_DEV_ISSUER' | 'DEV_ISSUER_DIR'>,
): Promise<TrustedIssuer[]> {
  const issuers = trustedIssuersFrom(config.TRUSTED_ISSUERS);
  if (config.MAPPA_DEV_ISSUER === 'enabled') issuers.push((await LocalIssuer.openDevIssuer(config.DEV_ISSUER_DIR)).trustedIssuer());
  return issuers;
}

const limit = (defaultValue: number) => z.coerce.number().int().min(1).default(defaultValue);

/**
 * Which documents the gateway runs and how much work one may ask for (README, "Document limits and
 * trusted documents"): shared by the gateway on its own and the local stack.
 */
export const gatewayDocumentEnv = {
  /** `required` | `optional` | `off`; unset: `required` when NODE_ENV=production, else `optional`. */
  TRUSTED_DOCUMENTS: z.enum(TRUSTED_DOCUMENT_MODES).optional(),
  /** Manifest files of registered documents (Apollo persisted-query manifest or GraphQL Codegen's), comma-separated. */
  TRUSTED_DOCUMENTS_MANIFEST: z
    .string()
    .default('')
    .transform((paths) =>
      paths
        .split(',')
        .map((path) => path.trim())
        .filter(Boolean),
    ),
  OPERATION_MAX_BYTES: limit(DEFAULT_OPERATION_LIMITS.maxBytes),
  OPERATION_MAX_TOKENS: limit(DEFAULT_OPERATION_LIMITS.maxTokens),
  OPERATION_MAX_DEPTH: limit(DEFAULT_OPERATION_LIMITS.maxDepth),
  OPERATION_MAX_ALIASES: z.coerce.number().int().min(0).default(DEFAULT_OPERATION_LIMITS.maxAliases),
  OPERATION_MAX_ROOT_FIELDS: limit(DEFAULT_OPERATION_LIMITS.maxRootFields),
  OPERATION_MAX_DIRECTIVES: z.coerce.number().int().min(0).default(DEFAULT_OPERATION_LIMITS.maxDirectives),
  OPERATION_MAX_FIELDS: limit(DEFAULT_OPERATION_LIMITS.maxFields),
  OPERATION_MAX_COST: limit(DEFAULT_OPERATION_LIMITS.maxCost),
  OPERATION_MAX_RECORDS: limit(DEFAULT_OPERATION_LIMITS.maxRecords),
};

type GatewayDocumentConfig = z.infer<z.ZodObject<typeof gatewayDocumentEnv>>;

/** The operation limits and trusted documents the configuration asks for; reads (and checks) every manifest. */
export function documentControlsConfigured(config: GatewayDocumentConfig & { readonly NODE_ENV: string }): {
  readonly operationLimits: OperationLimits;
  readonly trustedDocuments: TrustedDocuments;
} {
  return {
    operationLimits: {
      maxBytes: config.OPERATION_MAX_BYTES,
      maxTokens: config.OPERATION_MAX_TOKENS,
      maxDepth: config.OPERATION_MAX_DEPTH,
      maxAliases: config.OPERATION_MAX_ALIASES,
      maxRootFields: config.OPERATION_MAX_ROOT_FIELDS,
      maxDirectives: config.OPERATION_MAX_DIRECTIVES,
      maxFields: config.OPERATION_MAX_FIELDS,
      maxCost: config.OPERATION_MAX_COST,
      maxRecords: config.OPERATION_MAX_RECORDS,
    },
    trustedDocuments: {
      mode: config.TRUSTED_DOCUMENTS ?? (config.NODE_ENV === 'production' ? 'required' : 'optional'),
      manifest: loadTrustedDocumentManifests(config.TRUSTED_DOCUMENTS_MANIFEST),
    },
  };
}

/** The statistics path's disclosure control (issue 13, docs/statistics.md). */
export const gatewayStatisticsEnv = {
  /** Counts from 1 to this are withheld (default 4). */
  STATISTICS_SUPPRESSION_THRESHOLD: z.coerce.number().int().min(1).max(50).default(STATISTICS_SUPPRESSION_THRESHOLD),
  /** Every published count is a multiple of this (default 5). */
  STATISTICS_ROUNDING_BASE: z.coerce.number().int().min(2).max(100).default(STATISTICS_ROUNDING_BASE),
  /** The fewest people an ad-hoc query's filters may leave (default 10). */
  STATISTICS_MINIMUM_GROUP_SIZE: z.coerce.number().int().min(1).max(1_000).default(DEFAULT_MINIMUM_GROUP_SIZE),
  /** The record-key secret every replica shares (32-128 URL-safe characters); unset: one per process. */
  STATISTICS_KEY_SECRET: statisticsSecretSchema.optional(),
};

/** The statistics settings the configuration asks for. */
export function statisticsConfigured(config: z.infer<z.ZodObject<typeof gatewayStatisticsEnv>>): Partial<StatisticsSettings> {
  return {
    control: { threshold: config.STATISTICS_SUPPRESSION_THRESHOLD, base: config.STATISTICS_ROUNDING_BASE, withholdZeros: false },
    minimumGroupSize: config.STATISTICS_MINIMUM_GROUP_SIZE,
    ...(config.STATISTICS_KEY_SECRET ? { keySecret: config.STATISTICS_KEY_SECRET } : {}),
  };
}

/** Every variable the gateway on its own reads (the deployment config test checks compose files against it). */
export const gatewayEnv = z
  .object({
    ...baseServiceEnv,
    // /metrics on 127.0.0.1:9400 unless told otherwise; traces over OTLP when an endpoint is set.
    ...observabilityEnv(9400),
    // Where the gateway keeps its own audit log: DATABASE_URL, or an embedded database.
    ...databaseEnv,
    ...gatewayAccessEnv,
    ...gatewayDocumentEnv,
    ...gatewayStatisticsEnv,
    // Rate limits, shared across replicas through Redis when REDIS_URL is set (issue 9 §1).
    ...gatewayRateLimitEnv,
    ...sharedStateEnv,
    GATEWAY_PORT: portEnv(4000),
    ...subgraphUrlEnv,
    /** The gateway's private ES256 JWK (with kid) for signing subgraph assertions. */
    GATEWAY_ASSERTION_KEY: jsonEnv(z.looseObject({ kty: z.literal('EC'), kid: z.string().min(1), d: z.string().min(1) })),
  })
  .superRefine(requireSharedStateWhereNeeded);

export type GatewayEnv = z.infer<typeof gatewayEnv>;

/** The gateway's configuration, read once from the environment at start-up. */
export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayEnv {
  return parseEnv(gatewayEnv, env);
}

/** The subgraph URLs by supergraph name, as configured. */
export function subgraphUrlsFrom(config: GatewayEnv): Record<string, string> {
  return byAgency(({ urlVariable }) => config[urlVariable]);
}
