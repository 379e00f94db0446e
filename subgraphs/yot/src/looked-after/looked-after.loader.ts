import { inArray } from 'drizzle-orm';
import { loaderForOne } from '@mappa/shared';
import type { Database } from '@mappa/shared';
import { lookedAfterTable } from './looked-after.table';

/** Looked-after status (as supplied by children's social care) by PNC ID. */
export const createLookedAfterLoader = (db: Database) =>
  loaderForOne(
    'yot.lookedAfterByPncId',
    (pncIds) =>
      db
        .select()
        .from(lookedAfterTable)
        .where(inArray(lookedAfterTable.pncId, [...pncIds])),
    (row) => row.pncId,
  );
