import { keyIn, loaderForOne, preparedLookup } from '@mappa/shared';
import type { Database } from '@mappa/shared';
import { mappaHNotificationTable } from './mappa-h-notification.table';

/** MAPPA H notifications by PNC ID. */
// Prepared once per database (`preparedLookup`): the single offender view asks it on every request.
const notificationsByPncId = preparedLookup('yot.mappaHNotificationByPncId', (db) =>
  db.select().from(mappaHNotificationTable).where(keyIn(mappaHNotificationTable.pncId)),
);

export const createMappaHNotificationLoader = (db: Database) =>
  loaderForOne('yot.mappaHNotificationByPncId', notificationsByPncId(db), (row) => row.pncId);
