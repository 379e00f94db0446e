import { ERROR_CODES } from '@mappa/shared';
import { checkedColumns } from './owner-columns';

// Issue 13: owners answer per-person statistics as parallel columns; the join must never pair a value
// with the wrong person, so columns of different lengths are the owner failing, not a table.
describe('checkedColumns', () => {
  it('passes columns of one length, and a column left null as a whole', () => {
    const answer = { pseudonym: ['a', 'b'], gender: ['MALE', 'FEMALE'], recalls: null };
    expect(checkedColumns('police', answer)).toBe(answer);
  });

  it('refuses a column shorter or longer than the pseudonyms as the owner unavailable', () => {
    for (const answer of [
      { pseudonym: ['a', 'b'], gender: ['MALE'] },
      { pseudonym: ['a'], gender: ['MALE', 'FEMALE'] },
      { pseudonym: ['a'], gender: 'MALE' },
    ]) {
      expect(() => checkedColumns('probation', answer)).toThrow(
        expect.objectContaining({ extensions: { code: ERROR_CODES.UPSTREAM_UNAVAILABLE.code, agency: 'probation' } }),
      );
    }
  });
});
