import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse } from 'graphql';

// The type-prefix rule of docs/architecture.md ("Naming GraphQL types"), over the committed subgraph SDLs
// (the names front-end teams see): (1) an agency's prefix names its owner, so a type carrying it is that
// agency's alone; (2) a record of a kind several agencies hold carries its owner's prefix, so
// `PrisonSentence` and `ProbationOffence`, never a bare `Sentence` or `CivilOrder`.

/** An agency's prefixes: its name in PascalCase, and for some a second one its types already use. */
const EXTRA_PREFIXES: Readonly<Record<string, readonly string[]>> = { yot: ['Youth'] };
/**
 * "MAPPA" names the arrangements every agency takes part in (MappaArea, the MAPPA forms: MappaJNotification
 * is the police's), so it is the MAPPA unit's prefix for rule 2 but names no owner under rule 1.
 */
const NOT_AN_OWNER_PREFIX = new Set(['Mappa']);
/** Record kinds several agencies hold: a type named for one (its last words) carries its owner's prefix. */
const SHARED_RECORD_KINDS = [
  'Case',
  'Custody',
  'Identity',
  'Sentence',
  'Offence',
  'Licence',
  'Order',
  'Address',
  'RiskAssessment',
  'StatisticsSubject',
  'KpiCell',
];
/** The roots and the federated entity every subgraph defines. */
const ROOTS = new Set(['Query', 'Mutation', 'Subscription', 'Offender']);

/** The repository root, from `src/`. */
const REPOSITORY_ROOT = join(__dirname, '..', '..');

const pascal = (agency: string): string =>
  agency
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
const startsWithWord = (name: string, prefix: string): boolean => name.startsWith(prefix) && /^[A-Z]?$/.test(name.charAt(prefix.length));

const agencies = readdirSync(join(REPOSITORY_ROOT, 'subgraphs')).filter((name) => !name.startsWith('.'));
const typesOf = new Map(
  agencies.map((agency) => {
    const document = parse(readFileSync(join(REPOSITORY_ROOT, 'subgraphs', agency, 'schema.graphql'), 'utf8'));
    const names = document.definitions.flatMap((definition) =>
      'name' in definition && definition.name && definition.kind !== Kind.DIRECTIVE_DEFINITION ? [definition.name.value] : [],
    );
    return [agency, new Set(names)] as const;
  }),
);
/** A type two or more subgraphs define is shared vocabulary (from `shared/`), owned by none. */
const definedBy = (name: string): string[] => agencies.filter((agency) => typesOf.get(agency)?.has(name));
const prefixesOf = (agency: string): string[] => [pascal(agency), ...(EXTRA_PREFIXES[agency] ?? [])];

describe('GraphQL type names (docs/architecture.md, "Naming GraphQL types")', () => {
  it('reads every subgraph SDL', () => {
    expect(agencies.length).toBeGreaterThanOrEqual(6);
    for (const agency of agencies) expect(typesOf.get(agency)?.size).toBeGreaterThan(0);
  });

  it('rule 1: a type with an agency prefix is defined by that agency only', () => {
    const misplaced: string[] = [];
    for (const owner of agencies) {
      const prefixes = prefixesOf(owner).filter((prefix) => !NOT_AN_OWNER_PREFIX.has(prefix));
      for (const agency of agencies) {
        if (agency === owner) continue;
        for (const name of typesOf.get(agency) ?? []) {
          if (prefixes.some((prefix) => startsWithWord(name, prefix))) misplaced.push(`${agency} defines ${name}, a ${owner} name`);
        }
      }
    }
    expect(misplaced).toEqual([]);
  });

  it("rule 2: a type named for a record kind several agencies hold carries its owner's prefix", () => {
    const unprefixed: string[] = [];
    for (const agency of agencies) {
      for (const name of typesOf.get(agency) ?? []) {
        if (ROOTS.has(name) || definedBy(name).length > 1) continue;
        const kind = SHARED_RECORD_KINDS.find((candidate) => name.endsWith(candidate));
        if (kind !== undefined && !prefixesOf(agency).some((prefix) => startsWithWord(name, prefix))) {
          unprefixed.push(`${agency}: ${name} (a ${kind}) should start with ${prefixesOf(agency).join(' or ')}`);
        }
      }
    }
    expect(unprefixed).toEqual([]);
  });
});
