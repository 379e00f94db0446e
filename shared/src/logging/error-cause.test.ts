import { DrizzleQueryError } from 'drizzle-orm/errors';
import { GraphQLError } from 'graphql';
import { errorCauseOf, maskedMessage } from './error-cause';

describe('errorCauseOf', () => {
  it('masks quoted text and digit runs, which can be values from the request', () => {
    expect(maskedMessage('invalid input syntax for type date: "2024-13-45"')).toBe('invalid input syntax for type date: "…"');
    expect(maskedMessage("no offender with PNC ID 2008/0545166T (reading 'pncId')")).toBe('no offender with PNC ID #/#T (reading "…")');
    expect(maskedMessage('first line\nsecond line with a value')).toBe('first line');
  });

  it('walks the chain from the GraphQL error to the database error, keeping the statement and SQLSTATE but never the parameters', () => {
    const database = Object.assign(new Error('relation "police.warning_marker" does not exist'), { name: 'error', code: '42P01' });
    const query = new DrizzleQueryError('select "code" from "police"."warning_marker" where "pnc_id" = $1', ['2008/0545166T'], database);
    const cause = errorCauseOf(new GraphQLError('Failed query: select … params: 2008/0545166T', { originalError: query }));
    expect(cause.chain).toEqual([
      { name: 'GraphQLError', message: 'Failed query: select … params: #/#T' },
      { name: 'DrizzleQueryError', message: 'Failed query', statement: 'select "code" from "police"."warning_marker" where "pnc_id" = $1' },
      { name: 'error', message: 'relation "…" does not exist', sqlState: '42P01' },
    ]);
    expect(JSON.stringify(cause)).not.toContain('0545166');
    expect(cause.frames.length).toBeGreaterThan(0);
    expect(cause.frames[0]).toMatch(/^at /);
  });
});
