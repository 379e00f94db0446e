import { createLogger, createTestGatewayKeys, openTestDatabase, prepareSubgraphDatabase, startSubgraph, syntheticPeople } from '@mappa/shared';
import type { DatabaseConnection, RunningSubgraph, TestGatewayKeys } from '@mappa/shared';
import { policeSubgraph } from './index';

const dataset = { offenders: 60, seed: 7, asOf: '2026-11-01' };
const people = syntheticPeople(0, dataset.offenders, dataset);
let database: { connection: DatabaseConnection; drop: () => Promise<void> };
let subgraph: RunningSubgraph;
let gateway: TestGatewayKeys;

async function post(query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${subgraph.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await gateway.headersFor('police')) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: { message: string; extensions?: { code?: string } }[] };
}

beforeAll(async () => {
  database = await openTestDatabase();
  const log = createLogger('police-test', 'silent');
  await prepareSubgraphDatabase(policeSubgraph, database.connection, { seedIfEmpty: dataset, log });
  gateway = await createTestGatewayKeys();
  subgraph = await startSubgraph(policeSubgraph, { connection: database.connection, host: '127.0.0.1', port: 0, production: false, log, gatewayKeys: gateway.gatewayKeys });
});

afterAll(async () => {
  await subgraph.close();
  await database.drop();
});

describe('police subgraph', () => {
  it('returns the identity the police hold for a PNC ID', async () => {
    const person = people[0]!;
    const result = await post('query($pncId: ID!) { offender(pncId: $pncId) { pncId identity { firstName lastName dateOfBirth croNumber aliases { lastName } } } }', {
      pncId: person.pncId,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.offender).toEqual({
      pncId: person.pncId,
      identity: {
        firstName: person.firstName,
        lastName: person.lastName,
        dateOfBirth: person.dateOfBirth,
        croNumber: person.croNumber,
        aliases: person.aliases.map((alias) => ({ lastName: alias.lastName })),
      },
    });
  });

  it('answers null, not an error, for a well-formed PNC ID it does not hold', async () => {
    const result = await post('{ offender(pncId: "2008/0545166T") { pncId } }');
    expect(result.errors).toBeUndefined();
    expect(result.data?.offender).toBeNull();
  });

  it('rejects a malformed PNC ID with BAD_USER_INPUT', async () => {
    const result = await post('{ offender(pncId: "not-a-pnc") { pncId } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('rejects a PNC ID whose check letter is wrong', async () => {
    const result = await post('{ offender(pncId: "2008/0545166A") { pncId } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('resolves entity references in one SQL statement per batch and null for unknown keys', async () => {
    const representations = [...people.slice(0, 50).map((p) => ({ __typename: 'Offender', pncId: p.pncId })), { __typename: 'Offender', pncId: '2008/0545166T' }];
    subgraph.statements.reset();
    const result = await post('query($r: [_Any!]!) { _entities(representations: $r) { ... on Offender { pncId visorNominal { status } } } }', {
      r: representations,
    });
    expect(result.errors).toBeUndefined();
    const entities = result.data?._entities as ({ pncId: string } | null)[];
    expect(entities).toHaveLength(51);
    expect(entities[50]).toBeNull();
    expect(entities.slice(0, 50).map((e) => e?.pncId)).toEqual(people.slice(0, 50).map((p) => p.pncId));
    // One statement resolves the references, one loads the ViSOR nominals.
    expect(subgraph.statements.count).toBe(2);
  });

  it('A.R4: holds no ViSOR nominal for category 2 level 1 offenders', async () => {
    const cat2Level1 = people.filter((p) => p.category === 2 && p.level === 1).slice(0, 5);
    expect(cat2Level1.length).toBeGreaterThan(0);
    const result = await post('query($r: [_Any!]!) { _entities(representations: $r) { ... on Offender { visorNominal { status } } } }', {
      r: cat2Level1.map((p) => ({ __typename: 'Offender', pncId: p.pncId })),
    });
    expect(result.data?._entities).toEqual(cat2Level1.map(() => ({ visorNominal: null })));
  });

  it('serves its SDL with the Offender entity keyed by PNC ID', async () => {
    const result = await post('{ _service { sdl } }');
    expect((result.data?._service as { sdl: string }).sdl).toMatch(/type Offender\s+@key\(fields: "pncId"\)/);
  });
});
