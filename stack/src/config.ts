import { gatewayAccessEnv, gatewayDocumentEnv, gatewayRateLimitEnv, gatewayStatisticsEnv } from '@mappa/gateway';
import { AGENCY_REGISTRY, auditRetentionEnv, baseServiceEnv, observabilityEnv, databaseEnv, DEFAULT_AS_OF, parseEnv, portEnv, sharedStateEnv, staffIdIssuersEnv } from '@mappa/shared';
import type { RegisteredAgency } from '@mappa/shared';
import { z } from 'zod';

/** Each registered agency's port variable (`POLICE_PORT`, …), defaulting to its registered port. */
const agencyPortEnv = Object.fromEntries(AGENCY_REGISTRY.map(({ portVariable, defaultPort }) => [portVariable, portEnv(defaultPort)])) as {
  readonly [A in RegisteredAgency as A['portVariable']]: ReturnType<typeof portEnv>;
};

const stackEnv = z.object({
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
});

export type StackConfig = z.infer<typeof stackEnv>;

/** The local stack's configuration, read once from the environment at start-up. */
export function loadStackConfig(env: NodeJS.ProcessEnv = process.env): StackConfig {
  return parseEnv(stackEnv, env);
}

/** Where the embedded database lives when `DATABASE_URL` is not set. */
export const DEFAULT_PGLITE_DATA_DIR = '.data/pglite';
