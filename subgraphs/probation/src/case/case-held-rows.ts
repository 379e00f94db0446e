/** One person's rows of one kind, present only when probation holds a case for them. */
export interface HeldRows<Row> {
  readonly pncId: string;
  readonly rows: Row[];
}

/**
 * Groups the result of `probation_case LEFT JOIN <child>` by PNC ID, keeping the SQL order. A case
 * with no child rows gives an empty list ("known, none"); a PNC ID with no case gives no group, so the
 * loader answers null ("not held"). One statement thus answers both questions.
 */
export function groupByCase<Row>(joined: readonly { readonly pncId: string; readonly row: Row | null }[]): HeldRows<Row>[] {
  const groups = new Map<string, Row[]>();
  for (const { pncId, row } of joined) {
    let rows = groups.get(pncId);
    if (!rows) {
      rows = [];
      groups.set(pncId, rows);
    }
    if (row !== null) rows.push(row);
  }
  return [...groups].map(([pncId, rows]) => ({ pncId, rows }));
}
