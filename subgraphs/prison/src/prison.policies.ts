import { accessAuditEntryPolicy, accessAuditPolicy, Agency, definePolicies, MAPPA_PURPOSES, POLICE_ROLES, subjectKeyPolicy } from '@mappa/shared';
import type { Role } from '@mappa/shared';

// The prison's access rules, in one place. Each field's @Access names one of these; the access
// matrix (docs/access-matrix.md) is generated from them. Grants say who may read, and why. Row scope
// (shared/src/auth/row-scope.ts: CT gate, the person's responsible MAPPA area or a live case grant)
// is enforced before any field; what is still to come (establishment, allocated officer, the VLO's
// own victims, meeting membership, alert type) is named in the summaries.

const PRISON_ROLES: readonly Role[] = ['prison_offender_manager'];
const RA_ROLES: readonly Role[] = ['probation_practitioner', 'senior_probation_officer', 'prison_offender_manager', 'mappa_coordinator', 'mappa_chair'];

/** The prison's own roles reading their own records (principle 2). */
const PRISON_CASE_MANAGEMENT = { roles: PRISON_ROLES, purposes: ['CASE_MANAGEMENT'] as const };
/** Responsible Authority roles (police included) for MAPPA purposes (principle 3). */
const RA_FOR_MAPPA = { roles: [...POLICE_ROLES, ...RA_ROLES], purposes: MAPPA_PURPOSES };

export const prisonPolicies = definePolicies('prison', {
  subjectKey: subjectKeyPolicy(Agency.PRISON),
  // Its own audit log, for its own information governance only (principle 10); the answer's fields
  // are shared value types, granted the same in every subgraph.
  accessAudit: accessAuditPolicy(Agency.PRISON),
  accessAuditEntry: accessAuditEntryPolicy(Agency.PRISON),
  custody: {
    owner: Agency.PRISON,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      'The custody summary (prison number, in/out status, establishment, security category, reception date, legal status, last movement). Prison offender managers for case management; Responsible Authority roles for MAPPA purposes. Not yet enforced, so denied for now: the allocated OM and ppu_officer of the release area under case management (B.59), the VLO for their own victims\' offender (B.57, C.14, C.34), RA roles for level 1 cases under case management (B.60). Row scope: the person\'s responsible MAPPA area (R-3) or a live case grant; scoping by the holding establishment waits for principals to carry one (OQ 14).',
    rules: ['principle 3', 'A.R5', 'B.57', 'B.59', 'B.60', 'C.14', 'C.34'],
    grants: [PRISON_CASE_MANAGEMENT, RA_FOR_MAPPA],
  },
  custodyPrisonOnly: {
    owner: Agency.PRISON,
    classification: 'OFFICIAL-SENSITIVE',
    summary: 'The NOMIS booking id, cell location and incentive level: prison only, for case management. Row scope: the person\'s responsible MAPPA area (R-3) or a live case grant; scoping by the holding establishment waits for principals to carry one (OQ 14).',
    rules: ['principle 2'],
    grants: [PRISON_CASE_MANAGEMENT],
  },
  sentence: {
    owner: Agency.PRISON,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      'The custodial sentence and its key dates, including the release date and its confirmation. Prison offender managers for case management; Responsible Authority roles for MAPPA purposes. Not yet enforced, so denied for now: the allocated OM and ppu_officer in the case area under case management (A.R15, B.59), the VLO for their own victims\' offender (C.34: VCS items only). Row scope: the responsible MAPPA area or a live case grant (establishment: OQ 14).',
    rules: ['principle 3', 'A.R15', 'B.48', 'C.34'],
    grants: [PRISON_CASE_MANAGEMENT, RA_FOR_MAPPA],
  },
  offences: {
    owner: Agency.PRISON,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      'The offences a sentence was passed for (Schedule 15/3 flags decide the MAPPA category). Prison offender managers for case management; Responsible Authority roles for MAPPA purposes. Never Jobcentre Plus or other duty-to-co-operate attendees.',
    rules: ['principle 3', 'A.R32'],
    grants: [PRISON_CASE_MANAGEMENT, RA_FOR_MAPPA],
  },
  mappaAlert: {
    owner: Agency.PRISON,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      'NOMIS alerts (type, code, descriptions, dates, status); the type P alert is the prison\'s non-authoritative copy of the MAPPA level (MappaCase.level is the truth). Prison offender managers for case management only, for now: other Responsible Authority roles are to see type P alerts under MAPPA purposes, but until that per-alert type filter is enforced they see none, because X (security), H (self-harm, health data) and C (child contact) alerts are prison only.',
    rules: ['principle 2', 'principle 4', 'A.R16', 'A.R17', 'B.3', 'B.44', 'B.49'],
    grants: [PRISON_CASE_MANAGEMENT],
  },
  alertComment: {
    owner: Agency.PRISON,
    classification: 'OFFICIAL-SENSITIVE',
    summary: 'The free-text comment recorded with an alert, which may hold security or health detail: prison only, for case management.',
    rules: ['principle 2', 'B.3'],
    grants: [PRISON_CASE_MANAGEMENT],
  },
  temporaryRelease: {
    owner: Agency.PRISON,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      'Releases on temporary licence (ROTL): approval, times, purpose, co-ordinator consultation and outcome. Prison offender managers for case management; Responsible Authority roles (the co-ordinator of the release area among them) for MAPPA purposes. Not yet enforced, so denied for now: ViSOR partners (ppu_officer, allocated OM) under case management for type, start, end and outcome (B.48); the VLO for their own victims\' offender (C.14, C.34); the co-ordinator consulted outside a MAPPA purpose (B.51, OQ 21).',
    rules: ['B.48', 'B.51', 'C.14', 'C.34'],
    grants: [PRISON_CASE_MANAGEMENT, RA_FOR_MAPPA],
  },
  adjudication: {
    owner: Agency.PRISON,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      'Adjudications (disciplinary charges in custody, findings and punishments): prison only, for case management. Other agencies learn about custody behaviour from the MAPPA F report; requests for adjudications go to the prison.',
    rules: ['principle 2', 'B.30'],
    grants: [PRISON_CASE_MANAGEMENT],
  },
  mappaFReport: {
    owner: Agency.PRISON,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      'The MAPPA F report, the prison\'s "intelligence report" to a MAPP meeting (RESTRICTED once on ViSOR). Prison offender managers for case management; Responsible Authority attendees (police, probation, co-ordinator, chair) at a MAPP meeting. Never duty-to-co-operate attendees (contactConcerns may disclose monitoring). Row scope: the responsible MAPPA area or a live case grant. Not yet enforced: the writing establishment for the prison offender manager; for attendees, the meeting the report was written for (matched by meetingDate, OQ 4).',
    rules: ['principle 4', 'B.46', 'B.49'],
    grants: [PRISON_CASE_MANAGEMENT, { roles: [...POLICE_ROLES, ...RA_ROLES], purposes: ['MAPPA_MEETING'] }],
  },
  mappaFReportAuthor: {
    owner: Agency.PRISON,
    classification: 'OFFICIAL-SENSITIVE',
    summary: 'Who wrote the MAPPA F report (attributed author): whoever may read the report, and the prison service\'s own information governance for audit (principle 10).',
    rules: ['A.R12', 'B.49'],
    grants: [
      PRISON_CASE_MANAGEMENT,
      { roles: [...POLICE_ROLES, ...RA_ROLES], purposes: ['MAPPA_MEETING'] },
      { roles: ['information_governance'], purposes: ['AUDIT'], agencies: ['prison'] },
    ],
  },
});

/** Every prison policy, for the schema build and the access matrix. */
export const PRISON_POLICIES = Object.values(prisonPolicies);
