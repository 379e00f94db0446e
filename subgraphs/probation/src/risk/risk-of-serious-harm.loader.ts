import { eq, getTableColumns } from 'drizzle-orm';
import { keyIn, loaderForOne, preparedLookup } from '@mappa/shared';
import type { Database } from '@mappa/shared';
import { probationCaseTable } from '../case/probation-case.table';
import { riskOfSeriousHarmTable } from './risk-of-serious-harm.table';

/** Latest risk of serious harm summaries by PNC ID (held for CURRENT cases only). */
// Prepared once per database (`preparedLookup`): the single offender view asks it on every request.
const risksByPncId = preparedLookup('probation.riskOfSeriousHarmByPncId', (db) =>
  db
    .select({ ...getTableColumns(riskOfSeriousHarmTable), pncId: probationCaseTable.pncId })
    .from(riskOfSeriousHarmTable)
    .innerJoin(probationCaseTable, eq(probationCaseTable.crn, riskOfSeriousHarmTable.crn))
    .where(keyIn(probationCaseTable.pncId)),
);

export const createRiskOfSeriousHarmLoader = (db: Database) =>
  loaderForOne('probation.riskOfSeriousHarmByPncId', risksByPncId(db), (row) => row.pncId);
