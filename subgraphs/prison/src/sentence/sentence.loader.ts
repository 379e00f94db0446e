import { asc, inArray } from 'drizzle-orm';
import { loaderForMany, loaderForOne } from '@mappa/shared';
import type { Database } from '@mappa/shared';
import { offenceTable, sentenceTable } from './sentence.table';

/** Sentences (with key dates) by prison number. */
export const createSentenceLoader = (db: Database) =>
  loaderForOne(
    'prison.sentenceByPrisonNumber',
    (prisonNumbers) =>
      db
        .select()
        .from(sentenceTable)
        .where(inArray(sentenceTable.prisonNumber, [...prisonNumbers])),
    (row) => row.prisonNumber,
  );

/** Offences by prison number, in the order they were recorded (most serious first). */
export const createOffencesLoader = (db: Database) =>
  loaderForMany(
    'prison.offencesByPrisonNumber',
    (prisonNumbers) =>
      db
        .select()
        .from(offenceTable)
        .where(inArray(offenceTable.prisonNumber, [...prisonNumbers]))
        .orderBy(asc(offenceTable.id)),
    (row) => row.prisonNumber,
  );
