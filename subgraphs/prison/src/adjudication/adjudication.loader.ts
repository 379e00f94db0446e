import { asc, inArray } from 'drizzle-orm';
import { loaderForMany } from '@mappa/shared';
import type { Database } from '@mappa/shared';
import { adjudicationTable } from './adjudication.table';

/** Adjudications by prison number, oldest first. */
export const createAdjudicationsLoader = (db: Database) =>
  loaderForMany(
    'prison.adjudicationsByPrisonNumber',
    (prisonNumbers) =>
      db
        .select()
        .from(adjudicationTable)
        .where(inArray(adjudicationTable.prisonNumber, [...prisonNumbers]))
        .orderBy(asc(adjudicationTable.incidentDate), asc(adjudicationTable.adjudicationNumber)),
    (row) => row.prisonNumber,
  );
