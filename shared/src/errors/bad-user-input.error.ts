import { GraphQLError } from 'graphql';
import { ERROR_CODES } from './error-codes';
import type { z } from 'zod';

/** One problem with the caller's input, safe to show: where it is and what is wrong. */
export interface InputIssue {
  readonly path: string;
  readonly message: string;
}

/** The caller sent something invalid; `extensions.issues` says what, so it can be fixed. */
export class BadUserInputError extends GraphQLError {
  /**
   * `wholeRequest`: the request itself is unusable (a missing header), so it is refused with HTTP 400
   * before execution; otherwise one field fails and the rest of the response still stands.
   */
  constructor(message: string, issues: readonly InputIssue[] = [], options: { wholeRequest?: boolean } = {}) {
    super(message, {
      extensions: { code: ERROR_CODES.BAD_USER_INPUT.code, issues, ...(options.wholeRequest ? { http: { status: 400 } } : {}) },
    });
  }

  /** Maps a zod failure at an API boundary to BAD_USER_INPUT with every issue listed. */
  static fromZod(error: z.ZodError, argumentName?: string): BadUserInputError {
    const issues = error.issues.map((issue) => ({
      path: [argumentName, ...issue.path.map(String)].filter(Boolean).join('.'),
      message: issue.message,
    }));
    const where = argumentName ? ` in "${argumentName}"` : '';
    return new BadUserInputError(`Invalid input${where}: ${issues.map((i) => i.message).join('; ')}`, issues);
  }
}
