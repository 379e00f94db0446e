import { inArray } from 'drizzle-orm';
import { loaderForOne } from '@mappa/shared';
import type { Database } from '@mappa/shared';
import { adultTransitionTable } from './adult-transition.table';

/** Transition-to-adult-services plans by PNC ID. */
export const createAdultTransitionLoader = (db: Database) =>
  loaderForOne(
    'yot.adultTransitionByPncId',
    (pncIds) =>
      db
        .select()
        .from(adultTransitionTable)
        .where(inArray(adultTransitionTable.pncId, [...pncIds])),
    (row) => row.pncId,
  );
