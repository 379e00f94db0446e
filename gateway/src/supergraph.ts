import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The committed supergraph, composed at build time from every subgraph's SDL. */
export const SUPERGRAPH_PATH = join(__dirname, '..', 'supergraph.graphql');

/** Reads the committed supergraph; the gateway never composes at run time. */
export function readSupergraph(): string {
  return readFileSync(SUPERGRAPH_PATH, 'utf8');
}
