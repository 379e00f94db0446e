import { inArray } from 'drizzle-orm';
import { loaderForOne } from '@mappa/shared';
import type { Database } from '@mappa/shared';
import { homeOfficeNotificationTable } from './home-office-notification.table';

/** Notifications to the Home Office by prison number. */
export const createHomeOfficeNotificationLoader = (db: Database) =>
  loaderForOne(
    'prison.homeOfficeNotificationByPrisonNumber',
    (prisonNumbers) =>
      db
        .select()
        .from(homeOfficeNotificationTable)
        .where(inArray(homeOfficeNotificationTable.prisonNumber, [...prisonNumbers])),
    (row) => row.prisonNumber,
  );
