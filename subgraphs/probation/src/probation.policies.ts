import {
  Agency,
  PURPOSE_EVIDENCE_GRANTS,
  PURPOSE_EVIDENCE_HOLDER_ROLES,
  CASE_AND_MAPPA_PURPOSES,
  definePolicies,
  ownerPolicies,
  MAPPA_PURPOSES,
  MINIMAL_SUMMARY_AGENCIES,
  RESPONSIBLE_AUTHORITY_ROLES,
  disclosureProposalPolicy,
  disclosureRecordPolicy,
  level1DisclosureProposingPolicy,
} from '@mappa/shared';
import type { AccessGrant, Role } from '@mappa/shared';

// The probation service's access rules, in one place. Each field's @Access names one of these; the
// access matrix (docs/access-matrix.md) is generated from them. Grants say who may read, and why. Row
// scope (area, allocated COM, meeting membership under MAPPA_MEETING and the referral under
// MAPPA_SCREENING, under-18s: shared/src/auth/row-scope.ts) is enforced before any field. A grant's
// per-record condition (the allocated COM and their line manager, the victim's own VLO, approved
// premises residents, electronically monitored conditions, category 1 co-management) is decided on
// each record by record/probation-record.conditions.ts; what is not yet (the address filters for Responsible
// Authority roles and approved premises staff) is named in the summaries.
// Where such a condition protects someone other than the reader's own agency (victims, the offender's
// data reaching another agency outside the grant the inventory gives), the grant is left out: fail closed.

/** Community offender manager and senior probation officer: probation's "named roles" for a case. */
const PROBATION_CASE_ROLES: readonly Role[] = ['probation_practitioner', 'senior_probation_officer'];

/** The Home Office at a meeting about a foreign national offender: risk levels, never the narrative (A.R38, C.72). */
const HOME_OFFICE_AT_MEETING: AccessGrant = { roles: ['dtc_attendee'], purposes: ['MAPPA_MEETING'], agencies: ['home_office'] };
/**
 * C.72 (issue 14): the offender manager's risk of serious harm to the Home Office for its detention, IRC
 * and bail decisions: the Home Office case owner, under IMMIGRATION_DETENTION_DECISION, about the subject
 * of their open decision (row scope holds them to it; the Home Office vouches the decision). Levels,
 * never the narrative, as at a meeting.
 */
const HOME_OFFICE_DETENTION_DECISION: AccessGrant = {
  roles: ['immigration_case_owner'],
  purposes: ['IMMIGRATION_DETENTION_DECISION'],
  agencies: ['home_office'],
};

/** A victim liaison officer, for case management, about the offender of a victim allocated to them (B.57, C.34). */
const VLO_OWN_VICTIMS_OFFENDER: AccessGrant = {
  roles: ['victim_liaison_officer'],
  purposes: ['CASE_MANAGEMENT'],
  condition: 'victimLiaisonForCase',
};
/** A victim liaison officer, for case management, about a victim allocated to them (B.15, C.29, C.32). */
const VLO_OWN_VICTIM: AccessGrant = {
  roles: ['victim_liaison_officer'],
  purposes: ['CASE_MANAGEMENT'],
  condition: 'victimLiaisonForVictim',
};
/** Approved premises staff, for case management, about a resident or proposed resident of their premises (C.8, C.11). */
const AP_STAFF_OWN_RESIDENT: AccessGrant = {
  roles: ['approved_premises_staff'],
  purposes: ['CASE_MANAGEMENT'],
  condition: 'approvedPremisesResident',
};
/** The electronic monitoring provider at a meeting it attends, about what it monitors (A.R37). */
const ELECTRONIC_MONITORING: AccessGrant = {
  roles: ['dtc_attendee'],
  purposes: ['MAPPA_MEETING'],
  agencies: ['electronic_monitoring'],
  condition: 'electronicallyMonitored',
};
/** The allocated COM and their line manager, for case management: victim-identifying material (B.15, C.29, principle 4). */
const OFFENDER_MANAGER_OR_LINE_MANAGER: AccessGrant = {
  roles: PROBATION_CASE_ROLES,
  purposes: ['CASE_MANAGEMENT'],
  condition: 'offenderManagerOrLineManager',
};

/** The RoSH summary as far as Jobcentre Plus may reach it: the community levels, for its staff only. */
const RISK_TO_STAFF_GRANTS: readonly AccessGrant[] = [
  { roles: PROBATION_CASE_ROLES, purposes: CASE_AND_MAPPA_PURPOSES },
  { roles: RESPONSIBLE_AUTHORITY_ROLES, purposes: MAPPA_PURPOSES },
  AP_STAFF_OWN_RESIDENT,
  { roles: ['dtc_attendee'], purposes: ['MAPPA_MEETING'], agencies: ['jobcentre_plus'] },
  HOME_OFFICE_AT_MEETING,
  HOME_OFFICE_DETENTION_DECISION,
];

/** Who reads the probation case reference: the case roles, the RA for MAPPA purposes, VLO and AP staff for case management about their own. */
const CASE_REFERENCE_GRANTS: readonly AccessGrant[] = [
  { roles: PROBATION_CASE_ROLES, purposes: CASE_AND_MAPPA_PURPOSES },
  { roles: RESPONSIBLE_AUTHORITY_ROLES, purposes: MAPPA_PURPOSES },
  VLO_OWN_VICTIMS_OFFENDER,
  AP_STAFF_OWN_RESIDENT,
];

export const probationPolicies = definePolicies('probation', {
  ...ownerPolicies(Agency.PROBATION),
  caseReference: {
    owner: Agency.PROBATION,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "The CRN and the community offender manager's staff code and allocation (also the CRN lookup). Probation practitioners and SPOs for case management; Responsible Authority roles (the co-ordinator under MAPPA_SCREENING) for MAPPA purposes; victim liaison officers for case management about the offender of a victim allocated to them, approved premises staff about residents and proposed residents of their premises (probation's placement record). Row scope: own area (R-3) or a live case grant; limited-access cases only to the allocated COM and grant holders (R-4). Under MAPPA_MEETING only the declared meeting's subject, to those attending it (issue 10).",
    rules: ['principle 2', 'principle 3', 'A.R9', 'C.8', 'C.88'],
    grants: CASE_REFERENCE_GRANTS,
  },
  offenderManagerContact: {
    owner: Agency.PROBATION,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "The probation case record itself and how to reach its community offender manager (names, email, telephone, team): the offender manager part of the duty-to-co-operate minimal summary. Everyone who reads the case reference, and duty-to-co-operate attendees (not Jobcentre Plus, A.R32) at a meeting; the Home Office is told the OM's contact for a foreign national offender (C.71); a PPU officer, for case management, on a case probation registers as MAPPA category 1, which the police co-manage (A.R6, A.R23; probation's own MAPPA registration decides, no other agency is asked). Row scope: as the case reference; duty-to-co-operate attendees only through a live case grant for that meeting (principle 5, A.R26).",
    rules: ['principle 2', 'principle 3', 'principle 5', 'A.R6', 'A.R23', 'A.R26', 'A.R32', 'C.71'],
    grants: [
      ...CASE_REFERENCE_GRANTS,
      { roles: ['dtc_attendee'], purposes: ['MAPPA_MEETING'], agencies: MINIMAL_SUMMARY_AGENCIES },
      { roles: ['ppu_officer'], purposes: ['CASE_MANAGEMENT'], agencies: ['police'], condition: 'coManagedCategoryOne' },
    ],
  },
  caseSummary: {
    owner: Agency.PROBATION,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      'Case status, supervision type, area, tier, breach flag, provider and main offence. Probation practitioners and SPOs for case management; Responsible Authority roles (the co-ordinator for screening) for MAPPA purposes. Row scope: own area or a live case grant; co-ordinator statistics on category 2 level 1 cases (A.R9) are not granted (aggregates only). Never Jobcentre Plus or other duty-to-co-operate agencies (no offence history).',
    rules: ['principle 2', 'principle 3', 'A.R9', 'A.R32', 'C.88'],
    grants: [
      { roles: PROBATION_CASE_ROLES, purposes: CASE_AND_MAPPA_PURPOSES },
      { roles: RESPONSIBLE_AUTHORITY_ROLES, purposes: MAPPA_PURPOSES },
    ],
  },
  caseAdministration: {
    owner: Agency.PROBATION,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      'Probation-only case fields: the limited-access restriction flag (which drives R-4) and the termination date of a previously known case. Probation practitioners and SPOs for case management only. Row scope: own area or a live case grant; allocated COM on limited-access cases (R-4).',
    rules: ['principle 2'],
    grants: [{ roles: PROBATION_CASE_ROLES, purposes: ['CASE_MANAGEMENT'] }],
  },
  licenceDates: {
    owner: Agency.PROBATION,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      'The licences and their status and key dates (start, conditional release, licence and sentence expiry). Probation practitioners and SPOs; Responsible Authority roles for MAPPA purposes; victim liaison officers for case management about the offender of a victim allocated to them, to give victims the Victim Contact Scheme information. Row scope: own area or a live case grant. Jobcentre Plus is not granted the expiry date (A.R32: no field marks an employment restriction).',
    rules: ['principle 3', 'A.R32', 'B.57', 'C.14', 'C.34'],
    grants: [
      { roles: PROBATION_CASE_ROLES, purposes: CASE_AND_MAPPA_PURPOSES },
      { roles: RESPONSIBLE_AUTHORITY_ROLES, purposes: MAPPA_PURPOSES },
      VLO_OWN_VICTIMS_OFFENDER,
    ],
  },
  licenceRecords: {
    owner: Agency.PROBATION,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "The list of licences as a container (reading it reveals nothing by itself; each field has its own policy). Everyone who reads a licence's dates or conditions: probation practitioners and SPOs; Responsible Authority roles for MAPPA purposes; victim liaison officers about the offender of a victim allocated to them; the electronic monitoring provider at a meeting it attends, only the licences holding a condition it monitors (A.R37). Row scope: own area or a live case grant (a meeting's subject to those attending it).",
    rules: ['principle 3', 'A.R37', 'C.34'],
    grants: [
      { roles: PROBATION_CASE_ROLES, purposes: CASE_AND_MAPPA_PURPOSES },
      { roles: RESPONSIBLE_AUTHORITY_ROLES, purposes: MAPPA_PURPOSES },
      VLO_OWN_VICTIMS_OFFENDER,
      ELECTRONIC_MONITORING,
    ],
  },
  licence: {
    owner: Agency.PROBATION,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      'The rest of the licence record (id, type, version, variation, prison number, sentence start, PSS expiry, workflow dates, responsible COM). Probation practitioners and SPOs; Responsible Authority roles for MAPPA purposes. Row scope: own area or a live case grant.',
    rules: ['principle 3'],
    grants: [
      { roles: PROBATION_CASE_ROLES, purposes: CASE_AND_MAPPA_PURPOSES },
      { roles: RESPONSIBLE_AUTHORITY_ROLES, purposes: MAPPA_PURPOSES },
    ],
  },
  licenceConditions: {
    owner: Agency.PROBATION,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      'Licence conditions without their wording: kind, period, code, category and the victim and exclusion-zone flags. Probation practitioners and SPOs; Responsible Authority roles for MAPPA purposes; victim liaison officers for case management about the offender of a victim allocated to them; the electronic monitoring provider at a meeting it attends, exactly the curfew and exclusion conditions it monitors and never one naming a victim (A.R37). Row scope: own area or a live case grant. Other duty-to-co-operate agencies and Jobcentre Plus: denied.',
    rules: ['principle 3', 'A.R32', 'A.R37', 'B.15', 'C.29', 'C.34'],
    grants: [
      { roles: PROBATION_CASE_ROLES, purposes: CASE_AND_MAPPA_PURPOSES },
      { roles: RESPONSIBLE_AUTHORITY_ROLES, purposes: MAPPA_PURPOSES },
      VLO_OWN_VICTIMS_OFFENDER,
      ELECTRONIC_MONITORING,
    ],
  },
  licenceConditionText: {
    owner: Agency.PROBATION,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      'The wording of a licence condition, which may name a victim or map where they live. Wording that identifies a victim or maps an exclusion zone (either flag set): the allocated community offender manager and the SPO who line-manages them, for case management, and the victim liaison officer of the victim who asked for the condition (its victim reference), never anyone else under any purpose (B.15, C.29, C.32). Wording with neither flag: probation practitioners and SPOs for case management; Responsible Authority roles for MAPPA purposes (principle 3: licence conditions without victim-identifying detail); a VLO about the offender of a victim allocated to them. The electronic monitoring provider at a meeting it attends: the wording (and zone map) of the conditions it monitors, never one naming a victim (A.R37). Row scope: own area or a live case grant.',
    rules: ['principle 3', 'A.R37', 'B.15', 'C.29', 'C.32', 'C.38'],
    grants: [
      { roles: PROBATION_CASE_ROLES, purposes: ['CASE_MANAGEMENT'], condition: 'withoutVictimDetail' },
      OFFENDER_MANAGER_OR_LINE_MANAGER,
      { roles: RESPONSIBLE_AUTHORITY_ROLES, purposes: MAPPA_PURPOSES, condition: 'withoutVictimDetail' },
      VLO_OWN_VICTIM,
      ELECTRONIC_MONITORING,
    ],
  },
  riskOfSeriousHarm: {
    owner: Agency.PROBATION,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "The OASys RoSH summary and its risk-in-the-community levels as containers (reading them reveals nothing by itself; each level has its own policy). Open to everyone who may read any level, including Jobcentre Plus at a meeting for the risk to staff and the Home Office at a meeting for the levels (A.R38, C.72). Row scope: own area or a live case grant; duty-to-co-operate attendees (Jobcentre Plus included) only through a grant (principle 5). Under MAPPA_MEETING only the declared meeting's subject, to those attending it (issue 10). AP staff: residents and proposed residents of their premises only (C.8, C.11). Jobcentre Plus only about someone 18 or over (A.R31: MAPPA J is for adults), decided where the date of birth is held without a cross-agency read: probation holds none, so the MAPPA unit, which holds the MAPPA A's, vouches Jobcentre Plus's standing at a meeting (and grants it access) only about an adult, and the row scope this agency applies serves a meeting's subject only on that evidence.",
    rules: ['principle 3', 'A.R31', 'A.R32', 'A.R38', 'C.11', 'C.72', 'C.87'],
    grants: RISK_TO_STAFF_GRANTS,
  },
  riskToStaff: {
    owner: Agency.PROBATION,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "Risk of serious harm to staff (ProbationRiskToGroups.staff, its own field). Probation practitioners and SPOs; Responsible Authority roles for MAPPA purposes; AP staff for case management (proposal); Jobcentre Plus duty-to-co-operate attendees at a meeting (MAPPA J): the only probation field they read; the Home Office's attendee at a meeting (A.R38, C.72). Row scope: own area or a live case grant; duty-to-co-operate attendees only through a grant. Under MAPPA_MEETING only the declared meeting's subject, to those attending it (issue 10). AP staff: residents and proposed residents of their premises only (C.8, C.11). Jobcentre Plus only about someone 18 or over (A.R31: MAPPA J is for adults), decided where the date of birth is held without a cross-agency read: probation holds none, so the MAPPA unit, which holds the MAPPA A's, vouches Jobcentre Plus's standing at a meeting (and grants it access) only about an adult, and the row scope this agency applies serves a meeting's subject only on that evidence.",
    rules: ['principle 3', 'A.R31', 'A.R32', 'A.R38', 'C.11', 'C.72', 'C.87'],
    grants: RISK_TO_STAFF_GRANTS,
  },
  riskSummary: {
    owner: Agency.PROBATION,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "The overall RoSH level and the risk to children, the public, known adults and prisoners. Probation practitioners and SPOs; Responsible Authority roles for MAPPA purposes; AP staff for case management about residents and proposed residents of their premises (C.8, C.11); the Home Office's duty-to-co-operate attendee at a meeting (A.R38, C.72: levels, never the narrative). Never Jobcentre Plus (A.R32). Row scope: own area or a live case grant; the Home Office only through a live case grant for that meeting. The Home Office only for a foreign national offender (A.R38, C.72), decided where the fact is held without a cross-agency read: the MAPPA unit records it on the case and vouches the Home Office's meeting standing and grants for no one else, so the row scope this agency applies already excludes a British national.",
    rules: ['principle 3', 'principle 5', 'A.R28', 'A.R32', 'A.R38', 'C.8', 'C.11', 'C.72'],
    grants: [
      { roles: PROBATION_CASE_ROLES, purposes: CASE_AND_MAPPA_PURPOSES },
      { roles: RESPONSIBLE_AUTHORITY_ROLES, purposes: MAPPA_PURPOSES },
      AP_STAFF_OWN_RESIDENT,
      HOME_OFFICE_AT_MEETING,
      HOME_OFFICE_DETENTION_DECISION,
    ],
  },
  riskInCustody: {
    owner: Agency.PROBATION,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "The risk-in-custody levels as a container (each level has its own policy). Probation practitioners and SPOs; Responsible Authority roles for MAPPA purposes; the Home Office's duty-to-co-operate attendee at a meeting (A.R38, C.72). Not AP staff (their proposal covers the community levels only) and never Jobcentre Plus (A.R32: the risk to its own staff in the community only). Row scope: own area or a live case grant; the Home Office only through a live case grant.",
    rules: ['principle 3', 'A.R32', 'A.R38', 'C.72'],
    grants: [
      { roles: PROBATION_CASE_ROLES, purposes: CASE_AND_MAPPA_PURPOSES },
      { roles: RESPONSIBLE_AUTHORITY_ROLES, purposes: MAPPA_PURPOSES },
      HOME_OFFICE_AT_MEETING,
      HOME_OFFICE_DETENTION_DECISION,
    ],
  },
  riskAssessment: {
    owner: Agency.PROBATION,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      'The assessment id and date and the actuarial predictors. Probation practitioners and SPOs; Responsible Authority roles for MAPPA purposes. Row scope: own area or a live case grant.',
    rules: ['principle 3', 'A.R28', 'A.R32'],
    grants: [
      { roles: PROBATION_CASE_ROLES, purposes: CASE_AND_MAPPA_PURPOSES },
      { roles: RESPONSIBLE_AUTHORITY_ROLES, purposes: MAPPA_PURPOSES },
    ],
  },
  riskNarrative: {
    owner: Agency.PROBATION,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      'The RoSH narrative (who is at risk, which may name victims; nature, imminence, increasing and mitigating factors, analysis). The allocated community offender manager and the SPO who line-manages them, for case management and for the MAPPA purposes they take part in (screening, the meetings they attend, the disclosure decisions they are party to: inventory §5.2, "those roles only, under any purpose"; the offender manager presents the assessment they wrote); no other practitioner, and no other role under any purpose (B.15, C.29, principle 4).',
    rules: ['principle 4', 'A.R28', 'B.15', 'C.29'],
    grants: [{ ...OFFENDER_MANAGER_OR_LINE_MANAGER, purposes: CASE_AND_MAPPA_PURPOSES }],
  },
  riskManagementPlan: {
    owner: Agency.PROBATION,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "The lead agency's risk management plan (all sections but victim safety planning). Probation practitioners and SPOs for case management; Responsible Authority attendees at a MAPP meeting only. Row scope: own area or a live case grant; under MAPPA_MEETING only the declared meeting's subject, to those attending it (issue 10). Approved premises staff at a meeting they attend about a resident or proposed resident of their premises (C.11). Duty-to-co-operate agencies and lay advisers: denied.",
    rules: ['principle 4', 'A.R28', 'B.39', 'B.43', 'C.11'],
    grants: [
      { roles: PROBATION_CASE_ROLES, purposes: ['CASE_MANAGEMENT'] },
      { roles: RESPONSIBLE_AUTHORITY_ROLES, purposes: ['MAPPA_MEETING'] },
      { roles: ['approved_premises_staff'], purposes: ['MAPPA_MEETING'], condition: 'approvedPremisesResident' },
    ],
  },
  riskManagementPlanRecord: {
    owner: Agency.PROBATION,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      'The risk management plan as a container (reading it reveals nothing by itself; each section has its own policy). Everyone who reads a section of it: probation practitioners and SPOs for case management; Responsible Authority attendees at a MAPP meeting; approved premises staff at a meeting about their resident (C.11); the victim liaison officer of a victim of the offender, for victim safety planning (B.15). Row scope: as the plan.',
    rules: ['principle 4', 'B.15', 'B.39', 'C.11'],
    grants: [
      { roles: PROBATION_CASE_ROLES, purposes: ['CASE_MANAGEMENT'] },
      { roles: RESPONSIBLE_AUTHORITY_ROLES, purposes: ['MAPPA_MEETING'] },
      { roles: ['approved_premises_staff'], purposes: ['MAPPA_MEETING'], condition: 'approvedPremisesResident' },
      VLO_OWN_VICTIMS_OFFENDER,
    ],
  },
  victimSafetyPlanning: {
    owner: Agency.PROBATION,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      'Victim safety planning in the risk management plan: the allocated community offender manager and the SPO who line-manages them, and the victim liaison officer of a victim of the offender, for case management only; never in meeting views or to other agencies (B.15, B.42, C.29).',
    rules: ['B.15', 'B.42', 'C.29'],
    grants: [OFFENDER_MANAGER_OR_LINE_MANAGER, VLO_OWN_VICTIMS_OFFENDER],
  },
  victimContacts: {
    owner: Agency.PROBATION,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "Victims in the Victim Contact Scheme and their wishes: the most restricted data in the federation. Victim liaison officers for case management only; for everyone else (practitioners, other agencies, meetings, disclosure decisions, co-ordinator, chair, duty-to-co-operate agencies, statistics) the whole list is null. Each victim only to the allocated VLO (vloStaffId = staffId, a per-record condition); the list holds the caller's own victims and is null when it holds none, never empty or shortened (principle 9). The allocated COM's scheme and VLO code (C.33) are not granted until allocation can be checked.",
    rules: ['principle 4', 'B.15', 'C.29', 'C.30', 'C.31', 'C.33', 'C.37'],
    grants: [VLO_OWN_VICTIM],
  },
  victimContactDetails: {
    owner: Agency.PROBATION,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "How to reach a victim (address, telephone, email, preferred method): never leaves the victim liaison officer allocated to that victim, for case management. C.32: where the victim lives reaches anyone else only as the exclusion zone the victim asked for (ProbationVictimWishes.exclusionZoneRequested; the condition carries the victim's reference), read by the allocated COM, their line manager and this VLO; release to health or a meeting needs the victim's wish, which no field records, so it is denied.",
    rules: ['B.15', 'C.29', 'C.32', 'C.46'],
    grants: [VLO_OWN_VICTIM],
  },
  probationAddress: {
    owner: Agency.PROBATION,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "Addresses on the probation case. Probation practitioners and SPOs for case management: every address. Responsible Authority roles under the MAPPA purposes (screening, the meetings they attend, the disclosure decisions they are party to): only where the person lives now and where they are to live on release (MAIN and PROPOSED, as the MAPPA A referral carries them), never a previous address (B.1, principle 3). Approved premises staff, for case management: only the premises' own address (current or proposed) of a resident or proposed resident of their premises (C.8, C.11). Row scope: own area or a live case grant; under the bound purposes the record's subject. Not yet enforced: the release-area police's own read outside the MAPPA purposes (B.59), so a PPU officer managing their own case gets no address. VLO, duty-to-co-operate agencies and Jobcentre Plus: denied.",
    rules: ['principle 3', 'B.1', 'B.59', 'C.8', 'C.11'],
    grants: [
      { roles: PROBATION_CASE_ROLES, purposes: ['CASE_MANAGEMENT'] },
      { roles: RESPONSIBLE_AUTHORITY_ROLES, purposes: MAPPA_PURPOSES, condition: 'currentOrProposedAddress' },
      { roles: ['approved_premises_staff'], purposes: ['CASE_MANAGEMENT'], condition: 'approvedPremisesAddressOfResident' },
    ],
  },
  // Issue 11: the caller's own standing to a level 1 disclosure decision this agency holds, which the
  // gateway vouches for under DISCLOSURE_DECISION. Whoever may read a subject under that purpose may ask;
  // the answer is their own standing or null.
  // The answer's fields: the shared `PurposeEvidence` type, granted as the MAPPA unit grants it (one type, one grant list).
  // Issue 12: the caller's own relationships to the people probation holds (case-relationships.ts),
  // which the gateway asks for and vouches to the prison and the police, whose record conditions
  // decide on them. Only the roles a relationship can be held by, for case management; the answer is
  // only ever the caller's own caseload.
  caseRelationships: {
    owner: Agency.PROBATION,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "The caller's own case relationships (`myCaseRelationships`): the people whose case is allocated to them as community offender manager, and the offenders of the victims allocated to them as victim liaison officer. The gateway vouches them to the prison and the police. Probation practitioners and victim liaison officers, for case management; the answer is only ever their own.",
    rules: ['A.R15', 'B.57', 'B.59', 'C.14', 'C.34', 'C.63'],
    grants: [{ roles: ['probation_practitioner', 'victim_liaison_officer'], purposes: ['CASE_MANAGEMENT'], agencies: ['probation'] }],
  },
  purposeEvidence: {
    owner: Agency.PROBATION,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "The fields of the caller's own purpose evidence as this agency answers it (`probationDisclosureEvidence`): the shared shape the MAPPA unit's `myPurposeEvidence` answers, granted alike. Every role that may read a subject under a bound purpose; the answer is only ever the caller's own.",
    rules: ['principle 9'],
    grants: PURPOSE_EVIDENCE_GRANTS,
  },
  ownDisclosureEvidence: {
    owner: Agency.PROBATION,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "The caller's own standing to the level 1 disclosure decision (DSC-PROBATION-…) declared in x-mappa-case under DISCLOSURE_DECISION, as purpose evidence: its proposer, its decision maker, an owner asked to agree to one of its live items or an agency whose consultation it requested, in the decision's area; whether a child subject's YOT and children's services were asked. Null when none, an unknown id answered alike. The co-ordinator has no standing to a level 1 decision. Every role that may read a subject under this purpose.",
    rules: ['principle 9', 'A.R25', 'B.7', 'B.8', 'B.10', 'B.15', 'C.52'],
    grants: [{ roles: PURPOSE_EVIDENCE_HOLDER_ROLES, purposes: ['DISCLOSURE_DECISION'] }],
  },
  // Level 1 disclosure decisions this agency holds (issue 11): the record's and the proposal answer's
  // grants are the same in the three holders (shared types); proposing is this agency's practitioners'.
  disclosureRecord: disclosureRecordPolicy(Agency.PROBATION),
  disclosureProposal: disclosureProposalPolicy(Agency.PROBATION),
  disclosureProposing: level1DisclosureProposingPolicy(Agency.PROBATION, 'PROBATION'),
  // Issue 13: the probation service's part of the ad-hoc statistics join (@inaccessible, the gateway's statistics service only).
  // Issue 13: the probation part of the published annual report tables, asked only by the gateway's
  // statistics service (the query is @inaccessible); the service suppresses and rounds.
  statisticsPublished: {
    owner: Agency.PROBATION,
    classification: 'OFFICIAL',
    summary:
      "The annual report table probation counts (C §7.3 table 5, issue 13): the people of an area returned to custody on recall (breach of licence) in the year, each with the reason of their latest recall (probation.recall), under pseudonyms for one report, which the gateway's statistics service joins with the MAPPA unit's level 2 and 3 offenders, counts, suppresses and rounds. Analysts, the co-ordinator, the chair and the SMB lay advisers, under STATISTICS, for the area of their own token, or England and Wales (the national tables, published to all); another area is answered with nothing. Principle 7 cases are in no statistic.",
    rules: ['principle 7', 'principle 8', 'principle 9', 'C.92', 'C.93'],
    grants: [{ roles: ['analyst', 'mappa_coordinator', 'mappa_chair', 'lay_adviser'], purposes: ['STATISTICS'] }],
  },
  statisticsSubjects: {
    owner: Agency.PROBATION,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "The ad-hoc statistics join's probation dimensions: each case probation holds in an area under a pseudonym for one query, with its supervision type, overall risk of serious harm level, the type of the licence in force and the types of its additional and bespoke conditions (never their wording, which can name a victim or a place), and the number of recalls in a period (never a date). Analysts, the co-ordinator and the chair, under STATISTICS, for their own area; another area is answered with nothing.",
    rules: ['principle 7', 'principle 8', 'principle 9', 'C.93'],
    grants: [{ roles: ['analyst', 'mappa_coordinator', 'mappa_chair'], purposes: ['STATISTICS'] }],
  },
});
