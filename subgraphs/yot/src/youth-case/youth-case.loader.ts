import { inArray } from 'drizzle-orm';
import { loaderForOne } from '@mappa/shared';
import type { Database } from '@mappa/shared';
import { youthCaseTable } from './youth-case.table';

/** Youth cases by PNC ID: one SELECT per batch. Also answers "does the YOT hold this person". */
export const createYouthCaseLoader = (db: Database) =>
  loaderForOne(
    'yot.youthCaseByPncId',
    (pncIds) =>
      db
        .select()
        .from(youthCaseTable)
        .where(inArray(youthCaseTable.pncId, [...pncIds])),
    (row) => row.pncId,
  );

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
