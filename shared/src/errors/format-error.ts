import type { GraphQLFormattedError } from 'graphql';
import { CLIENT_ERROR_CODES } from './error-codes';

const clientCodes = new Set<string>(CLIENT_ERROR_CODES);

/**
 * Builds Apollo Server's `formatError`. In production an error without a client-facing code is
 * replaced by a generic one, so internal messages (SQL, file paths, library text) never leave the
 * service; stack traces are stripped in every mode unless the service is in development.
 */
export function createErrorFormatter(options: { production: boolean }) {
  return function formatError(formatted: GraphQLFormattedError): GraphQLFormattedError {
    const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : undefined;
    if (options.production && (!code || !clientCodes.has(code))) {
      return {
        message: 'Internal server error',
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      };
    }
    if (options.production && formatted.extensions && 'stacktrace' in formatted.extensions) {
      const { stacktrace: _dropped, ...extensions } = formatted.extensions;
      return { ...formatted, extensions };
    }
    return formatted;
  };
}
