import { asc, eq, inArray } from 'drizzle-orm';
import { loaderForOne } from '@mappa/shared';
import type { Database } from '@mappa/shared';
import { groupByCase } from '../case/case-held-rows';
import { probationCaseTable } from '../case/probation-case.table';
import { victimContactTable } from './victim-contact.table';

/** Victims in the Victim Contact Scheme by PNC ID; null for a person probation does not hold. */
export const createVictimContactsLoader = (db: Database) =>
  loaderForOne(
    'probation.victimContactsByPncId',
    async (pncIds) =>
      groupByCase(
        await db
          .select({ pncId: probationCaseTable.pncId, row: victimContactTable })
          .from(probationCaseTable)
          .leftJoin(victimContactTable, eq(victimContactTable.crn, probationCaseTable.crn))
          .where(inArray(probationCaseTable.pncId, [...pncIds]))
          .orderBy(asc(victimContactTable.ordinal)),
      ),
    (held) => held.pncId,
  );
