import { inArray } from 'drizzle-orm';
import { loaderForOne } from '@mappa/shared';
import type { Database } from '@mappa/shared';
import { probationCaseTable } from './probation-case.table';

/** Cases by PNC ID: one SELECT per batch. Also answers "does probation hold this person". */
export const createProbationCaseLoader = (db: Database) =>
  loaderForOne(
    'probation.caseByPncId',
    (pncIds) => db.select().from(probationCaseTable).where(inArray(probationCaseTable.pncId, [...pncIds])),
    (row) => row.pncId,
  );

/** Cases by CRN, for look-ups that start from the probation case reference. */
export const createProbationCaseByCrnLoader = (db: Database) =>
  loaderForOne(
    'probation.caseByCrn',
    (crns) => db.select().from(probationCaseTable).where(inArray(probationCaseTable.crn, [...crns])),
    (row) => row.crn,
  );
