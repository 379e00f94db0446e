import { Agency } from '@mappa/shared';
import type { PrincipalAgency, RecordConditions, RecordPredicate } from '@mappa/shared';
import type { MappaLeadAgency } from './mappa-case.type';

/** The lead agency a principal's agency is, when it can lead a MAPPA case at all (never the prison, A.R16, nor the unit itself). */
export const LEAD_AGENCY_OF: Partial<Record<PrincipalAgency, MappaLeadAgency>> = {
  police: Agency.POLICE,
  probation: Agency.PROBATION,
  yot: Agency.YOT,
};

/** What the lead-agency condition reads on a record of a case's history: the case's lead agency, carried beside the record (not a GraphQL field). */
export interface OfCaseLedBy {
  readonly caseLeadAgency: MappaLeadAgency;
}

/**
 * `leadAgencyOfCase` (A.R20, A.R21): the record belongs to a MAPPA case that the reader's agency leads,
 * as the MAPPA unit records it now (the case's `leadAgency`; after a change of lead agency the new one
 * reads the whole history, which is the record it now answers for). Anything that does not carry the
 * lead agency answers false.
 */
export const leadAgencyOfCase: RecordPredicate = (record, caller) => {
  if (typeof record !== 'object' || record === null) return false;
  const { caseLeadAgency } = record as { caseLeadAgency?: unknown };
  const readerLeads = LEAD_AGENCY_OF[caller.principal.agency];
  return readerLeads !== undefined && caseLeadAgency === readerLeads;
};

/** The record conditions the MAPPA unit's grants name, with their predicates. */
export const MAPPA_RECORD_CONDITIONS: RecordConditions = { leadAgencyOfCase };
