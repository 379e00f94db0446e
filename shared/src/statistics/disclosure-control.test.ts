import { createHmac, randomBytes } from 'node:crypto';
import {
  adHocControl,
  DEFAULT_DISCLOSURE_CONTROL,
  protectTable,
  pseudonymOf,
  pseudonymsOf,
  recordKeyOf,
  RECORD_KEY_RANGE,
  roundByCellKey,
  withheldByCellKey,
} from './disclosure-control';
import type { ProtectedTable, RawCell } from './disclosure-control';

// @jest-database-independent: it protects tables in memory and opens no database, so CI runs it once (.ci/run).

const cell = (count: number, key = count * 37): RawCell => ({ count, key: key % RECORD_KEY_RANGE });

/** Every line (row or column, its total as one more cell) of the published table. */
function linesOf(table: ProtectedTable) {
  const rows = table.cells.map((row, index) => [...row, table.rowTotals[index]!]);
  const columns = table.columnTotals.map((total, column) => [...table.cells.map((row) => row[column]!), total]);
  return [...rows, [...table.columnTotals, table.total], ...columns, [...table.rowTotals, table.total]];
}

describe('disclosure control (C.93: a statistical return only, no count that singles anyone out)', () => {
  it('C.93: a count is rounded to a multiple of 5 by its cell key, the same key always the same way, and never by more than 4', () => {
    for (let count = 0; count < 60; count += 1) {
      for (let key = 0; key < RECORD_KEY_RANGE; key += 97) {
        const rounded = roundByCellKey(count, key);
        expect(rounded % 5).toBe(0);
        expect(Math.abs(rounded - count)).toBeLessThan(5);
        expect(roundByCellKey(count, key)).toBe(rounded);
      }
    }
  });

  it('C.93: rounding is unbiased over keys (a count of 7 is shown as 10 for about 2 keys in 5)', () => {
    const keys = Array.from({ length: RECORD_KEY_RANGE }, (_, key) => key);
    const up = keys.filter((key) => roundByCellKey(7, key) === 10).length / RECORD_KEY_RANGE;
    expect(up).toBeGreaterThan(0.35);
    expect(up).toBeLessThan(0.45);
  });

  it('C.93: every cell of 1 to 4 is withheld, and no row or column is left with a single withheld cell (totals included)', () => {
    const table = protectTable([
      [cell(3), cell(40), cell(12)],
      [cell(0), cell(25), cell(9)],
      [cell(2), cell(0), cell(30)],
    ]);
    expect(table.cells[0]![0]).toEqual({ count: null, suppressed: true });
    expect(table.cells[2]![0]).toEqual({ count: null, suppressed: true });
    for (const line of linesOf(table)) expect(line.filter((entry) => entry.suppressed).length).not.toBe(1);
    for (const entry of linesOf(table).flat()) if (!entry.suppressed) expect(entry.count! % 5).toBe(0);
  });

  it('C.93: a lone small cell whose line holds only zeros besides withholds the line total too', () => {
    const table = protectTable([
      [cell(2), cell(0)],
      [cell(20), cell(30)],
    ]);
    expect(table.rowTotals[0]).toEqual({ count: null, suppressed: true });
    for (const line of linesOf(table)) expect(line.filter((entry) => entry.suppressed).length).not.toBe(1);
  });

  it('C.93: a zero is shown as zero', () => {
    expect(protectTable([[cell(0), cell(0)]]).total).toEqual({ count: 0, suppressed: false });
  });

  it('C.93: 1 to 4 is always withheld; 5 to 8 for fewer keys the larger it is; 9 and over never; zero only in ad-hoc tables', () => {
    const keys = Array.from({ length: RECORD_KEY_RANGE }, (_, key) => key);
    const withheldShare = (count: number) =>
      keys.filter((key) => withheldByCellKey(count, key, DEFAULT_DISCLOSURE_CONTROL)).length / RECORD_KEY_RANGE;
    expect([1, 2, 3, 4].map(withheldShare)).toEqual([1, 1, 1, 1]);
    expect(withheldShare(5)).toBeGreaterThan(withheldShare(6));
    expect(withheldShare(7)).toBeGreaterThan(withheldShare(8));
    expect(withheldShare(8)).toBeGreaterThan(0);
    expect([9, 10, 50].map(withheldShare)).toEqual([0, 0, 0]);
    expect(withheldByCellKey(0, 17, DEFAULT_DISCLOSURE_CONTROL)).toBe(false);
    expect(withheldByCellKey(0, 17, adHocControl(DEFAULT_DISCLOSURE_CONTROL))).toBe(true);
  });

  it('C.93: for every count, a differencing pair (the cell with one person more, any keys) gives a pair of answers the same count could also have given', () => {
    const control = adHocControl(DEFAULT_DISCLOSURE_CONTROL);
    const answer = (count: number, key: number) => (withheldByCellKey(count, key, control) ? 'withheld' : roundByCellKey(count, key));
    // Every answer a count can give, over all keys.
    const possible = (count: number) => new Set(Array.from({ length: RECORD_KEY_RANGE }, (_, key) => answer(count, key)));
    for (let count = 0; count < 60; count += 1) {
      const without = possible(count);
      const withOneMore = possible(count + 1);
      for (const a of withOneMore) {
        for (const b of without) {
          const explained = [count, count + 1].some((same) => possible(same).has(a) && possible(same).has(b));
          expect({ count, a, b, explained }).toEqual({ count, a, b, explained: true });
        }
      }
    }
  });

  it('C.93: a table whose people can be in several rows publishes the totals it is given (each person once), not the sums of its cells', () => {
    // Rows: order types a person can hold several of (SHPO, SOPO, NONE); columns: level 1, 2.
    // 40 people at level 1 (10 hold both orders), 30 at level 2 (5 both): the column totals are people.
    const rows = [
      [cell(30), cell(20)],
      [cell(15), cell(12)],
      [cell(5), cell(3)],
    ];
    const margins = { rowTotals: [cell(50), cell(27), cell(8)], columnTotals: [cell(40, 11), cell(30, 13)], total: cell(70, 29) };
    const table = protectTable(rows, DEFAULT_DISCLOSURE_CONTROL, margins);
    expect(table.columnTotals).toEqual([
      { count: roundByCellKey(40, 11), suppressed: false },
      { count: roundByCellKey(30, 13), suppressed: false },
    ]);
    expect(table.total).toEqual({ count: roundByCellKey(70, 29), suppressed: false });
    // Summed, the first column would be 50 (30 + 15 + 5): not what is published.
    expect(table.columnTotals[0]!.count).toBe(40);
  });

  it('C.93: a line whose total is not the sum of its cells is never left with a single withheld cell either (the rule of every line)', () => {
    // The level-2 column holds one small cell (3): without secondary suppression, a caller who assumed
    // no overlap would read it as the column total less the other cells.
    const rows = [
      [cell(30), cell(20)],
      [cell(15), cell(12)],
      [cell(6), cell(3)],
    ];
    const margins = { rowTotals: [cell(50), cell(27), cell(9)], columnTotals: [cell(41), cell(30)], total: cell(71) };
    const table = protectTable(rows, adHocControl(DEFAULT_DISCLOSURE_CONTROL), margins);
    expect(table.cells[2]![1]).toEqual({ count: null, suppressed: true });
    for (const line of linesOf(table)) expect(line.filter((entry) => entry.suppressed).length).not.toBe(1);
  });

  it('refuses margins that do not give one total per row and per column', () => {
    expect(() =>
      protectTable([[cell(5), cell(6)]], DEFAULT_DISCLOSURE_CONTROL, { rowTotals: [], columnTotals: [cell(5)], total: cell(11) }),
    ).toThrow('margins give one total per row and per column: expected 1 and 2, got 0 and 1');
  });

  it('pseudonyms differ between query secrets; record keys are stable and coarse', () => {
    expect(pseudonymOf('query-1', 'AB/12345C')).not.toBe(pseudonymOf('query-2', 'AB/12345C'));
    expect(pseudonymOf('query-1', 'AB/12345C')).toBe(pseudonymOf('query-1', 'AB/12345C'));
    const key = recordKeyOf('secret', 'AB/12345C');
    expect(key).toBe(recordKeyOf('secret', 'AB/12345C'));
    expect(key).toBeGreaterThanOrEqual(0);
    expect(key).toBeLessThan(RECORD_KEY_RANGE);
  });

  it("a pseudonym is the HMAC-SHA-256 of the subject key under the query's secret, its first 96 bits in base64url, the same one by one and in bulk", () => {
    // Owners' answers join by pseudonym alone: every owner must give a person the same one within a query.
    const secret = randomBytes(32).toString('base64url');
    const subjects = ['AB/12345C', '2001/0000042X-x9', 'Ünïcødé/1234Z', ''];
    const expected = subjects.map((subject) =>
      createHmac('sha256', Buffer.from(secret, 'utf8')).update(subject, 'utf8').digest().subarray(0, 12).toString('base64url'),
    );
    expect(pseudonymsOf(secret, subjects)).toEqual(expected);
    expect(subjects.map((subject) => pseudonymOf(secret, subject))).toEqual(expected);
    expect(expected.every((pseudonym) => /^[A-Za-z0-9_-]{16}$/.test(pseudonym))).toBe(true);
  });
});
