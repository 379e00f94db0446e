import { parseEnv, subgraphEnv } from '@mappa/shared';
import type { z } from 'zod';

const policeEnv = subgraphEnv(4001);

export type PoliceConfig = z.infer<typeof policeEnv>;

/** The police subgraph's configuration, read once from the environment at start-up. */
export function loadPoliceConfig(env: NodeJS.ProcessEnv = process.env): PoliceConfig {
  return parseEnv(policeEnv, env);
}
