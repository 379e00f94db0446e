import { GraphQLError } from 'graphql';

/**
 * The request carries no valid credentials. The message says what to fix without saying which
 * check an attacker's forgery passed.
 */
export class UnauthenticatedError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
  }
}
