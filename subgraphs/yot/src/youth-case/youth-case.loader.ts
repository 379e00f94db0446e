import { inArray } from 'drizzle-orm';
import { keyIn, loaderForOne, preparedLookup } from '@mappa/shared';
import type { Database } from '@mappa/shared';
import { youthCaseTable } from './youth-case.table';

/** Youth cases by PNC ID: one SELECT per batch. Also answers "does the YOT hold this person". */
// Prepared once per database (`preparedLookup`): the single offender view asks it on every request.
const youthCasesByPncId = preparedLookup('yot.youthCaseByPncId', (db) =>
  db.select().from(youthCaseTable).where(keyIn(youthCaseTable.pncId)),
);

export const createYouthCaseLoader = (db: Database) => loaderForOne('yot.youthCaseByPncId', youthCasesByPncId(db), (row) => row.pncId);

/** Youth cases by YOT reference, for the lookup a YOT case manager starts from. */
export const createYouthCaseByReferenceLoader = (db: Database) =>
  loaderForOne(
    'yot.youthCaseByYotReference',
    (references) =>
      db
        .select()
        .from(youthCaseTable)
        .where(inArray(youthCaseTable.yotReference, [...references])),
    (row) => row.yotReference,
  );
