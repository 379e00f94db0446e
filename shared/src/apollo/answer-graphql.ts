import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap } from '@apollo/server';
import type { ApolloServer, BaseContext, GraphQLRequest, HTTPGraphQLRequest } from '@apollo/server';

/** The content type Apollo Server gives a single result when the caller accepts JSON (`MEDIA_TYPES.APPLICATION_JSON`). */
const JSON_ANSWER = 'application/json; charset=utf-8';

/**
 * `accept` headers for which Apollo's content negotiation (`chooseContentTypeForSingleResultResponse`)
 * can only pick `JSON_ANSWER`: none at all (the product's gateway sends none), anything, or JSON itself
 * (Apollo's own gateway sends `*∕*`). Any other header goes through Apollo's negotiation as before.
 */
const ACCEPTS_JSON_ANSWER = new Set<string | undefined>([undefined, '*/*', 'application/json']);

/**
 * `content-type` headers that Apollo's CSRF prevention lets through without a preflight header (their
 * media type is JSON, which no browser form can send): exactly what a gateway sends.
 */
const JSON_REQUEST = new Set<string | undefined>(['application/json', 'application/json; charset=utf-8']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The GraphQL request of a POST body that Apollo's HTTP layer (`runHttpQuery`) would accept as it is,
 * built as it builds it; undefined for any body it would refuse or treat otherwise (no `query` string,
 * a batch, `variables` or `extensions` not an object, `operationName` not a string), which is then
 * left to that layer to answer.
 */
function plainOperation(body: unknown, http: HTTPGraphQLRequest): GraphQLRequest | undefined {
  if (!isRecord(body)) return undefined;
  const { query, operationName, variables, extensions } = body;
  if (typeof query !== 'string') return undefined;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return undefined;
  if (variables !== undefined && variables !== null && !isRecord(variables)) return undefined;
  if (extensions !== undefined && extensions !== null && !isRecord(extensions)) return undefined;
  return {
    query,
    operationName: typeof operationName === 'string' ? operationName : undefined,
    variables: isRecord(variables) ? variables : undefined,
    extensions: isRecord(extensions) ? extensions : undefined,
    http,
  };
}

/** Writes a complete answer: its status, headers and body in one write. */
function send(response: ServerResponse, status: number | undefined, headers: HeaderMap, body: string): void {
  for (const [name, value] of headers) response.setHeader(name, value);
  response.statusCode = status ?? 200;
  response.setHeader('content-length', Buffer.byteLength(body));
  response.end(body);
}

/**
 * Runs one HTTP GraphQL request through Apollo Server and writes its answer, as Apollo's standalone
 * server and its Express integration do (`executeHTTPGraphQLRequest`), on Node's own request and
 * response: `body` is the request's parsed JSON body (undefined when it had none, or another content
 * type), and Apollo Server decides everything else (methods, CSRF prevention, the status).
 *
 * A gateway's request (a POST of one JSON operation, accepting JSON) runs through Apollo's request
 * pipeline without its HTTP layer (`executeOperation`, issue 15): every plugin, the error formatting,
 * introspection off and the status each error sets are the pipeline's, as before; what is skipped is
 * what this function has already decided for such a request (the method, CSRF prevention on a JSON
 * content type, the body's shape, the content negotiation), and the answer is serialised as that layer
 * serialises it (`errors`, `data`, `extensions`, then a newline). Any other request is answered by
 * the HTTP layer as before.
 */
export async function answerGraphQL<Context extends BaseContext>(
  server: ApolloServer<Context>,
  request: IncomingMessage,
  response: ServerResponse,
  body: unknown,
  context: () => Promise<Context>,
): Promise<void> {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const target = request.url ?? '';
  const query = target.indexOf('?');
  const method = (request.method ?? 'GET').toUpperCase();
  const httpGraphQLRequest: HTTPGraphQLRequest = { method, headers, search: query < 0 ? '' : target.slice(query), body };
  const operation =
    method === 'POST' && JSON_REQUEST.has(headers.get('content-type')) && ACCEPTS_JSON_ANSWER.has(headers.get('accept'))
      ? plainOperation(body, httpGraphQLRequest)
      : undefined;
  if (operation) {
    let contextValue: Context | undefined;
    let contextFailure: { readonly error: unknown } | undefined;
    try {
      contextValue = await context();
    } catch (error: unknown) {
      contextFailure = { error };
    }
    if (contextValue !== undefined) {
      // A failure of the pipeline itself (not of the operation, whose errors are in the result) is
      // thrown on: the shell answers it 500 INTERNAL_SERVER_ERROR, as Apollo's HTTP layer would.
      const result = await server.executeOperation(operation, { contextValue });
      // Incremental delivery (@defer) needs graphql 17, which no service runs: never run an operation twice.
      if (result.body.kind !== 'single') throw new Error('incremental delivery is not enabled');
      if (!result.http.headers.get('content-type')) result.http.headers.set('content-type', JSON_ANSWER);
      const { errors, data, extensions } = result.body.singleResult;
      send(response, result.http.status, result.http.headers, `${JSON.stringify({ errors, data, extensions })}\n`);
      return;
    }
    // The context could not be made: Apollo's HTTP layer answers that (its plugins' hook, its status and error).
    if (contextFailure) context = () => Promise.reject(contextFailure.error);
  }
  const answer = await server.executeHTTPGraphQLRequest({ httpGraphQLRequest, context });
  if (answer.body.kind === 'complete') {
    send(response, answer.status, answer.headers, answer.body.string);
    return;
  }
  // Incremental delivery (@defer), which no service enables today: each part as it comes.
  for (const [name, value] of answer.headers) response.setHeader(name, value);
  response.statusCode = answer.status ?? 200;
  for await (const chunk of answer.body.asyncIterator) response.write(chunk);
  response.end();
}
