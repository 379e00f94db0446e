import { sql } from 'drizzle-orm';
import { ASSERTION_HEADER, createLogger, repeatedLogs } from '@mappa/shared';
import { postSubgraphGraphQL } from '@mappa/testing';
import { DEFAULT_PRINCIPAL, DEFAULT_PURPOSE, startTestStack, vouched, SMALL_DATASET } from '@mappa/testing/stack';
import type { TestStack } from '@mappa/testing/stack';

// Issue 15, "Honest errors": in production an unexpected error reaches the client only as
// INTERNAL_SERVER_ERROR (production-errors.test.ts), so its cause must be in the logs, at error level,
// under the request id, and without any value from the request.
const QUERY = 'query Markers($pncId: ID!) { offender(pncId: $pncId) { pncId warningMarkers { code } } }';

// Seeding this file's dataset and starting six services: on a shared, loaded machine this has taken over a minute.
const STACK_START_TIMEOUT_MS = 180_000;

interface LogLine {
  readonly level: number;
  readonly msg: string;
  readonly requestId?: string;
  readonly subgraph?: string;
  readonly suppressed?: number;
  readonly cause?: { chain: { name: string; sqlState?: string; statement?: string }[]; frames: string[] };
}

const lines: LogLine[] = [];
const rawLines: string[] = [];
let env: TestStack;

beforeAll(async () => {
  const log = createLogger('test', 'info', {
    write: (line: string) => {
      rawLines.push(line);
      lines.push(JSON.parse(line) as LogLine);
    },
  });
  env = await startTestStack({ dataset: SMALL_DATASET, production: true, log });
  // A real internal failure: the police warning-marker table disappears under a running service.
  await env.connection.database().execute(sql`drop table police.warning_marker`);
}, STACK_START_TIMEOUT_MS);

afterAll(async () => {
  await env.close();
});

describe('unexpected errors in production', () => {
  it('the client sees INTERNAL_SERVER_ERROR; the owner logs its cause at error level under the request id, and no value from the request', async () => {
    const person = env.people[0]!;
    const response = await fetch(`${env.stack.gateway.url}/graphql`, {
      method: 'POST',
      headers: { ...(await env.headersFor()), 'content-type': 'application/json' },
      body: JSON.stringify({ query: QUERY, variables: { pncId: person.pncId } }),
    });
    const body = (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
    expect(body.errors?.map((error) => error.extensions?.code)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(body.errors?.[0]?.message).toBe('Internal server error');
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);

    const ours = lines.filter((line) => line.requestId === requestId);
    // pino's level 50 is "error".
    const cause = ours.find((line) => line.level === 50 && line.msg === 'unexpected error');
    expect(cause?.subgraph).toBe('police');
    expect(cause?.cause?.chain.some((error) => error.sqlState === '42P01')).toBe(true);
    expect(cause?.cause?.chain.some((error) => error.statement?.includes('"warning_marker"'))).toBe(true);
    expect(cause?.cause?.frames.length).toBeGreaterThan(0);
    // The gateway says which subgraph failed, under the same request id; the cause is that subgraph's line.
    expect(
      ours.some((line) => line.level === 40 && line.msg === 'a subgraph reported an unexpected error' && line.subgraph === 'police'),
    ).toBe(true);
    // No value from the request, in any line: neither the PNC ID nor the person's name.
    const logged = rawLines.join('\n');
    expect(logged).not.toContain(person.pncId);
    expect(logged).not.toContain(person.pncId.split('/')[1]!);
    expect(logged).not.toContain(person.lastName);
  });

  it('a burst of identical unexpected errors writes a bounded number of lines, saying how many were suppressed, and keeps the first request id', async () => {
    // Close the windows the request above opened: this burst starts on a quiet log.
    repeatedLogs.flush();
    const from = lines.length;
    const ask = async (pncId: string): Promise<string> => {
      const response = await fetch(`${env.stack.gateway.url}/graphql`, {
        method: 'POST',
        headers: { ...(await env.headersFor()), 'content-type': 'application/json' },
        body: JSON.stringify({ query: QUERY, variables: { pncId } }),
      });
      const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
      expect(body.errors?.map((error) => error.extensions?.code)).toEqual(['INTERNAL_SERVER_ERROR']);
      return response.headers.get('x-request-id')!;
    };
    const BURST = 40;
    const started = Date.now();
    // The first alone, so that it is the first the owner logs; then the rest of the outage in waves of
    // four (a wave of 39 at once on a loaded two-core machine can outlast the request deadline's audit share).
    const first = await ask(env.people[0]!.pncId);
    const rest: string[] = [];
    for (let wave = 1; wave < BURST; wave += 4) {
      const size = Math.min(4, BURST - wave);
      rest.push(...(await Promise.all(Array.from({ length: size }, (_, i) => ask(env.people[(wave + i) % env.people.length]!.pncId)))));
    }
    const elapsed = Date.now() - started;
    repeatedLogs.flush();
    const burst = lines.slice(from);
    const causes = burst.filter((line) => line.level === 50 && line.msg === 'unexpected error');
    const summaries = burst.filter((line) => line.level === 50 && /^unexpected error \(\d+ similar suppressed\)$/.test(line.msg));
    // One line per 10 s window (and its summary), not one per request; every failure is accounted for.
    const windows = 1 + Math.floor(elapsed / 10_000);
    expect(causes.length).toBeLessThanOrEqual(windows);
    expect(causes.length + summaries.length).toBeLessThan(BURST);
    expect(causes.length + summaries.reduce((sum, line) => sum + line.suppressed!, 0)).toBe(BURST);
    // The first line is the first request's, with its cause; a summary carries a later request's id.
    expect(causes[0]?.requestId).toBe(first);
    expect(causes[0]?.cause?.chain.some((error) => error.sqlState === '42P01')).toBe(true);
    expect(summaries.length).toBeGreaterThanOrEqual(1);
    for (const summary of summaries) expect([first, ...rest]).toContain(summary.requestId);
    // The gateway's relayed-error warning is bounded alike.
    const relayed = burst.filter((line) => line.level === 40 && line.msg.startsWith('a subgraph reported an unexpected error'));
    expect(relayed.length).toBeLessThanOrEqual(2 * windows);
  });

  it('a database out of time is not an unexpected error: the subgraph logs it at warning level as such, with its cause, and answers UPSTREAM_UNAVAILABLE', async () => {
    const police = env.stack.subgraphs.police;
    const query = 'query($pncId: ID!) { offender(pncId: $pncId) { pncId } }';
    const variables = { pncId: env.people[0]!.pncId };
    // The deadline the gateway signed has already passed, so no statement can be sent in time.
    const requestId = 'test-database-out-of-time';
    const assertion = await env.stack.assertionSigner.sign(
      'police',
      { principal: vouched(DEFAULT_PRINCIPAL), declaredPurpose: DEFAULT_PURPOSE },
      requestId,
      JSON.stringify({ query, variables }),
      0,
    );
    const from = lines.length;
    const result = await postSubgraphGraphQL('police', `${police.url}/graphql`, query, variables, { [ASSERTION_HEADER]: assertion });
    expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['UPSTREAM_UNAVAILABLE']);
    repeatedLogs.flush();
    const ours = lines.slice(from).filter((line) => line.requestId === requestId);
    // pino's level 40 is "warn", 50 "error".
    const warning = ours.find((line) => line.msg === 'database unavailable or out of time');
    expect(warning?.level).toBe(40);
    expect(warning?.cause?.chain.length).toBeGreaterThan(0);
    expect(ours.some((line) => line.msg.startsWith('unexpected error'))).toBe(false);
  });
});
