import { addDays, addMonths, calendarDateOf, daysBetween } from './calendar-date';

// @jest-database-independent: pure date arithmetic, no database; its day-by-day comparison over two centuries
// cost 3.4 s of CPU a run (embedded run, load ~20), so CI runs it once (.ci/run).

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

// The plain definitions through `Date` at UTC midnight, which the day-number arithmetic must agree with.
const DAY_MS = 86_400_000;
const addDaysByDate = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
function addMonthsByDate(date: string, months: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  const day = at.getUTCDate();
  at.setUTCDate(1);
  at.setUTCMonth(at.getUTCMonth() + months);
  at.setUTCDate(Math.min(day, new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 0)).getUTCDate()));
  return at.toISOString().slice(0, 10);
}

describe('calendar date arithmetic', () => {
  it('agrees with Date at UTC midnight on every day from 1899 to 2101, forwards and backwards, across leap days and centuries', () => {
    // Disagreements collected and compared once: an expect per call would be most of the test's time.
    const disagreements: string[] = [];
    let checked = 0;
    for (let at = Date.UTC(1899, 0, 1); at <= Date.UTC(2101, 11, 31); at += DAY_MS) {
      const date = new Date(at).toISOString().slice(0, 10);
      for (const days of [0, 1, -1, 28, -29, 365, -366, 1461, -36_525]) {
        const expected = addDaysByDate(date, days);
        if (addDays(date, days) !== expected) disagreements.push(`addDays(${date}, ${days})`);
        if (daysBetween(date, expected) !== days) disagreements.push(`daysBetween(${date}, ${expected})`);
      }
      for (const months of [0, 1, -1, 11, -13, 24, 120]) {
        if (addMonths(date, months) !== addMonthsByDate(date, months)) disagreements.push(`addMonths(${date}, ${months})`);
      }
      checked += 1;
    }
    expect(disagreements).toEqual([]);
    // 1899-2101: 203 years, 49 of them leap years (1900 and 2100 are not).
    expect(checked).toBe(203 * 365 + 49);
  });

  it('clamps to the end of a shorter month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2100-03-31', -1)).toBe('2100-02-28');
    expect(addMonths('2000-03-31', -1)).toBe('2000-02-29');
  });

  it('answers as Date does for what is not a plain date: fractional days, years outside 1000-9999 and invalid text', () => {
    expect(addDays('2024-03-01', 0.5)).toBe(addDaysByDate('2024-03-01', 0.5));
    expect(addDays('0999-12-31', 1)).toBe(addDaysByDate('0999-12-31', 1));
    expect(addDays('9999-12-31', -1)).toBe('9999-12-30');
    expect(() => addDays('9999-12-31', 1)).not.toThrow();
    expect(addDays('9999-12-31', 1)).toBe(addDaysByDate('9999-12-31', 1));
    expect(() => addDays('2024-13-01', 1)).toThrow(RangeError);
    expect(() => addDays('not a date', 1)).toThrow(RangeError);
    expect(daysBetween('2024-02-30', '2024-03-02')).toBe(
      Math.round((Date.parse('2024-03-02T00:00:00Z') - Date.parse('2024-02-30T00:00:00Z')) / DAY_MS),
    );
    expect(daysBetween('nonsense', '2024-03-02')).toBeNaN();
  });
});
