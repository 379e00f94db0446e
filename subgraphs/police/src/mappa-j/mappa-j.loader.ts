import { desc, eq, getTableColumns, inArray } from 'drizzle-orm';
import { loaderForOne } from '@mappa/shared';
import type { Database } from '@mappa/shared';
import { personTable } from '../identity/identity-person.table';
import { mappaJNotificationTable } from './mappa-j.table';
import type { MappaJNotificationRow } from './mappa-j.table';

/** A MAPPA J with the date of birth the police hold for its subject, which decides `mappaJInForce` (A.R31). */
export type MappaJRecord = MappaJNotificationRow & { readonly subjectDateOfBirth: string };

/**
 * The latest MAPPA J by PNC ID (the one in force replaces earlier ones): one SELECT per batch,
 * newest first, so the first row per person is kept.
 */
export const createMappaJLoader = (db: Database) =>
  loaderForOne(
    'police.latestMappaJByPncId',
    async (pncIds): Promise<MappaJRecord[]> => {
      const rows = await db
        .select({ ...getTableColumns(mappaJNotificationTable), subjectDateOfBirth: personTable.dateOfBirth })
        .from(mappaJNotificationTable)
        .innerJoin(personTable, eq(personTable.pncId, mappaJNotificationTable.pncId))
        .where(inArray(mappaJNotificationTable.pncId, [...pncIds]))
        .orderBy(desc(mappaJNotificationTable.sentDate), desc(mappaJNotificationTable.id));
      const latest = new Map<string, MappaJRecord>();
      for (const row of rows) if (!latest.has(row.pncId)) latest.set(row.pncId, row);
      return [...latest.values()];
    },
    (row) => row.pncId,
  );
