import { join } from 'node:path';
import { loadGatewayConfig, subgraphUrlsFrom } from '@mappa/gateway';
import { Agency, AGENCY_REGISTRY, AUDIT_LOGS, PRINCIPAL_AGENCY_OF_OWNER } from '@mappa/shared';
import { agencyRegistryDisagreements, readAgencyLayout } from './agency-registry';
import type { AgencyLayout } from './agency-registry';
import { loadStackConfig } from './config';
import { REPOSITORY_ROOT } from './generate-schemas';
import { SUBGRAPHS } from './subgraphs';

// Issue 14: one agency registry. Joining the federation is one registration; everything that lists
// the owning agencies derives from it, and what cannot (the workspace folders, npm's and
// TypeScript's JSON) is held to it here, so a forgotten edit fails a test instead of failing silently.

const NAMES = AGENCY_REGISTRY.map(({ name }) => name);
const AGREEING: AgencyLayout = {
  folders: [...NAMES],
  workspaces: [...NAMES],
  packageNames: Object.fromEntries(NAMES.map((name) => [name, `@mappa/${name}`])),
  schemaCheckScripts: Object.fromEntries(
    NAMES.map((name) => [name, `tsc -b ../../tsconfig.build.json && node ../../stack/dist/schema-check.main.js ${name}`]),
  ),
  buildReferences: [...NAMES],
  typecheckPaths: [...NAMES],
};

describe('the agency registry', () => {
  it('agrees with the subgraphs/ workspaces, the root package.json, tsconfig.build.json and tsconfig.json of this repository', () => {
    expect(agencyRegistryDisagreements(readAgencyLayout(REPOSITORY_ROOT))).toEqual([]);
  });

  it('reports a workspace under subgraphs/ that no registration names, and a registration without its workspace', () => {
    expect(
      agencyRegistryDisagreements({
        ...AGREEING,
        folders: [...NAMES, 'home_office'],
        packageNames: { ...AGREEING.packageNames, home_office: '@mappa/home_office' },
      }),
    ).toEqual([
      'home_office is in subgraphs/ but is not a registered agency',
      'subgraphs/home_office/package.json has no schema:check script checking home_office',
    ]);
    expect(agencyRegistryDisagreements({ ...AGREEING, folders: NAMES.filter((name) => name !== 'yot') })).toEqual([
      'yot is registered but is not in subgraphs/',
    ]);
  });

  it('reports a registered agency missing from the package.json workspaces, the build references or the type check paths', () => {
    const withoutPrison = NAMES.filter((name) => name !== 'prison');
    expect(
      agencyRegistryDisagreements({
        ...AGREEING,
        workspaces: withoutPrison,
        buildReferences: withoutPrison,
        typecheckPaths: [...NAMES, 'home_office'],
      }),
    ).toEqual([
      "prison is registered but is not in the root package.json's workspaces",
      "prison is registered but is not in tsconfig.build.json's references",
      "home_office is in tsconfig.json's paths but is not a registered agency",
    ]);
  });

  it("reports a workspace package not named after its folder or checking another agency's schema, and a name, port or variable registered twice", () => {
    expect(
      agencyRegistryDisagreements({
        ...AGREEING,
        packageNames: { ...AGREEING.packageNames, police: '@mappa/constabulary' },
        schemaCheckScripts: { ...AGREEING.schemaCheckScripts, yot: AGREEING.schemaCheckScripts.police ?? null },
      }),
    ).toEqual([
      'subgraphs/police/package.json is not named @mappa/police',
      'subgraphs/yot/package.json has no schema:check script checking yot',
    ]);
    const [first, second, ...rest] = AGENCY_REGISTRY;
    expect(
      agencyRegistryDisagreements(AGREEING, [
        first,
        { ...second, defaultPort: first.defaultPort, urlVariable: first.urlVariable },
        ...rest,
      ]),
    ).toEqual([`defaultPort ${first.defaultPort} is registered twice`, `urlVariable ${first.urlVariable} is registered twice`]);
  });

  it('registers every Agency that owns records exactly once', () => {
    expect(AGENCY_REGISTRY.map(({ agency }) => agency).sort()).toEqual(Object.values(Agency).sort());
    expect(PRINCIPAL_AGENCY_OF_OWNER).toEqual(
      Object.fromEntries(AGENCY_REGISTRY.map(({ agency, principalAgency }) => [agency, principalAgency])),
    );
  });

  it('is what the stack starts: each subgraph definition under its registered name and database schema, in registry order', () => {
    expect(SUBGRAPHS.map(({ definition, defaultPort }) => [definition.name, definition.schema, defaultPort])).toEqual(
      AGENCY_REGISTRY.map(({ name, databaseSchema, defaultPort }) => [name, databaseSchema, defaultPort]),
    );
  });

  it("gives each agency its audit chain beside the gateway's", () => {
    expect(AUDIT_LOGS).toEqual(['gateway', ...AGENCY_REGISTRY.map(({ auditLog }) => auditLog)]);
  });

  it("gives the gateway each agency's subgraph URL variable, defaulting to its registered port, and the stack its port variable", () => {
    const gateway = loadGatewayConfig({ GATEWAY_ASSERTION_KEY: JSON.stringify({ kty: 'EC', kid: 'test', d: 'test' }) });
    expect(subgraphUrlsFrom(gateway)).toEqual(
      Object.fromEntries(AGENCY_REGISTRY.map(({ name, defaultPort }) => [name, `http://127.0.0.1:${defaultPort}/graphql`])),
    );
    const police = AGENCY_REGISTRY[0];
    expect(
      subgraphUrlsFrom(
        loadGatewayConfig({
          GATEWAY_ASSERTION_KEY: JSON.stringify({ kty: 'EC', kid: 'test', d: 'test' }),
          [police.urlVariable]: 'https://police.example/graphql',
        }),
      )[police.name],
    ).toBe('https://police.example/graphql');
    const stack = loadStackConfig({});
    expect(AGENCY_REGISTRY.map(({ portVariable }) => stack[portVariable])).toEqual(AGENCY_REGISTRY.map(({ defaultPort }) => defaultPort));
  });

  it('is where each subgraph listens when deployed on its own: its PORT defaults to its registered port', () => {
    // Each subgraph's configuration is `defineSubgraph`'s, which takes the default port from the registry.
    const env = { GATEWAY_PUBLIC_KEYS: JSON.stringify({ keys: [{ kty: 'EC', kid: 'test' }] }) };
    expect(SUBGRAPHS.map(({ definition }) => definition.loadConfig(env).PORT)).toEqual(
      AGENCY_REGISTRY.map(({ defaultPort }) => defaultPort),
    );
  });

  it("is what the tests resolve: jest maps each registered package to its subgraph's sources", () => {
    // The jest configuration is plain CommonJS; its module map is a list of agencies too.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const jestConfig = require(join(REPOSITORY_ROOT, 'jest.config.js')) as { moduleNameMapper: Record<string, string> };
    const resolve = (name: string) =>
      Object.entries(jestConfig.moduleNameMapper).flatMap(([pattern, target]) => {
        const match = new RegExp(pattern).exec(`@mappa/${name}`);
        return match ? [target.replace(/\$(\d)/g, (_all, index: string) => match[Number(index)] ?? '')] : [];
      })[0];
    expect(NAMES.map(resolve)).toEqual(NAMES.map((name) => `<rootDir>/subgraphs/${name}/src/index.ts`));
  });
});
