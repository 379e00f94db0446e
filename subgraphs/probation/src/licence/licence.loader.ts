import { asc, eq, inArray } from 'drizzle-orm';
import { loaderForMany, loaderForOne } from '@mappa/shared';
import type { Database } from '@mappa/shared';
import { groupByCase } from '../case/held-rows';
import { probationCaseTable } from '../case/probation-case.table';
import { licenceConditionTable, licenceTable } from './licence.table';

/** Licences by PNC ID, oldest version first; null for a person probation does not hold. */
export const createLicencesLoader = (db: Database) =>
  loaderForOne(
    'probation.licencesByPncId',
    async (pncIds) =>
      groupByCase(
        await db
          .select({ pncId: probationCaseTable.pncId, row: licenceTable })
          .from(probationCaseTable)
          .leftJoin(licenceTable, eq(licenceTable.crn, probationCaseTable.crn))
          .where(inArray(probationCaseTable.pncId, [...pncIds]))
          .orderBy(asc(licenceTable.licenceId)),
      ),
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
