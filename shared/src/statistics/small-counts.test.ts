import { isSmallCount, suppressBreakdown, suppressSmallCount } from './small-counts';

describe('small counts (C.93: statistics carry no individual-level data)', () => {
  it('C.93: a count of 1 to 4 is suppressed (null, flagged); zero and 5 or more are shown', () => {
    expect([0, 1, 2, 3, 4, 5, 120].map(suppressSmallCount)).toEqual([
      { count: 0, suppressed: false },
      { count: null, suppressed: true },
      { count: null, suppressed: true },
      { count: null, suppressed: true },
      { count: null, suppressed: true },
      { count: 5, suppressed: false },
      { count: 120, suppressed: false },
    ]);
    expect(isSmallCount(4)).toBe(true);
    expect(isSmallCount(5)).toBe(false);
  });

  it('refuses what is not a count', () => {
    expect(() => suppressSmallCount(-1)).toThrow('non-negative integer, got -1');
    expect(() => suppressSmallCount(2.5)).toThrow('got 2.5');
  });

  it('C.93: a breakdown with one small cell beside a published total suppresses the next smallest too, so it cannot be worked out by subtraction', () => {
    expect(suppressBreakdown([3, 0, 12, 7])).toEqual([
      { count: null, suppressed: true },
      { count: 0, suppressed: false },
      { count: 12, suppressed: false },
      { count: null, suppressed: true },
    ]);
    // Two small cells already hide each other; nothing shown is touched.
    expect(suppressBreakdown([2, 3, 9]).map((cell) => cell.suppressed)).toEqual([true, true, false]);
    expect(suppressBreakdown([0, 6, 9]).map((cell) => cell.count)).toEqual([0, 6, 9]);
  });
});
