import { gatewayAccessEnv, gatewayDocumentEnv, gatewayRateLimitEnv, gatewayStatisticsEnv } from '@mappa/gateway';
import {
  AGENCY_REGISTRY,
  auditRetentionEnv,
  baseServiceEnv,
  observabilityEnv,
  databaseEnv,
  DEFAULT_AS_OF,
  parseEnv,
  portEnv,
  sharedStateEnv,
  staffIdIssuersEnv,
} from '@mappa/shared';
import type { RegisteredAgency } from '@mappa/shared';
import { z } from 'zod';

/** Each registered agency's port variable (`POLICE_PORT`, …), defaulting to its registered port. */
const agencyPortEnv = Object.fromEntries(AGENCY_REGISTRY.map(({ portVariable, defaultPort }) => [portVariable, portEnv(defaultPort)])) as {
  readonly [A in RegisteredAgency as A['portVariable']]: ReturnType<typeof portEnv>;
};

/** Every variable `npm start` (and the stack's tools: seed, migrate, audit) reads. */
export const stackEnv = z
  .object({
    ...baseServiceEnv,
    // One metrics listener for the whole stack (every service's families carry its name), 127.0.0.1:9400 by default.
    ...observabilityEnv(9400),
    ...databaseEnv,
    GATEWAY_PORT: portEnv(4000),
    ...agencyPortEnv,
    ...gatewayAccessEnv,
    ...gatewayDocumentEnv,
    ...gatewayRateLimitEnv,
    ...gatewayStatisticsEnv,
    ...sharedStateEnv,
    /** The identity providers every agency's own staff ids come from, in the local stack. */
    STAFF_ID_ISSUERS: staffIdIssuersEnv,
    /** Size of the synthetic dataset a fresh database is seeded with on first start. */
    SEED_OFFENDERS: z.coerce.number().int().min(0).max(2_000_000).default(2_000),
    SEED: z.coerce.number().int().min(0).default(1),
    SEED_AS_OF: z.iso.date().default(DEFAULT_AS_OF),
    /** How long audit entries are kept, for `npm run audit:prune`. */
    ...auditRetentionEnv,
    /**
     * `per-service`: each subgraph and the gateway in a process of its own, as deployed (needs
     * `DATABASE_URL`: an embedded database lives inside one process); `single`: everything in this
     * process. Unset: `per-service` when `DATABASE_URL` is set, else `single`.
     */
    PROCESS_LAYOUT: z.enum(['per-service', 'single']).optional(),
    /** Gateway processes in the per-service layout, on GATEWAY_PORT, GATEWAY_PORT+1, …; more than one needs REDIS_URL. */
    GATEWAY_REPLICAS: z.coerce.number().int().min(1).max(8).default(1),
  })
  .superRefine((config, context) => {
    const layout = processLayoutOf(config);
    if (layout === 'per-service' && !config.DATABASE_URL) {
      context.addIssue({
        code: 'custom',
        path: ['PROCESS_LAYOUT'],
        message: 'per-service needs DATABASE_URL: an embedded database cannot be shared by several processes',
      });
    }
    if (config.GATEWAY_REPLICAS > 1 && layout !== 'per-service') {
      context.addIssue({
        code: 'custom',
        path: ['GATEWAY_REPLICAS'],
        message: 'more than one gateway replica needs the per-service layout (DATABASE_URL)',
      });
    }
    if (config.GATEWAY_REPLICAS > 1 && !config.REDIS_URL) {
      context.addIssue({
        code: 'custom',
        path: ['REDIS_URL'],
        message: 'required for more than one gateway replica: replicas share rate limits through Redis',
      });
    }
  });

/** Where `npm start` runs each service: its own process per service on a PostgreSQL server, one process on the embedded database. */
export function processLayoutOf(config: {
  readonly PROCESS_LAYOUT?: 'per-service' | 'single' | undefined;
  readonly DATABASE_URL?: string | undefined;
}): 'per-service' | 'single' {
  return config.PROCESS_LAYOUT ?? (config.DATABASE_URL ? 'per-service' : 'single');
}

export type StackConfig = z.infer<typeof stackEnv>;

/** The local stack's configuration, read once from the environment at start-up. */
export function loadStackConfig(env: NodeJS.ProcessEnv = process.env): StackConfig {
  return parseEnv(stackEnv, env);
}

/** Where the embedded database lives when `DATABASE_URL` is not set. */
export const DEFAULT_PGLITE_DATA_DIR = '.data/pglite';
