import { DUTY_TO_CO_OPERATE_AGENCIES } from '../auth/principal';
import type { PrincipalAgency, Role } from '../auth/principal';
import type { Purpose } from '../auth/purpose';
import type { Agency } from '../domain/agency';
import { DATA_OWNER_PRINCIPAL_AGENCIES } from '../audit/access-audit.policy';
import type { FieldPolicy } from './field-policy';

// The vocabulary every agency's policies are written in, so "police roles" or "MAPPA purposes"
// mean the same thing in all five subgraphs.

export const POLICE_ROLES: readonly Role[] = ['ppu_officer', 'visor_administrator', 'ct_officer'];
export const YOT_ROLES: readonly Role[] = ['yot_case_manager', 'yot_manager'];
/** The Responsible Authority's case roles: police, probation, prison and the MAPPA unit. */
export const RESPONSIBLE_AUTHORITY_ROLES: readonly Role[] = [
  ...POLICE_ROLES,
  'probation_practitioner',
  'senior_probation_officer',
  'prison_offender_manager',
  'mappa_coordinator',
  'mappa_chair',
];

/**
 * The duty-to-co-operate agencies that read the minimal summary at a meeting (principle 5, A.R26):
 * all but Jobcentre Plus, which reads only the risk to its staff (A.R32).
 */
export const MINIMAL_SUMMARY_AGENCIES: readonly PrincipalAgency[] = DUTY_TO_CO_OPERATE_AGENCIES.filter(
  (agency) => agency !== 'jobcentre_plus',
);

/** Purposes that belong to the MAPPA process itself. */
export const MAPPA_PURPOSES: readonly Purpose[] = ['MAPPA_SCREENING', 'MAPPA_MEETING', 'DISCLOSURE_DECISION'];
/** Every purpose about an individual's case. */
export const CASE_AND_MAPPA_PURPOSES: readonly Purpose[] = ['CASE_MANAGEMENT', ...MAPPA_PURPOSES];

/**
 * The policy on `Offender.pncId`, the same in every subgraph: the key that names the person to every
 * agency is personal data, so never for lay advisers or analysts (they see aggregates only). Each role
 * holds it only under the purposes it may declare (access-rules inventory §2.2): asking under any
 * other purpose gets nothing at all about the person, not even that the key is known. A
 * duty-to-co-operate attendee holds it at a meeting (principle 5): which of an agency's records it
 * may then read is each record's own policy.
 *
 * It must be identical in every subgraph: composition keeps one subgraph's directive for a field
 * they share, and the gateway decides `pncId` by that one (`npm run schema:generate` refuses
 * subgraphs whose grants for it differ).
 */
export function subjectKeyPolicy(owner: Agency): Omit<FieldPolicy, 'name'> {
  return {
    owner,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      'The PNC ID that names the person to every agency. Responsible Authority roles for case management and MAPPA purposes; victim liaison officers and approved premises staff for case management and meetings; YOT roles for case management, meetings and disclosure decisions about their young person; duty-to-co-operate attendees at a meeting; information governance for audit. Personal data: never for lay advisers or analysts.',
    rules: ['principle 5', 'principle 8', 'A.R25', 'A.R26', 'A.R27', 'A.R29', 'A.R30', 'A.R32', 'B.10', 'C.11', 'C.31'],
    grants: [
      { roles: RESPONSIBLE_AUTHORITY_ROLES, purposes: CASE_AND_MAPPA_PURPOSES },
      { roles: ['victim_liaison_officer', 'approved_premises_staff'], purposes: ['CASE_MANAGEMENT', 'MAPPA_MEETING'] },
      { roles: YOT_ROLES, purposes: ['CASE_MANAGEMENT', 'MAPPA_MEETING', 'DISCLOSURE_DECISION'] },
      { roles: ['dtc_attendee'], purposes: ['MAPPA_MEETING'], agencies: DUTY_TO_CO_OPERATE_AGENCIES },
      // Issue 14: the Home Office's case owners, for their own cases, at a meeting, and for their open
      // detention decision (C.72); row scope keeps them to the Home Office's own records otherwise.
      {
        roles: ['immigration_case_owner'],
        purposes: ['CASE_MANAGEMENT', 'MAPPA_MEETING', 'IMMIGRATION_DETENTION_DECISION'],
        agencies: ['home_office'],
      },
      // Only the information governance of an agency that owns records (principle 10): an agency that
      // owns none has nothing to audit (each owner's row scope answers the rest, see `areaScopeOf`).
      { roles: ['information_governance'], purposes: ['AUDIT'], agencies: DATA_OWNER_PRINCIPAL_AGENCIES },
    ],
  };
}
