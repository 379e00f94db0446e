import { freeTextSchema } from './free-text';

describe('freeTextSchema', () => {
  const reason = freeTextSchema('reason', 20);

  it('keeps ordinary text, with accents, line breaks and tabs, trimmed', () => {
    expect(reason.parse('  Café\tréunion\nok ')).toBe('Café\tréunion\nok');
  });

  it.each([
    ['a NUL byte, which PostgreSQL text cannot store', 'before\u0000after'],
    ['another control character', 'bell\u0007'],
    ['a C1 control character', 'next\u0085line'],
    ['an unpaired surrogate', 'half \ud800 a pair'],
    ['nothing but spaces', '   '],
    ['more than the maximum', 'x'.repeat(21)],
  ])('issue 9 §6: refuses %s with an issue naming the input', (_case, value) => {
    const result = reason.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/reason/);
  });
});

it('keeps a character outside the Basic Multilingual Plane (a surrogate pair)', () => {
  expect(freeTextSchema('reason', 20).parse('ok 👍')).toBe('ok 👍');
});
