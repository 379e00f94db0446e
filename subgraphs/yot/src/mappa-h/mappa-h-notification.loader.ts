import { inArray } from 'drizzle-orm';
import { loaderForOne } from '@mappa/shared';
import type { Database } from '@mappa/shared';
import { mappaHNotificationTable } from './mappa-h-notification.table';

/** MAPPA H notifications by PNC ID. */
export const createMappaHNotificationLoader = (db: Database) =>
  loaderForOne(
    'yot.mappaHNotificationByPncId',
    (pncIds) =>
      db
        .select()
        .from(mappaHNotificationTable)
        .where(inArray(mappaHNotificationTable.pncId, [...pncIds])),
    (row) => row.pncId,
  );
