import { asc, eq, inArray } from 'drizzle-orm';
import { loaderForOne } from '@mappa/shared';
import type { Database } from '@mappa/shared';
import { groupByCase } from '../case/case-held-rows';
import { probationCaseTable } from '../case/probation-case.table';
import { probationAddressTable } from './probation-address.table';

/** Addresses by PNC ID (main, proposed, then previous); null for a person probation does not hold. */
export const createProbationAddressesLoader = (db: Database) =>
  loaderForOne(
    'probation.addressesByPncId',
    async (pncIds) =>
      groupByCase(
        await db
          .select({ pncId: probationCaseTable.pncId, row: probationAddressTable })
          .from(probationCaseTable)
          .leftJoin(probationAddressTable, eq(probationAddressTable.crn, probationCaseTable.crn))
          .where(inArray(probationCaseTable.pncId, [...pncIds]))
          .orderBy(asc(probationAddressTable.ordinal)),
      ),
    (held) => held.pncId,
  );
