import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { printSubgraphSchema } from '@apollo/subgraph';
import { DISCLOSURE_DOCUMENT_OPERATIONS, loadTrustedDocumentManifests, STATISTICS_SUBGRAPH, STATISTICS_SUBGRAPH_URL } from '@mappa/gateway';
import { AGENCY_REGISTRY, agencyRegistration, FIVE_AGENCY_VIEW, MEETING_PACK, README_EXAMPLE_QUERY, REGISTER_PAGE } from '@mappa/shared';
import { Kind, parse } from 'graphql';
import type { RegisteredOperation, SchemaCheckInput, SubgraphSdl } from './schema-check';
import { SUBGRAPHS } from './subgraphs';

/**
 * Where the committed schemas are read from: a git revision (`HEAD`, or the branch a change is to be
 * merged into), or the files as they are on disk (`null`).
 */
export type Baseline = string | null;

/** The committed text of `path` (relative to `root`) at `baseline`. */
export function committedFile(root: string, baseline: Baseline, path: string): string {
  if (baseline === null) return readFileSync(join(root, path), 'utf8');
  return execFileSync('git', ['show', `${baseline}:${path}`], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

const urlOf = (port: number) => `http://127.0.0.1:${port}/graphql`;

/** The committed SDL of every subgraph but `agency`: the other agencies' and the statistics service's. */
export function committedOthers(root: string, baseline: Baseline, agency: string): SubgraphSdl[] {
  return [
    ...AGENCY_REGISTRY.filter(({ name }) => name !== agency).map(({ name, defaultPort }) => ({
      name,
      url: urlOf(defaultPort),
      sdl: committedFile(root, baseline, `subgraphs/${name}/schema.graphql`),
    })),
    { name: STATISTICS_SUBGRAPH, url: STATISTICS_SUBGRAPH_URL, sdl: committedFile(root, baseline, 'gateway/statistics.graphql') },
  ];
}

/** The agency's subgraph as its code builds it now (every field's policy enforced, so a field without one fails here first). */
export async function currentSubgraph(agency: string): Promise<SubgraphSdl> {
  const { name, defaultPort } = agencyRegistration(agency);
  const definition = SUBGRAPHS.find(({ definition: candidate }) => candidate.name === name)?.definition;
  if (!definition) throw new Error(`the stack has no subgraph definition for ${name}`);
  return { name, url: urlOf(defaultPort), sdl: printSubgraphSchema(await definition.buildSchema()) };
}

const operationNameOf = (document: string): string | undefined =>
  parse(document).definitions.flatMap((definition) =>
    definition.kind === Kind.OPERATION_DEFINITION && definition.name ? [definition.name.value] : [],
  )[0];

/**
 * The operations clients depend on: every document of the trusted-document manifests the gateway is
 * deployed with (`TRUSTED_DOCUMENTS_MANIFEST`, the front-end teams' registered operations), the
 * gateway's built-in operations (the disclosure document route's), and the product's own documented
 * ones (the README's example, the single offender view, the meeting pack, the register page).
 */
export function registeredOperations(manifestPaths: readonly string[]): RegisteredOperation[] {
  const manifests = manifestPaths.flatMap((path) =>
    [...loadTrustedDocumentManifests([path])].map(([hash, document]) => ({
      name: operationNameOf(document) ?? `sha256:${hash.slice(0, 12)}`,
      source: `manifest ${basename(path)}`,
      document,
    })),
  );
  const product = Object.entries({ README_EXAMPLE_QUERY, FIVE_AGENCY_VIEW, MEETING_PACK, REGISTER_PAGE }).map(([constant, document]) => ({
    name: operationNameOf(document) ?? constant,
    source: 'product operations',
    document,
  }));
  const builtIn = DISCLOSURE_DOCUMENT_OPERATIONS.map(({ operationName, query }) => ({
    name: operationName,
    source: 'gateway built-in',
    document: query,
  }));
  return [...manifests, ...builtIn, ...product];
}

/** Everything `checkSubgraphSchema` needs for one registered agency of the repository at `root`. */
export async function schemaCheckInputOf(
  root: string,
  agency: string,
  baseline: Baseline,
  manifestPaths: readonly string[],
): Promise<SchemaCheckInput> {
  return {
    subgraph: await currentSubgraph(agency),
    others: committedOthers(root, baseline, agency),
    baselineSupergraphSdl: committedFile(root, baseline, 'gateway/supergraph.graphql'),
    operations: registeredOperations(manifestPaths),
  };
}
