/**
 * The codes a client may see in `extensions.code`. Any other error is unexpected and, in production,
 * reaches the client only as INTERNAL_SERVER_ERROR with a generic message.
 */
export const CLIENT_ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'UPSTREAM_UNAVAILABLE',
  'AUDIT_UNAVAILABLE',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  // Issue 9 §1, document limits and trusted documents (gateway): refused before validation.
  'OPERATION_TOO_COMPLEX',
  'TRUSTED_DOCUMENT_REQUIRED',
  // Issue 9 §1, rate limits: too many requests from one source or principal (HTTP 429, Retry-After).
  'RATE_LIMITED',
  // An HTTP route (not /graphql) asked with a method it does not answer (HTTP 405, Allow).
  'METHOD_NOT_ALLOWED',
  // Issue 15: the service is stopping and takes no new request (HTTP 503); retry, another replica answers.
  'SHUTTING_DOWN',
] as const;

export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];
