import { request } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { and, eq } from 'drizzle-orm';
import { ASSERTION_HEADER, auditEntryTable } from '@mappa/shared';
import { DEFAULT_PRINCIPAL, DEFAULT_PURPOSE, startTestStack, vouched, SMALL_DATASET } from '@mappa/testing/stack';
import type { RunningService } from '@mappa/shared';
import type { TestStack } from '@mappa/testing/stack';

// Issue 15, "Shutdown without losing work": on SIGTERM a service stops taking new requests, turns
// /readyz to 503 at once, finishes the requests in flight (each answered only once its audit entry is
// committed, principle 10), and only then stops. `close()` is what each entry point's SIGTERM handler
// calls.
//
// A request is held in flight deterministically by sending its body in two halves: the service has
// counted it from its headers on, and cannot answer before the second half arrives, which the test
// sends only after the shutdown has begun.

const QUERY = 'query Drain($pncId: ID!) { offender(pncId: $pncId) { pncId identity { firstName } } }';

interface HeldRequest {
  /** Sends the rest of the body; resolves with the status and the parsed answer. */
  finish(): Promise<{ status: number; body: { data?: unknown; errors?: { extensions?: { code?: string } }[] } }>;
}

/** POSTs `body` to `service`'s /graphql, sending its first half now and the rest on `finish()`. */
async function holdRequest(service: RunningService, headers: Record<string, string>, body: string): Promise<HeldRequest> {
  const bytes = Buffer.from(body);
  const half = Math.floor(bytes.length / 2);
  let held: (() => void) | undefined;
  const answer = new Promise<IncomingMessage>((resolve, reject) => {
    const outgoing = request(
      `${service.url}/graphql`,
      { method: 'POST', headers: { ...headers, 'content-type': 'application/json', 'content-length': String(bytes.length) } },
      resolve,
    );
    outgoing.on('error', reject);
    outgoing.write(bytes.subarray(0, half));
    held = () => outgoing.end(bytes.subarray(half));
  });
  // Held once the service counts it as in flight (from its headers on).
  while (service.inFlight() === 0) await new Promise((resolve) => setTimeout(resolve, 20));
  return {
    finish: async () => {
      held?.();
      const response = await answer;
      const chunks: Buffer[] = [];
      for await (const chunk of response) chunks.push(chunk as Buffer);
      return { status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as { data?: unknown } };
    },
  };
}

async function auditEntriesFor(env: TestStack, log: string, requestId: string): Promise<number> {
  const rows = await env.connection
    .database()
    .select({ sequence: auditEntryTable.sequence })
    .from(auditEntryTable)
    .where(and(eq(auditEntryTable.log, log), eq(auditEntryTable.requestId, requestId)));
  return rows.length;
}

// Seeding this file's dataset and starting six services: on a shared, loaded machine this has taken over a minute.
const STACK_START_TIMEOUT_MS = 180_000;

let env: TestStack;

beforeAll(async () => {
  env = await startTestStack({ dataset: SMALL_DATASET });
}, STACK_START_TIMEOUT_MS);

afterAll(async () => {
  await env.close();
});

describe('draining shutdown', () => {
  it('principle 10: the gateway finishes a request in flight and commits its audit entry, while /readyz is 503 and new requests are refused', async () => {
    const gateway = env.stack.gateway.url;
    const requestId = 'drain-gateway-0001';
    const held = await holdRequest(
      env.stack.gateway,
      { ...(await env.headersFor()), 'x-request-id': requestId },
      JSON.stringify({ query: QUERY, variables: { pncId: env.people[0]!.pncId } }),
    );

    const stopped = env.stack.gateway.close();
    const ready = await fetch(`${gateway}/readyz`);
    expect(ready.status).toBe(503);
    // At once: answered while the held request is still in flight (it cannot end before finish() below),
    // not after the drain. Counted rather than timed, which a loaded machine cannot move.
    expect(env.stack.gateway.inFlight()).toBe(1);
    const refused = await fetch(`${gateway}/graphql`, {
      method: 'POST',
      headers: { ...(await env.headersFor()), 'content-type': 'application/json' },
      body: JSON.stringify({ query: QUERY, variables: { pncId: env.people[1]!.pncId } }),
    });
    expect(refused.status).toBe(503);
    expect(((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('SHUTTING_DOWN');

    const answer = await held.finish();
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data).toEqual({ offender: { pncId: env.people[0]!.pncId, identity: { firstName: env.people[0]!.firstName } } });
    await stopped;
    expect(await auditEntriesFor(env, 'gateway', requestId)).toBe(1);
    // Stopped: the port no longer answers.
    await expect(fetch(`${gateway}/healthz`)).rejects.toThrow();
  });

  it('principle 10: a subgraph finishes a request in flight and commits its audit entry, while /readyz is 503 and new requests are refused', async () => {
    const police = env.stack.subgraphs.police.url;
    const requestId = 'drain-police-0001';
    const body = JSON.stringify({ query: QUERY, variables: { pncId: env.people[2]!.pncId } });
    const caller = { principal: vouched(DEFAULT_PRINCIPAL), declaredPurpose: DEFAULT_PURPOSE };
    const held = await holdRequest(
      env.stack.subgraphs.police,
      { [ASSERTION_HEADER]: await env.stack.assertionSigner.sign('police', caller, requestId, body) },
      body,
    );

    const stopped = env.stack.subgraphs.police.close();
    expect((await fetch(`${police}/readyz`)).status).toBe(503);
    const otherBody = JSON.stringify({ query: QUERY, variables: { pncId: env.people[3]!.pncId } });
    const refused = await fetch(`${police}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [ASSERTION_HEADER]: await env.stack.assertionSigner.sign('police', caller, 'drain-police-0002', otherBody),
      },
      body: otherBody,
    });
    expect(refused.status).toBe(503);

    const answer = await held.finish();
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data).toEqual({ offender: { pncId: env.people[2]!.pncId, identity: { firstName: env.people[2]!.firstName } } });
    await stopped;
    expect(await auditEntriesFor(env, 'police', requestId)).toBe(1);
    // The refused request was never served, so the owner has no entry of serving it.
    expect(await auditEntriesFor(env, 'police', 'drain-police-0002')).toBe(0);
  });
});
