import { getTableColumns, inArray, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { keyIn, loaderForOne, preparedLookup } from '@mappa/shared';
import type { Database } from '@mappa/shared';
import { approvedPremisesPlacementTable, approvedPremisesStaffTable } from '../approved-premises/approved-premises.table';
import { victimContactTable } from '../victim/victim-contact.table';
import { probationCaseTable } from './probation-case.table';

/** One victim of the case in the Victim Contact Scheme and the liaison officer allocated to them. */
export interface VictimLiaison {
  readonly victimReference: string;
  readonly vloStaffId: string;
}

/**
 * The case row with the staff the case names beyond its offender manager, read in the same statement
 * (correlated subqueries), so deciding a per-record condition costs no query of its own: the victims'
 * liaison officers (B.15, C.34) and the staff of the approved premises the person lives at or is
 * booked into (C.8, C.11; a departed resident is no longer theirs).
 */
// Drizzle writes a column without its table inside `sql`, so the subqueries alias their tables and
// name the outer case's CRN in full: an unqualified `crn` would be the subquery's own.
const outerCrn = sql`${probationCaseTable}."crn"`;
export const caseWithNamedStaff = {
  ...getTableColumns(probationCaseTable),
  victimLiaison: sql<
    VictimLiaison[]
  >`coalesce((select json_agg(json_build_object('victimReference', victim.victim_reference, 'vloStaffId', victim.vlo_staff_id) order by victim.ordinal)
      from ${victimContactTable} victim where victim.crn = ${outerCrn}), '[]'::json)`.as('victim_liaison'),
  approvedPremisesStaff: sql<string[]>`coalesce((select json_agg(distinct premises_staff.staff_code)
      from ${approvedPremisesPlacementTable} placement join ${approvedPremisesStaffTable} premises_staff on premises_staff.premises_code = placement.premises_code
      where placement.crn = ${outerCrn} and placement.status in ('PROPOSED', 'RESIDENT')), '[]'::json)`.as('approved_premises_staff'),
};

const selectCases = (db: Database, where: SQL) => db.select(caseWithNamedStaff).from(probationCaseTable).where(where);

/** Cases by PNC ID: one SELECT per batch. Also answers "does probation hold this person". */
export const createProbationCaseLoader = (db: Database) => loaderForOne('probation.caseByPncId', casesByPncId(db), (row) => row.pncId);

/** Cases by CRN, for look-ups that start from the probation case reference. */
export const createProbationCaseByCrnLoader = (db: Database) =>
  loaderForOne(
    'probation.caseByCrn',
    (crns) => selectCases(db, inArray(probationCaseTable.crn, [...crns])),
    (row) => row.crn,
  );

/** A case as the loaders read it: the row and the staff it names. */
// Prepared once per database (`preparedLookup`): the single offender view asks it on every request.
const casesByPncId = preparedLookup('probation.caseByPncId', (db) => selectCases(db, keyIn(probationCaseTable.pncId)));

export type LoadedProbationCase = Awaited<ReturnType<typeof selectCases>>[number];
