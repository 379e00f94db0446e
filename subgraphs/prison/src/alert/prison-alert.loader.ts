import { asc, inArray } from 'drizzle-orm';
import { loaderForMany } from '@mappa/shared';
import type { Database } from '@mappa/shared';
import { prisonAlertTable } from './prison-alert.table';

/** Alerts by prison number, oldest first. */
export const createPrisonAlertsLoader = (db: Database) =>
  loaderForMany(
    'prison.alertsByPrisonNumber',
    (prisonNumbers) =>
      db
        .select()
        .from(prisonAlertTable)
        .where(inArray(prisonAlertTable.prisonNumber, [...prisonNumbers]))
        .orderBy(asc(prisonAlertTable.createdDate), asc(prisonAlertTable.id)),
    (row) => row.prisonNumber,
  );
