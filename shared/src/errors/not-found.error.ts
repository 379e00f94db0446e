import { GraphQLError } from 'graphql';
import { ERROR_CODES } from './error-codes';

/**
 * The record asked for does not exist for this caller. Used alike for an unknown identifier and for
 * one outside the caller's row scope, with the same message, so the two cannot be told apart
 * (principle 9).
 */
export class NotFoundError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: ERROR_CODES.NOT_FOUND.code } });
  }
}
