import { isUnder18 } from '@mappa/shared';
import type { RecordPredicate } from '@mappa/shared';

/**
 * `mappaJInForce`: the MAPPA J (a `MappaJRecord`) is about someone the police record as 18 or over
 * today (A.R31: MAPPA J is for adults only) and its restriction has not reached its end date
 * (A.R33: Jobcentre Plus deletes it on that date, so it reads nothing of it from then on). Anything
 * it cannot read answers false.
 */
export const mappaJInForce: RecordPredicate = (record, _caller, today) => {
  if (typeof record !== 'object' || record === null) return false;
  const { restrictionEndDate, subjectDateOfBirth } = record as { restrictionEndDate?: unknown; subjectDateOfBirth?: unknown };
  if (typeof restrictionEndDate !== 'string' || typeof subjectDateOfBirth !== 'string') return false;
  return restrictionEndDate > today && !isUnder18(subjectDateOfBirth, today);
};
