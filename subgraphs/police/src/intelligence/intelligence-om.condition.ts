import { hasCaseRelationship } from '@mappa/shared';
import type { RecordConditions, RecordPredicate } from '@mappa/shared';
import type { IntelligenceItemWithAgreements } from './intelligence-item.loader';
import { originatingForceOrAgreed, releasableOutsidePolice, releasableToPartners } from './intelligence-originator.condition';

/**
 * An intelligence item as served about a person: the row with its originator's live agreements, and
 * whether the police hold the person as a terrorist case (their counter-terrorism marker: category 4
 * or a restricted-access ViSOR record), which the C.63 condition decides on and the item itself does
 * not record.
 */
export interface IntelligenceItemOfSubject extends IntelligenceItemWithAgreements {
  readonly subjectIsTerroristCase: boolean;
}

/**
 * `allocatedOffenderManagerOfTerroristCase` (C.63, C.64): the police give the offender manager of a
 * terrorist case all relevant information, as a sanitised summary outside the police (principle 4).
 * Holds for an item about a terrorist case whose probation case is allocated to the caller (probation's
 * fact, vouched by the gateway). The grant also asks counter-terrorism clearance. The summary leaves the
 * police for a handling code C item only with the originator's agreement (`releasableOutsidePolice`).
 * Anything that is not such an item (an empty list's Offender included) is decided false.
 */
export const allocatedOffenderManagerOfTerroristCase: RecordPredicate = (record, caller) => {
  if (typeof record !== 'object' || record === null) return false;
  const item = record as Partial<IntelligenceItemOfSubject>;
  return (
    item.subjectIsTerroristCase === true &&
    releasableOutsidePolice(record) &&
    hasCaseRelationship(caller, 'ALLOCATED_OFFENDER_MANAGER', item.pncId)
  );
};

/**
 * `yotCaseManagerOfTerroristCase` (C.63): as above for the YOT case manager, to whom the police owe the
 * same "all relevant information" for a young person: an item about a terrorist case whose youth
 * justice case the caller manages (the YOT's fact, vouched by the gateway), C items only as agreed.
 */
export const yotCaseManagerOfTerroristCase: RecordPredicate = (record, caller) => {
  if (typeof record !== 'object' || record === null) return false;
  const item = record as Partial<IntelligenceItemOfSubject>;
  return (
    item.subjectIsTerroristCase === true && releasableOutsidePolice(record) && hasCaseRelationship(caller, 'YOT_CASE_MANAGER', item.pncId)
  );
};

/** The record conditions the police's intelligence grants name. */
export const INTELLIGENCE_RECORD_CONDITIONS: RecordConditions = {
  allocatedOffenderManagerOfTerroristCase,
  yotCaseManagerOfTerroristCase,
  originatingForceOrAgreed,
  releasableToPartners,
};
