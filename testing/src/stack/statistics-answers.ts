/** Reading the statistics path's answers in tests: one table shape, its lines and cells, and the identifier scan (C.93). */

export interface Count {
  readonly count: number | null;
  readonly suppressed: boolean;
}

export interface Table {
  readonly rowDimension: string;
  readonly columnDimension: string;
  readonly columns: string[];
  readonly rows: { value: string; cells: Count[]; total: Count }[];
  readonly columnTotals: Count[];
  readonly total: Count;
}

/** Every line of a table: each row and each column with its total as one more cell, and the totals' own lines. */
export function linesOf(table: Table): Count[][] {
  const rows = table.rows.map((row) => [...row.cells, row.total]);
  const columns = table.columns.map((_, column) => [...table.rows.map((row) => row.cells[column]!), table.columnTotals[column]!]);
  return [...rows, [...table.columnTotals, table.total], ...columns, [...table.rows.map((row) => row.total), table.total]];
}

/** Each cell, row total, column total and the total, beside the raw count it was published from. */
export function pairs(table: Table, raw: number[][]): [Count, number][] {
  const rowTotals = raw.map((row) => row.reduce((sum, cell) => sum + cell, 0));
  const columnTotals = table.columns.map((_, column) => raw.reduce((sum, row) => sum + row[column]!, 0));
  return [
    ...table.rows.flatMap((row, r) => row.cells.map((cell, c): [Count, number] => [cell, raw[r]![c]!])),
    ...table.rows.map((row, r): [Count, number] => [row.total, rowTotals[r]!]),
    ...table.columnTotals.map((total, c): [Count, number] => [total, columnTotals[c]!]),
    [table.total, rowTotals.reduce((sum, cell) => sum + cell, 0)],
  ];
}

/** Every string anywhere in an answer. */
export function stringsIn(answer: unknown): string[] {
  const strings: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') strings.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(answer);
  return strings;
}

/**
 * C.93: every string anywhere in an answer is one the caller expects (a dimension, a value from a fixed
 * list, the area...): no PNC ID, no date, none of the seeded people's names, no free text. `atLeast`
 * strings must be there, so that an answer emptied by mistake cannot pass.
 */
export function expectNoIdentifier(
  answer: unknown,
  allowed: ReadonlySet<string>,
  options: { readonly names?: ReadonlySet<string>; readonly atLeast?: number } = {},
): void {
  const strings = stringsIn(answer);
  expect(strings.length).toBeGreaterThanOrEqual(options.atLeast ?? 1);
  for (const value of strings) {
    expect(value).not.toMatch(/\d{2,4}\/\d+[A-Z]/);
    expect(value).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(options.names?.has(value) ?? false).toBe(false);
    expect({ value, allowed: allowed.has(value) }).toEqual({ value, allowed: true });
  }
}

/**
 * C.93, the differencing attack: whether two published counts of a pair of questions that differ by one
 * person are what the same true counts could also give: both withheld, both rounded to multiples of 5
 * within 5 of each other, or one withheld beside a count of 10 or below (which a withheld one could be).
 */
export function differenceExplained(x: Count, y: Count): boolean {
  return (
    (x.suppressed && y.suppressed) ||
    (!x.suppressed && !y.suppressed && Math.abs(x.count! - y.count!) <= 5 && x.count! % 5 === 0 && y.count! % 5 === 0) ||
    (x.suppressed !== y.suppressed && (x.count ?? y.count)! <= 10)
  );
}

/** Every count a table publishes: its cells, row totals, column totals and total, in order. */
export function publishedCounts(table: Table): Count[] {
  return [...table.rows.flatMap((row) => [...row.cells, row.total]), ...table.columnTotals, table.total];
}

/** C.93: every count of a differencing pair's two answers is explained (`differenceExplained`), cell by cell. */
export function expectEveryDifferenceExplained(a: Table, b: Table): void {
  const others = publishedCounts(b);
  for (const [index, x] of publishedCounts(a).entries()) {
    const y = others[index]!;
    expect({ x, y, explained: differenceExplained(x, y) }).toEqual({ x, y, explained: true });
  }
}
