import { desc, inArray } from 'drizzle-orm';
import { loaderForMany } from '@mappa/shared';
import type { Database } from '@mappa/shared';
import { mappaFReportTable } from './mappa-f-report.table';

/** MAPPA F reports by prison number, newest meeting first. */
export const createMappaFReportsLoader = (db: Database) =>
  loaderForMany(
    'prison.mappaFReportsByPrisonNumber',
    (prisonNumbers) =>
      db
        .select()
        .from(mappaFReportTable)
        .where(inArray(mappaFReportTable.prisonNumber, [...prisonNumbers]))
        .orderBy(desc(mappaFReportTable.meetingDate), desc(mappaFReportTable.id)),
    (row) => row.prisonNumber,
  );
