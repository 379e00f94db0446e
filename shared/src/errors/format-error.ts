import { GraphQLError } from 'graphql';
import type { GraphQLFormattedError } from 'graphql';
import { isDatabaseUnavailable } from '../db/database-unavailable';
import { CLIENT_ERROR_CODES } from './error-codes';
import { UpstreamUnavailableError } from './upstream-unavailable.error';

const clientCodes = new Set<string>(CLIENT_ERROR_CODES);

// graphql-js appends these to validation and coercion messages (` Did you mean "pncId"?`, ` Did you
// mean the enum value "LONDON"?`): each names part of the schema the caller did not ask about.
const SUGGESTION = / ?Did you mean [^?]*\?/g;

/** The message without graphql-js's "Did you mean …?" suggestions. */
export function withoutSuggestions(message: string): string {
  return message.replace(SUGGESTION, '');
}

/**
 * Apollo Server refuses some malformed requests with an uncoded error it marks HTTP 4xx itself (a
 * persisted-query version it does not support, a hash that does not match the query): the caller's
 * request is at fault, and Apollo's fixed message says how, so it is BAD_REQUEST, not an internal
 * error (issue 9 §6). Only Apollo sets `extensions.http` before formatting.
 */
function refusesTheRequest(error: unknown): boolean {
  // Apollo fills in INTERNAL_SERVER_ERROR for a missing code before formatting: look at the original.
  if (!(error instanceof GraphQLError) || error.extensions.code !== undefined) return false;
  const status = (error.extensions.http as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/**
 * Builds Apollo Server's `formatError`. In production an error without a client-facing code is
 * replaced by a generic one, so internal messages (SQL, file paths, library text) never leave the
 * service; stack traces are stripped in every mode unless the service is in development. In
 * production no message suggests schema names ("Did you mean …?"), whichever service wrote it.
 * A subgraph (`agency`) answers its database being unavailable or out of time as UPSTREAM_UNAVAILABLE
 * for that agency, in every mode: a client can act on it (retry; every other agency's data stands),
 * where "Failed query" (drizzle's wrapper, which also repeats the statement's parameters) or
 * INTERNAL_SERVER_ERROR says nothing and, in development, leaks values.
 */
export function createErrorFormatter(options: { production: boolean; agency?: string }) {
  return function formatError(formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError {
    if (options.agency !== undefined && isDatabaseUnavailable(error)) {
      const unavailable = new UpstreamUnavailableError(options.agency);
      return { message: unavailable.message, ...(formatted.path ? { path: formatted.path } : {}), extensions: unavailable.extensions };
    }
    const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : undefined;
    if (options.production && refusesTheRequest(error)) {
      return { message: formatted.message, extensions: { code: 'BAD_REQUEST' } };
    }
    if (options.production && (!code || !clientCodes.has(code))) {
      return {
        message: 'Internal server error',
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      };
    }
    if (!options.production) return formatted;
    const message = withoutSuggestions(formatted.message);
    if (formatted.extensions && 'stacktrace' in formatted.extensions) {
      const { stacktrace: _dropped, ...extensions } = formatted.extensions;
      return { ...formatted, message, extensions };
    }
    return { ...formatted, message };
  };
}
