import { hasCaseRelationship } from '@mappa/shared';
import type { PrincipalAgency, RecordConditions, RecordPredicate } from '@mappa/shared';
import { subjectUnderEighteen } from '../identity/identity-young-person.condition';
import { mappaJInForce } from '../mappa-j/mappa-j.condition';

/**
 * How ViSOR names the partner agencies a nominal is shared with (`partnerAgencies`), by the reader's
 * agency. Only the Responsible Authority partners that ViSOR shares records with are listed: any other
 * agency is never a ViSOR partner (A.R5, A.R6).
 */
const VISOR_PARTNER_CODE: Partial<Record<PrincipalAgency, string>> = {
  probation: 'PROBATION',
  prison: 'PRISON',
};

/** The fields of a nominal (`VisorNominalRecord`) the partner condition reads; anything else answers false. */
interface PartnerFacts {
  readonly pncId: unknown;
  readonly partnerAgencies: readonly unknown[];
  readonly mappaCategory: number | null;
  readonly mappaLevel: number | null;
  readonly levelOneAgreedPartners: readonly unknown[];
}

function partnerFactsOf(record: unknown): PartnerFacts | null {
  if (typeof record !== 'object' || record === null) return null;
  const { pncId, partnerAgencies, mappaCategory, mappaLevel, levelOneAgreedPartners } = record as Record<string, unknown>;
  if (!Array.isArray(partnerAgencies) || !Array.isArray(levelOneAgreedPartners)) return null;
  const category = typeof mappaCategory === 'number' ? mappaCategory : null;
  const level = typeof mappaLevel === 'number' ? mappaLevel : null;
  return { pncId, partnerAgencies, mappaCategory: category, mappaLevel: level, levelOneAgreedPartners };
}

/**
 * `visorPartnerAgency`: the ViSOR nominal lists the reader's agency as a partner (A.R5, A.R6), and
 * - for probation on a category 1 nominal, the case is managed at level 2 or 3 or the person's area
 *   records a local agreement for level 1 (A.R6). The listing alone does not decide it: a force that
 *   listed probation on a level 1 case without an agreement has shared more than the rule allows.
 * - for the prison, the person is in custody now where the reader works (A.R5: the establishment
 *   holding the offender is a partner while they are in custody). Custody is the prison's record, not
 *   the police's: the prison answers which people it holds in the reader's reach (`HELD_IN_CUSTODY`)
 *   and the gateway vouches that answer here, so the police read no prison data and a listing the
 *   police have not yet removed after a release opens nothing.
 */
export const visorPartnerAgency: RecordPredicate = (record, caller) => {
  const code = VISOR_PARTNER_CODE[caller.principal.agency];
  const facts = partnerFactsOf(record);
  if (code === undefined || facts === null || !facts.partnerAgencies.includes(code)) return false;
  if (code === 'PRISON') return hasCaseRelationship(caller, 'HELD_IN_CUSTODY', facts.pncId);
  // A nominal that does not record its category or level cannot show probation is allowed: closed.
  if (facts.mappaCategory === null || facts.mappaLevel === null) return false;
  if (facts.mappaCategory === 1 && facts.mappaLevel < 2) return facts.levelOneAgreedPartners.includes(code);
  return true;
};

/** The record conditions the police's grants name, with their predicates. */
export const POLICE_RECORD_CONDITIONS: RecordConditions = { visorPartnerAgency, subjectUnderEighteen, mappaJInForce };
