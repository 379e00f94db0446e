import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap } from '@apollo/server';
import type { ApolloServer, BaseContext } from '@apollo/server';

/**
 * Runs one HTTP GraphQL request through Apollo Server and writes its answer, as Apollo's standalone
 * server and its Express integration do (`executeHTTPGraphQLRequest`), on Node's own request and
 * response: `body` is the request's parsed JSON body (undefined when it had none, or another content
 * type), and Apollo Server decides everything else (methods, CSRF prevention, the status).
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
  const answer = await server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: (request.method ?? 'GET').toUpperCase(), headers, search: query < 0 ? '' : target.slice(query), body },
    context,
  });
  for (const [name, value] of answer.headers) response.setHeader(name, value);
  response.statusCode = answer.status ?? 200;
  if (answer.body.kind === 'complete') {
    response.setHeader('content-length', Buffer.byteLength(answer.body.string));
    response.end(answer.body.string);
    return;
  }
  // Incremental delivery (@defer), which no service enables today: each part as it comes.
  for await (const chunk of answer.body.asyncIterator) response.write(chunk);
  response.end();
}
