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
});
