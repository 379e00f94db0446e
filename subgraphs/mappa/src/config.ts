import { parseEnv, subgraphEnv } from '@mappa/shared';
import type { z } from 'zod';

const mappaEnv = subgraphEnv(4005);

export type MappaConfig = z.infer<typeof mappaEnv>;

/** The MAPPA subgraph's configuration, read once from the environment at start-up. */
export function loadMappaConfig(env: NodeJS.ProcessEnv = process.env): MappaConfig {
  return parseEnv(mappaEnv, env);
}
