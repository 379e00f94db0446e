import { asc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { keyIn, loaderForMany, loaderForOne, preparedLookup } from '@mappa/shared';
import type { Database } from '@mappa/shared';
import { groupByCase } from '../case/case-held-rows';
import { probationCaseTable } from '../case/probation-case.table';
import { licenceConditionTable, licenceTable } from './licence.table';

/**
 * A licence row and whether it holds a condition the electronic monitoring provider monitors (A.R37),
 * read in the same statement. Null, like every column, when the case has no licence, so the left
 * join's missing licence stays a missing row.
 */
const licenceWithMonitoring = {
  ...getTableColumns(licenceTable),
  // The subquery aliases its table: drizzle writes columns without their table inside `sql`.
  electronicMonitoring: sql<
    boolean | null
  >`case when ${licenceTable}."licence_id" is null then null else exists (select 1 from ${licenceConditionTable} monitored
      where monitored.licence_id = ${licenceTable}."licence_id" and monitored.electronic_monitoring) end`.as('electronic_monitoring'),
};

/** Licences by PNC ID, oldest version first; null for a person probation does not hold. */
// Prepared once per database (`preparedLookup`): the single offender view asks it on every request.
const licencesByPncId = preparedLookup('probation.licencesByPncId', (db) =>
  db
    .select({ pncId: probationCaseTable.pncId, row: licenceWithMonitoring })
    .from(probationCaseTable)
    .leftJoin(licenceTable, eq(licenceTable.crn, probationCaseTable.crn))
    .where(keyIn(probationCaseTable.pncId))
    .orderBy(asc(licenceTable.licenceId)),
);

export const createLicencesLoader = (db: Database) =>
  loaderForOne(
    'probation.licencesByPncId',
    async (pncIds) => groupByCase(await licencesByPncId(db)(pncIds)),
    (held) => held.pncId,
  );

/** Conditions by licence id (as a string, DataLoader keys being strings here), in licence order. */
export const createLicenceConditionsLoader = (db: Database) =>
  loaderForMany(
    'probation.licenceConditionsByLicenceId',
    (licenceIds) =>
      db
        .select()
        .from(licenceConditionTable)
        .where(inArray(licenceConditionTable.licenceId, licenceIds.map(Number)))
        .orderBy(asc(licenceConditionTable.ordinal)),
    (row) => String(row.licenceId),
  );
