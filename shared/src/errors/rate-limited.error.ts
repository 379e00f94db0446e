import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ERROR_CODES } from './error-codes';

/**
 * Too many requests from one source address or one principal (issue 9 §1): HTTP 429, with
 * `Retry-After` in whole seconds, which `extensions.retryAfterSeconds` repeats for GraphQL clients.
 */
export class RateLimitedError extends GraphQLError {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many requests: try again in ${retryAfterSeconds} s.`, {
      extensions: {
        code: ERROR_CODES.RATE_LIMITED.code,
        retryAfterSeconds,
        http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
      },
    });
  }
}
