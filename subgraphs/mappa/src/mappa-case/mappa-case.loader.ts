import { asc, desc, inArray } from 'drizzle-orm';
import { keyIn, loaderForMany, loaderForOne, preparedLookup } from '@mappa/shared';
import type { Database } from '@mappa/shared';
import { mappaCaseChangeTable, mappaCaseTable } from './mappa-case.table';

/**
 * The order that puts a person's current MAPPA case first: the ACTIVE one, or when none is active the
 * most recently closed. `end_date desc` puts the active case (no end date: PostgreSQL sorts nulls
 * first when descending) before any closed one. The one definition of "current", for the loader and
 * for the meeting's lookup that fetches its subject's case with it (`meetingWithSubjectCase`).
 */
export const CURRENT_CASE_FIRST = [desc(mappaCaseTable.endDate), desc(mappaCaseTable.startDate)] as const;

/**
 * Each person's current MAPPA case by PNC ID (`CURRENT_CASE_FIRST`). One SELECT DISTINCT ON per
 * batch. Also answers "does the MAPPA unit hold this person".
 */
export const createMappaCaseLoader = (db: Database) => loaderForOne('mappa.caseByPncId', casesByPncId(db), (row) => row.pncId);

// Prepared once per database (`preparedLookup`): the single offender view asks it on every request.
const casesByPncId = preparedLookup('mappa.caseByPncId', (db) =>
  db
    .selectDistinctOn([mappaCaseTable.pncId])
    .from(mappaCaseTable)
    .where(keyIn(mappaCaseTable.pncId))
    .orderBy(asc(mappaCaseTable.pncId), ...CURRENT_CASE_FIRST),
);

/** The history of changes by case ID, oldest first. */
export const createMappaCaseHistoryLoader = (db: Database) =>
  loaderForMany(
    'mappa.caseHistoryByCaseId',
    (caseIds) =>
      db
        .select()
        .from(mappaCaseChangeTable)
        .where(inArray(mappaCaseChangeTable.caseId, [...caseIds]))
        .orderBy(asc(mappaCaseChangeTable.caseId), asc(mappaCaseChangeTable.sequence)),
    (row) => row.caseId,
  );
