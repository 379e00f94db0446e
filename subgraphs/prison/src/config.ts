import { baseServiceEnv, databaseEnv, parseEnv, portEnv } from '@mappa/shared';
import { z } from 'zod';

const prisonEnv = z.object({
  ...baseServiceEnv,
  ...databaseEnv,
  PORT: portEnv(4003),
});

export type PrisonConfig = z.infer<typeof prisonEnv>;

/** The prison subgraph's configuration, read once from the environment at start-up. */
export function loadPrisonConfig(env: NodeJS.ProcessEnv = process.env): PrisonConfig {
  return parseEnv(prisonEnv, env);
}
