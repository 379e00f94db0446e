import { Client } from 'pg';
import { startTestStack, SMALL_DATASET } from '@mappa/testing/stack';
import type { TestStack } from '@mappa/testing/stack';

// The request's one deadline, and each subgraph call's bound: the gateway waits for the police at
// most the deadline less the audit's share (2,250 ms), far less than the police's own statement bound.
const DEADLINE_MS = 3_000;

const VIEW = /* GraphQL */ `
  query DeadlineView($pncId: ID!) {
    offender(pncId: $pncId) {
      pncId
      identity {
        lastName
      }
      visorNominal {
        visorReference
      }
      civilOrders {
        court
      }
    }
  }
`;

/** Waits until `done` holds, checking every 50 ms (bounded by the test's own timeout). */
async function until(done: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await done())) await new Promise((resolve) => setTimeout(resolve, 50));
}

/**
 * Issue 15: the gateway tells each subgraph, in its signed assertion, how long it will wait for the
 * answer, and the subgraph stops its database work by then instead of running to its own, longer
 * bounds. The police's records are held (on the PostgreSQL server a transaction of the test's own
 * holds an exclusive lock on `police.person`; embedded, a transaction holds the whole in-process
 * database, where a statement cannot be cancelled once it runs), so the police's first statement
 * waits past the gateway's deadline.
 */
describe('issue 15: a subgraph stops its work at the deadline the gateway gave it', () => {
  let env: TestStack;

  beforeAll(async () => {
    env = await startTestStack({
      dataset: SMALL_DATASET,
      subgraphTimeoutMs: DEADLINE_MS,
      requestDeadlineMs: DEADLINE_MS,
    });
  }, 300_000);

  afterAll(async () => {
    await env?.close();
  });

  it("the police's statements end at the gateway's deadline, not at the police's own statement bound", async () => {
    const police = env.stack.subgraphs.police;
    const person = env.people[0]!;
    // Warm first: on a loaded machine the police's cold first answer can outlast the short deadline.
    for (let attempt = 0; attempt < 5; attempt += 1) if ((await env.query(VIEW, { pncId: person.pncId })).errors === undefined) break;
    // The number of statements the police's part of this view takes when nothing waits: at least two
    // (the person with their ViSOR nominal in one, the civil orders in another), so that the rest of the
    // police's work, not sent once the deadline has passed, can be seen.
    env.resetCounters();
    const warm = await env.query(VIEW, { pncId: person.pncId });
    expect(warm.errors).toBeUndefined();
    const statementsWhenFree = police.statements.count;
    expect(statementsWhenFree).toBeGreaterThanOrEqual(2);
    const cancelledBefore = police.statementsAtDeadline.cancelled.count;
    const notSentBefore = police.statementsAtDeadline.notSent.count;
    env.resetCounters();

    const serverUrl = env.connection.serverUrl;
    if (serverUrl) {
      // The server: a lock the police's statement waits on, held until this test lets it go.
      const holder = new Client({ connectionString: serverUrl });
      await holder.connect();
      try {
        await holder.query('begin');
        await holder.query('lock table police.person in access exclusive mode');
        const waiting = async () =>
          (
            await holder.query<{ waiting: number }>(
              "select count(*)::int as waiting from pg_locks where not granted and relation = 'police.person'::regclass",
            )
          ).rows[0]!.waiting;
        const result = await env.query<{ offender: unknown }>(VIEW, { pncId: person.pncId });
        // The gateway gave up on the police: the root field is theirs, so no offender, and a coded error.
        expect(result.data?.offender ?? null).toBeNull();
        expect(result.errors?.map((error) => [error.extensions?.code, error.extensions?.agency])).toEqual([
          ['UPSTREAM_UNAVAILABLE', 'police'],
        ]);
        // The police cancelled their own statement on the server (the lock is still held), rather than
        // leaving it to wait for the pool's statement bound: the counter counts only cancellations at the
        // gateway's deadline (a statement ended by the pool's bound is not one), so no wall-clock bound
        // is needed, which a loaded machine could break.
        await until(async () => police.statementsAtDeadline.cancelled.count > cancelledBefore && (await waiting()) === 0);
        expect(police.statementsAtDeadline.cancelled.count - cancelledBefore).toBe(1);
      } finally {
        await holder.query('rollback');
        await holder.end();
      }
      // Nothing more was sent for that request: the statement cancelled was its only one.
      await until(() => police.inFlight() === 0);
      expect(police.statements.count).toBe(1);
      return;
    }

    // Embedded: the whole database held by a transaction, let go once the gateway has answered.
    let release: () => void = () => undefined;
    let held: () => void = () => undefined;
    const isHeld = new Promise<void>((resolve) => (held = resolve));
    const holding = env.connection.database().transaction(async () => {
      held();
      await new Promise<void>((resolve) => (release = resolve));
    });
    await isHeld;
    try {
      // The gateway cannot commit its own audit entry either while the database is held: withheld, coded.
      const result = await env.query(VIEW, { pncId: person.pncId });
      expect(result.data ?? null).toBeNull();
      expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['AUDIT_UNAVAILABLE']);
    } finally {
      release();
      await holding;
    }
    // The statement already queued runs once the database is free (PGlite cannot cancel it), and the
    // police then send none of the rest of their part of the view: the gateway stopped waiting.
    await until(() => police.inFlight() === 0 && police.statementsAtDeadline.notSent.count > notSentBefore);
    // The statement counter (drizzle's logger) counts a statement when it is built, before the deadline
    // is checked: those not sent come off it.
    const notSent = police.statementsAtDeadline.notSent.count - notSentBefore;
    expect(police.statements.count - notSent).toBeLessThan(statementsWhenFree);
  }, 120_000);
});
