import { asc, inArray } from 'drizzle-orm';
import { loaderForMany } from '@mappa/shared';
import type { Database } from '@mappa/shared';
import { youthOrderTable } from './youth-order.table';

/** Youth orders by PNC ID, oldest first (ties broken by insertion order, so the answer is stable). */
export const createYouthOrdersLoader = (db: Database) =>
  loaderForMany(
    'yot.youthOrdersByPncId',
    (pncIds) =>
      db
        .select()
        .from(youthOrderTable)
        .where(inArray(youthOrderTable.pncId, [...pncIds]))
        .orderBy(asc(youthOrderTable.madeDate), asc(youthOrderTable.id)),
    (row) => row.pncId,
  );
