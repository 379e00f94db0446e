/**
 * A prison record with the PNC ID of the person it is about. The prison keys sentences and temporary
 * releases by prison number; the record conditions decided on probation's relationship facts
 * (case-relationships.ts) name people by PNC ID, so each record served about a person carries it.
 */
export type OfSubject<Row extends object> = Row & { readonly pncId: string };

/** `row` as served about the person `pncId` (a copy: loader results are shared within the request). */
export function ofSubject<Row extends object>(pncId: string, row: Row): OfSubject<Row> {
  return { ...row, pncId };
}
