import { parseEnv, subgraphEnv } from '@mappa/shared';
import type { z } from 'zod';

const homeOfficeEnv = subgraphEnv(4006);

export type HomeOfficeConfig = z.infer<typeof homeOfficeEnv>;

/** The Home Office subgraph's configuration, read once from the environment at start-up. */
export function loadHomeOfficeConfig(env: NodeJS.ProcessEnv = process.env): HomeOfficeConfig {
  return parseEnv(homeOfficeEnv, env);
}
