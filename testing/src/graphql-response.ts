/** What the product's coded errors carry in `extensions` (docs/error-codes.md), as a test reads it. */
export interface GraphQLErrorExtensions {
  code?: string;
  /** The policy that denied a field (FORBIDDEN). */
  policy?: string;
  /** The agency whose subgraph did not answer (UPSTREAM_UNAVAILABLE). */
  agency?: string;
  /** What was wrong with the input (BAD_USER_INPUT). */
  issues?: { path: string; message: string }[];
  [key: string]: unknown;
}

/** One error of a GraphQL response, as a client reads it. */
export interface GraphQLResponseError {
  message: string;
  path?: (string | number)[];
  locations?: { line: number; column: number }[];
  extensions?: GraphQLErrorExtensions;
}

/** A GraphQL response as a client sees it: the gateway's, or a subgraph's to the gateway. */
export interface GraphQLResponse<Data = Record<string, unknown>> {
  data?: Data | null;
  errors?: GraphQLResponseError[];
}

/** The `extensions.code` of each error of `response`, in order (undefined when it has none). */
export const errorCodes = (response: GraphQLResponse<unknown>): unknown[] | undefined =>
  response.errors?.map((error) => error.extensions?.code);
