import { z } from 'zod';
import { DEV_ISSUER, issuerSchema } from '../auth/principal';
import { defaultMetricsPortOf, observabilityEnv } from '../metrics/observability';

/** Raised at start-up when the environment does not describe a valid configuration. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Parses `env` against `schema` once, at start-up, and fails listing every problem at once,
 * so an operator fixes a deployment in one pass rather than one variable per restart.
 */
export function parseEnv<Schema extends z.ZodType>(schema: Schema, env: NodeJS.ProcessEnv = process.env): z.infer<Schema> {
  const result = schema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  - ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  return result.data;
}

/** Settings every service shares: how it runs, where it listens, how it logs. */
export const baseServiceEnv = {
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOST: z.string().min(1).default('127.0.0.1'),
  /**
   * On SIGTERM, how long requests already in flight may take to finish (their audit entries committed)
   * before the service cuts them and exits (issue 15). Keep it below the orchestrator's own grace
   * period (Kubernetes: `terminationGracePeriodSeconds`, 30 s by default).
   */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(300_000).default(15_000),
};

/** A TCP port from the environment; 0 asks the operating system for a free one (tests). */
export const portEnv = (defaultPort: number) => z.coerce.number().int().min(0).max(65535).default(defaultPort);

/**
 * Where a service keeps its data: a PostgreSQL server when `DATABASE_URL` is set,
 * otherwise an embedded PGlite database in `PGLITE_DATA_DIR`.
 */
export const databaseEnv = {
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  PGLITE_DATA_DIR: z.string().min(1).optional(),
  /**
   * The most server connections this process holds (issue 15). Every replica of every service opens its
   * own pool, and the server refuses connections past its `max_connections` (100 by default): two
   * replicas of the six services at the default already take 120, and a refused connection fails
   * the requests waiting on it. Size it so that replicas x services x this stays under the server's
   * limit, less what operators and batch jobs keep. Ignored on the embedded database.
   */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
};

/** A JSON document in an environment variable, parsed and then validated by `schema`. */
export const jsonEnv = <Schema extends z.ZodType>(schema: Schema) =>
  z
    .string()
    .transform((text, context) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        context.addIssue({ code: 'custom', message: 'must be valid JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);

/** A JSON Web Key Set: `{"keys": [...]}` with at least one key. */
export const jwksSchema = z.object({
  keys: z.array(z.looseObject({ kty: z.string(), kid: z.string().min(1) })).min(1, 'at least one key is needed'),
});

/**
/**
 * State several replicas share (the assertion replay cache; the gateway's rate limits): in this
 * process's memory unless `REDIS_URL` is set (`redis://` or `rediss://` for TLS).
 */
export const sharedStateEnv = {
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .optional(),
  /** Prepended to every key this deployment writes, so deployments sharing one Redis never meet. */
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,64}$/)
    .default('mappa:'),
  /**
   * `true`: refuse to start without `REDIS_URL`. Unset, it is `true` when NODE_ENV=production: a
   * production service may run as one of several replicas, and replicas on in-memory state would
   * each keep their own rate-limit buckets and replay cache (a captured assertion replays on the
   * next replica). `false` declares a single replica (`npm start` passes it to its own processes).
   */
  REQUIRE_SHARED_STATE: z.enum(['true', 'false']).optional(),
};

/**
 * The rule behind `REQUIRE_SHARED_STATE`, for a service's whole configuration (`.superRefine` it):
 * where shared state is required, `REDIS_URL` must be set.
 */
export function requireSharedStateWhereNeeded(
  config: {
    readonly NODE_ENV: string;
    readonly REDIS_URL?: string | undefined;
    readonly REQUIRE_SHARED_STATE?: 'true' | 'false' | undefined;
  },
  context: z.RefinementCtx,
): void {
  const required = (config.REQUIRE_SHARED_STATE ?? (config.NODE_ENV === 'production' ? 'true' : 'false')) === 'true';
  if (required && !config.REDIS_URL) {
    context.addIssue({
      code: 'custom',
      path: ['REDIS_URL'],
      message:
        'required in production: replicas must share rate limits and the assertion replay cache through Redis ' +
        '(set REQUIRE_SHARED_STATE=false only for a single replica)',
    });
  }
}

/**
 * `STAFF_ID_ISSUERS`: the identity providers (a JSON array of issuers) whose staff ids an agency's own
 * records use; default the local development issuer. A staff id from any other provider is not the agency's.
 */
export const staffIdIssuersEnv = jsonEnv(z.array(issuerSchema).min(1, 'name at least one issuer')).default([DEV_ISSUER]);

/**
 * What every subgraph deployed on its own reads: how it runs, where its data is, its port, the
 * gateway's public keys (`GATEWAY_PUBLIC_KEYS`, a JWKS) that its requests must be signed with, and
 * the identity providers its own staff ids come from (`STAFF_ID_ISSUERS`, a JSON array of issuers;
 * default the local development issuer), so a staff id from any other provider matches none of its records.
 */
export const subgraphEnv = (defaultPort: number) =>
  z
    .object({
      ...baseServiceEnv,
      ...observabilityEnv(defaultMetricsPortOf(defaultPort)),
      ...databaseEnv,
      ...sharedStateEnv,
      PORT: portEnv(defaultPort),
      GATEWAY_PUBLIC_KEYS: jsonEnv(jwksSchema),
      STAFF_ID_ISSUERS: staffIdIssuersEnv,
    })
    .superRefine(requireSharedStateWhereNeeded);
