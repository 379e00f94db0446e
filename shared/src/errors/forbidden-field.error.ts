import { GraphQLError } from 'graphql';
import { ERROR_CODES } from './error-codes';

/**
 * A field the caller may not read under the declared purpose: one per denied field path, naming the
 * policy. The same error whichever enforces it, the owner's subgraph or the gateway before planning,
 * so a client cannot tell (or depend on) where a denial happened.
 */
export class ForbiddenFieldError extends GraphQLError {
  constructor(policyName: string, path: readonly (string | number)[], extensions: Readonly<Record<string, unknown>> = {}) {
    super(`Not permitted to read this field under policy ${policyName} for the declared purpose.`, {
      path,
      extensions: { code: ERROR_CODES.FORBIDDEN.code, policy: policyName, ...extensions },
    });
  }
}
