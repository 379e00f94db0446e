import { Agency, definePolicies, ownerPolicies, YOT_ROLES } from '@mappa/shared';
import type { AccessGrant } from '@mappa/shared';

// The youth offending team's access rules, in one place. Each field's @Access names one of these; the
// access matrix (docs/access-matrix.md) is generated from them. Grants say who may read, and why; row
// scope is the case's area (the co-ordinator's, the area the MAPPA H was sent to: `yotKnowsSubject`) or a
// live case grant, narrowed for YOT staff to their council's cases when their token names one. YOT case
// records are for YOT roles only: the MAPPA Co-ordinator sees the MAPPA H notification and nothing else
// (A.R10, C.49), and everyone else is denied by default.

/** The owner's own read: YOT roles managing their case (principle 2). */
const YOT_CASE_MANAGEMENT: AccessGrant = { roles: YOT_ROLES, purposes: ['CASE_MANAGEMENT'] };
/** The YOT's own information governance, auditing (principle 10): author metadata only (A.R12, OQ 20). */
const YOT_AUDIT: AccessGrant = { roles: ['information_governance'], purposes: ['AUDIT'], agencies: ['yot'] };

export const yotPolicies = definePolicies('yot', {
  ...ownerPolicies(Agency.YOT),
  // Issue 12, C.63: the caller's own relationships to the young people the YOT holds, which the
  // gateway asks for and vouches to the police, whose intelligence condition decides on them.
  caseRelationships: {
    owner: Agency.YOT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "The caller's own case relationships (`myYouthCaseRelationships`): the young people whose open case the caller manages as YOT case manager. The gateway vouches them to the police (C.63: the police give the YOT case manager of a terrorist case the intelligence summary). YOT case managers, for case management; the answer is only ever their own.",
    rules: ['C.63'],
    grants: [{ roles: ['yot_case_manager'], purposes: ['CASE_MANAGEMENT'], agencies: ['yot'] }],
  },
  youthCase: {
    owner: Agency.YOT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "The young person's YOT case (reference, date of birth, area, local authority, case manager, status, MAPPA category and level flags) and the lookup by YOT reference: YOT roles for case management only. The co-ordinator, other RA roles and DTC attendees (including children's social care) are denied. Row scope: the case's area or a live case grant, and no child under MAPPA_MEETING or DISCLOSURE_DECISION (A.R25, B.10). YOT staff whose token names their council (`localAuthority`): only that council's cases. Not granted until A.R25 can be checked (fails closed): RA attendees reading the reference and case manager at a MAPP meeting about the child.",
    rules: ['principle 4', 'principle 6', 'A.R10', 'A.R17', 'A.R25', 'A.R40', 'C.48', 'C.49', 'C.57'],
    grants: [YOT_CASE_MANAGEMENT],
  },
  // A.R12, OQ 20: the way in for the YOT's own information governance under AUDIT (the police's
  // `offender(pncId)` never answers another agency's auditors, principle 10), and the AssetPlus
  // assessment opened for it only to reach who completed and countersigned it.
  auditSubject: {
    owner: Agency.YOT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "A young person the YOT holds a case for, by PNC ID, as an entry point for its own information governance under AUDIT (`yotAuditSubject`): null, as for an unknown PNC ID, for anyone it holds no case for. Nothing else of the person comes with it: every record below keeps its own policy. Row scope: national for the YOT's own information governance under AUDIT (principle 10).",
    rules: ['A.R12', 'principle 10'],
    grants: [YOT_AUDIT],
  },
  yotStaff: {
    owner: Agency.YOT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "Who completed an AssetPlus assessment and who countersigned it (staff ids): YOT roles for case management, and the YOT's own information governance under AUDIT, each write being attributed to its author (A.R12).",
    rules: ['A.R12', 'C.59', 'principle 10'],
    grants: [YOT_CASE_MANAGEMENT, YOT_AUDIT],
  },
  assetPlus: {
    owner: Agency.YOT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "The AssetPlus assessment (RoSH, safety and wellbeing, reoffending, intervention level, assessment and countersignature dates, the countersigning manager's name; who assessed and countersigned is yotStaff): YOT roles for case management only; countersignature is written by the YOT manager alone. Everyone else is denied: the co-ordinator, children's social care and the Youth Custody Service get it by push only, and RA attendees not at all. The YOT's own information governance under AUDIT opens the assessment (`Offender.assetPlusAssessment`) only to reach who completed and countersigned it (yotStaff, A.R12): its content is assetPlusContent's. Row scope: the case's area or a live case grant. YOT staff whose token names their council (`localAuthority`): only that council's cases.",
    rules: ['principle 4', 'A.R10', 'A.R40', 'A.R46', 'A.R52', 'C.55', 'C.57', 'C.59'],
    grants: [YOT_CASE_MANAGEMENT, YOT_AUDIT],
  },
  assetPlusContent: {
    owner: Agency.YOT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "What an AssetPlus assessment says (RoSH, safety and wellbeing, reoffending, intervention level, dates, the countersigning manager's name): YOT roles for case management only, as assetPlus, without the YOT's auditors.",
    rules: ['principle 4', 'A.R10', 'C.57', 'C.59'],
    grants: [YOT_CASE_MANAGEMENT],
  },
  youthOrders: {
    owner: Agency.YOT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "Youth court orders and their requirements: YOT roles for case management only. Health-treatment requirements are sensitive processing, so no non-owner reads them without a Schedule 8 condition. Row scope: the case's area or a live case grant. YOT staff whose token names their council (`localAuthority`): only that council's cases.",
    rules: ['principle 4', 'A.R10', 'B.3'],
    grants: [YOT_CASE_MANAGEMENT],
  },
  lookedAfter: {
    owner: Agency.YOT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "Looked-after status and parental responsibility as supplied by children's social care: YOT roles for case management, read-only (only children's social care writes it). Everyone else is denied, including the co-ordinator, RA roles and children's social care pulling through the federation. Row scope: the case's area or a live case grant. YOT staff whose token names their council (`localAuthority`): only that council's cases.",
    rules: ['A.R10', 'A.R40', 'A.R51'],
    grants: [YOT_CASE_MANAGEMENT],
  },
  consent: {
    owner: Agency.YOT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "Consent decisions and Fraser competence judgements, which condition what the YOT may share: YOT roles for case management only, read-only here. Everyone else is denied. Row scope: the case's area or a live case grant. YOT staff whose token names their council (`localAuthority`): only that council's cases. Disclosure decisions about a child fail closed until B.10 and C.52 can be checked.",
    rules: ['A.R10', 'A.R43', 'A.R44', 'C.56'],
    grants: [YOT_CASE_MANAGEMENT],
  },
  mappaH: {
    owner: Agency.YOT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "The MAPPA H notification the YOT sends the co-ordinator: YOT roles for case management; the MAPPA co-ordinator for screening. It is the only YOT content the co-ordinator may see. The chair and everyone else are denied. Row scope: for YOT roles the case's area or a live case grant; for the co-ordinator the area the notification was sent to (`coordinatorArea`: where the young person lives or will be released to, so a notification sent to another area's co-ordinator answers as none) or a live case grant. YOT staff whose token names their council (`localAuthority`): only that council's cases.",
    rules: ['principle 6', 'A.R10', 'B.55', 'C.49', 'C.51'],
    grants: [YOT_CASE_MANAGEMENT, { roles: ['mappa_coordinator'], purposes: ['MAPPA_SCREENING'], agencies: ['mappa_unit'] }],
  },
  adultTransition: {
    owner: Agency.YOT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "The plan to transfer the case to probation at 18: YOT roles for case management; the receiving probation area's practitioners and senior probation officers for case management, only on a plan that names their area as the receiving one (C §4.8: the hand-over is planned with that area; on any other plan the answer is null). Nothing else of the YOT's records reaches probation (principle 4). Row scope: the case's area or a live case grant. YOT staff whose token names their council (`localAuthority`): only that council's cases.",
    rules: ['principle 4', 'C §4.8'],
    grants: [
      YOT_CASE_MANAGEMENT,
      // C §4.8: decided per plan by the YOT (adult-transition/adult-transition-receiving-area.condition.ts).
      {
        roles: ['probation_practitioner', 'senior_probation_officer'],
        purposes: ['CASE_MANAGEMENT'],
        agencies: ['probation'],
        condition: 'receivingProbationArea',
      },
    ],
  },
  statisticsSubjects: {
    owner: Agency.YOT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "The ad-hoc statistics join's YOT dimension (issue 13): each young person the YOT holds in an area under a pseudonym for one query, with whether their case is YOT-managed (under 18, open or in breach), transitioning to probation at 18, or closed. Nothing else of a child's record is aggregated: looked-after status, consent and ASSET Plus scores are children's services' and the YOT's case material (C §4), not dimensions. Analysts, the co-ordinator and the chair, under STATISTICS, for their own area; another area is answered with nothing.",
    rules: ['principle 7', 'principle 8', 'principle 9', 'C.93', 'C.97'],
    grants: [{ roles: ['analyst', 'mappa_coordinator', 'mappa_chair'], purposes: ['STATISTICS'] }],
  },
});
