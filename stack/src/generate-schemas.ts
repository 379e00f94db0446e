import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { join } from 'node:path';
import { renderAccessMatrix } from './access-matrix';
import { SUBGRAPHS } from './subgraphs';

/** The repository root, from either `src/` (tests) or `dist/` (scripts). */
export const REPOSITORY_ROOT = join(__dirname, '..', '..');

/** A generated artefact: where it is committed and what it must contain. */
export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}

/**
 * Prints each subgraph's SDL, composes the supergraph the gateway runs on, and renders the access
 * matrix from the policies the subgraphs enforce. Composition errors
 * (a name clash between agencies, an invalid key) fail here, at build time, never at start-up.
 */
export async function generateSchemas(): Promise<GeneratedFile[]> {
  const subgraphs = await Promise.all(
    SUBGRAPHS.map(async ({ definition, defaultPort }) => {
      const schema = await definition.buildSchema();
      return { name: definition.name, url: `http://127.0.0.1:${defaultPort}/graphql`, schema, policies: definition.policies, sdl: printSubgraphSchema(schema) };
    }),
  );
  const composition = composeServices(subgraphs.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })));
  if (composition.errors) {
    throw new Error(`Supergraph composition failed:\n${composition.errors.map((error) => `  - ${error.message}`).join('\n')}`);
  }
  return [
    ...subgraphs.map(({ name, sdl }) => ({ path: join(REPOSITORY_ROOT, 'subgraphs', name, 'schema.graphql'), content: `${sdl.trim()}\n` })),
    { path: join(REPOSITORY_ROOT, 'gateway', 'supergraph.graphql'), content: `${composition.supergraphSdl.trim()}\n` },
    { path: join(REPOSITORY_ROOT, 'docs', 'access-matrix.md'), content: renderAccessMatrix(subgraphs) },
  ];
}
