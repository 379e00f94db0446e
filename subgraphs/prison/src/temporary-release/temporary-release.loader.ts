import { asc, inArray } from 'drizzle-orm';
import { loaderForMany } from '@mappa/shared';
import type { Database } from '@mappa/shared';
import { temporaryReleaseTable } from './temporary-release.table';

/** Temporary releases by prison number, oldest first. */
export const createTemporaryReleasesLoader = (db: Database) =>
  loaderForMany(
    'prison.temporaryReleasesByPrisonNumber',
    (prisonNumbers) =>
      db
        .select()
        .from(temporaryReleaseTable)
        .where(inArray(temporaryReleaseTable.prisonNumber, [...prisonNumbers]))
        .orderBy(asc(temporaryReleaseTable.start), asc(temporaryReleaseTable.id)),
    (row) => row.prisonNumber,
  );
