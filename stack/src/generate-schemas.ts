import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import {
  buildStatisticsSchema,
  readSupergraphPolicies,
  STATISTICS_POLICIES,
  STATISTICS_SUBGRAPH,
  STATISTICS_SUBGRAPH_URL,
} from '@mappa/gateway';
import { declaredPolicies } from '@mappa/shared';
import { parse } from 'graphql';
import { join } from 'node:path';
import { renderAccessMatrix } from './access-matrix';
import type { SubgraphPolicies } from './access-matrix';
import { meetingPackFieldsFile } from './meeting-pack-fields';
import { SUBGRAPHS } from './subgraphs';

/** The repository root, from either `src/` (tests) or `dist/` (scripts). */
export const REPOSITORY_ROOT = join(__dirname, '..', '..');

/** A generated artefact: where it is committed and what it must contain. */
export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}

/**
 * Prints each subgraph's SDL, composes the supergraph the gateway runs on, renders the access
 * matrix from the policies the subgraphs enforce, and lists the meeting pack's fields with their
 * composed policies. Composition errors
 * (a name clash between agencies, an invalid key) fail here, at build time, never at start-up.
 */
export async function generateSchemas(): Promise<GeneratedFile[]> {
  const agencies = await Promise.all(
    SUBGRAPHS.map(async ({ definition, defaultPort }) => {
      const schema = await definition.buildSchema();
      const sdlPath = join(REPOSITORY_ROOT, 'subgraphs', definition.name, 'schema.graphql');
      return {
        name: definition.name,
        url: `http://127.0.0.1:${defaultPort}/graphql`,
        schema,
        policies: definition.policies,
        sdl: printSubgraphSchema(schema),
        sdlPath,
      };
    }),
  );
  // The statistics service (issue 13) is a subgraph the gateway serves in its own process: composed
  // like the agencies' so clients see one schema, its SDL committed beside the gateway's supergraph.
  const statisticsSchema = await buildStatisticsSchema();
  const subgraphs = [
    ...agencies,
    {
      name: STATISTICS_SUBGRAPH,
      url: STATISTICS_SUBGRAPH_URL,
      schema: statisticsSchema,
      policies: STATISTICS_POLICIES,
      sdl: printSubgraphSchema(statisticsSchema),
      sdlPath: join(REPOSITORY_ROOT, 'gateway', 'statistics.graphql'),
    },
  ];
  const composition = composeServices(subgraphs.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })));
  if (composition.errors) {
    throw new Error(`Supergraph composition failed:\n${composition.errors.map((error) => `  - ${error.message}`).join('\n')}`);
  }
  const disagreements = sharedFieldsWithDifferentGrants(subgraphs);
  if (disagreements.length > 0) {
    throw new Error(
      `Fields shared by several subgraphs must carry the same grants (the supergraph keeps one):\n  ${disagreements.join('\n  ')}`,
    );
  }
  // The gateway refuses a supergraph whose policies it cannot read; refuse it here first, at build time.
  const supergraphPolicies = readSupergraphPolicies(composition.supergraphSdl);
  return [
    ...subgraphs.map(({ sdl, sdlPath }) => ({ path: sdlPath, content: `${sdl.trim()}\n` })),
    { path: join(REPOSITORY_ROOT, 'gateway', 'supergraph.graphql'), content: `${composition.supergraphSdl.trim()}\n` },
    { path: join(REPOSITORY_ROOT, 'docs', 'access-matrix.md'), content: renderAccessMatrix(subgraphs) },
    // The meeting pack's fields with their composed policies, for the MAPPA unit's preview (issue 10).
    meetingPackFieldsFile(REPOSITORY_ROOT, supergraphPolicies),
  ];
}

/**
 * A field several subgraphs define (the `Offender.pncId` key) composes into the supergraph with one
 * subgraph's `@mappaAccess`. The gateway removes that field by those grants, so every subgraph must
 * grant the same: otherwise the gateway could remove what an owner would allow, or the reverse.
 */
function sharedFieldsWithDifferentGrants(subgraphs: readonly SubgraphPolicies[]): string[] {
  const grantsByField = new Map<string, Map<string, string>>();
  for (const { name, schema, policies } of subgraphs) {
    const byName = new Map(policies.map((policy) => [policy.name, policy]));
    for (const [coordinate, policyName] of declaredPolicies(schema)) {
      const policy = policyName ? byName.get(policyName) : undefined;
      const bySubgraph = grantsByField.get(coordinate) ?? new Map<string, string>();
      bySubgraph.set(name, JSON.stringify(policy?.grants ?? null));
      grantsByField.set(coordinate, bySubgraph);
    }
  }
  return [...grantsByField]
    .filter(([, bySubgraph]) => new Set(bySubgraph.values()).size > 1)
    .map(([coordinate, bySubgraph]) => `${coordinate} (${[...bySubgraph.keys()].join(', ')})`);
}
