import { GraphQLError } from 'graphql';
import { ERROR_CODES } from './error-codes';

/** What the caller is told when the access could not be recorded: no data comes without its audit entry. */
export const AUDIT_UNAVAILABLE_MESSAGE = 'This request could not be recorded in the audit trail, so no data is returned. Try again later.';

/**
 * The whole answer of a response withheld because its audit entry could not be written: replaces
 * the result after execution (errors formatted already), so it is built here, code and all.
 */
export function auditUnavailableResult(): { errors: [{ message: string; extensions: { code: 'AUDIT_UNAVAILABLE' } }] } {
  return { errors: [{ message: AUDIT_UNAVAILABLE_MESSAGE, extensions: { code: ERROR_CODES.AUDIT_UNAVAILABLE.code } }] };
}

/**
 * The audit entry for this request could not be written, so nothing is returned (fail closed): the
 * owner must always be able to account for who saw its information.
 */
export class AuditUnavailableError extends GraphQLError {
  constructor() {
    super(AUDIT_UNAVAILABLE_MESSAGE, { extensions: { code: ERROR_CODES.AUDIT_UNAVAILABLE.code } });
  }
}
