import { DrizzleQueryError } from 'drizzle-orm/errors';
import { commandFailureText } from './command-failure';

describe('commandFailureText', () => {
  it('says why a statement failed, with its placeholders, and never prints its parameters', () => {
    const refused = Object.assign(new Error('relation "audit.audit_log" does not exist'), { code: '42P01' });
    const failed = new DrizzleQueryError('select "hash" from "audit"."audit_log" where "subject" = $1', ['2008/0545166T'], refused);
    const text = commandFailureText(failed);
    expect(text).toBe(
      'DrizzleQueryError: Failed query\n' +
        '    statement: select "hash" from "audit"."audit_log" where "subject" = $1\n' +
        '  caused by Error: relation "…" does not exist (SQLSTATE 42P01)',
    );
    expect(text).not.toContain('0545166');
  });

  it("keeps a tool's own message whole, and names its cause", () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const text = commandFailureText(new Error('invalid arguments: --offenders: expected number to be <=2000000', { cause }));
    expect(text).toBe('invalid arguments: --offenders: expected number to be <=2000000\n  caused by Error: connect ECONNREFUSED #.0.0.1:#');
  });

  it('prints what was thrown when it is not an error', () => {
    expect(commandFailureText('stopped')).toBe('stopped');
  });
});
