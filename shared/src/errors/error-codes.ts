/**
 * The error-code registry: one definition per code a client may see in `extensions.code`, with what it
 * means, the HTTP statuses a response carrying it may have, and when a client sees it (after
 * apollographql/federation's `makeCodeDefinition` in `internals-js/src/error.ts`). The GraphQLError
 * subclasses take their code from here, and `docs/error-codes.md` is generated from it
 * (`npm run errors:generate`; `npm run check` fails when the committed page is stale).
 */

/** One client-facing error code. */
export interface ErrorCodeDefinition<Code extends string = string> {
  readonly code: Code;
  /** What the code means, in a sentence or two a client developer can act on. */
  readonly meaning: string;
  /**
   * The HTTP statuses of a response that carries the code, first the usual one. 200: the error is in the
   * `errors` array of an answer whose other fields still stand; 4xx/5xx: the request is refused whole.
   */
  readonly httpStatuses: readonly [number, ...number[]];
  /** When a client sees it: which service says it and on what. */
  readonly whenSeen: string;
  /** Extensions that come with the code, beside `code`, by name. */
  readonly extensions?: Readonly<Record<string, string>>;
}

/** A code's definition, checked to name itself: the one way to add a code to the registry. */
export function makeCodeDefinition<const Code extends string>(definition: ErrorCodeDefinition<Code>): ErrorCodeDefinition<Code> {
  return Object.freeze(definition);
}

/** Every code a client may see, in the order the error-code page lists them. */
export const ERROR_CODES = {
  BAD_USER_INPUT: makeCodeDefinition({
    code: 'BAD_USER_INPUT',
    meaning: 'The caller sent something invalid: an argument, an input field, a variable or a required header.',
    httpStatuses: [200, 400],
    whenSeen:
      'A field whose arguments fail validation answers null with this error and the rest of the response stands (200). ' +
      'A request that is unusable as a whole (a missing or unknown `x-mappa-purpose`, variables that do not coerce) is refused with 400.',
    extensions: { issues: 'a list of `{ path, message }`, one per problem, safe to show' },
  }),
  UNAUTHENTICATED: makeCodeDefinition({
    code: 'UNAUTHENTICATED',
    meaning: 'The request carries no valid credentials: no bearer token, or one that fails verification or has expired.',
    httpStatuses: [401],
    whenSeen: 'Before anything runs, on every request to the gateway. The message says what to fix, not which check failed.',
  }),
  FORBIDDEN: makeCodeDefinition({
    code: 'FORBIDDEN',
    meaning: 'The caller may not read this field, or take this action, under the declared purpose.',
    httpStatuses: [200],
    whenSeen:
      'One error per denied field path, naming the policy; the field is null and the rest of the response stands. ' +
      'The same error whether the gateway or the owning subgraph denied it, so a client cannot tell where.',
    extensions: {
      policy: 'the name of the policy that denied the field',
      reason: 'for some actions, a fixed reason (`NOT_ORIGINATING_FORCE`)',
    },
  }),
  NOT_FOUND: makeCodeDefinition({
    code: 'NOT_FOUND',
    meaning: 'The record asked for does not exist for this caller.',
    httpStatuses: [200, 404],
    whenSeen:
      'An unknown identifier and one outside the caller’s scope answer alike, so the two cannot be told apart (200). ' +
      'An HTTP path the service does not serve answers 404.',
  }),
  UPSTREAM_UNAVAILABLE: makeCodeDefinition({
    code: 'UPSTREAM_UNAVAILABLE',
    meaning: 'An agency’s subgraph could not be reached in time; its fields are missing from this response.',
    httpStatuses: [200],
    whenSeen:
      'When a subgraph is down or slow, or its database is (no connection or statement in time, overloaded, unreachable): ' +
      'its fields are null with this error, and every other agency’s data still stands. After a mutation, read the record ' +
      'before retrying: a connection lost while committing leaves it unknown whether the change was made.',
    extensions: { agency: 'the agency whose data is missing' },
  }),
  AUDIT_UNAVAILABLE: makeCodeDefinition({
    code: 'AUDIT_UNAVAILABLE',
    meaning: 'The access could not be recorded in the audit trail, so no data is returned (fail closed).',
    httpStatuses: [503, 200],
    whenSeen:
      'When the gateway cannot write its audit entry the whole response is withheld (503); when a subgraph cannot, ' +
      'that subgraph’s answer is withheld and a change it would have made is rolled back. Retry later.',
  }),
  GRAPHQL_PARSE_FAILED: makeCodeDefinition({
    code: 'GRAPHQL_PARSE_FAILED',
    meaning: 'The document is not valid GraphQL syntax.',
    httpStatuses: [400],
    whenSeen: 'Before validation, from Apollo Server.',
  }),
  GRAPHQL_VALIDATION_FAILED: makeCodeDefinition({
    code: 'GRAPHQL_VALIDATION_FAILED',
    meaning: 'The document does not validate against the supergraph (an unknown field or argument, a wrong type).',
    httpStatuses: [400],
    whenSeen: 'Before planning, from Apollo Server. In production the message never suggests other schema names.',
  }),
  BAD_REQUEST: makeCodeDefinition({
    code: 'BAD_REQUEST',
    meaning: 'The HTTP request itself is malformed: a body that is not JSON or is too large, a missing query, a bad persisted-query hash.',
    httpStatuses: [400],
    whenSeen: 'Before the document is read.',
  }),
  PERSISTED_QUERY_NOT_FOUND: makeCodeDefinition({
    code: 'PERSISTED_QUERY_NOT_FOUND',
    meaning: 'The document id names no registered document.',
    httpStatuses: [400],
    whenSeen:
      'When `documentId` (or the persisted-query extension’s hash) is not in the manifest the gateway is deployed with. ' +
      'Clients cannot register documents at run time: add the document to the manifest.',
  }),
  PERSISTED_QUERY_NOT_SUPPORTED: makeCodeDefinition({
    code: 'PERSISTED_QUERY_NOT_SUPPORTED',
    meaning: 'The service does not take persisted queries in this form.',
    httpStatuses: [400],
    whenSeen: 'From Apollo Server, when a persisted-query extension reaches a service that does not accept it.',
  }),
  OPERATION_RESOLUTION_FAILURE: makeCodeDefinition({
    code: 'OPERATION_RESOLUTION_FAILURE',
    meaning: 'The document holds several operations and the request does not name one of them.',
    httpStatuses: [400],
    whenSeen: 'Before execution, from Apollo Server: send `operationName`.',
  }),
  OPERATION_TOO_COMPLEX: makeCodeDefinition({
    code: 'OPERATION_TOO_COMPLEX',
    meaning: 'The document asks for more work than the gateway’s operation limits allow.',
    httpStatuses: [400],
    whenSeen: 'Before validation, planning or authorization: the whole document is refused. Split or trim it.',
    extensions: { limit: 'the limit exceeded (`maxDepth`, `maxCost`, …)', max: 'its maximum', measured: 'what this document measures' },
  }),
  TRUSTED_DOCUMENT_REQUIRED: makeCodeDefinition({
    code: 'TRUSTED_DOCUMENT_REQUIRED',
    meaning: 'The gateway runs registered (trusted) documents only, and the request sent a document’s text.',
    httpStatuses: [400],
    whenSeen: 'When trusted documents are enforced: send the registered document’s id as `documentId` instead of its text.',
  }),
  RATE_LIMITED: makeCodeDefinition({
    code: 'RATE_LIMITED',
    meaning: 'Too many requests from one source address or one principal.',
    httpStatuses: [429],
    whenSeen: 'Before the request is read further; the `Retry-After` header says when to try again.',
    extensions: { retryAfterSeconds: 'whole seconds to wait, as `Retry-After`' },
  }),
  METHOD_NOT_ALLOWED: makeCodeDefinition({
    code: 'METHOD_NOT_ALLOWED',
    meaning: 'An HTTP route other than /graphql was asked with a method it does not answer.',
    httpStatuses: [405],
    whenSeen: 'On the gateway’s own routes (the disclosure document); the `Allow` header lists the methods it answers.',
  }),
  SHUTTING_DOWN: makeCodeDefinition({
    code: 'SHUTTING_DOWN',
    meaning: 'The service is stopping and takes no new request.',
    httpStatuses: [503],
    whenSeen: 'During a deployment or scale-down. Retry: another replica answers.',
  }),
  INTERNAL_SERVER_ERROR: makeCodeDefinition({
    code: 'INTERNAL_SERVER_ERROR',
    meaning: 'Something unexpected failed. In production the message is generic: no internal detail leaves the service.',
    httpStatuses: [200, 500],
    whenSeen: 'Any error that has none of the codes above is replaced by this one before it leaves the service.',
  }),
} as const satisfies Readonly<Record<string, ErrorCodeDefinition>>;

/** Every code a client may see, INTERNAL_SERVER_ERROR included. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** The definitions in page order. */
export const ERROR_CODE_DEFINITIONS: readonly ErrorCodeDefinition<ErrorCode>[] = Object.values(ERROR_CODES);

/** The codes a service passes to a client as they are: every code but the one that replaces all others. */
export type ClientErrorCode = Exclude<ErrorCode, 'INTERNAL_SERVER_ERROR'>;

/**
 * The codes a client may see in `extensions.code` as the service wrote them. Any other error is
 * unexpected and, in production, reaches the client only as INTERNAL_SERVER_ERROR with a generic message.
 */
export const CLIENT_ERROR_CODES: readonly ClientErrorCode[] = ERROR_CODE_DEFINITIONS.map(({ code }) => code).filter(
  (code): code is ClientErrorCode => code !== 'INTERNAL_SERVER_ERROR',
);
