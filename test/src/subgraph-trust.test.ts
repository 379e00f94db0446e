import { AGENCY_SUBGRAPH_NAMES, ASSERTION_HEADER } from '@mappa/shared';
import { DEFAULT_PRINCIPAL, DEFAULT_PURPOSE, startTestStack, vouched, SMALL_DATASET } from '@mappa/testing/stack';
import type { GraphQLResponse } from '@mappa/testing';
import type { TestStack } from '@mappa/testing/stack';

// Subgraphs answer only the gateway: every GraphQL request, `_entities` and `_service` included,
// must carry the gateway's signed assertion addressed to that subgraph.
let env: TestStack;

// Six subgraphs start here; on a loaded machine that outlasts the default hook timeout.
beforeAll(async () => {
  env = await startTestStack({ dataset: SMALL_DATASET });
}, 300_000);

afterAll(async () => {
  await env.close();
});

const OPERATIONS = {
  query: '{ __typename }',
  _entities: 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }',
  _service: '{ _service { sdl } }',
};

/** The exact body `direct` sends for `query`: an assertion is signed for it. */
const bodyOf = (query: string): string =>
  JSON.stringify({ query, variables: { r: [{ __typename: 'Offender', pncId: env.people[0]!.pncId }] } });

async function direct(
  subgraph: string,
  query: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: GraphQLResponse }> {
  const target = env.stack.subgraphs[subgraph as keyof typeof env.stack.subgraphs];
  const response = await fetch(`${target.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: bodyOf(query),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse };
}

const caller = { principal: vouched(DEFAULT_PRINCIPAL), declaredPurpose: DEFAULT_PURPOSE };
const subgraphs = AGENCY_SUBGRAPH_NAMES;

describe.each(subgraphs)('the %s subgraph', (name) => {
  it.each(Object.entries(OPERATIONS))("refuses %s without the gateway's assertion", async (_operation, query) => {
    const { status, body } = await direct(name, query, {});
    expect(status).toBe(401);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it("refuses the client's own bearer token", async () => {
    const headers = await env.headersFor();
    const { status } = await direct(name, OPERATIONS._service, headers);
    expect(status).toBe(401);
  });

  it('refuses an assertion addressed to another subgraph', async () => {
    const other = subgraphs.find((candidate) => candidate !== name)!;
    const assertion = await env.stack.assertionSigner.sign(other, caller, 'test-request-0003', bodyOf(OPERATIONS.query));
    const { status } = await direct(name, OPERATIONS.query, { [ASSERTION_HEADER]: assertion });
    expect(status).toBe(401);
  });

  it('refuses a tampered assertion', async () => {
    const assertion = await env.stack.assertionSigner.sign(name, caller, 'test-request-0004', bodyOf(OPERATIONS.query));
    const [header, payload, signature] = assertion.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { principal: { roles: string[] } };
    claims.principal.roles = ['mappa_chair'];
    const tampered = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    const { status } = await direct(name, OPERATIONS.query, { [ASSERTION_HEADER]: tampered });
    expect(status).toBe(401);
  });

  it.each(Object.entries(OPERATIONS))("answers %s with the gateway's assertion", async (_operation, query) => {
    const assertion = await env.stack.assertionSigner.sign(name, caller, 'test-request-0005', bodyOf(query));
    const { status, body } = await direct(name, query, { [ASSERTION_HEADER]: assertion });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  it('keeps its health probes open', async () => {
    const target = env.stack.subgraphs[name as keyof typeof env.stack.subgraphs];
    expect((await fetch(`${target.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${target.url}/readyz`)).status).toBe(200);
  });
});
