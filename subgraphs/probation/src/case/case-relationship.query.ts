import { eq } from 'drizzle-orm';
import type { Database } from '@mappa/shared';
import { victimContactTable } from '../victim/victim-contact.table';
import { probationCaseTable } from './probation-case.table';
import type { ProbationCaseRow } from './probation-case.table';

/** The cases whose community offender manager is nDelius staff code `staffCode`, before row scope. */
export async function probationCasesManagedBy(db: Database, staffCode: string): Promise<ProbationCaseRow[]> {
  return db.select().from(probationCaseTable).where(eq(probationCaseTable.managerStaffCode, staffCode));
}

/**
 * The cases of the offenders whose victims have `vloStaffId` as their liaison officer in the Victim
 * Contact Scheme, one row per victim contact, with whether that victim asked to be told about release.
 */
export async function probationCasesOfVictimLiaisonOfficer(
  db: Database,
  vloStaffId: string,
): Promise<{ probationCase: ProbationCaseRow; wantsReleaseInformation: boolean }[]> {
  return db
    .select({ probationCase: probationCaseTable, wantsReleaseInformation: victimContactTable.wantsReleaseInformation })
    .from(victimContactTable)
    .innerJoin(probationCaseTable, eq(probationCaseTable.crn, victimContactTable.crn))
    .where(eq(victimContactTable.vloStaffId, vloStaffId));
}
