import { UpstreamUnavailableError } from '@mappa/shared';
import type { AskedOwner } from './owner-client';

/**
 * An owner's per-person statistics answer as parallel columns (issue 13): `pseudonym` and one list per
 * field asked, entry i of each being the same person. An owner answers so instead of one GraphQL object
 * per person, which cost a policy check and a field name per person per field (some 30,000 people for
 * one area's table 5 at 1,000,000 offenders). A column the owner leaves null (an event count without a
 * period) is null as a whole.
 */
export type OwnerColumns = { readonly pseudonym: readonly string[] } & Readonly<Record<string, unknown>>;

/**
 * The owner's columns, checked: every list as long as `pseudonym`. A column of another length would
 * put a value beside the wrong person, so it is the owner failing (UPSTREAM_UNAVAILABLE), never a table.
 */
export function checkedColumns<Columns extends OwnerColumns>(owner: AskedOwner, answer: Columns): Columns {
  const people = Array.isArray(answer.pseudonym) ? answer.pseudonym.length : -1;
  const misaligned =
    people < 0 || Object.values(answer).some((column) => column !== null && (!Array.isArray(column) || column.length !== people));
  if (misaligned) throw new UpstreamUnavailableError(owner);
  return answer;
}
