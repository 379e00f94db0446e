import { and, eq, inArray, or } from 'drizzle-orm';
import type { Database } from '@mappa/shared';
import { prisonerTable } from './custody-prisoner.table';
import type { PrisonerRow } from './custody-prisoner.table';

/**
 * The prisoners in custody now (NOMIS IN) at `establishment`, or among `grantedPncIds`: the candidates
 * for the caller's HELD_IN_CUSTODY relationship, before row scope.
 */
export async function prisonersInCustodyAtOrGranted(
  db: Database,
  establishment: string,
  grantedPncIds: readonly string[],
): Promise<PrisonerRow[]> {
  const reach = eq(prisonerTable.establishmentCode, establishment);
  const granted = grantedPncIds.length > 0 ? inArray(prisonerTable.pncId, [...grantedPncIds]) : undefined;
  return db
    .select()
    .from(prisonerTable)
    .where(and(eq(prisonerTable.inOutStatus, 'IN'), or(reach, granted)));
}
