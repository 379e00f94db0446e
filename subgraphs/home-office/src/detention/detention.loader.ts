import { inArray } from 'drizzle-orm';
import { loaderForOne } from '@mappa/shared';
import type { Database } from '@mappa/shared';
import { detentionTable } from './detention.table';

/** Detentions by PNC ID. */
export const createDetentionLoader = (db: Database) =>
  loaderForOne(
    'home-office.detentionByPncId',
    (pncIds) =>
      db
        .select()
        .from(detentionTable)
        .where(inArray(detentionTable.pncId, [...pncIds])),
    (row) => row.pncId,
  );
