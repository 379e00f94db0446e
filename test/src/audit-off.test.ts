import { auditLogHeadTable } from '@mappa/shared';
import type { LocalStack } from '@mappa/stack';
import { postGraphQL } from '@mappa/testing';
import { startSecondStack, startTestStack } from '@mappa/testing/stack';
import type { TestStack } from '@mappa/testing/stack';

// The benchmark's `audit: 'off'` switch (BENCHMARK ONLY): the default stack records its audit trail,
// the off stack records none, and both answer alike. This is the one test allowed to pass audit 'off':
// it proves the audit ratio `npm run bench` reports compares a recorded trail against none at all,
// with the audit statements counted apart from the agencies' data statements.

const OFFENDER_VIEW = `query AuditSwitchView($pncId: ID!) {
  offender(pncId: $pncId) {
    pncId
    identity { firstName lastName }
    mappaCase { category level }
    probationCase { crn }
    custody { prisonNumber }
  }
}`;

let env: TestStack;
let off: LocalStack;

beforeAll(async () => {
  env = await startTestStack();
  // The second stack shares the database and trusts the same identity provider, as in the benchmark.
  off = await startSecondStack(env, { audit: 'off' });
});

afterAll(async () => {
  await off.close();
  await env.close();
});

/** Each log's last sequence number: how many entries it holds. */
async function heads(): Promise<Map<string, number>> {
  const rows = await env.connection.database().select().from(auditLogHeadTable);
  return new Map(rows.map((row) => [row.log, row.lastSequence]));
}

function resetCounters(stack: LocalStack): void {
  stack.gateway.auditStatements.reset();
  for (const subgraph of Object.values(stack.subgraphs)) {
    subgraph.requests.reset();
    subgraph.statements.reset();
    subgraph.auditStatements.reset();
  }
}

/** Entries each log gained between two readings of the heads. */
function written(before: ReadonlyMap<string, number>, after: ReadonlyMap<string, number>): Record<string, number> {
  return Object.fromEntries(
    [...after].map(([log, sequence]) => [log, sequence - (before.get(log) ?? 0)]).filter(([, entries]) => entries !== 0),
  );
}

async function view(stack: LocalStack) {
  return postGraphQL(`${stack.gateway.url}/graphql`, OFFENDER_VIEW, { pncId: env.people[0]!.pncId }, await env.headersFor());
}

test("default is recorded: one offender view leaves one entry in the gateway's log and one in the log of each agency asked, its statements counted apart from data", async () => {
  resetCounters(env.stack);
  const before = await heads();
  const answer = await view(env.stack);
  const after = await heads();

  expect(answer.errors).toBeUndefined();
  const asked = Object.values(env.stack.subgraphs).filter((subgraph) => subgraph.requests.count > 0);
  expect(asked.length).toBeGreaterThanOrEqual(3);
  expect(written(before, after)).toEqual({
    gateway: 1,
    ...Object.fromEntries(asked.map((subgraph) => [subgraph.name, subgraph.requests.count])),
  });
  expect(env.stack.gateway.auditStatements.count).toBeGreaterThan(0);
  for (const subgraph of asked) expect(subgraph.auditStatements.count).toBeGreaterThan(0);
});

test('audit off: the same view answers identically, and no service writes an entry or sends an audit statement', async () => {
  const recorded = await view(env.stack);
  resetCounters(off);
  const before = await heads();
  const answer = await view(off);
  const after = await heads();

  expect(answer).toEqual(recorded);
  expect(written(before, after)).toEqual({});
  expect(off.gateway.auditStatements.count).toBe(0);
  for (const subgraph of Object.values(off.subgraphs)) expect(subgraph.auditStatements.count).toBe(0);
  // It still served the view: the agencies were asked and read their data.
  expect(Object.values(off.subgraphs).reduce((sum, subgraph) => sum + subgraph.statements.count, 0)).toBeGreaterThan(0);
});
