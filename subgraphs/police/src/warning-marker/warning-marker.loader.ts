import { asc, inArray } from 'drizzle-orm';
import { loaderForMany } from '@mappa/shared';
import type { Database } from '@mappa/shared';
import { warningMarkerTable } from './warning-marker.table';

/** Warning markers by PNC ID, oldest first. */
export const createWarningMarkersLoader = (db: Database) =>
  loaderForMany(
    'police.warningMarkersByPncId',
    (pncIds) =>
      db
        .select()
        .from(warningMarkerTable)
        .where(inArray(warningMarkerTable.pncId, [...pncIds]))
        .orderBy(asc(warningMarkerTable.createdDate)),
    (row) => row.pncId,
  );
