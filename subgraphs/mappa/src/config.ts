import { baseServiceEnv, databaseEnv, parseEnv, portEnv } from '@mappa/shared';
import { z } from 'zod';

const mappaEnv = z.object({
  ...baseServiceEnv,
  ...databaseEnv,
  PORT: portEnv(4005),
});

export type MappaConfig = z.infer<typeof mappaEnv>;

/** The MAPPA subgraph's configuration, read once from the environment at start-up. */
export function loadMappaConfig(env: NodeJS.ProcessEnv = process.env): MappaConfig {
  return parseEnv(mappaEnv, env);
}
