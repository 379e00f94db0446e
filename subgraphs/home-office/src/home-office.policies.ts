import { Agency, definePolicies, ownerPolicies, PURPOSE_EVIDENCE_GRANTS } from '@mappa/shared';
import type { AccessGrant, Role } from '@mappa/shared';

// The Home Office's access rules for its immigration enforcement records (issue 14), in one place. Each
// field's @Access names one of these; the access matrix is generated from them. Deny by default: a
// role and purpose not named here reads nothing. Row scope (the person's MAPPA area, principle 7, the
// bound purposes) is applied before any field (offender/offender.scope.ts).

/** The Home Office's own staff managing the case (seed 000 §11-13: the Criminal Casework case owner). */
const HOME_OFFICE_CASE_MANAGEMENT: AccessGrant = {
  roles: ['immigration_case_owner'],
  purposes: ['CASE_MANAGEMENT'],
  agencies: ['home_office'],
};
/** The Home Office at a MAPP meeting it attends (seed 000 §11-12: the case owner or HOIE manager attends; C.71). */
const HOME_OFFICE_AT_MEETING: AccessGrant = {
  roles: ['dtc_attendee', 'immigration_case_owner'],
  purposes: ['MAPPA_MEETING'],
  agencies: ['home_office'],
};
/** The Responsible Authority (police, prison and probation, seed 000 §5) and the MAPPA unit. */
const RESPONSIBLE_AUTHORITY_AND_UNIT: readonly Role[] = [
  'ppu_officer',
  'probation_practitioner',
  'senior_probation_officer',
  'prison_offender_manager',
  'mappa_coordinator',
  'mappa_chair',
];
/** The Responsible Authority for MAPPA purposes: screening and meetings (seed 000 §5, §12; C.71, A.R38). */
const RESPONSIBLE_AUTHORITY_FOR_MAPPA: AccessGrant = {
  roles: RESPONSIBLE_AUTHORITY_AND_UNIT,
  purposes: ['MAPPA_SCREENING', 'MAPPA_MEETING'],
};
/** The Responsible Authority at a meeting only. */
const RESPONSIBLE_AUTHORITY_AT_MEETING: AccessGrant = { roles: RESPONSIBLE_AUTHORITY_AND_UNIT, purposes: ['MAPPA_MEETING'] };
/**
 * A.R38, C.73: the offender manager reads the Home Office's immigration status events (release from
 * detention, deportation) for case management, about a person whose probation case is allocated to
 * them (probation's fact, vouched by the gateway). This is how probation learns a removal ended its
 * case: the gateway composes the Home Office's record into the offender view; no subgraph imports another.
 */
const ALLOCATED_OFFENDER_MANAGER: AccessGrant = {
  roles: ['probation_practitioner'],
  purposes: ['CASE_MANAGEMENT'],
  agencies: ['probation'],
  condition: 'allocatedOffenderManager',
};

export const homeOfficePolicies = definePolicies('home-office', {
  ...ownerPolicies(Agency.HOME_OFFICE),
  caseEntry: {
    owner: Agency.HOME_OFFICE,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "The Home Office's entry points to a person (`immigrationSubject` by PNC ID, `offenderByHomeOfficeReference`): its own case owners, for case management and, under IMMIGRATION_DETENTION_DECISION, for the open decision they own (C.72). Null for a person it holds no case for or outside row scope.",
    rules: ['C.72', 'C.73', 'seed 000 §11'],
    grants: [
      HOME_OFFICE_CASE_MANAGEMENT,
      { roles: ['immigration_case_owner'], purposes: ['IMMIGRATION_DETENTION_DECISION'], agencies: ['home_office'] },
    ],
  },
  immigrationCase: {
    owner: Agency.HOME_OFFICE,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "The immigration case of a foreign national offender: reference, nationality, the MAPPA nominal flag as received from the prison (C.70; a flag, not a risk or a level, seed 000 §7) and when. The Home Office's case owners for case management; the Home Office at a meeting; the Responsible Authority and the MAPPA unit for MAPPA purposes (seed 000 §5, C.71, A.R38). The allocated offender manager does not read the case itself, only its status events (detentionStatus). Row scope: the person's MAPPA area, or the bound purpose's record.",
    rules: ['C.70', 'C.71', 'A.R38', 'seed 000 §5', 'seed 000 §7'],
    grants: [HOME_OFFICE_CASE_MANAGEMENT, HOME_OFFICE_AT_MEETING, RESPONSIBLE_AUTHORITY_FOR_MAPPA],
  },
  detentionStatus: {
    owner: Agency.HOME_OFFICE,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      'Where detention stands: the state (detained, arrangements confirmed, released, removed), the IRC, the period, and the release and removal events with their dates and routes. The case owners; the Home Office at a meeting; the Responsible Authority for MAPPA purposes; the allocated offender manager for case management (A.R38, C.73: told of release and deportation, which ends the case for probation).',
    rules: ['A.R38', 'C.73', 'seed 000 §6', 'seed 000 §15'],
    grants: [HOME_OFFICE_CASE_MANAGEMENT, HOME_OFFICE_AT_MEETING, RESPONSIBLE_AUTHORITY_FOR_MAPPA, ALLOCATED_OFFENDER_MANAGER],
  },
  ircSuitability: {
    owner: Agency.HOME_OFFICE,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "The Home Office's risk assessment of suitability for an immigration removal centre (seed 000 §4, §13): the outcome, date and MAPPA level considered. The case owners; the Home Office at a meeting; the Responsible Authority at a meeting (seed 000 §11: the Home Office contributes to risk management planning). Not for screening.",
    rules: ['seed 000 §4', 'seed 000 §11', 'seed 000 §13'],
    grants: [HOME_OFFICE_CASE_MANAGEMENT, HOME_OFFICE_AT_MEETING, RESPONSIBLE_AUTHORITY_AT_MEETING],
  },
  homeOfficeStaff: {
    owner: Agency.HOME_OFFICE,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      'Who owns the case, who assessed IRC suitability, who confirmed the arrangements, released or removed (staff ids): the Home Office case owners only.',
    rules: ['C.73', 'principle 10'],
    grants: [HOME_OFFICE_CASE_MANAGEMENT],
  },
  detentionTransition: {
    owner: Agency.HOME_OFFICE,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      'Moving a detention on: confirming the MAPPA arrangements for release, releasing (only once they are confirmed, seed 000 §6), removing (deportation or administrative removal). The Home Office case owner, for case management (C.73: the Home Office writes release and deportation events); everyone else is denied.',
    rules: ['C.73', 'seed 000 §6'],
    grants: [HOME_OFFICE_CASE_MANAGEMENT],
  },
  detentionEvidence: {
    owner: Agency.HOME_OFFICE,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "The caller's own standing to the Home Office detention decision named in x-mappa-case (`homeOfficeDetentionEvidence`), which the gateway asks for under IMMIGRATION_DETENTION_DECISION (C.72): the case owner of an open decision. Null for anyone else.",
    rules: ['C.72'],
    grants: [{ roles: ['immigration_case_owner'], purposes: ['IMMIGRATION_DETENTION_DECISION'], agencies: ['home_office'] }],
  },
  purposeEvidence: {
    owner: Agency.HOME_OFFICE,
    classification: 'OFFICIAL-SENSITIVE',
    summary: 'The fields of a purpose evidence answer: its holders, under the bound purposes (shared PURPOSE_EVIDENCE_GRANTS).',
    rules: ['C.72'],
    grants: PURPOSE_EVIDENCE_GRANTS,
  },
});

/** Every Home Office policy, for the schema build and the access matrix. */
