import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AGENCY_REGISTRY } from '@mappa/shared';
import type { Agency, AgencyRegistration } from '@mappa/shared';
import { agencyRegistryDisagreements, readAgencyLayout } from './agency-registry';
import { REPOSITORY_ROOT } from './generate-schemas';

// Issue 14: `npm run new:agency -- <name>` makes a working, registered subgraph in one step. Proven on
// a copy of this repository (never on it): the copy's node_modules is this one's, so no npm install
// is needed (the install only links the new workspace, which the copy's tsconfig paths and jest
// module map do instead), and the nested jest run proves what `npm test` and `npm run check` would:
// the new agency composes into the supergraph with every other agency (the schema generation, in
// process), its registration agrees with the repository (the registry test), and its own generated
// tests pass against a real database.
// @jest-database-independent: the generator and the registry are the same whatever the database, and the
// nested jest run costs about 24 s of CPU, so CI runs this once, in the PostgreSQL server's run, where
// the generated tests use that server (.ci/run); the agency code they test is the template every agency
// was made from, and each of those runs on both databases.

const GENERATOR = join(REPOSITORY_ROOT, 'scripts', 'new-agency.js');
const NAME = 'electronic-monitoring';

/** A copy of the repository's tracked and new files, with this repository's node_modules. */
function copyOfRepository(): string {
  const root = mkdtempSync(join(tmpdir(), 'mappa-new-agency-'));
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: REPOSITORY_ROOT, encoding: 'utf8' })
    .split('\n')
    .filter((path) => path !== '' && !path.startsWith('node_modules/') && existsSync(join(REPOSITORY_ROOT, path)));
  for (const path of files) cpSync(join(REPOSITORY_ROOT, path), join(root, path), { recursive: false, force: true });
  symlinkSync(join(REPOSITORY_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  return root;
}

function generate(root: string, ...args: string[]) {
  return spawnSync(process.execPath, [GENERATOR, '--root', root, '--no-install', '--no-schemas', ...args], { encoding: 'utf8' });
}

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((entry) => (statSync(join(dir, entry)).isDirectory() ? filesUnder(join(dir, entry)) : [join(dir, entry)]));

describe('npm run new:agency', () => {
  let root: string;

  beforeAll(() => {
    root = copyOfRepository();
  }, 300_000);

  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it.each([
    ['Bad_Name', 'NEW_AGENCY_INVALID_NAME'],
    ['home--office', 'NEW_AGENCY_INVALID_NAME'],
    ['-police', 'NEW_AGENCY_INVALID_NAME'],
    ['police', 'NEW_AGENCY_EXISTS'],
    ['mappa', 'NEW_AGENCY_EXISTS'],
    ['border-force', 'NEW_AGENCY_UNKNOWN_PRINCIPAL'],
  ])('refuses %s with %s (exit status 2) and writes nothing', (name, code) => {
    const result = generate(root, name);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^${code}: `));
    expect(existsSync(join(root, 'subgraphs', name))).toBe(name === 'police' || name === 'mappa');
  });

  it('refuses to run without a name', () => {
    const result = generate(root);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^NEW_AGENCY_INVALID_NAME: /);
  });

  it('creates a subgraph that is registered, composes with every other agency and passes its own tests, before anyone edits it', () => {
    const result = generate(root, NAME);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const agencyDir = join(root, 'subgraphs', NAME);
    const files = filesUnder(agencyDir).map((path) => path.slice(agencyDir.length + 1));
    expect(files).toEqual(
      expect.arrayContaining([
        'package.json',
        'src/index.ts',
        'src/main.ts',
        'src/electronic-monitoring.policies.ts',
        'src/case/case.table.ts',
        'src/case/case.resolver.ts',
        'src/seed/electronic-monitoring.seed.ts',
        'src/electronic-monitoring.subgraph.test.ts',
        'drizzle/0000_init.sql',
        'drizzle/meta/_journal.json',
      ]),
    );
    // Every placeholder rendered: none of the template's markers is left in any file.
    for (const file of files) expect(`${file}: ${readFileSync(join(agencyDir, file), 'utf8')}`).not.toMatch(/__[A-Za-z]+__/);
    expect(readFileSync(join(agencyDir, 'drizzle', '0000_init.sql'), 'utf8')).toContain('CREATE SCHEMA "electronic_monitoring"');
    // Registered once, as the registry test holds every agency to the repository's layout.
    const registration: AgencyRegistration = {
      name: NAME,
      agency: 'ELECTRONIC_MONITORING' as Agency,
      principalAgency: 'electronic_monitoring',
      defaultPort: Math.max(...AGENCY_REGISTRY.map(({ defaultPort }) => defaultPort)) + 1,
      databaseSchema: 'electronic_monitoring',
      urlVariable: 'ELECTRONIC_MONITORING_SUBGRAPH_URL',
      portVariable: 'ELECTRONIC_MONITORING_PORT',
      auditLog: NAME,
    };
    expect(agencyRegistryDisagreements(readAgencyLayout(root), [...AGENCY_REGISTRY, registration])).toEqual([]);
    // The rest in the copy itself, by its own jest configuration: the supergraph composed with the new
    // agency, the registry test, and the agency's generated tests on a real (embedded) database.
    const composes = join(root, 'stack', 'src', 'new-agency-composes.test.ts');
    cpSync(join(REPOSITORY_ROOT, 'stack', 'templates', 'checks', 'composes.test.ts.tmpl'), composes);
    const jest = spawnSync(
      process.execPath,
      [
        '--experimental-vm-modules',
        join(root, 'node_modules', 'jest', 'bin', 'jest.js'),
        '--ci',
        composes,
        'stack/src/agency-registry.test.ts',
        `subgraphs/${NAME}/`,
      ],
      { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } },
    );
    expect({ status: jest.status, tail: jest.stderr.split('\n').filter((line) => /Tests:|Test Suites:|✕|●/.test(line)) }).toEqual({
      status: 0,
      tail: expect.arrayContaining([expect.stringMatching(/^Tests: +\d+ passed, \d+ total$/)]),
    });
  }, 900_000);
});
