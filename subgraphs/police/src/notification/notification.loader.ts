import { asc, inArray } from 'drizzle-orm';
import { keyIn, loaderForMany, loaderForOne, preparedLookup } from '@mappa/shared';
import type { Database } from '@mappa/shared';
import { notificationBreachTable, notificationTable } from './notification.table';

// Prepared once per database (`preparedLookup`): the single offender view asks it on every request.
const notificationsByPncId = preparedLookup('police.notificationByPncId', (db) =>
  db.select().from(notificationTable).where(keyIn(notificationTable.pncId)),
);

/** Notification requirements by PNC ID. */
export const createNotificationLoader = (db: Database) =>
  loaderForOne('police.notificationByPncId', notificationsByPncId(db), (row) => row.pncId);

/** Notification breaches by PNC ID, oldest first. */
export const createNotificationBreachesLoader = (db: Database) =>
  loaderForMany(
    'police.notificationBreachesByPncId',
    (pncIds) =>
      db
        .select()
        .from(notificationBreachTable)
        .where(inArray(notificationBreachTable.pncId, [...pncIds]))
        .orderBy(asc(notificationBreachTable.breachDate)),
    (row) => row.pncId,
  );
