import { asc, eq, getTableColumns, inArray } from 'drizzle-orm';
import { keyIn, loaderForMany, loaderForOne, loaderWithCompanion, preparedLookup } from '@mappa/shared';
import type { Database, PrimedLoader } from '@mappa/shared';
import { recordedMappaLevel } from '../custody/custody.loader';
import type { PrisonerRecord } from '../custody/custody.loader';
import { prisonerTable } from '../custody/custody-prisoner.table';
import { offenceTable, sentenceTable } from './sentence.table';
import type { SentenceRow } from './sentence.table';

// Prepared once per database (`preparedLookup`): the single offender view asks it on every request.
const sentencesByPrisonNumber = preparedLookup('prison.sentenceByPrisonNumber', (db) =>
  db.select().from(sentenceTable).where(keyIn(sentenceTable.prisonNumber)),
);

/** Sentences (with key dates) by prison number. */
export const createSentenceLoader = (db: Database) =>
  loaderForOne('prison.sentenceByPrisonNumber', sentencesByPrisonNumber(db), (row) => row.prisonNumber);

/**
 * Prisoners by PNC ID with the sentence on their booking (or null), in one statement: the prisoner
 * as `prison.prisonerByPncId` reads it (with the MAPPA level it records), the sentence as
 * `prison.sentenceByPrisonNumber` does. Drizzle gives `companion` null when the sentence's first
 * column (its prison number, the key, never null) is.
 */
const prisonersWithSentenceByPncId = preparedLookup('prison.prisonerWithSentenceByPncId', (db) =>
  db
    .select({ row: { ...getTableColumns(prisonerTable), recordedMappaLevel }, companion: getTableColumns(sentenceTable) })
    .from(prisonerTable)
    .leftJoin(sentenceTable, eq(sentenceTable.prisonNumber, prisonerTable.prisonNumber))
    .where(keyIn(prisonerTable.pncId)),
);

/**
 * Prisoners by PNC ID, each read with their sentence in the same statement, priming `prisoner` (by
 * PNC ID) and `sentence` (by prison number) (`loaderWithCompanion`): for a request whose selection asks for the sentence.
 */
export const createPrisonerWithSentenceLoader = (
  db: Database,
  loaders: { readonly prisoner: PrimedLoader<string, PrisonerRecord>; readonly sentence: PrimedLoader<string, SentenceRow> },
) =>
  loaderWithCompanion<PrisonerRecord, SentenceRow>(
    'prison.prisonerWithSentenceByPncId',
    prisonersWithSentenceByPncId(db),
    { of: (row) => row.pncId, companionOf: (row) => row.prisonNumber },
    { rows: loaders.prisoner, companions: loaders.sentence },
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
