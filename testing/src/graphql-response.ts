/** One error of a GraphQL response, as a client reads it. */
export interface GraphQLResponseError {
  message: string;
  path?: (string | number)[];
  locations?: { line: number; column: number }[];
  extensions?: Record<string, unknown>;
}

/** A GraphQL response as a client sees it: the gateway's, or a subgraph's to the gateway. */
export interface GraphQLResponse<Data = Record<string, unknown>> {
  data?: Data | null;
  errors?: GraphQLResponseError[];
}

/** The `extensions.code` of each error of `response`, in order (undefined when it has none). */
export const errorCodes = (response: GraphQLResponse<unknown>): unknown[] | undefined =>
  response.errors?.map((error) => error.extensions?.code);
