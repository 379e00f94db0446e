import { and, eq } from 'drizzle-orm';
import type { Database } from '@mappa/shared';
import { detentionDecisionTable } from './detention-decision.table';
import type { DetentionDecisionRow } from './detention-decision.table';

/** The detention decision `decisionId` when `staffId` is its case owner; undefined for an unknown id and another's decision alike. */
export async function detentionDecisionOwnedBy(
  db: Database,
  decisionId: string,
  staffId: string,
): Promise<DetentionDecisionRow | undefined> {
  const [decision] = await db
    .select()
    .from(detentionDecisionTable)
    .where(and(eq(detentionDecisionTable.decisionId, decisionId), eq(detentionDecisionTable.caseOwnerStaffId, staffId)));
  return decision;
}
