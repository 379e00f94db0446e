import { Agency, CASE_AND_MAPPA_PURPOSES, definePolicies, POLICE_ROLES, subjectKeyPolicy, YOT_ROLES } from '@mappa/shared';
import type { Purpose, Role } from '@mappa/shared';

// The MAPPA Co-ordination Unit's access rules, in one place (docs/access-rules-inventory.md §5.5).
// Each field's @Access names one of these; the access matrix (docs/access-matrix.md) is generated
// from them. Grants say who may read, and why. Row scope (shared/src/auth/row-scope.ts: CT gate,
// own area or a live case grant, no children at meetings) is enforced before any field; what of it
// is still to come (lead agency, meeting membership, own young person) is named in the summaries.

const MAPPA_UNIT_ROLES: readonly Role[] = ['mappa_coordinator', 'mappa_chair'];
/** The Responsible Authority roles other than the MAPPA unit's own. */
const OTHER_RA_ROLES: readonly Role[] = [...POLICE_ROLES, 'probation_practitioner', 'senior_probation_officer', 'prison_offender_manager'];
const RA_ROLES: readonly Role[] = [...OTHER_RA_ROLES, ...MAPPA_UNIT_ROLES];
/** What the co-ordinator and chair read the unit's own records for (§5.5: screening, meetings, administration). */
const MAPPA_UNIT_PURPOSES: readonly Purpose[] = ['MAPPA_SCREENING', 'MAPPA_MEETING', 'CASE_MANAGEMENT'];

export const mappaPolicies = definePolicies('mappa', {
  subjectKey: subjectKeyPolicy(Agency.MAPPA_UNIT),
  mappaCase: {
    owner: Agency.MAPPA_UNIT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      'The MAPPA case summary (case number, category, level, lead agency, area, dates, status, end reason): the fact of MAPPA management is itself sensitive. The co-ordinator and chair for screening, meetings and administration; Responsible Authority roles for case management and MAPPA purposes; YOT roles for case management. ' +
      'Row scope: own area (the case\'s area after a transfer, C.5) or a live case grant; no one under 18 under MAPPA_MEETING or DISCLOSURE_DECISION (A.R25, B.10). Not yet enforced: YOT roles only for their own young person; meeting invitation and decision party for MAPPA_MEETING and DISCLOSURE_DECISION. ' +
      'Not granted until their row condition can be checked (fail closed): the duty-to-co-operate minimal summary (level, lead agency) for an invited meeting, and the Home Office\'s status and start date for a foreign national offender. Jobcentre Plus, lay advisers and analysts: no rows (statistics are aggregates, a future query).',
    rules: ['principle 3', 'principle 7', 'principle 8', 'A.R9', 'A.R16', 'A.R18', 'A.R19', 'A.R20', 'A.R21', 'A.R27', 'A.R28', 'A.R32', 'A.R38', 'B.44', 'C.5', 'C.6', 'C.71', 'C.93', 'C.97'],
    grants: [
      { roles: MAPPA_UNIT_ROLES, purposes: MAPPA_UNIT_PURPOSES },
      { roles: RA_ROLES, purposes: CASE_AND_MAPPA_PURPOSES },
      { roles: YOT_ROLES, purposes: ['CASE_MANAGEMENT'] },
    ],
  },
  caseHistory: {
    owner: Agency.MAPPA_UNIT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      'Every change to a MAPPA case (what changed, from and to, when, and the kind of decision): the co-ordinator and chair. The case\'s lead-agency roles (A.R20, A.R21) are not granted until the lead-agency row condition can be checked (fail closed). Row scope: own area or a live case grant.',
    rules: ['principle 3', 'principle 7', 'A.R12', 'A.R16', 'A.R18', 'A.R19', 'A.R20', 'A.R21', 'B.44', 'C.5'],
    grants: [{ roles: MAPPA_UNIT_ROLES, purposes: MAPPA_UNIT_PURPOSES }],
  },
  caseAudit: {
    owner: Agency.MAPPA_UNIT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      'Who recorded each change to a MAPPA case and the reference of the decision record: the co-ordinator and chair, and information governance for audit. Row scope: own area or a live case grant.',
    rules: ['A.R12', 'A.R20', 'B.44'],
    grants: [
      { roles: MAPPA_UNIT_ROLES, purposes: MAPPA_UNIT_PURPOSES },
      { roles: ['information_governance'], purposes: ['AUDIT'] },
    ],
  },
  register: {
    owner: Agency.MAPPA_UNIT,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      'The MAPPA register (every offender with an active case, filters and total count): the co-ordinator and chair, for screening and case management. Other Responsible Authority roles use per-person queries. Analysts and lay advisers: no register (aggregates are a future query). ' +
      'Row scope: rows outside the principal\'s area (unless a live case grant covers them), counter-terrorism restricted rows for uncleared principals and under-18s under MAPPA_MEETING or DISCLOSURE_DECISION are filtered out before paging and left out of totalCount.',
    rules: ['principle 8', 'principle 9', 'A.R9', 'A.R27', 'C.92', 'C.93'],
    grants: [{ roles: MAPPA_UNIT_ROLES, purposes: ['MAPPA_SCREENING', 'CASE_MANAGEMENT'] }],
  },
  registerPaging: {
    owner: Agency.MAPPA_UNIT,
    classification: 'OFFICIAL',
    summary: 'Where a page of the MAPPA register sits (whether more follow, the cursor to go on): the same readers as the register.',
    rules: ['principle 8', 'principle 9', 'A.R9'],
    grants: [{ roles: MAPPA_UNIT_ROLES, purposes: ['MAPPA_SCREENING', 'CASE_MANAGEMENT'] }],
  },
});

/** Every MAPPA policy, for the schema build and the access matrix. */
export const MAPPA_POLICIES = Object.values(mappaPolicies);
