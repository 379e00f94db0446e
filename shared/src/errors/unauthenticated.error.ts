import { GraphQLError } from 'graphql';
import { ERROR_CODES } from './error-codes';

/**
 * The request carries no valid credentials. The message says what to fix without saying which
 * check an attacker's forgery passed.
 */
export class UnauthenticatedError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: ERROR_CODES.UNAUTHENTICATED.code, http: { status: 401 } } });
  }
}
