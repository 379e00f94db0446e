import { parseEnv, subgraphEnv } from '@mappa/shared';
import type { z } from 'zod';

const probationEnv = subgraphEnv(4002);

export type ProbationConfig = z.infer<typeof probationEnv>;

/** The probation subgraph's configuration, read once from the environment at start-up. */
export function loadProbationConfig(env: NodeJS.ProcessEnv = process.env): ProbationConfig {
  return parseEnv(probationEnv, env);
}
