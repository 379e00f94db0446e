import { startTestStack, SMALL_DATASET } from '@mappa/testing/stack';
import type { TestStack } from '@mappa/testing/stack';

const VIEW = /* GraphQL */ `
  query ConnectionView($pncId: ID!) {
    offender(pncId: $pncId) {
      pncId
      identity {
        lastName
      }
      mappaCase {
        level
      }
      probationCase {
        crn
      }
    }
  }
`;

// Sequential requests, each asking the police, the MAPPA unit and probation once.
const REQUESTS = 20;
const ASKED = ['police', 'mappa', 'probation'] as const;

/**
 * Issue 15: the gateway keeps its connections to the subgraphs alive between calls, so a subgraph
 * accepts a handful of TCP connections over many requests instead of one per call (the timeouts that
 * keep reuse safe are pinned in gateway/src/datasource/subgraph-agent.test.ts).
 */
describe('gateway-to-subgraph connections', () => {
  let env: TestStack;

  beforeAll(async () => {
    env = await startTestStack({ dataset: SMALL_DATASET });
  }, 300_000);

  afterAll(async () => {
    await env?.close();
  });

  it(`${REQUESTS} sequential requests reuse the connections: each subgraph asked ${REQUESTS} times accepts far fewer connections`, async () => {
    const person = env.people[0]!;
    // The first request opens the connections; what follows is measured.
    const first = await env.query(VIEW, { pncId: person.pncId });
    expect(first.errors).toBeUndefined();
    const subgraphs = ASKED.map((name) => env.stack.subgraphs[name]);
    const connectionsBefore = subgraphs.map((subgraph) => subgraph.connectionsAccepted());
    env.resetCounters();
    for (let i = 0; i < REQUESTS; i += 1) {
      const result = await env.query<{ offender: { pncId: string } | null }>(VIEW, { pncId: person.pncId });
      expect(result.errors).toBeUndefined();
      expect(result.data?.offender?.pncId).toBe(person.pncId);
    }
    const calls = subgraphs.map((subgraph) => subgraph.requests.count);
    const connections = subgraphs.map((subgraph, index) => subgraph.connectionsAccepted() - connectionsBefore[index]!);
    expect(calls).toEqual(ASKED.map(() => REQUESTS));
    // One connection per call would be REQUESTS each; a kept-alive connection is reused (a new one
    // only when an idle one was given up, which a loaded machine may make happen once or twice).
    for (const accepted of connections) expect(accepted).toBeLessThanOrEqual(REQUESTS / 5);
  }, 120_000);
});
