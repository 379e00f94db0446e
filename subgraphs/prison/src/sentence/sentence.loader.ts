import { asc, inArray } from 'drizzle-orm';
import { keyIn, loaderForMany, loaderForOne, preparedLookup } from '@mappa/shared';
import type { Database } from '@mappa/shared';
import { offenceTable, sentenceTable } from './sentence.table';

// Prepared once per database (`preparedLookup`): the single offender view asks it on every request.
const sentencesByPrisonNumber = preparedLookup('prison.sentenceByPrisonNumber', (db) =>
  db.select().from(sentenceTable).where(keyIn(sentenceTable.prisonNumber)),
);

/** Sentences (with key dates) by prison number. */
export const createSentenceLoader = (db: Database) =>
  loaderForOne('prison.sentenceByPrisonNumber', sentencesByPrisonNumber(db), (row) => row.prisonNumber);

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
