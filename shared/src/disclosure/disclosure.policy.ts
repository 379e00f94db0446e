import type { Role } from '../auth/principal';
import type { Agency } from '../domain/agency';
import type { FieldPolicy } from '../authorization/field-policy';
import { LEVEL_1_PROPOSER_ROLES } from './disclosure.model';

/*
 * The disclosure decision's field policies. The record's and the proposal answer's types are shared by
 * the three holders (`disclosureTypes`, `@shareable`), and the supergraph keeps one subgraph's directive
 * for each field, so those two policies grant exactly the same in every holder; which decisions a caller
 * reaches is the holder's code (party to the decision, in its area, vouched by purpose evidence).
 */

/** Everyone who can be a party to a decision: proposers, decision makers, consultees, owners, the co-ordinator. */
const PARTY_ROLES: readonly Role[] = [
  'ppu_officer',
  'probation_practitioner',
  'senior_probation_officer',
  'victim_liaison_officer',
  'prison_offender_manager',
  'yot_case_manager',
  'yot_manager',
  'mappa_coordinator',
  'mappa_chair',
];

/** Who may propose at a level 2/3 meeting: its chair, its co-ordinator, and Responsible Authority or YOT invitees. */
const MEETING_PROPOSER_ROLES: readonly Role[] = [
  'mappa_chair',
  'mappa_coordinator',
  'ppu_officer',
  'probation_practitioner',
  'senior_probation_officer',
  'prison_offender_manager',
  'yot_case_manager',
  'yot_manager',
];

/** The policy on every field of a disclosure decision and its preview, the same in the three holders. */
export function disclosureRecordPolicy(owner: Agency): Omit<FieldPolicy, 'name'> {
  return {
    owner,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "A disclosure decision (guidance ch. 10): recipient, purpose, lawful basis, content items with their owners' agreements, consultations, representations, the decision with rationale and dissent, and what was disclosed (frozen, with its SHA-256); and the preview as the recipient would receive it. " +
      "Only under DISCLOSURE_DECISION, with the decision declared in x-mappa-case and vouched as purpose evidence, and only to a party the holder recognises from its own records (proposer, decision maker, consulted agency, owner asked for agreement, the area's co-ordinator at levels 2/3), in the decision's area; anyone else, an unknown id and another area answer alike (NOT_FOUND). The same grants in the three holders.",
    rules: ['principle 1', 'principle 9', 'B.7', 'B.8', 'B.10', 'B.12', 'B.15', 'C.29', 'C.52'],
    grants: [
      { roles: PARTY_ROLES, purposes: ['DISCLOSURE_DECISION'] },
      { roles: ['dtc_attendee'], purposes: ['DISCLOSURE_DECISION'], agencies: ['children_social_care', 'adult_social_care'] },
    ],
  };
}

/** The policy on the answer to a proposal (the new decision's id and required consultations), the same in the three holders. */
export function disclosureProposalPolicy(owner: Agency): Omit<FieldPolicy, 'name'> {
  return {
    owner,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "The answer to a disclosure proposal: the new decision's id, status, whether the subject is under 18 and the consultations required. To whoever may propose: at a level 2/3 meeting (MAPPA_MEETING) its chair, co-ordinator or Responsible Authority and YOT invitees; at level 1 (CASE_MANAGEMENT) the lead agency's practitioners. The same grants in the three holders.",
    rules: ['principle 1', 'B.7', 'B.10'],
    grants: [
      { roles: MEETING_PROPOSER_ROLES, purposes: ['MAPPA_MEETING'] },
      { roles: LEVEL_1_PROPOSER_ROLES.PROBATION, purposes: ['CASE_MANAGEMENT'], agencies: ['probation'] },
      { roles: LEVEL_1_PROPOSER_ROLES.POLICE, purposes: ['CASE_MANAGEMENT'], agencies: ['police'] },
    ],
  };
}

/** The policy on a level 2/3 holder's `proposeDisclosure`: the meeting's proposers, under MAPPA_MEETING (the code checks the meeting standing). */
export function meetingDisclosureProposingPolicy(owner: Agency): Omit<FieldPolicy, 'name'> {
  return {
    owner,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "Proposing a disclosure at a level 2/3 meeting (B §2: disclosure is considered at every meeting): under MAPPA_MEETING with the meeting vouched, its chair, its area's co-ordinator, or an attending invitee of the police, probation, prison or YOT; the meeting not cancelled, in the caller's area.",
    rules: ['principle 1', 'B.7', 'B.10'],
    grants: [{ roles: MEETING_PROPOSER_ROLES, purposes: ['MAPPA_MEETING'] }],
  };
}

/** The policy on a level 1 holder's `propose<Holder>Disclosure`: its own practitioners, under CASE_MANAGEMENT. */
export function level1DisclosureProposingPolicy(owner: Agency, holder: 'PROBATION' | 'POLICE'): Omit<FieldPolicy, 'name'> {
  const agency = holder === 'PROBATION' ? 'probation' : 'police';
  return {
    owner,
    classification: 'OFFICIAL-SENSITIVE',
    summary: `Proposing a level 1 disclosure about a subject ${agency} holds, in the caller's row scope and area: ${LEVEL_1_PROPOSER_ROLES[holder].join(', ')} of ${agency}, under CASE_MANAGEMENT. The MAPPA co-ordinator never sees level 1 decisions.`,
    rules: ['principle 1', 'B.7'],
    grants: [{ roles: LEVEL_1_PROPOSER_ROLES[holder], purposes: ['CASE_MANAGEMENT'], agencies: [agency] }],
  };
}
