import type { GraphQLError } from 'graphql';
import { AuditUnavailableError, auditUnavailableResult } from './audit-unavailable.error';
import { BadUserInputError } from './bad-user-input.error';
import { CLIENT_ERROR_CODES, ERROR_CODE_DEFINITIONS, ERROR_CODES } from './error-codes';
import { ForbiddenFieldError } from './forbidden-field.error';
import { NotFoundError } from './not-found.error';
import { OperationTooComplexError } from './operation-too-complex.error';
import { PersistedQueryNotFoundError } from './persisted-query-not-found.error';
import { RateLimitedError } from './rate-limited.error';
import { TrustedDocumentRequiredError } from './trusted-document-required.error';
import { UnauthenticatedError } from './unauthenticated.error';
import { UpstreamUnavailableError } from './upstream-unavailable.error';

/** One of each client error the services raise, built as the services build them. */
const RAISED: readonly GraphQLError[] = [
  new AuditUnavailableError(),
  new BadUserInputError('Invalid input'),
  new BadUserInputError('Missing header', [], { wholeRequest: true }),
  new ForbiddenFieldError('POLICY', ['offenders']),
  new NotFoundError('No such meeting'),
  new OperationTooComplexError('maxDepth', 10, 11),
  new PersistedQueryNotFoundError(),
  new RateLimitedError(3),
  new TrustedDocumentRequiredError(),
  new UnauthenticatedError('No token'),
  new UpstreamUnavailableError('police'),
];

describe('the error-code registry', () => {
  it('files each definition under its own code, once', () => {
    for (const [key, definition] of Object.entries(ERROR_CODES)) expect(definition.code).toBe(key);
    expect(new Set(ERROR_CODE_DEFINITIONS.map(({ code }) => code)).size).toBe(ERROR_CODE_DEFINITIONS.length);
  });

  it('defines every code an error class raises, with the HTTP status the class sets among its statuses', () => {
    for (const error of RAISED) {
      const code = error.extensions.code as string;
      const definition = ERROR_CODE_DEFINITIONS.find((candidate) => candidate.code === code);
      expect({ error: error.name, code, defined: definition !== undefined }).toEqual({ error: error.name, code, defined: true });
      const status = (error.extensions.http as { status?: number } | undefined)?.status ?? 200;
      expect(definition?.httpStatuses).toContain(status);
      // The extensions a class adds beside `code` (and Apollo's `http`) are the ones its definition documents.
      const documented = Object.keys(definition?.extensions ?? {});
      for (const name of Object.keys(error.extensions).filter((key) => key !== 'code' && key !== 'http'))
        expect(documented).toContain(name);
    }
    expect(auditUnavailableResult().errors[0].extensions.code).toBe(ERROR_CODES.AUDIT_UNAVAILABLE.code);
  });

  it('passes every code but INTERNAL_SERVER_ERROR to clients as written', () => {
    expect(CLIENT_ERROR_CODES).not.toContain('INTERNAL_SERVER_ERROR');
    expect(CLIENT_ERROR_CODES).toHaveLength(ERROR_CODE_DEFINITIONS.length - 1);
  });
});
