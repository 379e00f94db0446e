import { inArray } from 'drizzle-orm';
import { loaderForOne } from '@mappa/shared';
import type { Database } from '@mappa/shared';
import { policeRiskTable } from './police-risk.table';

/** Police risk assessments by PNC ID. */
export const createPoliceRiskLoader = (db: Database) =>
  loaderForOne(
    'police.policeRiskByPncId',
    (pncIds) =>
      db
        .select()
        .from(policeRiskTable)
        .where(inArray(policeRiskTable.pncId, [...pncIds])),
    (row) => row.pncId,
  );
