import type { PrincipalAgency, RecordConditions, RecordPredicate } from '@mappa/shared';

/**
 * How ViSOR names the partner agencies a nominal is shared with (`partnerAgencies`), by the reader's
 * agency. Only the Responsible Authority partners that ViSOR shares records with are listed: any other
 * agency is never a ViSOR partner (A.R5, A.R6).
 */
const VISOR_PARTNER_CODE: Partial<Record<PrincipalAgency, string>> = {
  probation: 'PROBATION',
  prison: 'PRISON',
};

/**
 * `visorPartnerAgency`: the ViSOR nominal lists the reader's agency as a partner (A.R5, A.R6).
 * Custody status is the prison's record, not the police's, so the "and in custody" part of the prison
 * route is not decided here: the police list PRISON as a partner only while the person is in custody.
 */
export const visorPartnerAgency: RecordPredicate = (record, caller) => {
  const code = VISOR_PARTNER_CODE[caller.principal.agency];
  if (code === undefined || typeof record !== 'object' || record === null) return false;
  const partners: unknown = (record as { partnerAgencies?: unknown }).partnerAgencies;
  return Array.isArray(partners) && partners.includes(code);
};

/** The record conditions the police's grants name, with their predicates. */
export const POLICE_RECORD_CONDITIONS: RecordConditions = { visorPartnerAgency };
