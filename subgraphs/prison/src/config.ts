import { parseEnv, subgraphEnv } from '@mappa/shared';
import type { z } from 'zod';

const prisonEnv = subgraphEnv(4003);

export type PrisonConfig = z.infer<typeof prisonEnv>;

/** The prison subgraph's configuration, read once from the environment at start-up. */
export function loadPrisonConfig(env: NodeJS.ProcessEnv = process.env): PrisonConfig {
  return parseEnv(prisonEnv, env);
}
