import { ASSERTION_HEADER } from '@mappa/shared';
import { doubledFragmentChain, postRawGraphQL } from '@mappa/testing';
import { DEFAULT_PRINCIPAL, DEFAULT_PURPOSE, startTestStack, vouched, SMALL_DATASET } from '@mappa/testing/stack';
import type { GraphQLResponse } from '@mappa/testing';
import type { TestStack } from '@mappa/testing/stack';

// Issue 9 §1: a document under 1 KB whose fragments each spread the previous one twice froze every
// service that walked it fragment by fragment (the denied-selection walk and the audit's walk over
// the answer). Each subgraph runs both walks on whatever document it receives, so this holds at the
// subgraph itself, with no gateway limit in front of it. The gateway's document limits refuse such a
// chain before any walk (test/src/security/document-limits.test.ts); here they are lifted, so that what
// is tested through the gateway is its own walks, not the limit in front of them.
let env: TestStack;

beforeAll(async () => {
  const lifted = Number.MAX_SAFE_INTEGER;
  env = await startTestStack({
    dataset: SMALL_DATASET,
    operationLimits: { maxFields: lifted, maxCost: lifted, maxRecords: lifted },
  });
});

afterAll(async () => {
  await env.close();
});

// Warning markers are read by the co-ordinator under screening; police intelligence is denied to
// them, so the document exercises both the denied-selection walk and the walk over the answer.
const LEAF = 'pncId warningMarkers { code } intelligence { __typename }';
const doubledQuery = (depth: number) =>
  `query Doubled($pncId: ID!) { offender(pncId: $pncId) { ...F0 } }\n${doubledFragmentChain(depth, 'Offender', LEAF)}`;
// What separates a linear walk from an exponential one: 2^30 fragment visits took hours, a linear walk
// a few milliseconds on top of the request. So no wall-clock bound here (a loaded 2-core CI machine
// once took 1,016 ms for the whole request, and a bound is what such a machine breaks): an exponential
// walk never answers before jest's test timeout, and a walk cut short by the gateway's deadline answers
// with another error than the FORBIDDEN expected. That each walk reads each fragment once, not once
// per spread, is counted where the walks are (countFragmentWalks in denied-selections.test.ts and
// observed-access.test.ts).
const PLAIN = 'query Plain($pncId: ID!) { offender(pncId: $pncId) { pncId warningMarkers { code } } }';

async function askPolice(query: string, requestId: string): Promise<{ body: GraphQLResponse }> {
  const variables = { pncId: env.people[0]!.pncId };
  // Bound to the exact body `postRawGraphQL` sends (issue 9 §4).
  const assertion = await env.stack.assertionSigner.sign(
    'police',
    { principal: vouched(DEFAULT_PRINCIPAL), declaredPurpose: DEFAULT_PURPOSE },
    requestId,
    JSON.stringify({ query, variables }),
  );
  const body = await postRawGraphQL(`${env.stack.subgraphs.police.url}/graphql`, query, variables, { [ASSERTION_HEADER]: assertion });
  return { body };
}

describe('issue 9 §1: a chain of fragments each spread twice', () => {
  it('a 30-level chain sent straight to a subgraph with a valid assertion is answered, with its FORBIDDEN error', async () => {
    const { body } = await askPolice(doubledQuery(30), 'test-request-doubled-1');
    expect(body.data?.offender).toMatchObject({ pncId: env.people[0]!.pncId, intelligence: null });
    expect(body.errors?.map((error) => [error.path?.join('.'), error.extensions?.code])).toEqual([['offender.intelligence', 'FORBIDDEN']]);
  });

  it('while a 40-level chain is answered, the subgraph keeps serving other requests', async () => {
    const [hostile, plain] = await Promise.all([
      askPolice(doubledQuery(40), 'test-request-doubled-2'),
      askPolice(PLAIN, 'test-request-plain-1'),
    ]);
    expect(hostile.body.data?.offender).toMatchObject({ pncId: env.people[0]!.pncId });
    expect(plain.body.errors).toBeUndefined();
    expect(plain.body.data?.offender).toMatchObject({ pncId: env.people[0]!.pncId });
  });

  it('a 30-level chain through the gateway, its limits lifted, is answered too', async () => {
    const body = await env.queryRaw(doubledQuery(30), { pncId: env.people[0]!.pncId });
    expect(body.data?.offender).toMatchObject({ pncId: env.people[0]!.pncId, intelligence: null });
    expect(body.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});
