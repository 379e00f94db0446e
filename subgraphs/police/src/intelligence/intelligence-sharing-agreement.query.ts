import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@mappa/shared';
import { intelligenceSharingAgreementTable } from './intelligence-sharing-agreement.table';
import type { IntelligenceSharingAgreementRow } from './intelligence-sharing-agreement.table';

/** Writes a new sharing agreement in the caller's transaction and returns it as stored (with its generated id). */
export async function insertIntelligenceSharingAgreement(
  tx: Database,
  values: typeof intelligenceSharingAgreementTable.$inferInsert,
): Promise<IntelligenceSharingAgreementRow | undefined> {
  const [inserted] = await tx.insert(intelligenceSharingAgreementTable).values(values).returning();
  return inserted;
}

/** The sharing agreement with this id, withdrawn or not; undefined for none. */
export async function intelligenceSharingAgreementById(
  db: Database,
  agreementId: string,
): Promise<IntelligenceSharingAgreementRow | undefined> {
  const [agreement] = await db
    .select()
    .from(intelligenceSharingAgreementTable)
    .where(eq(intelligenceSharingAgreementTable.agreementId, agreementId));
  return agreement;
}

/**
 * Withdraws the agreement unless it is withdrawn already, in one statement (so two withdrawals never
 * both succeed); the row as withdrawn, or undefined when it was withdrawn before.
 */
export async function withdrawIntelligenceSharingAgreementRow(
  tx: Database,
  agreementId: string,
  withdrawal: Pick<IntelligenceSharingAgreementRow, 'withdrawnAt' | 'withdrawnByStaffId' | 'withdrawalReason'>,
): Promise<IntelligenceSharingAgreementRow | undefined> {
  const [after] = await tx
    .update(intelligenceSharingAgreementTable)
    .set(withdrawal)
    .where(and(eq(intelligenceSharingAgreementTable.agreementId, agreementId), isNull(intelligenceSharingAgreementTable.withdrawnAt)))
    .returning();
  return after;
}
