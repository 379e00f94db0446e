import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap } from '@apollo/server';
import type { ApolloServer } from '@apollo/server';
import { GraphQLError, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import type { RequestContext } from '../context/request-context';
import { NotFoundError } from '../errors/not-found.error';
import { readJsonBody } from '../http/json-body';
import { createLogger } from '../logging/logger';
import { answerGraphQL } from './answer-graphql';
import { createApolloServer } from './create-apollo-server';

const log = createLogger('test', 'silent');

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      hello: {
        type: GraphQLString,
        args: { name: { type: GraphQLString } },
        resolve: (_root, args: { name?: string }) => `hello ${args.name ?? 'you'}`,
      },
      missing: {
        type: GraphQLString,
        resolve: () => {
          throw new NotFoundError('Not found');
        },
      },
      broken: {
        type: GraphQLString,
        resolve: () => {
          throw new Error('a secret internal detail');
        },
      },
    },
  }),
});

type Handler = (request: IncomingMessage, response: ServerResponse, body: unknown) => Promise<void>;

async function serve(handler: Handler): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    void (async () => {
      try {
        const body = await readJsonBody(request, 1024 * 1024);
        await handler(request, response, body?.value);
      } catch {
        response.statusCode = 599;
        response.end();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, server };
}

/** What a client can tell of an answer: its status, the headers a GraphQL answer sets, and its bytes. */
async function observed(answer: Response): Promise<unknown> {
  return {
    status: answer.status,
    contentType: answer.headers.get('content-type'),
    cacheControl: answer.headers.get('cache-control'),
    allow: answer.headers.get('allow'),
    body: await answer.text(),
  };
}

const contextOf = (failing: boolean) => async (): Promise<RequestContext> => {
  if (failing) throw new GraphQLError('no context for you', { extensions: { code: 'UNAUTHENTICATED' } });
  return { requestId: 'request-1', log };
};

// Every request a client could send a subgraph, the gateway's shape first, then the ones Apollo's HTTP layer refuses.
const JSON_TYPE = { 'content-type': 'application/json' };
const requests: readonly { readonly name: string; readonly init: RequestInit; readonly search?: string }[] = [
  { name: 'a gateway operation', init: { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ query: '{ hello }' }) } },
  {
    name: 'with variables, an operation name and extensions',
    init: {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', accept: '*/*' },
      body: JSON.stringify({ query: 'query Q($n: String) { hello(name: $n) }', operationName: 'Q', variables: { n: 'x' }, extensions: {} }),
    },
  },
  {
    name: 'accepting JSON',
    init: { method: 'POST', headers: { ...JSON_TYPE, accept: 'application/json' }, body: '{"query":"{ hello }"}' },
  },
  {
    name: 'accepting graphql-response+json',
    init: { method: 'POST', headers: { ...JSON_TYPE, accept: 'application/graphql-response+json' }, body: '{"query":"{ hello }"}' },
  },
  {
    name: 'accepting nothing JSON',
    init: { method: 'POST', headers: { ...JSON_TYPE, accept: 'text/html' }, body: '{"query":"{ hello }"}' },
  },
  {
    name: 'null variables and operation name',
    init: { method: 'POST', headers: JSON_TYPE, body: '{"query":"{ hello }","variables":null,"operationName":null}' },
  },
  { name: 'a client error from a resolver', init: { method: 'POST', headers: JSON_TYPE, body: '{"query":"{ hello missing }"}' } },
  { name: 'an internal error from a resolver', init: { method: 'POST', headers: JSON_TYPE, body: '{"query":"{ broken }"}' } },
  { name: 'a syntax error', init: { method: 'POST', headers: JSON_TYPE, body: '{"query":"{ hello "}' } },
  { name: 'an unknown field', init: { method: 'POST', headers: JSON_TYPE, body: '{"query":"{ helo }"}' } },
  { name: 'introspection', init: { method: 'POST', headers: JSON_TYPE, body: '{"query":"{ __schema { types { name } } }"}' } },
  {
    name: 'an operation name the document lacks',
    init: { method: 'POST', headers: JSON_TYPE, body: '{"query":"query A { hello }","operationName":"B"}' },
  },
  {
    name: 'a variable of the wrong type',
    init: { method: 'POST', headers: JSON_TYPE, body: '{"query":"query Q($n: String) { hello(name: $n) }","variables":{"n":{"a":1}}}' },
  },
  { name: 'an empty query', init: { method: 'POST', headers: JSON_TYPE, body: '{"query":""}' } },
  { name: 'no query', init: { method: 'POST', headers: JSON_TYPE, body: '{"variables":{}}' } },
  { name: 'an empty body object', init: { method: 'POST', headers: JSON_TYPE, body: '{}' } },
  { name: 'a query that is not a string', init: { method: 'POST', headers: JSON_TYPE, body: '{"query":42}' } },
  { name: 'variables as a string', init: { method: 'POST', headers: JSON_TYPE, body: '{"query":"{ hello }","variables":"{}"}' } },
  { name: 'variables as a list', init: { method: 'POST', headers: JSON_TYPE, body: '{"query":"{ hello }","variables":[]}' } },
  { name: 'extensions as a list', init: { method: 'POST', headers: JSON_TYPE, body: '{"query":"{ hello }","extensions":[1]}' } },
  {
    name: 'an operation name that is a number',
    init: { method: 'POST', headers: JSON_TYPE, body: '{"query":"{ hello }","operationName":1}' },
  },
  { name: 'a batch', init: { method: 'POST', headers: JSON_TYPE, body: '[{"query":"{ hello }"}]' } },
  { name: 'a form post (CSRF)', init: { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ hello }"}' } },
  { name: 'a GET', init: { method: 'GET' }, search: '?query=%7B%20hello%20%7D' },
  { name: 'a PUT', init: { method: 'PUT', headers: JSON_TYPE, body: '{"query":"{ hello }"}' } },
];

describe('answerGraphQL: a gateway request through the request pipeline alone (issue 15)', () => {
  // The reference: Apollo Server's own cache-control plugin and HTTP layer, as a subgraph answered before.
  let reference: ApolloServer<RequestContext>;
  let candidate: ApolloServer<RequestContext>;
  const servers: Server[] = [];
  const urls = { reference: '', candidate: '' };
  let failingContext = false;

  beforeAll(async () => {
    reference = createApolloServer<RequestContext>({ schema }, { production: true, log });
    candidate = createApolloServer<RequestContext>({ schema }, { production: true, log, withoutCacheHints: true });
    await Promise.all([reference.start(), candidate.start()]);
    const viaHttpLayer = await serve(async (request, response, body) => {
      const headers = new HeaderMap();
      for (const [name, value] of Object.entries(request.headers)) if (typeof value === 'string') headers.set(name, value);
      const target = request.url ?? '';
      const query = target.indexOf('?');
      const answer = await reference.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: request.method ?? 'GET', headers, search: query < 0 ? '' : target.slice(query), body },
        context: contextOf(failingContext),
      });
      for (const [name, value] of answer.headers) response.setHeader(name, value);
      response.statusCode = answer.status ?? 200;
      response.end(answer.body.kind === 'complete' ? answer.body.string : '');
    });
    const viaAnswerGraphQL = await serve((request, response, body) =>
      answerGraphQL(candidate, request, response, body, contextOf(failingContext)),
    );
    servers.push(viaHttpLayer.server, viaAnswerGraphQL.server);
    urls.reference = viaHttpLayer.url;
    urls.candidate = viaAnswerGraphQL.url;
  });

  afterAll(async () => {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    await Promise.all([reference.stop(), candidate.stop()]);
  });

  it.each(requests)('answers $name exactly as Apollo Server’s HTTP layer and cache-control plugin did', async ({ init, search }) => {
    failingContext = false;
    const expected = await observed(await fetch(`${urls.reference}${search ?? ''}`, init));
    const actual = await observed(await fetch(`${urls.candidate}${search ?? ''}`, init));
    expect(actual).toEqual(expected);
  });

  it('answers a request whose context cannot be made exactly as before (the refusal’s status and code)', async () => {
    failingContext = true;
    const init = requests[0]!.init;
    const expected = await observed(await fetch(urls.reference, init));
    const actual = await observed(await fetch(urls.candidate, init));
    failingContext = false;
    expect(actual).toEqual(expected);
    expect(actual).toMatchObject({ status: 500 });
  });

  it('issue 9 §5: masks an internal error in production and marks every answer no-store', async () => {
    const answer = await fetch(urls.candidate, requests.find((request) => request.name === 'an internal error from a resolver')!.init);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const text = await answer.text();
    expect(text).not.toContain('a secret internal detail');
    expect(JSON.parse(text)).toMatchObject({ errors: [{ extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  });
});
