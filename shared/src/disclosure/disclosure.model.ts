import type { Principal, PrincipalAgency, Role } from '../auth/principal';

/*
 * The disclosure decision (issue 11; guidance ch. 10, analysis B §2, W1): sharing information about a
 * MAPPA offender with a third party outside MAPPA. One shape, defined here once, held by three owners:
 * the MAPPA unit for level 2/3 cases (the meeting's decision), and the lead agency for its level 1
 * cases (probation or police, on its own system: the co-ordinator need not be told, B §2 "Level 1").
 * Each holder keeps the records in its own PostgreSQL schema (`disclosureTablesIn`), enforces the same
 * state machine in its database (the disclosure migration's triggers) and in code (these rules).
 *
 *   PROPOSED → CONSULTING → DECIDED (DISCLOSE | NOT_DISCLOSE) → MADE (DISCLOSE only)
 *   PROPOSED | CONSULTING | DECIDED (DISCLOSE) → WITHDRAWN
 *
 * A NOT_DISCLOSE decision is final as DECIDED. MADE and WITHDRAWN never change; the content of a made
 * disclosure is frozen with its SHA-256, and any change is a new decision.
 */

/** Who holds a decision: the MAPPA unit (levels 2 and 3) or the level 1 lead agency. */
export const DISCLOSURE_HOLDERS = ['MAPPA', 'PROBATION', 'POLICE'] as const;
export type DisclosureHolder = (typeof DISCLOSURE_HOLDERS)[number];

/** The subgraph (service name) that holds each holder's decisions, and its principals' agency. */
export const DISCLOSURE_HOLDER_SUBGRAPH: { readonly [H in DisclosureHolder]: 'mappa' | 'probation' | 'police' } = {
  MAPPA: 'mappa',
  PROBATION: 'probation',
  POLICE: 'police',
};
export const DISCLOSURE_HOLDER_AGENCY: { readonly [H in DisclosureHolder]: PrincipalAgency } = {
  MAPPA: 'mappa_unit',
  PROBATION: 'probation',
  POLICE: 'police',
};

/**
 * A decision id names its holder, so that whoever is given one (the gateway, for the evidence of a
 * declared DISCLOSURE_DECISION) knows which owner to ask without asking anyone else: `DSC-MAPPA-…`,
 * `DSC-PROBATION-…`, `DSC-POLICE-…`. The id alphabet is x-mappa-case's.
 */
export function newDisclosureDecisionId(holder: DisclosureHolder, unique: string): string {
  return `DSC-${holder}-${unique}`;
}

/** The holder a decision id names, or null for anything that is not a decision id. */
export function holderOfDisclosureDecisionId(decisionId: string): DisclosureHolder | null {
  const match = /^DSC-(MAPPA|PROBATION|POLICE)-[A-Za-z0-9-]{1,40}$/.exec(decisionId);
  return match ? (match[1] as DisclosureHolder) : null;
}

export const DISCLOSURE_STATUSES = ['PROPOSED', 'CONSULTING', 'DECIDED', 'MADE', 'WITHDRAWN'] as const;
export type DisclosureStatus = (typeof DISCLOSURE_STATUSES)[number];

export const DISCLOSURE_OUTCOMES = ['DISCLOSE', 'NOT_DISCLOSE'] as const;
export type DisclosureOutcome = (typeof DISCLOSURE_OUTCOMES)[number];

/** Who may receive a disclosure (B §2 "Definition and who may receive it", L8965-9023). */
export const RECIPIENT_KINDS = [
  'SCHOOL',
  'EMPLOYER',
  'PARTNER',
  'VICTIM',
  'ACCOMMODATION',
  'WORSHIP',
  'MEDIA',
  'PROFESSIONAL',
  'LEISURE',
  'NEIGHBOUR_OR_FRIEND',
  'OTHER',
] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

/** The lawful bases the guidance names (L8872-8908). */
export const LAWFUL_BASES = [
  'POLICE_ACT_1997_PART_5',
  'CJA_2003_S327A',
  'CHILDREN_ACT_2004_S12D_S14B',
  'DVCVA_2004_PART_3',
  'COMMON_LAW',
] as const;
export type LawfulBasis = (typeof LAWFUL_BASES)[number];

/** The exceptions under which the offender's representations need not be sought (10.20, L9153-9186). */
export const REPRESENTATION_EXCEPTIONS = [
  'PREJUDICE_INVESTIGATION',
  'INCREASE_RISK_TO_CHILDREN_OR_ADULTS_AT_RISK',
  'INCREASE_RISK_TO_NEW_PARTNER',
  'REINFORCE_GRIEVANCE_THINKING',
  'COMPROMISE_INTELLIGENCE_SOURCES',
  'IMMINENT_RISK_DELAY',
  'OFFENDER_CANNOT_BE_TRACED',
] as const;
export type RepresentationException = (typeof REPRESENTATION_EXCEPTIONS)[number];

/**
 * The consultations the guidance requires before a decision (B §2 "Special approvals"), each answered
 * by the agency and role named in `CONSULTEES`:
 * - YOT_SENIOR and CHILDRENS_SERVICES: the subject is under 18 (B.10, C.52, A.R25);
 * - CHILDRENS_SERVICES: the recipient is a child (B.11);
 * - ADULT_SOCIAL_CARE: the recipient is an adult at risk (B.11);
 * - ACC_APPROVAL: media (B.12), approved by an Assistant Chief Constable, recorded by the police;
 * - MOJ_PRESS_OFFICE: media (B.12), told before the disclosure, recorded by the holder.
 */
export const CONSULTATION_KINDS = ['YOT_SENIOR', 'CHILDRENS_SERVICES', 'ADULT_SOCIAL_CARE', 'ACC_APPROVAL', 'MOJ_PRESS_OFFICE'] as const;
export type ConsultationKind = (typeof CONSULTATION_KINDS)[number];

/** Who answers each consultation: a principal of this agency holding one of these roles, in the decision's area. */
export const CONSULTEES: { readonly [K in ConsultationKind]: { readonly agency: PrincipalAgency; readonly roles: readonly Role[] } } = {
  YOT_SENIOR: { agency: 'yot', roles: ['yot_manager'] },
  CHILDRENS_SERVICES: { agency: 'children_social_care', roles: ['dtc_attendee'] },
  ADULT_SOCIAL_CARE: { agency: 'adult_social_care', roles: ['dtc_attendee'] },
  // The ACC's approval is recorded by the force's public protection unit, naming the ACC and the approval reference.
  ACC_APPROVAL: { agency: 'police', roles: ['ppu_officer'] },
  // The press office is outside the federation: the holder's decision maker records when it was told.
  MOJ_PRESS_OFFICE: { agency: 'probation', roles: ['senior_probation_officer'] },
};

/** Answers to a consultation. APPROVED / NOT_APPROVED for the ACC, INFORMED for the press office, AGREES / CONCERNS otherwise. */
export const CONSULTATION_RESPONSES = ['AGREES', 'CONCERNS', 'APPROVED', 'NOT_APPROVED', 'INFORMED'] as const;
export type ConsultationResponse = (typeof CONSULTATION_RESPONSES)[number];

/** The facts about a decision that decide which consultations it needs. */
export interface ConsultationFacts {
  readonly subjectUnder18: boolean;
  readonly recipientKind: RecipientKind;
  readonly recipientIsChild: boolean;
  readonly recipientIsAdultAtRisk: boolean;
}

/** The consultations the guidance requires for a decision, each once, in a fixed order. */
export function requiredConsultationsOf(facts: ConsultationFacts): ConsultationKind[] {
  const required = new Set<ConsultationKind>();
  if (facts.subjectUnder18) {
    required.add('YOT_SENIOR');
    required.add('CHILDRENS_SERVICES');
  }
  if (facts.recipientIsChild) required.add('CHILDRENS_SERVICES');
  if (facts.recipientIsAdultAtRisk) required.add('ADULT_SOCIAL_CARE');
  if (facts.recipientKind === 'MEDIA') {
    required.add('ACC_APPROVAL');
    required.add('MOJ_PRESS_OFFICE');
  }
  return CONSULTATION_KINDS.filter((kind) => required.has(kind));
}

/** Whether a recorded response satisfies a consultation: an ACC must approve; everyone else must have answered. */
export function consultationSatisfied(kind: ConsultationKind, response: ConsultationResponse | null): boolean {
  if (response === null) return false;
  if (kind === 'ACC_APPROVAL') return response === 'APPROVED';
  if (kind === 'MOJ_PRESS_OFFICE') return response === 'INFORMED';
  return response === 'AGREES' || response === 'CONCERNS';
}

/** A proposed content item: a field of a record in the federation (quoted as its owner agrees to it), or free text. */
export const DISCLOSURE_ITEM_KINDS = ['RECORD_FIELD', 'FREE_TEXT'] as const;
export type DisclosureItemKind = (typeof DISCLOSURE_ITEM_KINDS)[number];

/** The agencies whose records an item can be drawn from: the five data owners. */
export const ITEM_SOURCE_AGENCIES = ['police', 'probation', 'prison', 'yot', 'mappa_unit'] as const;
export type ItemSourceAgency = (typeof ITEM_SOURCE_AGENCIES)[number];

/**
 * Who agrees to an item for its owner (B.8, C.29: the owner decides): a principal of the source agency
 * holding one of these roles, in the decision's area. A victim-identifying item also needs the victim
 * liaison officer's agreement (B.15, `VICTIM_LIAISON_AGREEMENT_ROLES`).
 */
export const OWNER_AGREEMENT_ROLES: { readonly [A in ItemSourceAgency]: readonly Role[] } = {
  police: ['ppu_officer'],
  probation: ['senior_probation_officer'],
  prison: ['prison_offender_manager'],
  yot: ['yot_manager'],
  mappa_unit: ['mappa_coordinator'],
};
export const VICTIM_LIAISON_AGREEMENT_ROLES: readonly Role[] = ['victim_liaison_officer'];

export const AGREEMENT_KINDS = ['OWNER', 'VICTIM_LIAISON'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

/** An item's agreement as the parties and the preview see it: the latest answer for its current wording. */
export type ItemAgreementStatus = 'AGREED' | 'REFUSED' | 'AWAITING';

/** How a caller stands to a decision: what makes DISCLOSURE_DECISION true for them (purpose evidence). */
export const DISCLOSURE_STANDINGS = ['PROPOSER', 'DECISION_MAKER', 'CONSULTEE', 'OWNER', 'COORDINATOR'] as const;
export type DisclosureStanding = (typeof DISCLOSURE_STANDINGS)[number];

/**
 * Who decides (B §2 "Who decides"): at levels 2 and 3 the chair of the meeting the decision belongs to;
 * at level 1 the lead agency's manager: a senior probation officer for probation, and for the police
 * (which has no manager role in the product) a PPU officer other than the proposer, so that no one
 * decides their own proposal.
 */
export const LEVEL_1_DECISION_MAKER_ROLES: { readonly [H in Exclude<DisclosureHolder, 'MAPPA'>]: readonly Role[] } = {
  PROBATION: ['senior_probation_officer'],
  POLICE: ['ppu_officer'],
};

/** Who may propose a level 1 disclosure: the lead agency's practitioners of the case's area. */
export const LEVEL_1_PROPOSER_ROLES: { readonly [H in Exclude<DisclosureHolder, 'MAPPA'>]: readonly Role[] } = {
  PROBATION: ['probation_practitioner', 'senior_probation_officer'],
  POLICE: ['ppu_officer'],
};

/** Whether `principal` holds one of `roles` in `agency`. */
export function holdsRoleIn(principal: Pick<Principal, 'agency' | 'roles'>, agency: PrincipalAgency, roles: readonly Role[]): boolean {
  return principal.agency === agency && principal.roles.some((role) => roles.includes(role));
}
