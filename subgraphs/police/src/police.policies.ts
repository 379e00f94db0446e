import {
  Agency,
  PURPOSE_EVIDENCE_GRANTS,
  PURPOSE_EVIDENCE_HOLDER_ROLES,
  CASE_AND_MAPPA_PURPOSES,
  definePolicies,
  ownerPolicies,
  MAPPA_PURPOSES,
  MINIMAL_SUMMARY_AGENCIES,
  POLICE_ROLES,
  YOT_ROLES,
  disclosureProposalPolicy,
  disclosureRecordPolicy,
  level1DisclosureProposingPolicy,
} from '@mappa/shared';
import type { AccessGrant, Role } from '@mappa/shared';

// The police's access rules, in one place. Each field's @Access names one of these; the access
// matrix (docs/access-matrix.md) is generated from them. Grants say who may read, and why. Row scope
// (shared/src/auth/row-scope.ts: CT gate, own area or a live case grant, MAPPA_MEETING / MAPPA_SCREENING bound to the meeting or referral, children at meetings only with the YOT and children's services) is
// enforced before any field. A grant's per-record condition (the ViSOR partner agencies, A.R5, A.R6;
// intelligence originator control, principle 4) is decided on each record by the condition files
// (visor/visor-partner.condition.ts, intelligence/intelligence-originator.condition.ts…).

const RA_ROLES: readonly Role[] = [
  'probation_practitioner',
  'senior_probation_officer',
  'prison_offender_manager',
  'mappa_coordinator',
  'mappa_chair',
];

/** The police's own information governance, auditing (principle 10): author metadata only (A.R12). */
const POLICE_AUDIT: AccessGrant = { roles: ['information_governance'], purposes: ['AUDIT'], agencies: ['police'] };

const VISOR_NOMINAL_GRANTS: readonly AccessGrant[] = [
  { roles: POLICE_ROLES, purposes: CASE_AND_MAPPA_PURPOSES },
  { roles: RA_ROLES, purposes: MAPPA_PURPOSES },
  // ViSOR partners (A.R5, A.R6): decided per record by the police (visor/visor-partner.condition.ts).
  {
    roles: ['probation_practitioner', 'senior_probation_officer'],
    purposes: ['CASE_MANAGEMENT'],
    agencies: ['probation'],
    condition: 'visorPartnerAgency',
  },
  { roles: ['prison_offender_manager'], purposes: ['CASE_MANAGEMENT'], agencies: ['prison'], condition: 'visorPartnerAgency' },
];

const POLICE_RISK_GRANTS: readonly AccessGrant[] = [
  { roles: POLICE_ROLES, purposes: CASE_AND_MAPPA_PURPOSES },
  { roles: RA_ROLES, purposes: MAPPA_PURPOSES },
];

export const policePolicies = definePolicies('police', {
  // Every duty-to-co-operate agency holds the police key at a meeting: `offender(pncId)` is answered
  // here, and Jobcentre Plus reaches the risk to its staff through it (A.R32).
  ...ownerPolicies(Agency.POLICE),
  identityNames: {
    owner: Agency.POLICE,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      'The police identity record itself, with the first name, surname and date of birth: the identity part of the duty-to-co-operate minimal summary. Police for case management; Responsible Authority roles for MAPPA purposes; duty-to-co-operate attendees (not Jobcentre Plus, A.R32) at a meeting; YOT staff for their standard checks on a young person (C.56), only while the police record the person as under 18 (on anyone else the answer is null). Row scope: own area or a live case grant; duty-to-co-operate attendees only through a live case grant for that meeting (principle 5, A.R26).',
    rules: ['principle 2', 'principle 3', 'principle 5', 'A.R9', 'A.R26', 'A.R32', 'B.1', 'C.56', 'C.88'],
    grants: [
      { roles: POLICE_ROLES, purposes: CASE_AND_MAPPA_PURPOSES },
      { roles: RA_ROLES, purposes: MAPPA_PURPOSES },
      { roles: ['dtc_attendee'], purposes: ['MAPPA_MEETING'], agencies: MINIMAL_SUMMARY_AGENCIES },
      // C.56: the YOT's standard checks identify its young person; the police decide "under 18" from
      // the date of birth they hold (identity/identity-young-person.condition.ts), row scope the area.
      { roles: YOT_ROLES, purposes: ['CASE_MANAGEMENT'], agencies: ['yot'], condition: 'subjectUnderEighteen' },
    ],
  },
  identity: {
    owner: Agency.POLICE,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      'The rest of who the person is (CRO number, middle names, gender, aliases): beyond the minimal summary, and aliases with gender can reveal gender history (B.14). Police for case management; Responsible Authority roles for MAPPA purposes. Row scope: own area or a live case grant.',
    rules: ['principle 2', 'principle 3', 'A.R9', 'B.1', 'B.14', 'C.88'],
    grants: [
      { roles: POLICE_ROLES, purposes: CASE_AND_MAPPA_PURPOSES },
      { roles: RA_ROLES, purposes: MAPPA_PURPOSES },
    ],
  },
  nationality: {
    owner: Agency.POLICE,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "Nationality as recorded by the police, which tells whether the person is a foreign national offender. Police for case management; Responsible Authority roles for MAPPA purposes; the Home Office's duty-to-co-operate attendee at a meeting (A.R38, C.71). Row scope: own area or a live case grant; the Home Office only through a live case grant for that meeting. The Home Office only for a foreign national offender (A.R38, C.72), decided where the fact is held without a cross-agency read: the MAPPA unit records it on the case and vouches the Home Office's meeting standing and grants for no one else, so the row scope this agency applies already excludes a British national.",
    rules: ['principle 3', 'principle 5', 'A.R38', 'B.1', 'C.71'],
    grants: [
      { roles: POLICE_ROLES, purposes: CASE_AND_MAPPA_PURPOSES },
      { roles: RA_ROLES, purposes: MAPPA_PURPOSES },
      { roles: ['dtc_attendee'], purposes: ['MAPPA_MEETING'], agencies: ['home_office'] },
    ],
  },
  ethnicity: {
    owner: Agency.POLICE,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      'Self-defined ethnicity: special category data, police only. Statistics count it only as its census group (statisticsSubjects), never the code.',
    rules: ['B.3', 'C.92'],
    grants: [{ roles: POLICE_ROLES, purposes: ['CASE_MANAGEMENT'] }],
  },
  visorNominal: {
    owner: Agency.POLICE,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "The ViSOR nominal record. Police for case management and MAPPA purposes; Responsible Authority roles (probation, prison offender manager, co-ordinator, chair) for MAPPA purposes; for case management, probation only on records that list PROBATION as a ViSOR partner agency and, for category 1, only at level 2 or 3 or where the area records a local agreement for level 1 (A.R6; ViSOR records the category and level, the police the agreements), and the prison offender manager only on records that list PRISON and only while the person is in custody where they work (A.R5; custody is the prison's fact: the prison answers whom it holds in the reader's reach and the gateway vouches it, so the police read no prison data and a PRISON listing left after a release opens nothing). On any other record the answer is null, as when the person has no ViSOR record. Row scope: own area or a live case grant.",
    rules: ['A.R1', 'A.R4', 'A.R5', 'A.R6', 'A.R9', 'B.46', 'principle 3'],
    grants: VISOR_NOMINAL_GRANTS,
  },
  // A.R12, OQ 20: the nominal itself (not its content) for the police's own information governance
  // under AUDIT, so that the record manager's staff id (policeStaff) can be reached inside it.
  visorNominalRecord: {
    owner: Agency.POLICE,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "The ViSOR nominal as a record (`Offender.visorNominal`): whoever reads the nominal, and the police's own information governance under AUDIT, who open it only to reach the record manager's staff id (A.R12): every other field of the nominal stays refused to them (visorNominal). Row scope: as the nominal; information governance nationally for the police's own records.",
    rules: ['A.R5', 'A.R6', 'A.R12', 'principle 10'],
    grants: [...VISOR_NOMINAL_GRANTS, POLICE_AUDIT],
  },
  visorAdministration: {
    owner: Agency.POLICE,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "ViSOR record administration (retention review date): the ViSOR administrator and the police's own information governance only (principle 10).",
    rules: ['A.R13', 'C.88'],
    grants: [{ roles: ['visor_administrator'], purposes: ['CASE_MANAGEMENT'] }, POLICE_AUDIT],
  },
  notification: {
    owner: Agency.POLICE,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      'Sex-offender notification requirements and breaches. Police for case management; Responsible Authority roles for MAPPA purposes.',
    rules: ['A.R6', 'A.R22', 'principle 3'],
    grants: [
      { roles: POLICE_ROLES, purposes: CASE_AND_MAPPA_PURPOSES },
      { roles: RA_ROLES, purposes: MAPPA_PURPOSES },
    ],
  },
  registeredAddress: {
    owner: Agency.POLICE,
    classification: 'OFFICIAL-SENSITIVE',
    summary: 'The registered address and home-visit frequency (a police tactic): police; Responsible Authority roles at a MAPP meeting.',
    rules: ['A.R6', 'B.42'],
    grants: [
      { roles: POLICE_ROLES, purposes: CASE_AND_MAPPA_PURPOSES },
      { roles: RA_ROLES, purposes: ['MAPPA_MEETING'] },
    ],
  },
  policeRisk: {
    owner: Agency.POLICE,
    classification: 'OFFICIAL-SENSITIVE',
    summary: 'The police risk assessment (tool, level, date). Police for case management; Responsible Authority roles for MAPPA purposes.',
    rules: ['principle 3', 'A.R12'],
    grants: POLICE_RISK_GRANTS,
  },
  // A.R12, OQ 20: as visorNominalRecord, for the assessor's staff id.
  policeRiskRecord: {
    owner: Agency.POLICE,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "The police risk assessment as a record (`Offender.policeRiskAssessment`): whoever reads the assessment, and the police's own information governance under AUDIT, who open it only to reach the assessor's staff id (A.R12): the tool, level and date stay refused to them (policeRisk).",
    rules: ['principle 3', 'A.R12', 'principle 10'],
    grants: [...POLICE_RISK_GRANTS, POLICE_AUDIT],
  },
  policeStaff: {
    owner: Agency.POLICE,
    classification: 'OFFICIAL-SENSITIVE',
    summary: "Which officer assessed or manages the record: police, and the police's own information governance for audit (principle 10).",
    rules: ['principle 2'],
    grants: [{ roles: POLICE_ROLES, purposes: CASE_AND_MAPPA_PURPOSES }, POLICE_AUDIT],
  },
  civilOrders: {
    owner: Agency.POLICE,
    classification: 'OFFICIAL-SENSITIVE',
    summary: 'Civil preventive orders (type, court, dates). Police; Responsible Authority roles for MAPPA purposes.',
    rules: ['principle 3', 'A.R32'],
    grants: [
      { roles: POLICE_ROLES, purposes: CASE_AND_MAPPA_PURPOSES },
      { roles: RA_ROLES, purposes: MAPPA_PURPOSES },
    ],
  },
  civilOrderConditions: {
    owner: Agency.POLICE,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      'The wording of order conditions, which may name people or places: police; Responsible Authority roles at a MAPP meeting only.',
    rules: ['B.15', 'C.29'],
    grants: [
      { roles: POLICE_ROLES, purposes: CASE_AND_MAPPA_PURPOSES },
      { roles: RA_ROLES, purposes: ['MAPPA_MEETING'] },
    ],
  },
  warningMarkers: {
    owner: Agency.POLICE,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      'PNC warning markers (safety flags). Police; Responsible Authority roles for MAPPA purposes; YOT staff for their standard police checks on a young person before meeting them (C.56, inventory §5.1 WarningMarker), only while the police record the person as under 18 (on anyone else the answer is null, as for a person with no markers).',
    rules: ['B.1', 'B.3', 'C.56'],
    grants: [
      { roles: POLICE_ROLES, purposes: CASE_AND_MAPPA_PURPOSES },
      { roles: RA_ROLES, purposes: MAPPA_PURPOSES },
      { roles: YOT_ROLES, purposes: ['CASE_MANAGEMENT'], agencies: ['yot'], condition: 'subjectUnderEighteen' },
    ],
  },
  intelligence: {
    owner: Agency.POLICE,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      'Graded intelligence (3x5x2): the full item (reference, grading, handling code, originator, text) stays with the PPU and counter-terrorism officers of the force it originated in (the force of the area their token names), the originator controlling it (principle 4, principle 10, B §1 "Ownership (originator control)"). An officer of another force (people move; cross-border intelligence) reads only the sanitised summary (intelligenceSummary) unless the originating force has recorded a live agreement to share the item with their force (`recordIntelligenceSharingAgreement`); on any other item these fields are null. Row scope: own area or a live case grant.',
    rules: ['principle 4', 'principle 10', 'A.R11', 'B.42', 'C.63'],
    grants: [{ roles: ['ppu_officer', 'ct_officer'], purposes: CASE_AND_MAPPA_PURPOSES, condition: 'originatingForceOrAgreed' }],
  },
  intelligenceSummary: {
    owner: Agency.POLICE,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      'The sanitised intelligence summary and its date: every PPU and counter-terrorism officer, of whichever force, in their row scope; intelligence leaves the police only in this form (principle 4), to Responsible Authority roles at a meeting or disclosure decision, and, in a terrorist case (category 4 or restricted-access), to the counter-terrorism cleared community offender manager allocated to the person for case management (C.63, C.64; the allocation is probation\'s, vouched by the gateway), and to the counter-terrorism cleared YOT case manager of the young person for case management (C.63; the case is the YOT\'s, vouched by the gateway). Outside the police, an item with handling code C ("conditions apply; see originator") only where the originating force has recorded a live agreement to share it with MAPPA partners (B §1: not shared without the involvement of the agency that provided it); P items as granted. On any other item the answer is null, as for an item the police do not hold.',
    rules: ['principle 4', 'principle 10', 'B.8', 'B.42', 'C.63', 'C.64', 'C.66'],
    grants: [
      { roles: ['ppu_officer', 'ct_officer'], purposes: CASE_AND_MAPPA_PURPOSES },
      { roles: RA_ROLES, purposes: ['MAPPA_MEETING', 'DISCLOSURE_DECISION'], condition: 'releasableToPartners' },
      {
        roles: ['probation_practitioner'],
        purposes: ['CASE_MANAGEMENT'],
        agencies: ['probation'],
        minimumClearance: 'CTC',
        condition: 'allocatedOffenderManagerOfTerroristCase',
      },
      {
        roles: ['yot_case_manager'],
        purposes: ['CASE_MANAGEMENT'],
        agencies: ['yot'],
        minimumClearance: 'CTC',
        condition: 'yotCaseManagerOfTerroristCase',
      },
    ],
  },
  // Originator control (principle 4, principle 10): the agreements are the originating force's own
  // records, recorded and withdrawn by its officers only.
  intelligenceSharing: {
    owner: Agency.POLICE,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "An originating force's agreements to share its intelligence items: recording one (the full item to another force, or a handling code C item's summary to MAPPA partners), withdrawing it, and the agreement as recorded (item, shared with, who agreed, when, why, withdrawal). PPU and counter-terrorism officers under case management; the mutations themselves refuse an officer of any other force than the item's originator (FORBIDDEN) and answer an item outside the caller's row scope as an unknown reference (NOT_FOUND).",
    rules: ['principle 4', 'principle 10', 'B.42'],
    grants: [{ roles: ['ppu_officer', 'ct_officer'], purposes: ['CASE_MANAGEMENT'] }],
  },
  // MAPPA J (A.R31–A.R35): held by the police (mappa-j/mappa-j.table.ts says why).
  mappaJContent: {
    owner: Agency.POLICE,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "What a MAPPA J tells Jobcentre Plus (the restriction type, its end date, the risk of serious harm to its staff) and the MAPPA J record itself (`Offender.mappaJNotification`). Police for case management and MAPPA purposes; Responsible Authority roles for MAPPA purposes; Jobcentre Plus's duty-to-co-operate attendee at a meeting about the person (A.R32), only on a MAPPA J about someone 18 or over (A.R31) whose restriction has not reached its end date (A.R33): on any other the answer is null, as when none was sent. Row scope: own area or a live case grant; Jobcentre Plus only through a live case grant for that meeting.",
    rules: ['principle 5', 'A.R26', 'A.R31', 'A.R32', 'A.R33', 'A.R34', 'C.87'],
    grants: [
      { roles: POLICE_ROLES, purposes: CASE_AND_MAPPA_PURPOSES },
      { roles: RA_ROLES, purposes: MAPPA_PURPOSES },
      { roles: ['dtc_attendee'], purposes: ['MAPPA_MEETING'], agencies: ['jobcentre_plus'], condition: 'mappaJInForce' },
    ],
  },
  mappaJAdministration: {
    owner: Agency.POLICE,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      'How a MAPPA J was sent (date, by which offender manager, whether the offender was told and the Jobcentre Plus SPOC consulted): police for case management and MAPPA purposes; Responsible Authority roles for MAPPA purposes. Never Jobcentre Plus, which reads only the content (A.R32).',
    rules: ['A.R31', 'A.R32', 'A.R34', 'A.R35'],
    grants: [
      { roles: POLICE_ROLES, purposes: CASE_AND_MAPPA_PURPOSES },
      { roles: RA_ROLES, purposes: MAPPA_PURPOSES },
    ],
  },
  // Issue 11: the caller's own standing to a level 1 disclosure decision this agency holds, which the
  // gateway vouches for under DISCLOSURE_DECISION. Whoever may read a subject under that purpose may ask;
  // the answer is their own standing or null.
  // The answer's fields: the shared `PurposeEvidence` type, granted as the MAPPA unit grants it (one type, one grant list).
  purposeEvidence: {
    owner: Agency.POLICE,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "The fields of the caller's own purpose evidence as this agency answers it (`policeDisclosureEvidence`): the shared shape the MAPPA unit's `myPurposeEvidence` answers, granted alike. Every role that may read a subject under a bound purpose; the answer is only ever the caller's own.",
    rules: ['principle 9'],
    grants: PURPOSE_EVIDENCE_GRANTS,
  },
  ownDisclosureEvidence: {
    owner: Agency.POLICE,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "The caller's own standing to the level 1 disclosure decision (DSC-POLICE-…) declared in x-mappa-case under DISCLOSURE_DECISION, as purpose evidence: its proposer, its decision maker, an owner asked to agree to one of its live items or an agency whose consultation it requested, in the decision's area; whether a child subject's YOT and children's services were asked. Null when none, an unknown id answered alike. The co-ordinator has no standing to a level 1 decision. Every role that may read a subject under this purpose.",
    rules: ['principle 9', 'A.R25', 'B.7', 'B.8', 'B.10', 'B.15', 'C.52'],
    grants: [{ roles: PURPOSE_EVIDENCE_HOLDER_ROLES, purposes: ['DISCLOSURE_DECISION'] }],
  },
  // Level 1 disclosure decisions this agency holds (issue 11): the record's and the proposal answer's
  // grants are the same in the three holders (shared types); proposing is this agency's practitioners'.
  disclosureRecord: disclosureRecordPolicy(Agency.POLICE),
  disclosureProposal: disclosureProposalPolicy(Agency.POLICE),
  disclosureProposing: level1DisclosureProposingPolicy(Agency.POLICE, 'POLICE'),
  // Issue 13: the police's part of the ad-hoc statistics join (@inaccessible, the gateway's statistics service only).
  // Issue 13: the police part of the published annual report tables, asked only by the gateway's
  // statistics service (the query is @inaccessible); the service suppresses and rounds.
  statisticsPublished: {
    owner: Agency.POLICE,
    classification: 'OFFICIAL',
    summary:
      "The annual report tables the police count (C §7.3, issue 13): registered sex offenders cautioned or convicted for breach of notification (table 3, police.notification_breach) and civil orders imposed (table 4, police.civil_order) in the year, as raw grouped cells, and the people sent to custody for breach of a civil order in the year (table 5, police.civil_order_breach) under pseudonyms for one report, which the gateway's statistics service joins with the MAPPA unit's level 2 and 3 offenders, counts, suppresses and rounds. Analysts, the co-ordinator, the chair and the SMB lay advisers, under STATISTICS, for the area of their own token (police.person.mappa_area), or England and Wales (the national tables, published to all); another area is answered with nothing. Principle 7 records are in no statistic.",
    rules: ['principle 7', 'principle 8', 'principle 9', 'C.92', 'C.93'],
    grants: [{ roles: ['analyst', 'mappa_coordinator', 'mappa_chair', 'lay_adviser'], purposes: ['STATISTICS'] }],
  },
  statisticsSubjects: {
    owner: Agency.POLICE,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "The ad-hoc statistics join's police dimensions: each person the police hold in an area (police.person.mappa_area) under a pseudonym for one query, with gender, age band (never the date of birth), ethnicity as its census group (never the 18+1 code: special category data, which the police let be counted only in the five groups, as ViSOR's own statistical reports filter by ethnicity, C §7.1 [L19421-19436]), the types of the civil orders in force, and counts of orders made, order breaches and notification breaches in a period (never a date). Analysts, the co-ordinator and the chair, under STATISTICS, for their own area; another area is answered with nothing.",
    rules: ['principle 7', 'principle 8', 'principle 9', 'C.93'],
    grants: [{ roles: ['analyst', 'mappa_coordinator', 'mappa_chair'], purposes: ['STATISTICS'] }],
  },
});
