import type { RecordConditions, RecordPredicate } from '@mappa/shared';

/**
 * `receivingProbationArea`: the transition plan (an `AdultTransitionRow`) names the reader's area as
 * the probation area that will take the case at 18 (C §4.8). Only probation reads through it: the
 * plan is the hand-over to that area, not to probation at large. A plan naming no area answers false.
 */
export const receivingProbationArea: RecordPredicate = (record, caller) => {
  if (caller.principal.agency !== 'probation' || typeof record !== 'object' || record === null) return false;
  const { receivingProbationArea: area } = record as { receivingProbationArea?: unknown };
  return typeof area === 'string' && area === caller.principal.area;
};

/** The record conditions the YOT's grants name, with their predicates. */
export const YOT_RECORD_CONDITIONS: RecordConditions = { receivingProbationArea };
