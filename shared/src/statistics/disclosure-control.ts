import { createHmac, createSecretKey, hash } from 'node:crypto';
import { z } from 'zod';
import type { Caller } from '../auth/caller';
import type { MappaArea } from '../domain/mappa-area';

/*
 * Disclosure control for every statistical table the product publishes (C.93: a statistical return
 * only, no identifiable data). One definition, in three steps:
 *
 * 1. Primary suppression: a cell counting 1 to `threshold` people is withheld (default 4, the product's
 *    small-count rule; a zero singles no one out and is shown in a published table, and is withheld in
 *    an ad-hoc one), and a count just above the threshold is withheld for some cell keys
 *    (`withheldByCellKey`), so that the edge of suppression does not show a person either.
 * 2. Secondary suppression across rows AND columns: wherever a row or a column (totals included as
 *    one more cell of it) would hold exactly one withheld cell, the smallest other non-zero cell is
 *    withheld too (or the total, when nothing else is left), repeated until no row or column has a
 *    lone withheld cell, so no withheld cell can be worked out by subtraction.
 * 3. Every shown count, totals included, is rounded to a multiple of `base` (default 5) by
 *    cell-key rounding: the direction is drawn from the cell's key, a number that depends only on
 *    WHICH people are in the cell (the sum of their record keys), never on how the query was written.
 *    Asking for the same people twice gives the same answer (nothing to average away); two cells whose
 *    people differ by one have independent draws, and the rounding is unbiased (a count n = 5q + r is
 *    shown as 5q + 5 with probability r/5, else 5q), so every pair of answers to a "differencing pair"
 *    is one the same count could also have given: it cannot tell whether the person is there.
 *
 * Totals are rounded from their own raw count and key, not summed from rounded cells (so they do not
 * add up exactly: that is the defence, documented in docs/statistics.md).
 */

/** The default rounding base: every published count is a multiple of 5. */
export const STATISTICS_ROUNDING_BASE = 5;

/** The default suppression threshold: counts of 1 to 4 are withheld (the usual threshold for small-number disclosure control). */
export const STATISTICS_SUPPRESSION_THRESHOLD = 4;

/** The range of a record key: a person's key is a number in [0, RECORD_KEY_RANGE). */
export const RECORD_KEY_RANGE = 4096;

/**
 * How a published table is protected: the largest withheld count, the rounding base, and whether a
 * zero is withheld like a small count. A fixed published table shows its zeros (they single no one
 * out); an ad-hoc table whose filters the caller chooses withholds them, because there a zero beside
 * the same cell withheld in a query with one person more would say that person is in it.
 */
export interface DisclosureControl {
  readonly threshold: number;
  readonly base: number;
  readonly withholdZeros: boolean;
}

/** The product's one default disclosure control (published tables). */
export const DEFAULT_DISCLOSURE_CONTROL: DisclosureControl = {
  threshold: STATISTICS_SUPPRESSION_THRESHOLD,
  base: STATISTICS_ROUNDING_BASE,
  withholdZeros: false,
};

/** The disclosure control of ad-hoc tables: the same, zeros withheld too. */
export const adHocControl = (control: DisclosureControl): DisclosureControl => ({ ...control, withholdZeros: true });

/** A raw cell: how many people, and its key (the sum of their record keys, modulo RECORD_KEY_RANGE). */
export interface RawCell {
  readonly count: number;
  readonly key: number;
}

/** A published cell: the rounded count, or null with `suppressed` true. */
export interface ProtectedCell {
  readonly count: number | null;
  readonly suppressed: boolean;
}

/** A published two-way table: cells by row and column, each row's and column's total, the grand total. */
export interface ProtectedTable {
  readonly cells: ProtectedCell[][];
  readonly rowTotals: ProtectedCell[];
  readonly columnTotals: ProtectedCell[];
  readonly total: ProtectedCell;
}

/**
 * A person's record key: a number in [0, RECORD_KEY_RANGE) from a keyed hash of their subject key under
 * the product's statistics key secret. Stable across queries (so the same people always round the same
 * way), too coarse to identify anyone (4,096 values for every offender in the country). MD5 because an
 * owner's SQL must compute the same key inside a GROUP BY (`recordKeySql`, record-key.sql.ts); it is a rounding draw, never
 * a pseudonym or a secret.
 */
export function recordKeyOf(secret: string, subjectKey: string): number {
  // The one-shot hash: half the CPU of a Hash object per key (issue 13: one per person of an area's cohort).
  return Number.parseInt(hash('md5', `${secret}:${subjectKey}`).slice(0, 3), 16);
}

/** Base64url characters of the HMAC a pseudonym keeps: 96 bits (12 bytes, 16 characters). */
const PSEUDONYM_CHARACTERS = 16;

/**
 * A subject's pseudonym for one query: the HMAC of the subject key under the query's own secret, so
 * owners' answers join with each other inside that query and with nothing else. Truncated to 96 bits
 * (issue 13: an area's ad-hoc join sends one per person from each owner: 16 characters instead of the
 * 43 of the whole HMAC): the chance that two of a million people share one in a query is about 10^-17.
 */
export function pseudonymOf(querySecret: string, subjectKey: string): string {
  return pseudonymsOf(querySecret, [subjectKey])[0]!;
}

/**
 * The pseudonyms of many subjects under one query's secret (`pseudonymOf` of each, in order). The key
 * is prepared once, not once per subject, and the HMAC is encoded straight from its digest (issue 13:
 * an owner pseudonymises every person of the area, about 150,000 in London at 1,000,000 offenders,
 * where preparing the key and copying the digest per person were a third of the hashing's CPU).
 */
export function pseudonymsOf(querySecret: string, subjectKeys: readonly string[]): string[] {
  const key = createSecretKey(Buffer.from(querySecret, 'utf8'));
  // The first 16 base64url characters of the digest are exactly its first 12 bytes.
  return subjectKeys.map((subjectKey) => createHmac('sha256', key).update(subjectKey).digest('base64url').slice(0, PSEUDONYM_CHARACTERS));
}

/**
 * The subject key of a person's MAPP meeting on a day (PNC ID, YYYY-MM-DD): the MAPPA unit's invitations
 * and the prison's MAPPA F reports are joined by its pseudonym (KPI 7 as one figure), so both owners
 * must form it alike.
 */
export function meetingSubjectKey(pncId: string, day: string): string {
  return `${pncId}@${day}`;
}

/** Adds record keys into a cell key (modulo RECORD_KEY_RANGE). */
export function addKeys(...keys: readonly number[]): number {
  return keys.reduce((sum, key) => (sum + key) % RECORD_KEY_RANGE, 0);
}

/**
 * A count rounded to a multiple of `base` by its cell key: exact multiples stay; otherwise up with
 * probability (count mod base) / base, the draw being the key's position in its range (deterministic).
 */
export function roundByCellKey(count: number, key: number, base: number = STATISTICS_ROUNDING_BASE): number {
  if (!Number.isInteger(count) || count < 0) throw new Error(`a count is a non-negative integer, got ${count}`);
  const remainder = count % base;
  if (remainder === 0) return count;
  return drawOf(key, 0) < remainder / base ? count - remainder + base : count - remainder;
}

/** A draw in [0, 1) from a cell key (`salt` gives independent draws from one key), scrambled so that neighbouring keys do not draw alike. */
function drawOf(key: number, salt: number): number {
  return ((Math.imul(key + 1 + salt * RECORD_KEY_RANGE, 2654435761) >>> 0) % RECORD_KEY_RANGE) / RECORD_KEY_RANGE;
}

/**
 * Whether a cell is withheld before secondary suppression: 1 to `threshold` always (0 too where zeros
 * are withheld), and a count just above the threshold (threshold + 1 to threshold + base - 1) by its
 * key, less often the larger it is (4 in 5 keys for threshold + 1, 1 in 5 for threshold + base - 1). So
 * a count one above the threshold is withheld for most keys too, and a cell shown in one query and
 * withheld in another whose people differ by one is what the same count could have given.
 */
export function withheldByCellKey(count: number, key: number, control: DisclosureControl): boolean {
  if (count === 0) return control.withholdZeros;
  if (count <= control.threshold) return true;
  const above = count - control.threshold;
  return above < control.base && drawOf(key, 1) < (control.base - above) / control.base;
}

/** One cell shown: withheld when `withheld`, else rounded by its key (a zero stays zero). */
function publish(cell: RawCell, withheld: boolean, control: DisclosureControl): ProtectedCell {
  if (withheld) return { count: null, suppressed: true };
  return { count: roundByCellKey(cell.count, cell.key, control.base), suppressed: false };
}

/**
 * A table's totals counted on their own, for a table whose people can be in several rows or columns (a
 * multiple-response dimension such as the civil orders a person holds): each total counts its people
 * once, so it is not the sum of its cells.
 */
export interface RawMargins {
  readonly rowTotals: readonly RawCell[];
  readonly columnTotals: readonly RawCell[];
  readonly total: RawCell;
}

/**
 * Protects a two-way table of raw cells (rows × columns, every row the same length): primary
 * suppression, secondary suppression across rows and columns with the totals as one more cell of
 * each, then cell-key rounding of everything shown. Totals are the sums of the raw cells, or the
 * `margins` given when a person can be in several cells of a line. Secondary suppression treats such a
 * line exactly as an additive one (no line left with a single withheld cell): there the total is at most
 * the sum of the cells, so a line tells an attacker no more than an additive line with the same cells
 * withheld would (an inequality in place of an equation), and where no one in it holds two values the
 * line is additive and the rule is the one every single-valued table has (docs/statistics.md).
 */
export function protectTable(
  rows: readonly (readonly RawCell[])[],
  control: DisclosureControl = DEFAULT_DISCLOSURE_CONTROL,
  margins?: RawMargins,
): ProtectedTable {
  const columnCount = rows[0]?.length ?? 0;
  if (rows.some((row) => row.length !== columnCount)) throw new Error('every row of a table has the same number of columns');
  if (margins && (margins.rowTotals.length !== rows.length || margins.columnTotals.length !== columnCount))
    throw new Error(
      `margins give one total per row and per column: expected ${rows.length} and ${columnCount}, got ${margins.rowTotals.length} and ${margins.columnTotals.length}`,
    );
  const sumOf = (cells: readonly RawCell[]): RawCell => ({
    count: cells.reduce((sum, cell) => sum + cell.count, 0),
    key: addKeys(...cells.map((cell) => cell.key)),
  });
  const rowTotals = margins ? [...margins.rowTotals] : rows.map(sumOf);
  const columnTotals = margins
    ? [...margins.columnTotals]
    : Array.from({ length: columnCount }, (_, column) => sumOf(rows.map((row) => row[column]!)));
  const total = margins ? margins.total : sumOf(rowTotals);

  // The extended grid: the cells, each row's total in the last column, the column totals in the last row.
  const grid: RawCell[][] = [...rows.map((row, index) => [...row, rowTotals[index]!]), [...columnTotals, total]];
  const withheld = grid.map((row) => row.map((cell) => withheldByCellKey(cell.count, cell.key, control)));
  const lines: [number, number][][] = [
    ...grid.map((row, r) => row.map((_, c): [number, number] => [r, c])),
    ...Array.from({ length: columnCount + 1 }, (_, c) => grid.map((_, r): [number, number] => [r, c])),
  ];
  // Each pass withholds at least one more cell, so this ends; a line is safe with 0 or 2+ withheld.
  for (let changed = true; changed;) {
    changed = false;
    for (const line of lines) {
      const lone = line.filter(([r, c]) => withheld[r]![c]!);
      if (lone.length !== 1) continue;
      const candidates = line.filter(([r, c]) => !withheld[r]![c]! && grid[r]![c]!.count > 0);
      if (candidates.length === 0) continue; // every other cell is zero: the lone cell's line total is itself withheld or zero
      // Prefer the smallest inner cell (the least information lost); the total only when none is left.
      const inner = candidates.filter(([r, c]) => r < rows.length && c < columnCount);
      const pool = inner.length > 0 ? inner : candidates;
      const [r, c] = pool.reduce((best, next) => (grid[next[0]]![next[1]]!.count < grid[best[0]]![best[1]]!.count ? next : best));
      withheld[r]![c] = true;
      changed = true;
    }
  }
  const shown = grid.map((row, r) => row.map((cell, c) => publish(cell, withheld[r]![c]!, control)));
  return {
    cells: shown.slice(0, rows.length).map((row) => row.slice(0, columnCount)),
    rowTotals: shown.slice(0, rows.length).map((row) => row[columnCount]!),
    columnTotals: shown[rows.length]!.slice(0, columnCount),
    total: shown[rows.length]![columnCount]!,
  };
}

/** A secret the gateway supplies to an owner's statistics query: 32-128 URL-safe characters. */
export const statisticsSecretSchema = z.string().regex(/^[A-Za-z0-9_-]{32,128}$/, 'a statistics secret is 32-128 URL-safe characters');

/**
 * Whether the caller may have an area's statistics from an owner: under STATISTICS, for the area of
 * their own token (an analyst of an agency and area, the co-ordinator and the chair for their board).
 * The roles are the owner's field policy's business; this is the row scope of a statistic.
 */
export function readsAreaStatistics(caller: Caller, area: MappaArea): boolean {
  return caller.declaredPurpose.purpose === 'STATISTICS' && caller.principal.area === area;
}

/** The roles that may compare their area's KPI compliance with other areas' (C.95): not lay advisers, whose board is their own area's (A.R27). */
export const KPI_COMPARING_ROLES = ['analyst', 'mappa_coordinator', 'mappa_chair'] as const;

/**
 * Whether the caller may have an area's KPIs from an owner (C.95: "areas can see their own and other
 * areas' compliance", on the Probation Hub): under STATISTICS, their own area's, and another area's for
 * an analyst, co-ordinator or chair. The KPIs are counts of meetings, attendances and referrals,
 * protected like every statistic; no area's figure names a person.
 */
export function readsAreaKpis(caller: Caller, area: MappaArea): boolean {
  if (caller.declaredPurpose.purpose !== 'STATISTICS') return false;
  return caller.principal.area === area || caller.principal.roles.some((role) => (KPI_COMPARING_ROLES as readonly string[]).includes(role));
}

/**
 * Whether the caller may have a published table from an owner for `area`, or for England and Wales
 * when `area` is null: an area as `readsAreaStatistics`; the national tables (the sum of every area,
 * protected as one table) to any published-tables caller under STATISTICS, as the national MAPPA
 * statistics are published to everyone. The roles are the owner's field policy's business.
 */
export function readsPublishedStatistics(caller: Caller, area: MappaArea | null): boolean {
  return area === null ? caller.declaredPurpose.purpose === 'STATISTICS' : readsAreaStatistics(caller, area);
}
