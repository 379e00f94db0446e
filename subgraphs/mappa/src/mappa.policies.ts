import {
  Agency,
  CASE_AND_MAPPA_PURPOSES,
  definePolicies,
  ownerPolicies,
  GRANT_HOLDER_ROLES,
  GRANTABLE_PURPOSES,
  MINIMAL_SUMMARY_AGENCIES,
  POLICE_ROLES,
  PURPOSE_EVIDENCE_GRANTS,
  YOT_ROLES,
  disclosureProposalPolicy,
  disclosureRecordPolicy,
  meetingDisclosureProposingPolicy,
} from '@mappa/shared';
import type { AccessGrant, Purpose, Role } from '@mappa/shared';

// The MAPPA Co-ordination Unit's access rules, in one place (docs/access-rules-inventory.md §5.5).
// Each field's @Access names one of these; the access matrix (docs/access-matrix.md) is generated
// from them. Grants say who may read, and why. Row scope (shared/src/auth/row-scope.ts: CT gate,
// own area or a live case grant, MAPPA_MEETING / MAPPA_SCREENING bound to the meeting or referral,
// children at meetings only with the YOT and children's services) is enforced before any field; what of it
// is still to come (lead agency, meeting membership, own young person) is named in the summaries.

const MAPPA_UNIT_ROLES: readonly Role[] = ['mappa_coordinator', 'mappa_chair'];
/** The Responsible Authority roles other than the MAPPA unit's own. */
const OTHER_RA_ROLES: readonly Role[] = [...POLICE_ROLES, 'probation_practitioner', 'senior_probation_officer', 'prison_offender_manager'];
/**
 * The Responsible Authority roles that read MAPPA cases under every case and MAPPA purpose. Not the
 * chair: it chairs meetings (B.52) and reads the cases of the meetings it chairs and of the disclosure
 * decisions taken there, under those bound purposes only (`CHAIR_PURPOSES`).
 */
const RA_ROLES: readonly Role[] = [...OTHER_RA_ROLES, 'mappa_coordinator'];
/**
 * What the chair reads the unit's records for: the meetings it chairs (MAPPA_MEETING, bound by the MAPPA
 * unit's evidence to the declared meeting's subject) and the disclosure decisions of those meetings.
 * Never the register or screening, which are the co-ordinator's (A.R9, A.R19, B.52, C.88).
 */
const CHAIR_PURPOSES: readonly Purpose[] = ['MAPPA_MEETING', 'DISCLOSURE_DECISION'];
/**
 * Who may make a MAPPA A referral (A.R19): the practitioners who manage the person, each in their own
 * agency (one grant per agency, so a role claimed in another agency matches none).
 */
const REFERRER_GRANTS: readonly AccessGrant[] = [
  { roles: ['probation_practitioner', 'senior_probation_officer'], agencies: ['probation'], purposes: ['CASE_MANAGEMENT'] },
  { roles: ['ppu_officer'], agencies: ['police'], purposes: ['CASE_MANAGEMENT'] },
  { roles: ['prison_offender_manager'], agencies: ['prison'], purposes: ['CASE_MANAGEMENT'] },
  { roles: ['yot_case_manager'], agencies: ['yot'], purposes: ['CASE_MANAGEMENT'] },
];
/**
 * The lead agency's case managers, for case management, on a case their agency leads (A.R20, A.R21),
 * each in their own agency (one grant per agency, so a role claimed in another agency matches none).
 */
const LEAD_AGENCY_CASE_MANAGER_GRANTS: readonly AccessGrant[] = [
  { roles: ['ppu_officer', 'ct_officer'], agencies: ['police'], purposes: ['CASE_MANAGEMENT'], condition: 'leadAgencyOfCase' },
  {
    roles: ['probation_practitioner', 'senior_probation_officer'],
    agencies: ['probation'],
    purposes: ['CASE_MANAGEMENT'],
    condition: 'leadAgencyOfCase',
  },
  { roles: YOT_ROLES, agencies: ['yot'], purposes: ['CASE_MANAGEMENT'], condition: 'leadAgencyOfCase' },
];
/** What the co-ordinator reads the unit's own records for (§5.5: screening, meetings, administration). */
const MAPPA_UNIT_PURPOSES: readonly Purpose[] = ['MAPPA_SCREENING', 'MAPPA_MEETING', 'CASE_MANAGEMENT'];
/** The MAPPA unit's own reading of its case records: the co-ordinator for all its work, the chair for the meetings it chairs. */
const MAPPA_UNIT_CASE_GRANTS: readonly AccessGrant[] = [
  { roles: ['mappa_coordinator'], purposes: MAPPA_UNIT_PURPOSES },
  { roles: ['mappa_chair'], purposes: ['MAPPA_MEETING'] },
];
/**
 * Who reads the MAPPA case summary (§5.5): the unit itself, the Responsible Authority, and YOT roles
 * (row scope limits a YOT principal to YOT-led cases and under-18s, `mappaSubjectInScope`).
 */
/** The MAPPA unit's own information governance, auditing (principle 10): author metadata only (A.R12, OQ 20). */
const MAPPA_AUDIT: AccessGrant = { roles: ['information_governance'], purposes: ['AUDIT'], agencies: ['mappa_unit'] };

const MAPPA_CASE_GRANTS: readonly AccessGrant[] = [
  { roles: ['mappa_coordinator'], purposes: MAPPA_UNIT_PURPOSES },
  { roles: ['mappa_chair'], purposes: CHAIR_PURPOSES },
  { roles: RA_ROLES, purposes: CASE_AND_MAPPA_PURPOSES },
  { roles: YOT_ROLES, purposes: ['CASE_MANAGEMENT'] },
];

export const mappaPolicies = definePolicies('mappa', {
  ...ownerPolicies(Agency.MAPPA_UNIT),
  mappaCase: {
    owner: Agency.MAPPA_UNIT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      'The MAPPA case beyond the minimal summary (case number, category, area, next review, end date and reason): the fact of MAPPA management is itself sensitive. The co-ordinator for screening, meetings and administration; the chair for the meetings it chairs and their disclosure decisions (MAPPA_MEETING, DISCLOSURE_DECISION: never the register or screening, A.R9, A.R19, B.52, C.88); Responsible Authority roles for case management and MAPPA purposes; YOT roles for case management. ' +
      "Row scope: own area (the case's area after a transfer, C.5) or a live case grant; under MAPPA_MEETING only the subject of the declared meeting, to its co-ordinator, chair and signed-in invitees (issue 10), a child only with the YOT and children's services attending or consulted (A.R25, B.10); under DISCLOSURE_DECISION only the declared decision's subject, to its parties (issue 11), a child only once the decision has asked the YOT and children's services (C.52); under MAPPA_SCREENING, for anyone but the co-ordinator, only the declared referral's subject and screening grants. A YOT principal (a YOT role, or the YOT agency), under every purpose and whatever grant or meeting, knows only cases the YOT leads and subjects under 18 on the request's date by the date of birth the MAPPA A gave (A.R26, principles 3 and 9): the MAPPA unit holds both, so its row scope decides, and an adult's case another agency leads is answered as an unknown person (lookups, meetings, grants, actions, the register's SQL alike); the co-ordinator cannot invite the YOT to such a meeting. " +
      'Category is left out of the duty-to-co-operate minimal summary (inventory §5.0, OQ 7). Jobcentre Plus, lay advisers and analysts: no rows (statistics are aggregates, a future query).',
    rules: [
      'principle 3',
      'principle 7',
      'principle 8',
      'A.R9',
      'A.R16',
      'A.R18',
      'A.R19',
      'A.R20',
      'A.R21',
      'A.R27',
      'A.R28',
      'A.R32',
      'B.44',
      'C.5',
      'C.6',
      'C.93',
      'C.97',
    ],
    grants: MAPPA_CASE_GRANTS,
  },
  levelAndLeadAgency: {
    owner: Agency.MAPPA_UNIT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "The MAPPA case record itself with its level and lead agency: the MAPPA part of the duty-to-co-operate minimal summary. Everyone who reads the MAPPA case, and duty-to-co-operate attendees (not Jobcentre Plus, A.R32) at a meeting. Row scope: as the MAPPA case; duty-to-co-operate attendees only through a live case grant for that meeting (principle 5, A.R26). The MAPPA unit's own information governance under AUDIT opens the record (`Offender.mappaCase`) only to reach who recorded each change (A.R12): the level and lead agency themselves are levelAndLeadAgencyFields'.",
    rules: ['principle 3', 'principle 5', 'A.R26', 'A.R32', 'A.R38', 'B.44', 'C.71'],
    grants: [
      ...MAPPA_CASE_GRANTS,
      { roles: ['dtc_attendee'], purposes: ['MAPPA_MEETING'], agencies: MINIMAL_SUMMARY_AGENCIES },
      MAPPA_AUDIT,
    ],
  },
  levelAndLeadAgencyFields: {
    owner: Agency.MAPPA_UNIT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "The level and lead agency of a MAPPA case (`MappaCase.level`, `leadAgency`): whoever reads the case record (levelAndLeadAgency) but the MAPPA unit's auditors, who open the record for its authors only (A.R12).",
    rules: ['principle 3', 'principle 5', 'A.R26', 'A.R32', 'A.R38', 'B.44', 'C.71'],
    grants: [...MAPPA_CASE_GRANTS, { roles: ['dtc_attendee'], purposes: ['MAPPA_MEETING'], agencies: MINIMAL_SUMMARY_AGENCIES }],
  },
  // A.R12, OQ 20: the way in for the MAPPA unit's own information governance under AUDIT, which the
  // police's `offender(pncId)` never answers for another agency's auditors (principle 10), and the
  // records opened for it only to reach their author fields.
  auditSubject: {
    owner: Agency.MAPPA_UNIT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "A person the MAPPA unit holds a case for, by PNC ID, as an entry point for its own information governance under AUDIT (`mappaAuditSubject`): null, as for an unknown PNC ID, for anyone it holds no case for. Nothing else of the person comes with it: every record below keeps its own policy. Row scope: national for the MAPPA unit's own information governance under AUDIT (principle 10).",
    rules: ['A.R12', 'principle 10'],
    grants: [MAPPA_AUDIT],
  },
  caseStatus: {
    owner: Agency.MAPPA_UNIT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "When the person entered MAPPA management and whether the case is active: everyone who reads the MAPPA case, and the Home Office's duty-to-co-operate attendee at a meeting about a foreign national offender (A.R38, C.71). Row scope: as the MAPPA case; the Home Office only through a live case grant for that meeting, and only for a case the MAPPA unit records as a foreign national offender's (A.R38, C.72): the fact is the unit's own record (from the MAPPA A), so it is decided here with no read of the police's nationality; the co-ordinator cannot invite or grant the Home Office about anyone else, and the unit vouches no Home Office meeting standing or grant for anyone else, which is how probation and the police, applying row scope, never serve the Home Office a British national's risk levels.",
    rules: ['principle 3', 'principle 5', 'A.R38', 'C.71', 'C.72'],
    grants: [...MAPPA_CASE_GRANTS, { roles: ['dtc_attendee'], purposes: ['MAPPA_MEETING'], agencies: ['home_office'] }],
  },
  caseHistory: {
    owner: Agency.MAPPA_UNIT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "The history of a MAPPA case as a container (`MappaCase.history`; each change's content is caseHistoryContent's, who recorded it caseAudit's), and every change to it (what changed, from and to, when, and the kind of decision): the co-ordinator, and the chair for the meetings it chairs (MAPPA_MEETING); and the lead agency's case managers for case management, only on a case their agency leads (A.R20, A.R21: the lead agency records termination and controls referral and continuation, so it reads the decisions that brought the case where it is): PPU and counter-terrorism officers for a police-led case, probation practitioners and SPOs for a probation-led one, YOT case managers and managers for a YOT-led one (`leadAgencyOfCase`, the MAPPA unit's own record of the lead agency). The MAPPA unit's own information governance under AUDIT opens the container only to reach who recorded each change (caseAudit, A.R12). Row scope: own area or a live case grant.",
    rules: ['principle 3', 'principle 7', 'A.R12', 'A.R16', 'A.R18', 'A.R19', 'A.R20', 'A.R21', 'B.44', 'C.5'],
    grants: [...MAPPA_UNIT_CASE_GRANTS, ...LEAD_AGENCY_CASE_MANAGER_GRANTS, MAPPA_AUDIT],
  },
  caseHistoryContent: {
    owner: Agency.MAPPA_UNIT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "What each change to a MAPPA case says (`MappaCaseChange` and its decision's kind): as caseHistory, without the MAPPA unit's auditors. Every change to a MAPPA case (what changed, from and to, when, and the kind of decision): the co-ordinator, and the chair for the meetings it chairs (MAPPA_MEETING); and the lead agency's case managers for case management, only on a case their agency leads (A.R20, A.R21: the lead agency records termination and controls referral and continuation, so it reads the decisions that brought the case where it is): PPU and counter-terrorism officers for a police-led case, probation practitioners and SPOs for a probation-led one, YOT case managers and managers for a YOT-led one (`leadAgencyOfCase`, the MAPPA unit's own record of the lead agency). Row scope: own area or a live case grant.",
    rules: ['principle 3', 'principle 7', 'A.R12', 'A.R16', 'A.R18', 'A.R19', 'A.R20', 'A.R21', 'B.44', 'C.5'],
    grants: [...MAPPA_UNIT_CASE_GRANTS, ...LEAD_AGENCY_CASE_MANAGER_GRANTS],
  },
  caseAudit: {
    owner: Agency.MAPPA_UNIT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "Who recorded each change to a MAPPA case and the reference of the decision record: the co-ordinator, the chair for the meetings it chairs (MAPPA_MEETING), and the MAPPA unit's own information governance for audit (principle 10). Row scope: own area or a live case grant.",
    rules: ['A.R12', 'A.R20', 'B.44'],
    grants: [...MAPPA_UNIT_CASE_GRANTS, MAPPA_AUDIT],
  },
  register: {
    owner: Agency.MAPPA_UNIT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      'The MAPPA register (every offender with an active case, filters and total count): the MAPPA co-ordinator of the MAPPA unit, for screening and case management (A.R9, A.R19, C.88). Not the chair (B.52): it reads the cases of the meetings it chairs, one by one under MAPPA_MEETING. Other Responsible Authority roles use per-person queries. Analysts and lay advisers: no register (aggregates are a future query). ' +
      "Row scope: rows outside the principal's area (unless a live case grant covers them), counter-terrorism restricted rows for uncleared principals and under-18s under MAPPA_MEETING or DISCLOSURE_DECISION are filtered out before paging and left out of totalCount.",
    rules: ['principle 8', 'principle 9', 'A.R9', 'A.R19', 'A.R27', 'B.52', 'C.88', 'C.92', 'C.93'],
    grants: [{ roles: ['mappa_coordinator'], agencies: ['mappa_unit'], purposes: ['MAPPA_SCREENING', 'CASE_MANAGEMENT'] }],
  },
  registerPaging: {
    owner: Agency.MAPPA_UNIT,
    classification: 'OFFICIAL',
    summary:
      'Where a page of the MAPPA register sits (whether more follow, the cursor to go on): the same reader as the register, the co-ordinator.',
    rules: ['principle 8', 'principle 9', 'A.R9'],
    grants: [{ roles: ['mappa_coordinator'], agencies: ['mappa_unit'], purposes: ['MAPPA_SCREENING', 'CASE_MANAGEMENT'] }],
  },
  caseGrantAdministration: {
    owner: Agency.MAPPA_UNIT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "Granting, revoking and listing case access grants (who else may know a subject, for which MAPPA purpose, until when): the MAPPA co-ordinator of the MAPPA unit only, for subjects with an active MAPPA case in the co-ordinator's own area (a subject outside it is answered as an unknown one). Grants are never deleted; a revocation is recorded with who, when and why.",
    rules: ['principle 1', 'principle 5', 'principle 9', 'principle 10', 'A.R38', 'B.44'],
    grants: [{ roles: ['mappa_coordinator'], agencies: ['mappa_unit'], purposes: CASE_AND_MAPPA_PURPOSES }],
  },
  caseGrant: {
    owner: Agency.MAPPA_UNIT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      'A case access grant as the MAPPA unit holds it: grantee (a staff id, or an agency and role), subject, purpose, meeting or decision, validity, reason, who created it, and its revocation. The MAPPA co-ordinator of the MAPPA unit, within their own area.',
    rules: ['principle 5', 'principle 9', 'principle 10', 'A.R38', 'B.44'],
    grants: [{ roles: ['mappa_coordinator'], agencies: ['mappa_unit'], purposes: CASE_AND_MAPPA_PURPOSES }],
  },
  ownCaseGrants: {
    owner: Agency.MAPPA_UNIT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "The caller's own live case access grants for the declared MAPPA purpose (and meeting or decision): what the gateway vouches for to every agency, which widens their row scope by it. Only the caller's own grants (by staff id, or by agency and role); roles that can hold a grant, under the purposes a grant can be for.",
    rules: ['principle 5', 'principle 9', 'A.R38'],
    grants: [{ roles: GRANT_HOLDER_ROLES, purposes: GRANTABLE_PURPOSES }],
  },
  ownPurposeEvidence: {
    owner: Agency.MAPPA_UNIT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "The caller's own purpose evidence for the declared MAPPA_MEETING, MAPPA_SCREENING or DISCLOSURE_DECISION and x-mappa-case: their standing to a level 2/3 disclosure decision (its proposer, the chair of its meeting, the area's co-ordinator, an owner asked to agree to a live item, an agency whose consultation it requested; whether a child subject's YOT and children's services were asked); their standing to that meeting (its area's co-ordinator, its chair, or an invitee with a live invitation or meeting grant), whether they are attending, and whether the YOT and children's services attend or were consulted; or the referral that makes their screening true. Null when none does, an unknown id answered alike. What the gateway vouches for to every agency, which bound their row scope by it. Every role that may read a subject under these purposes.",
    rules: ['principle 5', 'principle 9', 'A.R25', 'A.R26', 'B.7', 'B.8', 'B.10', 'B.15', 'B.25', 'B.54', 'C.52'],
    grants: PURPOSE_EVIDENCE_GRANTS,
  },
  levelChange: {
    owner: Agency.MAPPA_UNIT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "Changing the MAPPA level of an active case, with the decision that made it (a screening decision or a MAPP meeting decision, matching the declared purpose), recorded in the case history in the same transaction: the MAPPA co-ordinator of the MAPPA unit, for their own area, by either; the chair (a MAPPA unit, police or probation employee) only by a MAPP meeting decision, under MAPPA_MEETING for the meeting it chairs, never by a screening decision (A.R19, B.52: screening is the co-ordinator's). Never a prison principal, whatever its role (A.R16).",
    rules: ['A.R16', 'A.R12', 'A.R19', 'A.R20', 'B.44', 'B.52', 'principle 9'],
    grants: [
      { roles: ['mappa_coordinator'], agencies: ['mappa_unit'], purposes: ['MAPPA_SCREENING', 'MAPPA_MEETING'] },
      { roles: ['mappa_chair'], agencies: ['mappa_unit', 'police', 'probation'], purposes: ['MAPPA_MEETING'] },
    ],
  },
  leadAgencyLevelReview: {
    owner: Agency.MAPPA_UNIT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      'The lead agency setting or reviewing the MAPPA level itself, on the two occasions the guidance gives it: after a held level 2 or 3 MAPP meeting of the case that reached no level decision (B.44: no consensus; once per meeting), and after the case transferred into its area (C.6: the receiving lead agency reviews the level it accepted; once per transfer). Never raising a level 1 case (A.R19: that is a referral the co-ordinator screens) and never a category 3 case below level 2; moving to level 1 is continuing the case under the lead agency (A.R21). Recorded in the case history with its reason and reference and in the audit trail, in one transaction; the database refuses any other lead-agency level change. ' +
      "Who in the lead agency: its case managers of the case's area under CASE_MANAGEMENT: a senior probation officer for a probation-led case, a PPU officer for a police-led one, a YOT manager for a YOT-led one. Another agency's case, or one outside the caller's row scope, is answered as an unknown case (principle 9). Never prison (A.R16).",
    rules: ['A.R16', 'A.R19', 'A.R21', 'B.44', 'C.6', 'principle 9'],
    grants: [
      { roles: ['senior_probation_officer'], agencies: ['probation'], purposes: ['CASE_MANAGEMENT'] },
      { roles: ['ppu_officer'], agencies: ['police'], purposes: ['CASE_MANAGEMENT'] },
      { roles: ['yot_manager'], agencies: ['yot'], purposes: ['CASE_MANAGEMENT'] },
    ],
  },
  referralSubmission: {
    owner: Agency.MAPPA_UNIT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "Making (and withdrawing before screening) a MAPPA A referral to level 2 or 3 management: Responsible Authority practitioners who manage the person (probation practitioner or senior probation officer, police PPU officer, prison offender manager) and the YOT case manager, each of their own agency, for case management. The referral is made in the referrer's own area and answers alike whether or not the MAPPA unit holds a case for the person (principle 9). A YOT referral waits for a YOT manager's endorsement (C.50).",
    rules: ['A.R18', 'A.R19', 'C.50', 'principle 9'],
    grants: REFERRER_GRANTS,
  },
  referralEndorsement: {
    owner: Agency.MAPPA_UNIT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "Endorsing a YOT's MAPPA A referral so that it reaches the co-ordinator (C.50): a YOT manager of the YOT, in the referral's area, who is not its referrer. Any other referral answers as an unknown one (principle 9).",
    rules: ['C.50', 'principle 9'],
    grants: [{ roles: ['yot_manager'], agencies: ['yot'], purposes: ['CASE_MANAGEMENT'] }],
  },
  referral: {
    owner: Agency.MAPPA_UNIT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      'A MAPPA A referral (the person, category and level sought, reasons, victim and safeguarding concerns, proposed invitees, custody release) and its screening decision. Row condition, checked by the resolver: its referrer (staff id and identity provider), its YOT endorser, and the co-ordinator of its area; for anyone else, and for an unknown id, it does not exist (principle 9).',
    rules: ['A.R19', 'C.50', 'principle 9'],
    grants: [
      ...REFERRER_GRANTS,
      { roles: ['yot_manager'], agencies: ['yot'], purposes: ['CASE_MANAGEMENT'] },
      { roles: ['mappa_coordinator'], agencies: ['mappa_unit'], purposes: ['MAPPA_SCREENING'] },
    ],
  },
  screening: {
    owner: Agency.MAPPA_UNIT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "Screening MAPPA A referrals (accept to level 2 or 3 with category, level and lead agency, which opens or changes the MAPPA case in the same transaction; or reject with reasons) and the screening queue: the MAPPA co-ordinator of the MAPPA unit only, under MAPPA_SCREENING, for referrals of their own area (another area's is answered as an unknown one). Never the MAPP meeting chair, whatever agency they are of (A.R19: the co-ordinator screens; B.52: the chair chairs). Category 3 is set only by a screening acceptance (A.R18).",
    rules: ['A.R18', 'A.R19', 'B.52', 'principle 9'],
    grants: [{ roles: ['mappa_coordinator'], agencies: ['mappa_unit'], purposes: ['MAPPA_SCREENING'] }],
  },
  referralDiary: {
    owner: Agency.MAPPA_UNIT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "Releases needing a referral (A §5: MAPPA A at least 6 months before release from custody): level 2 and 3 ACTIVE cases of the co-ordinator's own area with a future release date whose referral is late, with the late referral if one arrived. The MAPPA co-ordinator of the MAPPA unit, under MAPPA_SCREENING (its rows name referrals, which the co-ordinator reads for screening). Row scope: own area, counter-terrorism gate (principle 7), in the statement before paging.",
    rules: ['A.R19', 'principle 7', 'principle 9'],
    grants: [{ roles: ['mappa_coordinator'], agencies: ['mappa_unit'], purposes: ['MAPPA_SCREENING'] }],
  },
  meetingPackPreview: {
    owner: Agency.MAPPA_UNIT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "The meeting pack preview: for each live invitee of a meeting and its chair, which fields of the pack they would receive, which are refused (with the refusing policy) and which their owner decides per record, and whether the subject is served to them at all (attendance, counter-terrorism clearance, a child's safeguards). Field coordinates, policy names and decisions only, never a value. The meeting's co-ordinator or chair under MAPPA_MEETING, with purpose evidence for that meeting standing COORDINATOR or CHAIR.",
    rules: ['principle 3', 'principle 5', 'principle 7', 'principle 9', 'A.R25', 'B.10', 'B.25', 'B.54'],
    grants: [{ roles: MAPPA_UNIT_ROLES, agencies: ['mappa_unit', 'police', 'probation'], purposes: ['MAPPA_MEETING'] }],
  },
  // Issue 10, the MAPP meeting (meeting/): who schedules, invites, holds, signs and reads a meeting.
  meetingAdministration: {
    owner: Agency.MAPPA_UNIT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "Administering MAPP meetings: scheduling (a level 2 or 3 active case, with a police, probation or MAPPA-unit chair, B.52), the diary of meetings due and overdue against the review cadence (A §5, B §5), invitations (each one the invitee's case grant for that meeting; the prison's requests its MAPPA F, B.6; for category 4 only with the police's agreement, C.65; duty-to-co-operate agencies only as needed, with a reason, principle 5), withdrawals (revoking the grant), consultations in place of attendance (A.R25, B.10) and cancellation. " +
      'The MAPPA co-ordinator of the MAPPA unit only: under CASE_MANAGEMENT for a case in their own area; under MAPPA_MEETING for the declared meeting when the MAPPA unit vouches them its co-ordinator. Anything else is answered as an unknown case or meeting (principle 9).',
    rules: ['principle 5', 'principle 9', 'A.R25', 'A.R26', 'B.6', 'B.10', 'B.52', 'C.65'],
    grants: [{ roles: ['mappa_coordinator'], agencies: ['mappa_unit'], purposes: ['CASE_MANAGEMENT', 'MAPPA_MEETING'] }],
  },
  meetingConduct: {
    owner: Agency.MAPPA_UNIT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "Opening a MAPP meeting (the confidentiality statement, MAPPA D, read) and closing it: the meeting's own chair (B.52: a police, probation or MAPPA-unit employee holding the chair role), under MAPPA_MEETING for the declared meeting, vouched CHAIR by the MAPPA unit. A meeting about someone under 18 opens only with the YOT and children's services invited, and closes only with each recorded as attending or consulted (A.R25, B.10).",
    rules: ['principle 9', 'A.R25', 'B.10', 'B.52', 'B.53', 'B.54'],
    grants: [{ roles: ['mappa_chair'], agencies: ['police', 'probation', 'mappa_unit'], purposes: ['MAPPA_MEETING'] }],
  },
  meetingAttendanceSigning: {
    owner: Agency.MAPPA_UNIT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "Signing attendance (MAPPA E: agency and role as the identity provider vouches them, whole or part attendance, information-sharing agreement) and recording leaving, once: an invitee of the declared meeting while it is in session, vouched INVITEE by the MAPPA unit. Until they sign, and after they leave, the invitee sees only the meeting's actions that are theirs (B.25, B.54).",
    rules: ['principle 5', 'principle 9', 'B.25', 'B.53', 'B.54'],
    grants: [{ roles: GRANT_HOLDER_ROLES, purposes: ['MAPPA_MEETING'] }],
  },
  meetingRecord: {
    owner: Agency.MAPPA_UNIT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "A MAPP meeting: kind, date, status, area, chair, opening and closing, and its subject. Under MAPPA_MEETING only for the declared meeting, to its co-ordinator, chair and invitees as the MAPPA unit vouches them; the subject (whose single offender view the gateway composes from every agency) only while the caller is attending (the chair and co-ordinator always; an invitee once signed and until they leave, B.25). Under CASE_MANAGEMENT the co-ordinator of the meeting's area reads the administrative record, without the subject. An unknown or other meeting is null (principle 9).",
    rules: ['principle 5', 'principle 9', 'A.R25', 'A.R26', 'B.10', 'B.25', 'B.52', 'B.54'],
    grants: [
      { roles: ['mappa_coordinator'], agencies: ['mappa_unit'], purposes: ['CASE_MANAGEMENT', 'MAPPA_MEETING'] },
      { roles: ['mappa_chair'], agencies: ['police', 'probation', 'mappa_unit'], purposes: ['MAPPA_MEETING'] },
      { roles: GRANT_HOLDER_ROLES, purposes: ['MAPPA_MEETING'] },
    ],
  },
  meetingInvitation: {
    owner: Agency.MAPPA_UNIT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "A meeting invitation: invitee (agency and role, or one staff id), reason, MAPPA F requested (B.6), the police's agreement for a category 4 subject (C.65), consultation in place of attendance (A.R25, B.10) and withdrawal. The co-ordinator and the chair see every invitation of the meeting; an invitee only their own.",
    rules: ['principle 5', 'principle 9', 'A.R25', 'B.6', 'B.10', 'C.65'],
    grants: [
      { roles: ['mappa_coordinator'], agencies: ['mappa_unit'], purposes: ['CASE_MANAGEMENT', 'MAPPA_MEETING'] },
      { roles: ['mappa_chair'], agencies: ['police', 'probation', 'mappa_unit'], purposes: ['MAPPA_MEETING'] },
      { roles: GRANT_HOLDER_ROLES, purposes: ['MAPPA_MEETING'] },
    ],
  },
  meetingAttendance: {
    owner: Agency.MAPPA_UNIT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      'The signed attendance of a meeting (MAPPA E): who attended for which agency and role, whole or part, under which information-sharing agreement, when they signed and left. The co-ordinator and the chair of the meeting see all of it; an invitee only their own, as signing or leaving answers it.',
    rules: ['principle 9', 'B.25', 'B.53', 'B.54'],
    grants: [
      { roles: ['mappa_coordinator'], agencies: ['mappa_unit'], purposes: ['CASE_MANAGEMENT', 'MAPPA_MEETING'] },
      { roles: ['mappa_chair'], agencies: ['police', 'probation', 'mappa_unit'], purposes: ['MAPPA_MEETING'] },
      { roles: GRANT_HOLDER_ROLES, purposes: ['MAPPA_MEETING'] },
    ],
  },
  // Issue 10, the meeting's outcome (meeting/meeting-{minutes,decision,action}.*): minutes, the level decision, actions.
  minutesDrafting: {
    owner: Agency.MAPPA_UNIT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "Drafting the minutes of a MAPP meeting (MAPPA B) in versions (a new version supersedes an earlier draft; its due date is the day the meeting was held plus 10 working days at level 2, 5 at level 3, B §6) and distributing an approved version, which re-issues each standing invitation's case grant to run a set time after distribution: the MAPPA co-ordinator of the MAPPA unit, under MAPPA_MEETING for the declared meeting when the MAPPA unit vouches them its co-ordinator (and the meeting is in their area). Anything else is answered as an unknown meeting (principle 9).",
    rules: ['principle 9', 'B.22', 'B.23', 'B.24'],
    grants: [{ roles: ['mappa_coordinator'], agencies: ['mappa_unit'], purposes: ['MAPPA_MEETING'] }],
  },
  minutesApproval: {
    owner: Agency.MAPPA_UNIT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "Approving the latest draft of the minutes, only once the meeting is held (code and database), with the distribution decision: the default recipients (attendees and invitees who did not attend, B.23) less those the chair withholds, plus those the chair adds, each with why (B.24, B.27); part-attendees outside the information-sharing agreement are withheld by rule (B.25). An approved version is never edited; a correction is a new version the chair approves (B.22). The meeting's own chair (police, probation or MAPPA unit), under MAPPA_MEETING for the declared meeting, vouched CHAIR and matching the meeting's chair.",
    rules: ['principle 9', 'B.22', 'B.23', 'B.24', 'B.25', 'B.27'],
    grants: [{ roles: ['mappa_chair'], agencies: ['police', 'probation', 'mappa_unit'], purposes: ['MAPPA_MEETING'] }],
  },
  meetingMinutes: {
    owner: Agency.MAPPA_UNIT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      'The minutes of a MAPP meeting (MAPPA B: summary, agreed risk assessment and risk management plan, whether disclosure was considered, the distribution decision). Under MAPPA_MEETING for the declared meeting only: the chair and co-ordinator read every version; anyone else only the distributed version whose recipients the chair decided they are among (B.23, B.24), never when withheld or a part-attendee outside the information-sharing agreement (B.25: the agreed actions only).',
    rules: ['principle 9', 'B.22', 'B.23', 'B.24', 'B.25', 'B.27'],
    grants: [
      { roles: ['mappa_coordinator'], agencies: ['mappa_unit'], purposes: ['MAPPA_MEETING'] },
      { roles: ['mappa_chair'], agencies: ['police', 'probation', 'mappa_unit'], purposes: ['MAPPA_MEETING'] },
      { roles: GRANT_HOLDER_ROLES, purposes: ['MAPPA_MEETING'] },
    ],
  },
  meetingDecisionRecording: {
    owner: Agency.MAPPA_UNIT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "Recording the meeting's level decision while it is in session (B §5 agenda 11-12, B.44): level retained, changed between 2 and 3, moved to level 1 (never for category 3: that is a closure), or case closed with its end reason, with the rationale; applied to the MAPPA case and its history in the same transaction, with the next review (level 2 within 16 weeks, level 3 within 8) unless the case leaves levels 2-3. One decision per meeting. The meeting's own chair only (never a prison principal, A.R16), under MAPPA_MEETING for the declared meeting.",
    rules: ['principle 9', 'A.R16', 'B.44'],
    grants: [{ roles: ['mappa_chair'], agencies: ['police', 'probation', 'mappa_unit'], purposes: ['MAPPA_MEETING'] }],
  },
  meetingDecision: {
    owner: Agency.MAPPA_UNIT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      'The level decision of a MAPP meeting: kind, level before and after, rationale, next review. Under MAPPA_MEETING for the declared meeting: its chair and co-ordinator, an invitee while attending (B.25), and a recipient of the distributed minutes.',
    rules: ['principle 9', 'A.R16', 'B.25', 'B.44'],
    grants: [
      { roles: ['mappa_coordinator'], agencies: ['mappa_unit'], purposes: ['MAPPA_MEETING'] },
      { roles: ['mappa_chair'], agencies: ['police', 'probation', 'mappa_unit'], purposes: ['MAPPA_MEETING'] },
      { roles: GRANT_HOLDER_ROLES, purposes: ['MAPPA_MEETING'] },
    ],
  },
  meetingActionAssignment: {
    owner: Agency.MAPPA_UNIT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "Recording an action of a MAPP meeting (B.41, W3): owner agency, and staff id when known, due date and text. The meeting's chair or co-ordinator, under MAPPA_MEETING for the declared meeting, while it is in session or once held.",
    rules: ['principle 9', 'B.41'],
    grants: [
      { roles: ['mappa_coordinator'], agencies: ['mappa_unit'], purposes: ['MAPPA_MEETING'] },
      { roles: ['mappa_chair'], agencies: ['police', 'probation', 'mappa_unit'], purposes: ['MAPPA_MEETING'] },
    ],
  },
  meetingActionResponse: {
    owner: Agency.MAPPA_UNIT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "Accepting, declining (with the reason, minuted) and completing a meeting action, and listing one's open actions across meetings (B.41: once it accepts, the agency owns completion). The owner only, under CASE_MANAGEMENT (the work is done outside the meeting): the caller's agency is the owner agency, and their staff id and issuer the owner's when it names one, as the principal says (never the purpose evidence). Someone else's action is answered as an unknown one (principle 9). PROPOSED -> ACCEPTED | DECLINED, ACCEPTED -> COMPLETED only, in code and in the database.",
    rules: ['principle 9', 'B.41'],
    grants: [{ roles: GRANT_HOLDER_ROLES, purposes: ['CASE_MANAGEMENT'] }],
  },
  meetingAction: {
    owner: Agency.MAPPA_UNIT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      'A meeting action: owner, due date, text, status, decline reason, subject PNC ID and meeting. Under MAPPA_MEETING for the declared meeting: the chair and co-ordinator, and invitees while attending, every action of the meeting; an invitee who has not signed attendance or has left only the actions that are theirs (B.25; a part-attendee outside the information-sharing agreement gets the agreed actions, never the minutes). Under CASE_MANAGEMENT: the owner, their own actions only.',
    rules: ['principle 9', 'B.25', 'B.41'],
    grants: [
      { roles: ['mappa_coordinator'], agencies: ['mappa_unit'], purposes: ['MAPPA_MEETING'] },
      { roles: ['mappa_chair'], agencies: ['police', 'probation', 'mappa_unit'], purposes: ['MAPPA_MEETING'] },
      { roles: GRANT_HOLDER_ROLES, purposes: ['MAPPA_MEETING', 'CASE_MANAGEMENT'] },
    ],
  },
  // Issue 11, disclosure considered at every meeting (disclosure/disclosure-consideration.*) and its statistics.
  meetingDisclosureConsideration: {
    owner: Agency.MAPPA_UNIT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      'Recording that disclosure was considered at a MAPP meeting in session (B §2 "Obligation to consider", agenda item 3; KPI 3): not considered necessary, with the reason, or a disclosure decision proposed, naming a decision about the meeting\'s subject linked to this meeting. A meeting is not closed without one (code and database). The meeting\'s own chair or the co-ordinator of its area, under MAPPA_MEETING for the declared meeting, vouched CHAIR or COORDINATOR; any other meeting is answered as an unknown one (principle 9).',
    rules: ['principle 9', 'B.7', 'B.44', 'KPI 3'],
    grants: [
      { roles: ['mappa_coordinator'], agencies: ['mappa_unit'], purposes: ['MAPPA_MEETING'] },
      { roles: ['mappa_chair'], agencies: ['police', 'probation', 'mappa_unit'], purposes: ['MAPPA_MEETING'] },
    ],
  },
  meetingDisclosure: {
    owner: Agency.MAPPA_UNIT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      'The minutes\' disclosure section of a MAPP meeting ("Is a disclosure going to be made", MAPPA B): each consideration recorded (outcome, reason, who, when) and the disclosure decisions linked to the meeting (id, level, recipient kind, status, outcome; never their content). The readers of the meeting\'s minutes: under MAPPA_MEETING for the declared meeting, the chair and co-ordinator; anyone else only as a recipient of its distributed minutes (B.23, B.24), never when withheld or a part-attendee outside the information-sharing agreement (B.25).',
    rules: ['principle 9', 'B.23', 'B.24', 'B.25', 'KPI 3'],
    grants: [
      { roles: ['mappa_coordinator'], agencies: ['mappa_unit'], purposes: ['MAPPA_MEETING'] },
      { roles: ['mappa_chair'], agencies: ['police', 'probation', 'mappa_unit'], purposes: ['MAPPA_MEETING'] },
      { roles: GRANT_HOLDER_ROLES, purposes: ['MAPPA_MEETING'] },
    ],
  },
  disclosureStatistics: {
    owner: Agency.MAPPA_UNIT,
    classification: 'OFFICIAL',
    summary:
      "Disclosure statistics for an area and period (KPI 3 and the SMB's monitoring, C §7): level 2/3 meetings held, considered or not, and decisions proposed, made, not made and withdrawn, by recipient kind and by level, as raw cells with their cell keys for the gateway's statistics service (the query is @inaccessible), which fixes the period to a reporting year or quarter and suppresses and rounds before anything leaves (C.93). The MAPPA co-ordinator and the Strategic Management Board's lay advisers (SMB members, signed in as the MAPPA unit's), under STATISTICS, for their own area only: another area is answered with nothing. Level 1 decisions are the lead agencies' and are not counted here.",
    rules: ['principle 8', 'principle 9', 'KPI 3', 'C.92', 'C.93'],
    grants: [{ roles: ['mappa_coordinator', 'lay_adviser'], agencies: ['mappa_unit'], purposes: ['STATISTICS'] }],
  },
  smbRegister: {
    owner: Agency.MAPPA_UNIT,
    classification: 'OFFICIAL',
    summary:
      "The Strategic Management Board register (KPI 5, C §7.2: SMB members attend 75% of board meetings): the co-ordinator records their own area's board members (who joined and left, A §6) and its meetings with the members present. The co-ordinator keeps the board's records (the unit is accountable to the SMB and sits on it, A §6). The MAPPA co-ordinator of the MAPPA unit, under CASE_MANAGEMENT (administration), for the area of their own token only. The register names no offender.",
    rules: ['KPI 5', 'principle 9'],
    grants: [{ roles: ['mappa_coordinator'], agencies: ['mappa_unit'], purposes: ['CASE_MANAGEMENT'] }],
  },
  // Issue 13: the unit's part of the statistics path, asked only by the gateway's statistics service
  // (the queries are @inaccessible); the service suppresses and rounds before anything leaves.
  statisticsPublished: {
    owner: Agency.MAPPA_UNIT,
    classification: 'OFFICIAL',
    summary:
      "The annual report tables the MAPPA unit counts (C §7.3 tables 1 and 2: offenders on 31 March by category and level; people managed at level 2 or 3 in the year; tables 7-9: serious further offence charges, serious case review decisions and outcomes from MAPPA N), as raw cells for the gateway's statistics service, which suppresses and rounds them, and table 2's people under pseudonyms for one report, which the service joins with the police's and probation's returns to custody (table 5) and counts. Analysts, the co-ordinator, the chair and the SMB lay advisers, under STATISTICS, for the area of their own token, or England and Wales (the national tables, published to all); another area is answered with nothing. Category 4 and restricted ViSOR cases are in no statistic (principle 7).",
    rules: ['principle 7', 'principle 8', 'principle 9', 'C.92', 'C.93'],
    grants: [{ roles: ['analyst', 'mappa_coordinator', 'mappa_chair', 'lay_adviser'], purposes: ['STATISTICS'] }],
  },
  statisticsKpis: {
    owner: Agency.MAPPA_UNIT,
    classification: 'OFFICIAL',
    summary:
      "The MAPPA KPIs the MAPPA unit counts from its meeting, minutes, disclosure and referral records (C §7.2: reviews on time, disclosure considered, YOT and children's services at under-18 meetings, invited agencies attending, minutes distributed and referrals screened on time), as raw cells for the gateway's statistics service, which suppresses and rounds them. Analysts, the co-ordinator, the chair and the SMB lay advisers (SMB members review the KPIs, A.R27), under STATISTICS, for the area of their own token, and analysts, the co-ordinator and the chair for other areas too (C.95); a lay adviser's other area is answered with nothing. KPI 5 counts the Strategic Management Board register (members and their attendance at board meetings). Category 4 and restricted ViSOR cases are in no statistic (principle 7).",
    rules: ['principle 7', 'principle 8', 'principle 9', 'A.R27', 'C.93', 'C.95'],
    grants: [{ roles: ['analyst', 'mappa_coordinator', 'mappa_chair', 'lay_adviser'], purposes: ['STATISTICS'] }],
  },
  statisticsSubjects: {
    owner: Agency.MAPPA_UNIT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "The ad-hoc statistics population: each active MAPPA case of an area under a pseudonym for one query (an HMAC under the query's own secret) with its category, level and lead agency, for the gateway's statistics service, which joins the owners' answers, counts, suppresses and rounds. Analysts, the co-ordinator and the chair (not lay advisers: published tables only), under STATISTICS, for their own area.",
    rules: ['principle 7', 'principle 8', 'principle 9', 'C.93'],
    grants: [{ roles: ['analyst', 'mappa_coordinator', 'mappa_chair'], purposes: ['STATISTICS'] }],
  },
  // Disclosure decisions at levels 2 and 3 (issue 11): the record's and the proposal answer's grants are the
  // same in the three holders (shared types); proposing is the meeting's.
  disclosureRecord: disclosureRecordPolicy(Agency.MAPPA_UNIT),
  disclosureProposal: disclosureProposalPolicy(Agency.MAPPA_UNIT),
  disclosureProposing: meetingDisclosureProposingPolicy(Agency.MAPPA_UNIT),
});
