/*
 * Statistics for the Strategic Management Board and the co-ordinator contain no individual-level data
 * (C.93, L19878): counts only, and a count small enough to point at someone (a single disclosure to a
 * school in a quarter, in one area) is suppressed. This is the one definition every statistical answer
 * uses, so that what one report hides no other report shows. A zero is shown: it singles no one out.
 */

/** The smallest and largest count that is suppressed (1 to 4, the usual threshold for small-number disclosure control). */
export const SUPPRESSED_COUNT_MIN = 1;
export const SUPPRESSED_COUNT_MAX = 4;

/** A count as a statistical answer gives it: the number, or null with `suppressed` when it is too small to show. */
export interface StatisticalCount {
  readonly count: number | null;
  readonly suppressed: boolean;
}

/** Whether a count is small enough to single someone out (1-4); zero and 5 or more are shown. */
export function isSmallCount(count: number): boolean {
  return count >= SUPPRESSED_COUNT_MIN && count <= SUPPRESSED_COUNT_MAX;
}

/** The count as it may be shown: null and `suppressed` for 1-4. Throws on a count that is not a non-negative integer. */
export function suppressSmallCount(count: number): StatisticalCount {
  if (!Number.isInteger(count) || count < 0) throw new Error(`a count is a non-negative integer, got ${count}`);
  return isSmallCount(count) ? { count: null, suppressed: true } : { count, suppressed: false };
}

/**
 * The cells of one breakdown whose total is published alongside (counts by recipient kind, by level):
 * each small count suppressed, and, where exactly one cell would be suppressed while the total is
 * shown, the smallest other non-zero cell too, so that no suppressed cell can be worked out by
 * subtracting the others from the total (secondary suppression).
 */
export function suppressBreakdown(cells: readonly number[]): StatisticalCount[] {
  const shown = cells.map(suppressSmallCount);
  const total = cells.reduce((sum, cell) => sum + cell, 0);
  const suppressedCells = shown.filter((cell) => cell.suppressed).length;
  if (suppressedCells === 1 && !isSmallCount(total)) {
    let smallest = -1;
    cells.forEach((cell, index) => {
      if (!shown[index]!.suppressed && cell > 0 && (smallest < 0 || cell < cells[smallest]!)) smallest = index;
    });
    if (smallest >= 0) shown[smallest] = { count: null, suppressed: true };
  }
  return shown;
}
