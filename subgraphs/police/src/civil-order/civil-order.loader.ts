import { asc, inArray } from 'drizzle-orm';
import { loaderForMany } from '@mappa/shared';
import type { Database } from '@mappa/shared';
import { civilOrderTable } from './civil-order.table';

/** Civil orders by PNC ID, oldest first. */
export const createCivilOrdersLoader = (db: Database) =>
  loaderForMany(
    'police.civilOrdersByPncId',
    (pncIds) =>
      db
        .select()
        .from(civilOrderTable)
        .where(inArray(civilOrderTable.pncId, [...pncIds]))
        .orderBy(asc(civilOrderTable.madeDate)),
    (row) => row.pncId,
  );
