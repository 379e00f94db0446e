import { baseServiceEnv, databaseEnv, parseEnv, portEnv } from '@mappa/shared';
import { z } from 'zod';

const policeEnv = z.object({
  ...baseServiceEnv,
  ...databaseEnv,
  PORT: portEnv(4001),
});

export type PoliceConfig = z.infer<typeof policeEnv>;

/** The police subgraph's configuration, read once from the environment at start-up. */
export function loadPoliceConfig(env: NodeJS.ProcessEnv = process.env): PoliceConfig {
  return parseEnv(policeEnv, env);
}
