import { calendarDateOf } from './calendar-date';

describe('calendarDateOf', () => {
  it('gives the date in England and Wales on either side of midnight, summer and winter, asked in any order', () => {
    // Asked back and forth across the boundary, and the same minute twice: the date it remembers for
    // the last minute asked about must never answer for another minute.
    const cases: [string, string][] = [
      ['2026-06-30T22:59:59.999Z', '2026-06-30'],
      ['2026-06-30T23:00:00.000Z', '2026-07-01'],
      ['2026-06-30T22:59:00.000Z', '2026-06-30'],
      ['2026-06-30T23:00:59.999Z', '2026-07-01'],
      ['2026-06-30T23:00:30.000Z', '2026-07-01'],
      ['2026-12-31T23:59:59.999Z', '2026-12-31'],
      ['2027-01-01T00:00:00.000Z', '2027-01-01'],
      ['2026-12-31T23:59:00.000Z', '2026-12-31'],
    ];
    for (const [instant, date] of cases) expect(calendarDateOf(new Date(instant))).toBe(date);
  });

  it('follows the clock change: British Summer Time starts at 01:00 UTC on the last Sunday of March', () => {
    expect(calendarDateOf(new Date('2026-03-28T23:59:59Z'))).toBe('2026-03-28');
    expect(calendarDateOf(new Date('2026-03-29T00:00:00Z'))).toBe('2026-03-29');
    // Ends at 01:00 UTC on the last Sunday of October: 23:30 UTC the day before is 00:30 BST.
    expect(calendarDateOf(new Date('2026-10-24T23:30:00Z'))).toBe('2026-10-25');
    expect(calendarDateOf(new Date('2026-10-25T23:30:00Z'))).toBe('2026-10-25');
  });

  it('refuses an invalid instant every time it is asked', () => {
    expect(() => calendarDateOf(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => calendarDateOf(new Date(Number.NaN))).toThrow(RangeError);
  });
});
