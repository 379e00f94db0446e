import { Kind } from 'graphql';
import { DateTimeISO } from './scalars';

describe('DateTimeISO', () => {
  it('parses an RFC 3339 date-time, from a variable or a literal', () => {
    expect(DateTimeISO.parseValue('2026-11-01T09:30:00Z')).toEqual(new Date('2026-11-01T09:30:00Z'));
    expect(DateTimeISO.parseLiteral({ kind: Kind.STRING, value: '0001-01-01T00:00:00Z' })).toEqual(new Date('0001-01-01T00:00:00Z'));
  });

  it.each([
    '0000-01-01T00:00:00Z',
    '0000-12-31T23:59:59.999Z',
    '275760-09-13T00:00:00Z',
    '-000001-01-01T00:00:00Z',
    'not a date',
    '2026-02-30T00:00:00Z',
    '',
  ])('issue 9 §6: refuses %j with a GraphQL error, before any resolver or SQL', (value) => {
    expect(() => DateTimeISO.parseValue(value)).toThrow(/DateTime/);
  });

  it("keeps graphql-scalars' name and description, so no SDL changes", () => {
    expect(DateTimeISO.name).toBe('DateTimeISO');
    expect(DateTimeISO.description).toMatch(/RFC 3339/);
  });
});
