import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AGENCY_REGISTRY } from '@mappa/shared';
import type { AgencyRegistration } from '@mappa/shared';

/**
 * What the repository says about the agencies, outside the registry: the folders under
 * `subgraphs/`, and the lists that cannot derive from the registry because they are JSON read by
 * npm and TypeScript before any code runs.
 */
export interface AgencyLayout {
  /** The folders under `subgraphs/`. */
  readonly folders: readonly string[];
  /** The root package.json's `subgraphs/<name>` workspaces. */
  readonly workspaces: readonly string[];
  /** Each folder's package name (`@mappa/<name>`), or null without a package.json. */
  readonly packageNames: Readonly<Record<string, string | null>>;
  /** Each folder's `schema:check` script, or null without one. */
  readonly schemaCheckScripts: Readonly<Record<string, string | null>>;
  /** tsconfig.build.json's `subgraphs/<name>` project references. */
  readonly buildReferences: readonly string[];
  /** tsconfig.json's `@mappa/<name>` paths that point into `subgraphs/`. */
  readonly typecheckPaths: readonly string[];
}

const SUBGRAPH_PATH = /^subgraphs\/([^/]+)$/;
const subgraphNamesIn = (paths: readonly string[]): string[] =>
  paths.flatMap((path) => SUBGRAPH_PATH.exec(path.replace(/\/$/, ''))?.[1] ?? []);
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

/** Reads the agencies' layout from the repository at `root`. */
export function readAgencyLayout(root: string): AgencyLayout {
  const folders = readdirSync(join(root, 'subgraphs'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  const rootPackage = readJson(join(root, 'package.json')) as { workspaces?: string[] };
  const build = readJson(join(root, 'tsconfig.build.json')) as { references?: { path: string }[] };
  const typecheck = readJson(join(root, 'tsconfig.json')) as { compilerOptions?: { paths?: Record<string, string[]> } };
  const packages = folders.map((folder) => {
    const path = join(root, 'subgraphs', folder, 'package.json');
    return [folder, existsSync(path) ? (readJson(path) as { name?: string; scripts?: Record<string, string> }) : null] as const;
  });
  return {
    folders,
    workspaces: subgraphNamesIn(rootPackage.workspaces ?? []),
    packageNames: Object.fromEntries(packages.map(([folder, json]) => [folder, json?.name ?? null])),
    schemaCheckScripts: Object.fromEntries(packages.map(([folder, json]) => [folder, json?.scripts?.['schema:check'] ?? null])),
    buildReferences: subgraphNamesIn((build.references ?? []).map(({ path }) => path)),
    typecheckPaths: Object.entries(typecheck.compilerOptions?.paths ?? {}).flatMap(([alias, targets]) =>
      targets.some((target) => target.replace(/^\.\//, '').startsWith('subgraphs/')) ? [alias.replace(/^@mappa\//, '')] : [],
    ),
  };
}

function differences(what: string, registered: readonly string[], found: readonly string[]): string[] {
  return [
    ...registered.filter((name) => !found.includes(name)).map((name) => `${name} is registered but is not in ${what}`),
    ...found.filter((name) => !registered.includes(name)).map((name) => `${name} is in ${what} but is not a registered agency`),
  ];
}

function duplicates(registry: readonly AgencyRegistration[]): string[] {
  const keys = ['name', 'agency', 'defaultPort', 'databaseSchema', 'urlVariable', 'portVariable', 'auditLog'] as const;
  return keys.flatMap((key) => {
    const values = registry.map((registration) => String(registration[key]));
    return [...new Set(values.filter((value, index) => values.indexOf(value) !== index))].map(
      (value) => `${key} ${value} is registered twice`,
    );
  });
}

/**
 * Every way the registry and the repository disagree (none when they agree): an agency registered
 * without its workspace, a workspace no registration names, or one missing from the workspaces, the
 * build's project references or the type check's paths (each fails silently or late otherwise), or
 * without its `schema:check` script.
 */
export function agencyRegistryDisagreements(layout: AgencyLayout, registry: readonly AgencyRegistration[] = AGENCY_REGISTRY): string[] {
  const names = registry.map(({ name }) => name);
  return [
    ...duplicates(registry),
    ...differences('subgraphs/', names, layout.folders),
    ...differences("the root package.json's workspaces", names, layout.workspaces),
    ...differences("tsconfig.build.json's references", names, layout.buildReferences),
    ...differences("tsconfig.json's paths", names, layout.typecheckPaths),
    ...layout.folders.flatMap((folder) =>
      layout.packageNames[folder] === `@mappa/${folder}` ? [] : [`subgraphs/${folder}/package.json is not named @mappa/${folder}`],
    ),
    ...layout.folders.flatMap((folder) =>
      layout.schemaCheckScripts[folder]?.endsWith(`schema-check.main.js ${folder}`)
        ? []
        : [`subgraphs/${folder}/package.json has no schema:check script checking ${folder}`],
    ),
  ];
}
