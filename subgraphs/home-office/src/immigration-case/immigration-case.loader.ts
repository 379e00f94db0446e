import { inArray } from 'drizzle-orm';
import { loaderForOne } from '@mappa/shared';
import type { Database } from '@mappa/shared';
import { immigrationCaseTable } from './immigration-case.table';

/** Immigration cases by PNC ID. */
export const createImmigrationCaseLoader = (db: Database) =>
  loaderForOne(
    'home-office.immigrationCaseByPncId',
    (pncIds) =>
      db
        .select()
        .from(immigrationCaseTable)
        .where(inArray(immigrationCaseTable.pncId, [...pncIds])),
    (row) => row.pncId,
  );

/** Immigration cases by Home Office reference. */
export const createImmigrationCaseByReferenceLoader = (db: Database) =>
  loaderForOne(
    'home-office.immigrationCaseByReference',
    (references) =>
      db
        .select()
        .from(immigrationCaseTable)
        .where(inArray(immigrationCaseTable.homeOfficeReference, [...references])),
    (row) => row.homeOfficeReference,
  );
