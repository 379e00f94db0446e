import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { ASSERTION_HEADER, auditEntryTable, formatPncId } from '@mappa/shared';
import { DEFAULT_PRINCIPAL, DEFAULT_PURPOSE, startTestStack, vouched, SMALL_DATASET } from '@mappa/testing/stack';
import { postRawGraphQL } from '@mappa/testing';
import type { GraphQLResponse } from '@mappa/testing';
import type { TestStack } from '@mappa/testing/stack';

// Issue 9 §5: what a production deployment shows a stranger. Behaviour that differs between the
// modes is tested in both; the rest holds in both.
const MODES = [
  { mode: 'production', production: true },
  { mode: 'development', production: false },
] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CALLER = { principal: vouched(DEFAULT_PRINCIPAL), declaredPurpose: DEFAULT_PURPOSE };

describe.each(MODES)('the $mode surface', ({ production }) => {
  let env: TestStack;
  const logLines: Record<string, unknown>[] = [];
  let requests = 0;

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) logLines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    env = await startTestStack({
      dataset: SMALL_DATASET,
      production,
      log: pino({ level: 'info' }, sink),
    });
  });

  afterAll(async () => {
    await env.close();
  });

  const gateway = (path = '/graphql') => `${env.stack.gateway.url}${path}`;
  const police = (path = '/graphql') => `${env.stack.subgraphs.police.url}${path}`;
  // An assertion is bound to the exact body it is sent with: the body `postRawGraphQL` sends.
  const asGateway = async (query: string, variables: Record<string, unknown> = {}): Promise<Record<string, string>> => {
    requests += 1;
    return {
      [ASSERTION_HEADER]: await env.stack.assertionSigner.sign(
        'police',
        CALLER,
        `surface-test-${String(requests).padStart(4, '0')}`,
        JSON.stringify({ query, variables }),
      ),
    };
  };

  describe('"Did you mean …?" suggestions', () => {
    const MISSPELT = [
      ['a misspelt field', '{ offender(pncId: "2008/0545166T") { pncid } }', {}],
      ['a misspelt argument', '{ offender(pncID: "2008/0545166T") { pncId } }', {}],
      ['a misspelt type', 'query($f: OffenderFiltr) { offenders(filter: $f) { totalCount } }', {}],
      [
        'a misspelt enum value in the variables',
        'query($f: OffenderFilter) { offenders(filter: $f) { totalCount } }',
        { f: { area: 'LONDN' } },
      ],
    ] as const;

    it.each(MISSPELT)(
      `issue 9 §5: the gateway answers %s with a code and ${production ? 'no suggestion' : 'a suggestion'}`,
      async (_case, query, variables) => {
        const body = await postRawGraphQL(gateway(), query, variables, await env.headersFor());
        expect(body.errors?.length).toBeGreaterThan(0);
        for (const error of body.errors ?? []) expect(['GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']).toContain(error.extensions?.code);
        if (production) expect(JSON.stringify(body)).not.toMatch(/did you mean/i);
        else expect(JSON.stringify(body)).toMatch(/Did you mean/);
      },
    );

    it(`issue 9 §5: a subgraph answers a misspelt field with a code and ${production ? 'no suggestion' : 'a suggestion'}`, async () => {
      const body = await postRawGraphQL(
        police(),
        '{ offender(pncId: "2008/0545166T") { pncid } }',
        {},
        await asGateway('{ offender(pncId: "2008/0545166T") { pncid } }'),
      );
      expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      if (production) expect(JSON.stringify(body)).not.toMatch(/did you mean/i);
      else expect(JSON.stringify(body)).toMatch(/Did you mean/);
    });
  });

  describe('introspection', () => {
    const INTROSPECTION = ['{ __schema { queryType { name } } }', '{ __type(name: "Offender") { name } }'];

    it.each(INTROSPECTION)(`issue 9 §5: the gateway ${production ? 'refuses' : 'answers'} %s`, async (query) => {
      const body = await postRawGraphQL(gateway(), query, {}, await env.headersFor());
      if (production) {
        expect(body.data).toBeUndefined();
        expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      } else {
        expect(body.errors).toBeUndefined();
        expect(body.data).toBeTruthy();
      }
    });

    it.each(INTROSPECTION)(`issue 9 §5: a subgraph ${production ? 'refuses' : 'answers'} %s from the gateway`, async (query) => {
      const body = await postRawGraphQL(police(), query, {}, await asGateway(query));
      if (production) expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      else expect(body.errors).toBeUndefined();
    });

    it('a subgraph still answers `_service { sdl }` (composition asks for it; it is not introspection)', async () => {
      const body = await postRawGraphQL<{ _service: { sdl: string } }>(
        police(),
        '{ _service { sdl } }',
        {},
        await asGateway('{ _service { sdl } }'),
      );
      expect(body.errors).toBeUndefined();
      expect(body.data?._service.sdl).toContain('type Offender');
    });
  });

  describe('GraphiQL', () => {
    it(`issue 9 §5: a browser asking for /graphql ${production ? 'gets no IDE' : 'gets GraphiQL'}`, async () => {
      const response = await fetch(gateway(), { headers: { accept: 'text/html' } });
      const body = await response.text();
      if (production) {
        expect(response.headers.get('content-type')).not.toMatch(/html/);
        expect(body).not.toMatch(/graphiql/i);
      } else {
        expect(response.headers.get('content-type')).toMatch(/text\/html/);
        expect(body).toMatch(/graphiql/i);
      }
    });

    it(`issue 9 §5: GraphiQL's assets are ${production ? 'not served' : 'served'}`, async () => {
      const response = await fetch(gateway('/graphiql/assets/graphiql-start.js'));
      expect(response.status).toBe(production ? 404 : 200);
    });
  });

  it('issue 9 §5: an answer with a denied field under a missing record has no `errors` key, never an empty list', async () => {
    // Police intelligence is never visible to the co-ordinator: the gateway removes it before
    // planning, and about someone no agency holds there is no parent to carry its error (principle 9).
    const response = await fetch(gateway(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await env.headersFor()) },
      body: JSON.stringify({
        query: 'query($pncId: ID!) { offender(pncId: $pncId) { intelligence { __typename } } }',
        variables: { pncId: formatPncId(1999, 4242) },
      }),
    });
    const body = (await response.json()) as GraphQLResponse;
    expect(body).toEqual({ data: { offender: null } });
  });

  describe('request ids', () => {
    it(`issue 9 §5: the gateway ${production ? "issues its own request id, the client's logged beside it" : 'takes a well-formed client request id'}`, async () => {
      const clientId = production ? 'client-chosen-id-0001' : 'client-chosen-id-0002';
      const response = await fetch(gateway(), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': clientId, ...(await env.headersFor()) },
        body: JSON.stringify({
          query: 'query($pncId: ID!) { offender(pncId: $pncId) { pncId } }',
          variables: { pncId: env.people[0]!.pncId },
        }),
      });
      expect(response.status).toBe(200);
      const issued = response.headers.get('x-request-id');
      const filedUnder = async (requestId: string) =>
        (await env.connection.database().select().from(auditEntryTable).where(eq(auditEntryTable.requestId, requestId)))
          .map((row) => row.log)
          .sort();
      if (production) {
        expect(issued).toMatch(UUID);
        // The audit files the request under the gateway's id, at the gateway and at the owner.
        expect(await filedUnder(issued!)).toEqual(expect.arrayContaining(['gateway', 'police']));
        expect(await filedUnder(clientId)).toEqual([]);
        expect(logLines.some((line) => line.requestId === issued && line.clientRequestId === clientId)).toBe(true);
      } else {
        expect(issued).toBe(clientId);
        expect(await filedUnder(clientId)).toEqual(expect.arrayContaining(['gateway', 'police']));
      }
    });
  });

  describe('unknown paths', () => {
    it.each([
      ['gateway', 'GET', '/admin'],
      ['gateway', 'POST', '/graphql/../../etc/passwd'],
      ['police', 'GET', '/.env'],
      ['police', 'POST', '/v1/graphql'],
    ] as const)('issue 9 §5: the %s answers %s %s with a JSON 404 and a code', async (service, method, path) => {
      const base = service === 'gateway' ? env.stack.gateway.url : env.stack.subgraphs.police.url;
      const response = await fetch(`${base}${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        ...(method === 'POST' ? { body: '{}' } : {}),
      });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
      expect(await response.json()).toEqual({ errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] });
    });
  });
});
