import type { Role } from '../auth/principal';
import type { Purpose } from '../auth/purpose';
import type { Agency } from '../domain/agency';
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

/** Purposes that belong to the MAPPA process itself. */
export const MAPPA_PURPOSES: readonly Purpose[] = ['MAPPA_SCREENING', 'MAPPA_MEETING', 'DISCLOSURE_DECISION'];
/** Every purpose about an individual's case. */
export const CASE_AND_MAPPA_PURPOSES: readonly Purpose[] = ['CASE_MANAGEMENT', ...MAPPA_PURPOSES];

/**
 * The policy on `Offender.pncId`, the same in every subgraph: the key that names the person to every
 * agency is personal data, so never for lay advisers or analysts (they see aggregates only).
 */
export function subjectKeyPolicy(owner: Agency): Omit<FieldPolicy, 'name'> {
  return {
    owner,
    classification: 'OFFICIAL-SENSITIVE',
    summary: 'The PNC ID that names the person to every agency. Personal data: never for lay advisers or analysts.',
    rules: ['principle 8', 'A.R27', 'A.R29', 'A.R30'],
    grants: [
      { roles: [...RESPONSIBLE_AUTHORITY_ROLES, 'victim_liaison_officer', 'approved_premises_staff', ...YOT_ROLES], purposes: CASE_AND_MAPPA_PURPOSES },
      { roles: ['information_governance'], purposes: ['AUDIT'] },
    ],
  };
}
