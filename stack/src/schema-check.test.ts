import { composeServices } from '@apollo/composition';
import { AGENCY_SUBGRAPH_NAMES } from '@mappa/shared';
import { parse } from 'graphql';
import { REPOSITORY_ROOT } from './generate-schemas';
import { checkSubgraphSchema, renderSchemaCheckReport } from './schema-check';
import type { RegisteredOperation, SchemaCheckInput, SubgraphSdl } from './schema-check';
import { schemaCheckInputOf } from './schema-check-inputs';

// Issue 14, "checks an agency runs before it publishes": its current schema composed with the
// committed others, each change against the committed supergraph classified by GraphQL Inspector,
// and a breaking change failing only when a registered client operation uses it.
// @jest-database-independent: it composes SDL and opens no database, so CI runs it once (.ci/run).

const HEADER = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@composeDirective"])
extend schema @link(url: "https://specs.mappa-federation.invalid/access/v0.2", import: ["@mappaAccess"]) @composeDirective(name: "@mappaAccess")
directive @mappaAccess(policy: String!, grants: [String!]!) on FIELD_DEFINITION`;
const access = (policy: string) => `@mappaAccess(policy: "${policy}", grants: ["roles=ppu_officer;purposes=CASE_MANAGEMENT"])`;

/** The agency checked: people, their names and status. */
const peopleSdl = (
  options: { readonly personFields?: string; readonly statusValues?: string; readonly personArgs?: string } = {},
) => `${HEADER}
type Query { person(id: ID!${options.personArgs ?? ''}): Person ${access('people.person')} }
type Person @key(fields: "id") {
  id: ID! ${access('people.id')}
  ${options.personFields ?? `name: String ${access('people.name')}\n  nickname: String ${access('people.nickname')}\n  status: Status ${access('people.status')}`}
}
enum Status { ${options.statusValues ?? 'ACTIVE RETIRED'} }`;

/** Another agency, committed: the cases it holds about a person. */
const casesSdl = (extra = '') => `${HEADER}
type Person @key(fields: "id") {
  id: ID! ${access('cases.id')}
  cases: [String!] ${access('cases.cases')}
  ${extra}
}`;

const subgraph = (name: string, sdl: string): SubgraphSdl => ({ name, url: `http://127.0.0.1/${name}`, sdl });

function supergraphOf(...subgraphs: SubgraphSdl[]): string {
  const composition = composeServices(subgraphs.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })));
  if (composition.errors) throw new Error(composition.errors.map((error) => error.message).join('\n'));
  return composition.supergraphSdl;
}

const PERSON_NAME: RegisteredOperation = {
  name: 'PersonName',
  source: 'manifest police-app.json',
  document: 'query PersonName($id: ID!) { person(id: $id) { name status cases } }',
};
const BASELINE = supergraphOf(subgraph('people', peopleSdl()), subgraph('cases', casesSdl()));

/** The people agency's check of `proposed` against the committed people and cases subgraphs. */
const check = (
  proposed: string,
  others: SubgraphSdl[] = [subgraph('cases', casesSdl())],
  operations = [PERSON_NAME],
): ReturnType<typeof checkSubgraphSchema> =>
  checkSubgraphSchema({
    subgraph: subgraph('people', proposed),
    others,
    baselineSupergraphSdl: BASELINE,
    operations,
  } satisfies SchemaCheckInput);

describe('the schema check an agency runs before it publishes', () => {
  it('passes an unchanged schema with no changes to report', async () => {
    const report = await check(peopleSdl());
    expect(report).toMatchObject({
      passed: true,
      compositionErrors: [],
      fieldsWithoutPolicy: [],
      changes: [],
      brokenOperations: [],
      staleOperations: [],
    });
  });

  it('fails when a field a registered operation uses is removed, naming the operation', async () => {
    const report = await check(
      peopleSdl({ personFields: `nickname: String ${access('people.nickname')}\n  status: Status ${access('people.status')}` }),
    );
    expect(report.passed).toBe(false);
    expect(report.changes).toEqual([
      {
        type: 'FIELD_REMOVED',
        path: 'Person.name',
        message: "Field 'name' was removed from object type 'Person'",
        criticality: 'BREAKING',
        operations: ['manifest police-app.json: PersonName'],
        fails: true,
      },
    ]);
    expect(report.brokenOperations).toEqual([
      { operation: 'manifest police-app.json: PersonName', errors: ['Cannot query field "name" on type "Person".'] },
    ]);
    const rendered = renderSchemaCheckReport(report);
    expect(rendered).toContain('schema check of the people subgraph: FAILED');
    expect(rendered).toContain(
      "Field 'name' was removed from object type 'Person' [Person.name] FAILS: breaks manifest police-app.json: PersonName",
    );
  });

  it('passes when the removed field is one no registered operation uses, still reporting it as breaking', async () => {
    const report = await check(
      peopleSdl({ personFields: `name: String ${access('people.name')}\n  status: Status ${access('people.status')}` }),
    );
    expect(report.passed).toBe(true);
    expect(report.changes).toEqual([
      {
        type: 'FIELD_REMOVED',
        path: 'Person.nickname',
        message: "Field 'nickname' was removed from object type 'Person'",
        criticality: 'BREAKING',
        operations: [],
        fails: false,
      },
    ]);
    expect(renderSchemaCheckReport(report)).toContain('[Person.nickname] passes: no registered operation uses it');
  });

  it('passes an added field as a safe change', async () => {
    const report = await check(
      peopleSdl({
        personFields: `name: String ${access('people.name')}\n  nickname: String ${access('people.nickname')}\n  status: Status ${access('people.status')}\n  alias: String ${access('people.alias')}`,
      }),
    );
    expect(report.passed).toBe(true);
    expect(report.changes).toEqual([
      {
        type: 'FIELD_ADDED',
        path: 'Person.alias',
        message: "Field 'alias' was added to object type 'Person'",
        criticality: 'SAFE',
        operations: [],
        fails: false,
      },
    ]);
  });

  it('classifies a removed enum value as breaking, failing for an operation that reads the enum', async () => {
    const report = await check(peopleSdl({ statusValues: 'ACTIVE' }));
    expect(report.changes).toEqual([
      expect.objectContaining({
        type: 'ENUM_VALUE_REMOVED',
        path: 'Status.RETIRED',
        criticality: 'BREAKING',
        operations: ['manifest police-app.json: PersonName'],
        fails: true,
      }),
    ]);
    expect(report.passed).toBe(false);
    const unused = await check(peopleSdl({ statusValues: 'ACTIVE' }), undefined, [
      { name: 'PersonCases', source: 'manifest probation-app.json', document: 'query PersonCases($id: ID!) { person(id: $id) { cases } }' },
    ]);
    expect(unused.changes).toEqual([
      expect.objectContaining({ path: 'Status.RETIRED', criticality: 'BREAKING', operations: [], fails: false }),
    ]);
    expect(unused.passed).toBe(true);
  });

  it('fails a required argument added to a field a registered operation uses', async () => {
    const report = await check(peopleSdl({ personArgs: ', reason: String!' }));
    expect(report.changes).toEqual([
      expect.objectContaining({
        type: 'FIELD_ARGUMENT_ADDED',
        path: 'Query.person.reason',
        criticality: 'BREAKING',
        operations: ['manifest police-app.json: PersonName'],
        fails: true,
      }),
    ]);
    expect(report.passed).toBe(false);
  });

  it('reports an optional argument added as dangerous (a client may not expect it), and passes', async () => {
    const report = await check(peopleSdl({ personArgs: ', reason: String' }));
    expect(report.changes).toEqual([expect.objectContaining({ path: 'Query.person.reason', criticality: 'DANGEROUS', fails: false })]);
    expect(report.passed).toBe(true);
  });

  it('reports a composition error with the committed others and fails', async () => {
    // The cases agency already publishes Person.name: a second, unshared definition cannot compose.
    const report = await check(peopleSdl(), [subgraph('cases', casesSdl(`name: String ${access('cases.name')}`))]);
    expect(report.passed).toBe(false);
    expect(report.compositionErrors).toEqual([
      expect.stringContaining('Non-shareable field "Person.name" is resolved from multiple subgraphs'),
    ]);
    expect(renderSchemaCheckReport(report)).toContain('composition errors (the supergraph cannot be built)');
  });

  it('deny by default: reports a field without an access policy and fails', async () => {
    const report = await check(
      peopleSdl({ personFields: `name: String ${access('people.name')}\n  nickname: String\n  status: Status ${access('people.status')}` }),
    );
    expect(report.fieldsWithoutPolicy).toEqual(['Person.nickname']);
    expect(report.passed).toBe(false);
  });

  it('reports a registered operation that is already invalid against the committed schema without failing on it', async () => {
    const stale: RegisteredOperation = { name: 'Gone', source: 'manifest old-app.json', document: '{ person(id: "1") { shoeSize } }' };
    const report = await check(peopleSdl(), undefined, [PERSON_NAME, stale]);
    expect(report.passed).toBe(true);
    expect(report.staleOperations).toEqual([
      { operation: 'manifest old-app.json: Gone', errors: ['Cannot query field "shoeSize" on type "Person".'] },
    ]);
  });
});

describe('the schema check of this repository', () => {
  it.each(AGENCY_SUBGRAPH_NAMES)(
    'passes for the %s subgraph as committed: no composition error, no field without a policy, no change',
    async (agency) => {
      const report = await checkSubgraphSchema(await schemaCheckInputOf(REPOSITORY_ROOT, agency, null, []));
      expect(report).toMatchObject({
        passed: true,
        compositionErrors: [],
        fieldsWithoutPolicy: [],
        changes: [],
        brokenOperations: [],
        staleOperations: [],
      });
    },
    180_000,
  );
});
