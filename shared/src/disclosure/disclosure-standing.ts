import { isMappaCoordinator } from '../auth/purpose-evidence';
import type { DisclosureEvidence } from '../auth/purpose-evidence';
import type { Principal } from '../auth/principal';
import {
  CONSULTEES,
  holderOfDisclosureDecisionId,
  holdsRoleIn,
  ITEM_SOURCE_AGENCIES,
  LEVEL_1_DECISION_MAKER_ROLES,
  OWNER_AGREEMENT_ROLES,
  VICTIM_LIAISON_AGREEMENT_ROLES,
} from './disclosure.model';
import type { DisclosureHolder, DisclosureStanding, ItemSourceAgency } from './disclosure.model';
import type { DisclosureConsultationRow, DisclosureDecisionRow, DisclosureItemRow } from './disclosure.tables';

/*
 * A caller's standing to a disclosure decision (issue 11, shared-spec "Standing"): what makes a declared
 * DISCLOSURE_DECISION true for them, computed from the holder's own rows only, so the same rule holds in
 * the three holders (the MAPPA unit for levels 2 and 3, probation and the police for level 1). Every way
 * of not standing (another area, not a party, an unknown id: the holder passes no row) is the same null,
 * so a made-up id and someone else's decision answer alike (principle 9).
 */

/**
 * How long disclosure evidence is vouched for: it is looked up afresh for every request (as referral
 * evidence, `REFERRAL_EVIDENCE_MINUTES` in the MAPPA unit), so this bounds only a vouched copy; a party
 * who stops being one (an item removed, say) stops counting on the next request.
 */
export const DISCLOSURE_EVIDENCE_MINUTES = 10;

/** When several standings hold, the one answered (shared-spec "Standing": the strongest first). */
const STANDING_PRIORITY: readonly DisclosureStanding[] = ['DECISION_MAKER', 'COORDINATOR', 'PROPOSER', 'OWNER', 'CONSULTEE'];

/** The rows of one decision that decide who stands to it, as the holder reads them. */
export interface DisclosureStandingFacts {
  readonly decision: Pick<
    DisclosureDecisionRow,
    'decisionId' | 'pncId' | 'area' | 'subjectUnder18' | 'proposedByStaffId' | 'proposedByIssuer' | 'status' | 'outcome'
  >;
  /** The decision's items; removed ones are ignored here, so the holder may pass them all. */
  readonly items: readonly Pick<DisclosureItemRow, 'sourceAgency' | 'victimIdentifying' | 'removedAt'>[];
  /** The consultations requested (answered or not). */
  readonly consultations: readonly Pick<DisclosureConsultationRow, 'kind'>[];
  /** MAPPA only: the chair of the decision's meeting (staff id with its issuer); null for level 1 or an unknown chair. */
  readonly meetingChair: { readonly staffId: string; readonly issuer: string } | null;
}

function isItemSourceAgency(agency: string): agency is ItemSourceAgency {
  return (ITEM_SOURCE_AGENCIES as readonly string[]).includes(agency);
}

/**
 * Every standing the principal has to a decision of `holder` (not in priority order; empty for no party or
 * another area): the one rule both the evidence (`disclosureStandingOf`) and each transition's actor
 * check (the workflow's `requireDisclosureParty`) use.
 */
export function disclosureStandingsOf(
  principal: Principal,
  holder: DisclosureHolder,
  facts: DisclosureStandingFacts,
): Set<DisclosureStanding> {
  const { decision, items, consultations, meetingChair } = facts;
  const standings = new Set<DisclosureStanding>();
  if (principal.area !== decision.area) return standings;
  // Staff are named by staff id with the identity provider that issued it (issue 9 §2): the same id from another provider is someone else.
  const isProposer = decision.proposedByStaffId === principal.staffId && decision.proposedByIssuer === principal.issuer;
  if (isProposer) standings.add('PROPOSER');
  if (holder === 'MAPPA') {
    // Levels 2 and 3: the chair of the meeting the decision belongs to, acting as chair; and the area's co-ordinator.
    if (
      meetingChair !== null &&
      meetingChair.staffId === principal.staffId &&
      meetingChair.issuer === principal.issuer &&
      principal.roles.includes('mappa_chair')
    )
      standings.add('DECISION_MAKER');
    if (isMappaCoordinator(principal)) standings.add('COORDINATOR');
  } else if (
    holdsRoleIn(principal, holder === 'PROBATION' ? 'probation' : 'police', LEVEL_1_DECISION_MAKER_ROLES[holder]) &&
    !(holder === 'POLICE' && isProposer)
  ) {
    // Level 1: the lead agency's manager; for the police a PPU officer other than the proposer (no one decides their own proposal).
    standings.add('DECISION_MAKER');
  }
  const liveItems = items.filter((item) => item.removedAt === null);
  const owns = liveItems.some(
    (item) => isItemSourceAgency(item.sourceAgency) && holdsRoleIn(principal, item.sourceAgency, OWNER_AGREEMENT_ROLES[item.sourceAgency]),
  );
  const victimLiaison =
    liveItems.some((item) => item.victimIdentifying) && holdsRoleIn(principal, 'probation', VICTIM_LIAISON_AGREEMENT_ROLES);
  if (owns || victimLiaison) standings.add('OWNER');
  // Only a consultation that was requested makes its consultee a party: a required one not yet asked does not.
  if (
    consultations.some((consultation) => holdsRoleIn(principal, CONSULTEES[consultation.kind].agency, CONSULTEES[consultation.kind].roles))
  )
    standings.add('CONSULTEE');
  return standings;
}

/** Still to be made: PROPOSED, CONSULTING, or DECIDED to disclose and not yet MADE. */
export function isOpenDecision(decision: Pick<DisclosureDecisionRow, 'status' | 'outcome'>): boolean {
  return (
    decision.status === 'PROPOSED' || decision.status === 'CONSULTING' || (decision.status === 'DECIDED' && decision.outcome === 'DISCLOSE')
  );
}

/**
 * The caller's standing to the decision as DISCLOSURE evidence, valid `DISCLOSURE_EVIDENCE_MINUTES`
 * from `now`, or null when they are not a party in the decision's area. The holder comes from the
 * decision id (`DSC-<HOLDER>-…`), so one holder's rows can never be read as another's rules.
 * childSafeguardsMet (A.R25, B.10, C.52): an adult subject, or both a senior YOT member and children's
 * services asked (the consultations exist, answered or not).
 */
export function disclosureStandingOf(principal: Principal, facts: DisclosureStandingFacts, now: Date): DisclosureEvidence | null {
  const { decision, consultations } = facts;
  const holder = holderOfDisclosureDecisionId(decision.decisionId);
  if (holder === null) return null;
  const standings = disclosureStandingsOf(principal, holder, facts);
  const standing = STANDING_PRIORITY.find((candidate) => standings.has(candidate));
  if (standing === undefined) return null;
  const asked = new Set(consultations.map((consultation) => consultation.kind));
  return {
    kind: 'DISCLOSURE',
    decisionId: decision.decisionId,
    pncId: decision.pncId,
    standing,
    childSafeguardsMet: !decision.subjectUnder18 || (asked.has('YOT_SENIOR') && asked.has('CHILDRENS_SERVICES')),
    decisionOpen: isOpenDecision(decision),
    validUntil: new Date(now.getTime() + DISCLOSURE_EVIDENCE_MINUTES * 60 * 1000).toISOString(),
  };
}
