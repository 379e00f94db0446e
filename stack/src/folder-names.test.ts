import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPOSITORY_ROOT } from './generate-schemas';

// Issue 14: a folder of a subgraph's src/ is named for what its files are about, and each file's name
// starts with that name (`detention-decision/detention-decision-evidence.resolver.ts`), or with the
// agency's name and then it (`alert/prison-alert.table.ts`), so a file is found by its name alone.
// Seeding is the one role folder: every seeder of an agency lives in `src/seed/` (its builders are
// named for the records they build) and no `*.seed.ts` lives anywhere else.

/** The files under `subgraphs/<agency>/src/<folder>/` (relative to the repository), not named as above. */
function misnamedSubgraphFiles(paths: readonly string[]): string[] {
  return paths.filter((path) => {
    const match = /^subgraphs\/([^/]+)\/src\/(?:([^/]+)\/)?([^/]+)$/.exec(path);
    if (!match) return false;
    const [, agency, folder, file] = match as unknown as [string, string, string | undefined, string];
    if (folder === undefined) return false;
    if (folder === 'seed') return false;
    if (file.endsWith('.seed.ts')) return true;
    return ![folder, `${agency}-${folder}`].some((prefix) => file.startsWith(`${prefix}.`) || file.startsWith(`${prefix}-`));
  });
}

function subgraphSourceFiles(): string[] {
  const root = join(REPOSITORY_ROOT, 'subgraphs');
  return readdirSync(root, { withFileTypes: true })
    .filter((agency) => agency.isDirectory())
    .flatMap((agency) =>
      readdirSync(join(root, agency.name, 'src'), { withFileTypes: true, recursive: true })
        .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
        .map((entry) => `${join(entry.parentPath, entry.name).slice(REPOSITORY_ROOT.length + 1)}`),
    );
}

describe("subgraphs' folder and file names", () => {
  it('every file in a folder of a subgraph starts with the folder name (or the agency name and the folder name); seeders only in seed/', () => {
    const files = subgraphSourceFiles();
    expect(files.length).toBeGreaterThan(100);
    expect(misnamedSubgraphFiles(files)).toEqual([]);
  });

  it('the check names what breaks the convention', () => {
    expect(
      misnamedSubgraphFiles([
        'subgraphs/home-office/src/detention-decision/detention-evidence.resolver.ts',
        'subgraphs/home-office/src/detention-decision/detention-decision-evidence.resolver.ts',
        'subgraphs/prison/src/alert/prison-alert.table.ts',
        'subgraphs/prison/src/alert/alert.type.ts',
        'subgraphs/prison/src/alert/alerts.type.ts',
        'subgraphs/mappa/src/smb/smb.seed.ts',
        'subgraphs/mappa/src/seed/workflow.seed.ts',
        'subgraphs/mappa/src/index.ts',
      ]),
    ).toEqual([
      'subgraphs/home-office/src/detention-decision/detention-evidence.resolver.ts',
      'subgraphs/prison/src/alert/alerts.type.ts',
      'subgraphs/mappa/src/smb/smb.seed.ts',
    ]);
  });
});
