import { sql } from 'drizzle-orm';
import { ASSERTION_HEADER } from '@mappa/shared';
import { DEFAULT_PRINCIPAL, DEFAULT_PURPOSE, startTestStack, vouched, SMALL_DATASET } from '@mappa/testing/stack';
import { postSubgraphGraphQL } from '@mappa/testing';
import type { TestStack } from '@mappa/testing/stack';

// A real internal failure: the police warning-marker table disappears under a running service.
// Clients must learn that something failed, and nothing about SQL, tables or stack frames.
const QUERY = 'query($pncId: ID!) { offender(pncId: $pncId) { pncId warningMarkers { code } } }';

async function breakPoliceTable(env: TestStack): Promise<void> {
  await env.connection.database().execute(sql`drop table police.warning_marker`);
}

describe.each([
  { mode: 'production', production: true },
  { mode: 'development', production: false },
])('internal errors in $mode mode', ({ production }) => {
  let env: TestStack;

  beforeAll(async () => {
    env = await startTestStack({ dataset: SMALL_DATASET, production });
    await breakPoliceTable(env);
  });

  afterAll(async () => {
    await env.close();
  });

  const ask = (source: 'gateway' | 'subgraph') => {
    const variables = { pncId: env.people[0]!.pncId };
    if (source === 'gateway') return env.query(QUERY, variables);
    // postSubgraphGraphQL sends exactly this body: the assertion is bound to it.
    return env.stack.assertionSigner
      .sign(
        'police',
        { principal: vouched(DEFAULT_PRINCIPAL), declaredPurpose: DEFAULT_PURPOSE },
        'test-request-0002',
        JSON.stringify({ query: QUERY, variables }),
      )
      .then((assertion) =>
        postSubgraphGraphQL('police', `${env.stack.subgraphs.police.url}/graphql`, QUERY, variables, { [ASSERTION_HEADER]: assertion }),
      );
  };

  it.each(['gateway', 'subgraph'] as const)('%s: reports the failure with a code', async (source) => {
    const result = await ask(source);
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(result.errors?.[0]?.path).toEqual(['offender', 'warningMarkers']);
  });

  it.each(['gateway', 'subgraph'] as const)(
    `%s: ${production ? 'reveals nothing internal' : 'shows developers the cause'}`,
    async (source) => {
      const body = JSON.stringify(await ask(source));
      if (production) {
        expect(body).not.toMatch(/warning_marker|relation|select|stacktrace|\.ts:\d+/i);
        expect(JSON.parse(body).errors[0].message).toBe('Internal server error');
      } else {
        // Developers see the cause and where it happened.
        expect(body).toMatch(/warning_marker/);
        expect(body).toMatch(/stacktrace/);
      }
    },
  );

  // Issue 15: a subgraph whose database cannot do the work in time (here: the request's deadline, as
  // the gateway signed it, has already passed, so no statement is sent) says so with a code naming
  // the agency, in both modes, instead of INTERNAL_SERVER_ERROR and drizzle's "Failed query" (which
  // repeats the statement's parameters: the request's values). The owner's audit entry records the code.
  it('subgraph: its database out of time is UPSTREAM_UNAVAILABLE for its agency, never "Failed query"', async () => {
    const police = env.stack.subgraphs.police;
    const notSentBefore = police.statementsAtDeadline.notSent.count;
    const query = 'query($pncId: ID!) { offender(pncId: $pncId) { pncId } }';
    const variables = { pncId: env.people[0]!.pncId };
    const assertion = await env.stack.assertionSigner.sign(
      'police',
      { principal: vouched(DEFAULT_PRINCIPAL), declaredPurpose: DEFAULT_PURPOSE },
      'test-request-0003',
      JSON.stringify({ query, variables }),
      0,
    );
    const result = await postSubgraphGraphQL('police', `${police.url}/graphql`, query, variables, { [ASSERTION_HEADER]: assertion });
    expect(result.data?.offender ?? null).toBeNull();
    expect(result.errors?.map((error) => [error.extensions?.code, error.extensions?.agency, error.path])).toEqual([
      ['UPSTREAM_UNAVAILABLE', 'police', ['offender']],
    ]);
    expect(JSON.stringify(result)).not.toMatch(/Failed query|select|params|stacktrace/i);
    expect(police.statementsAtDeadline.notSent.count).toBeGreaterThan(notSentBefore);
    const entries = await env.connection
      .database()
      .execute(sql`select payload->'errorCodes' as codes from audit.entry where log = 'police' and request_id = 'test-request-0003'`);
    expect((entries as unknown as { rows: { codes: unknown }[] }).rows.map((row) => row.codes)).toEqual([['UPSTREAM_UNAVAILABLE']]);
  });
});
