import { eq, getTableColumns, inArray } from 'drizzle-orm';
import { loaderForOne } from '@mappa/shared';
import type { Database } from '@mappa/shared';
import { probationCaseTable } from '../case/probation-case.table';
import { riskOfSeriousHarmTable } from './risk-of-serious-harm.table';

/** Latest risk of serious harm summaries by PNC ID (held for CURRENT cases only). */
export const createRiskOfSeriousHarmLoader = (db: Database) =>
  loaderForOne(
    'probation.riskOfSeriousHarmByPncId',
    (pncIds) =>
      db
        .select({ ...getTableColumns(riskOfSeriousHarmTable), pncId: probationCaseTable.pncId })
        .from(riskOfSeriousHarmTable)
        .innerJoin(probationCaseTable, eq(probationCaseTable.crn, riskOfSeriousHarmTable.crn))
        .where(inArray(probationCaseTable.pncId, [...pncIds])),
    (row) => row.pncId,
  );
