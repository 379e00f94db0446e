import { isUnder18 } from '@mappa/shared';
import type { RecordPredicate } from '@mappa/shared';

/**
 * `subjectUnderEighteen`: the police's identity record (a `PersonRow`) gives a date of birth that makes the
 * person under 18 on the request's date (C.56). The youth offending team works with under-18s only,
 * so among the people of its area (row scope) those are the ones its standard checks can be about;
 * the police decide it from the date of birth they hold, with no look at the YOT's own records. A
 * record without a date of birth answers false.
 */
export const subjectUnderEighteen: RecordPredicate = (record, _caller, today) => {
  if (typeof record !== 'object' || record === null) return false;
  const { dateOfBirth } = record as { dateOfBirth?: unknown };
  return typeof dateOfBirth === 'string' && isUnder18(dateOfBirth, today);
};
