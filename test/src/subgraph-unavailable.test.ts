import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { startTestStack, SMALL_DATASET } from '@mappa/testing/stack';
import type { TestStack } from '@mappa/testing/stack';

const OFFENDER_VIEW = `query($pncId: ID!) {
  offender(pncId: $pncId) {
    pncId
    identity { lastName }
    mappaCase { category level }
    probationCase { crn }
    riskOfSeriousHarm { overallRiskLevel }
  }
}`;

describe('an agency subgraph that is down', () => {
  let env: TestStack;

  beforeAll(async () => {
    env = await startTestStack({ dataset: SMALL_DATASET, subgraphTimeoutMs: 1_000 });
    await env.stack.subgraphs.probation.close();
  });

  afterAll(async () => {
    await env.close();
  });

  it("still answers with the other agencies' data and names the missing agency at each path", async () => {
    const person = env.people.find((p) => p.crn !== null)!;
    const result = await env.query(OFFENDER_VIEW, { pncId: person.pncId });
    expect(result.data?.offender).toEqual({
      pncId: person.pncId,
      identity: { lastName: person.lastName },
      mappaCase: { category: person.category, level: person.level },
      probationCase: null,
      riskOfSeriousHarm: null,
    });
    expect(result.errors?.map((error) => [error.path, error.extensions?.code, error.extensions?.agency])).toEqual([
      [['offender', 'probationCase'], 'UPSTREAM_UNAVAILABLE', 'probation'],
      [['offender', 'riskOfSeriousHarm'], 'UPSTREAM_UNAVAILABLE', 'probation'],
    ]);
    expect(result.errors?.[0]?.message).toMatch(/probation/);
  });

  it('in a page, reports every missing path under each offender', async () => {
    const result = await env.query<{ offenders: { edges: { node: { pncId: string; probationCase: unknown } }[] } }>(
      '{ offenders(first: 3) { edges { node { pncId probationCase { crn } } } } }',
    );
    expect(result.data?.offenders.edges).toHaveLength(3);
    expect(result.data?.offenders.edges.every((edge) => edge.node.probationCase === null)).toBe(true);
    expect(result.errors?.map((error) => error.path)).toEqual([0, 1, 2].map((i) => ['offenders', 'edges', i, 'node', 'probationCase']));
  });
});

describe('an agency subgraph that hangs', () => {
  let env: TestStack;
  let silent: Server;
  const sockets = new Set<Socket>();
  /** The connections a request was sent on (undici may also open one it never uses, and close it). */
  const asked = new Set<Socket>();

  beforeAll(async () => {
    // 1.5 s per subgraph call: the police must answer within it while the prison hangs. At 500 ms a
    // loaded CI machine once let the police's first (cold) answer time out too. The request's deadline
    // is an hour (beyond jest's test timeout), so only the per-subgraph timeout can end the wait on the
    // hung prison: an answer at all shows it did, with no wall-clock bound a loaded machine could break.
    env = await startTestStack({ dataset: SMALL_DATASET, subgraphTimeoutMs: 1_500, requestDeadlineMs: 3_600_000 });
    // Stand-in for a hung agency: accepts the connection on the prison subgraph's port, reads and discards
    // what it is sent (so that it sees the gateway close the connection), never answers.
    const prisonPort = env.stack.subgraphs.prison.port;
    await env.stack.subgraphs.prison.close();
    silent = createServer((socket) => {
      sockets.add(socket);
      socket.on('data', () => asked.add(socket));
    });
    await new Promise<void>((resolve) => silent.listen(prisonPort, '127.0.0.1', resolve));
    // The police path warmed before the test, so what is timed below is the hung prison alone.
    const warm = await env.query('query($pncId: ID!) { offender(pncId: $pncId) { identity { lastName } } }', {
      pncId: env.people[0]!.pncId,
    });
    expect(warm.errors).toBeUndefined();
  });

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => {
      silent.close(() => resolve());
    });
    await env.close();
  });

  it('gives up after the per-subgraph timeout and answers without it', async () => {
    const person = env.people[0]!;
    const result = await env.query('query($pncId: ID!) { offender(pncId: $pncId) { identity { lastName } custody { prisonNumber } } }', {
      pncId: person.pncId,
    });
    expect(result.data?.offender).toEqual({ identity: { lastName: person.lastName }, custody: null });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', agency: 'prison' });
    // The hung prison was asked (one request sent to it): the answer came from giving up on it.
    expect(asked.size).toBe(1);
  });

  it('closes its connection to the hung agency when it gives up, so a hang cannot keep hold of connections to it', async () => {
    const result = await env.query('query($pncId: ID!) { offender(pncId: $pncId) { custody { prisonNumber } } }', {
      pncId: env.people[1]!.pncId,
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', agency: 'prison' });
    expect(asked.size).toBe(2);
    // Every connection the gateway opened to the hung prison ends from the gateway's side; one kept open
    // would leave this waiting until jest's test timeout, and fail.
    await Promise.all(
      [...sockets].map(
        (socket) =>
          new Promise<void>((resolve) => {
            if (socket.destroyed) resolve();
            else socket.once('close', () => resolve());
          }),
      ),
    );
    expect([...sockets].every((socket) => socket.destroyed)).toBe(true);
  });
});
