import { auditOutcome, errorCodesOf } from './audit-entry';

describe('audit outcome and error codes', () => {
  it('names how a request ended, the most serious reason first', () => {
    expect(auditOutcome([], false, 0)).toBe('UNAUTHENTICATED');
    expect(auditOutcome(['FORBIDDEN', 'UPSTREAM_UNAVAILABLE'], true, 1)).toBe('FAILED');
    expect(auditOutcome(['AUDIT_UNAVAILABLE'], true, 0)).toBe('FAILED');
    expect(auditOutcome([], true, 2)).toBe('PARTLY_DENIED');
    expect(auditOutcome(['FORBIDDEN'], true, 0)).toBe('PARTLY_DENIED');
    expect(auditOutcome(['BAD_USER_INPUT'], true, 0)).toBe('REJECTED');
    expect(auditOutcome([], true, 0)).toBe('ALLOWED');
  });

  it('keeps each code once, sorted; an error without a code-shaped code counts as internal', () => {
    expect(
      errorCodesOf([
        { message: 'a', extensions: { code: 'FORBIDDEN' } },
        { message: 'b', extensions: { code: 'FORBIDDEN' } },
        { message: 'c' },
        { message: 'd', extensions: { code: 'John Smith' } },
      ]),
    ).toEqual(['FORBIDDEN', 'INTERNAL_SERVER_ERROR']);
  });
});
