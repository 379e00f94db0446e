import { checkGatewayDocument, checkSubgraphDocument } from './committed-schemas';
import type { GraphQLResponse } from './graphql-response';

/**
 * POSTs `query` to `url` as it is, unchecked, and returns the parsed body. Only for tests that send
 * documents the schema refuses on purpose (test/src/security: bad input, document limits, hostile
 * documents) or that talk to a subgraph over its URL; every other test goes through `postGraphQL`
 * or a harness's `query`, which check the document first.
 */
export async function postRawGraphQL<Data = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<Data>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<Data>;
}

/**
 * POSTs an operation to the gateway at `url` and returns the parsed body, after checking `query`
 * against the committed supergraph's API schema: a document naming a field the schema does not
 * have fails the test with GraphQL's message before anything is sent.
 */
export async function postGraphQL<Data = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<Data>> {
  checkGatewayDocument(query);
  return postRawGraphQL<Data>(url, query, variables, headers);
}

/**
 * POSTs an operation straight to the subgraph `subgraphName` at `url` (as the gateway would, with the
 * headers the test signs), after checking `query` against that subgraph's committed SDL.
 */
export async function postSubgraphGraphQL<Data = Record<string, unknown>>(
  subgraphName: string,
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<Data>> {
  checkSubgraphDocument(subgraphName, query);
  return postRawGraphQL<Data>(url, query, variables, headers);
}
