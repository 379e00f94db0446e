import { eq, getTableColumns, inArray } from 'drizzle-orm';
import { loaderForOne } from '@mappa/shared';
import type { Database } from '@mappa/shared';
import { probationCaseTable } from '../case/probation-case.table';
import { riskManagementPlanTable } from './risk-management-plan.table';

/** Latest risk management plans by PNC ID (held for CURRENT cases only). */
export const createRiskManagementPlanLoader = (db: Database) =>
  loaderForOne(
    'probation.riskManagementPlanByPncId',
    (pncIds) =>
      db
        .select({ ...getTableColumns(riskManagementPlanTable), pncId: probationCaseTable.pncId })
        .from(riskManagementPlanTable)
        .innerJoin(probationCaseTable, eq(probationCaseTable.crn, riskManagementPlanTable.crn))
        .where(inArray(probationCaseTable.pncId, [...pncIds])),
    (row) => row.pncId,
  );
