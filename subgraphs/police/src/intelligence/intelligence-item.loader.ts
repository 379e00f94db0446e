import { and, desc, eq, getTableColumns, inArray, isNull, sql } from 'drizzle-orm';
import { loaderForMany } from '@mappa/shared';
import type { Database, MappaArea } from '@mappa/shared';
import { intelligenceItemTable } from './intelligence-item.table';
import type { IntelligenceItemRow } from './intelligence-item.table';
import { intelligenceSharingAgreementTable as agreement } from './intelligence-sharing-agreement.table';

/** An item with its originator's live agreements (principle 4, B §1): what its per-record conditions decide on. */
export interface IntelligenceItemWithAgreements extends IntelligenceItemRow {
  /** The areas of the other forces the originator agreed to share the full item with. */
  readonly agreedForceAreas: readonly MappaArea[];
  /** Whether the originator agreed to share a handling code C item's summary with MAPPA partners. */
  readonly agreedWithMappaPartners: boolean;
}

const live = (sharedWith: 'POLICE_FORCE' | 'MAPPA_PARTNERS') =>
  and(eq(agreement.itemReference, intelligenceItemTable.reference), eq(agreement.sharedWith, sharedWith), isNull(agreement.withdrawnAt));

/**
 * Intelligence items by PNC ID, newest first, each with its live sharing agreements: one statement per
 * batch (the agreements as correlated subqueries), so originator control costs no extra round trip.
 */
export const createIntelligenceLoader = (db: Database) =>
  loaderForMany(
    'police.intelligenceByPncId',
    async (pncIds): Promise<IntelligenceItemWithAgreements[]> =>
      db
        .select({
          ...getTableColumns(intelligenceItemTable),
          agreedForceAreas: sql<
            MappaArea[]
          >`coalesce((select array_agg(${agreement.sharedWithArea} order by ${agreement.sharedWithArea}) from ${agreement} where ${live('POLICE_FORCE')}), '{}')`,
          agreedWithMappaPartners: sql<boolean>`exists (select 1 from ${agreement} where ${live('MAPPA_PARTNERS')})`,
        })
        .from(intelligenceItemTable)
        .where(inArray(intelligenceItemTable.pncId, [...pncIds]))
        .orderBy(desc(intelligenceItemTable.recordedDate)),
    (row) => row.pncId,
  );
