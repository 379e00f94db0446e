import { parseEnv, subgraphEnv } from '@mappa/shared';
import type { z } from 'zod';

const yotEnv = subgraphEnv(4004);

export type YotConfig = z.infer<typeof yotEnv>;

/** The YOT subgraph's configuration, read once from the environment at start-up. */
export function loadYotConfig(env: NodeJS.ProcessEnv = process.env): YotConfig {
  return parseEnv(yotEnv, env);
}
