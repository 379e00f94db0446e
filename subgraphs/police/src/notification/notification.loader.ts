import { asc, inArray } from 'drizzle-orm';
import { loaderForMany, loaderForOne } from '@mappa/shared';
import type { Database } from '@mappa/shared';
import { notificationBreachTable, notificationTable } from './notification.table';

/** Notification requirements by PNC ID. */
export const createNotificationLoader = (db: Database) =>
  loaderForOne(
    'police.notificationByPncId',
    (pncIds) =>
      db
        .select()
        .from(notificationTable)
        .where(inArray(notificationTable.pncId, [...pncIds])),
    (row) => row.pncId,
  );

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
