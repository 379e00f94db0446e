import { desc, inArray } from 'drizzle-orm';
import { loaderForMany } from '@mappa/shared';
import type { Database } from '@mappa/shared';
import { intelligenceItemTable } from './intelligence-item.table';

/** Intelligence items by PNC ID, newest first. */
export const createIntelligenceLoader = (db: Database) =>
  loaderForMany(
    'police.intelligenceByPncId',
    (pncIds) =>
      db
        .select()
        .from(intelligenceItemTable)
        .where(inArray(intelligenceItemTable.pncId, [...pncIds]))
        .orderBy(desc(intelligenceItemTable.recordedDate)),
    (row) => row.pncId,
  );
