import { inArray } from 'drizzle-orm';
import { loaderForOne } from '@mappa/shared';
import type { Database } from '@mappa/shared';
import { ircSuitabilityTable } from './irc-suitability.table';

/** IRC suitability assessments by PNC ID. */
export const createIrcSuitabilityLoader = (db: Database) =>
  loaderForOne(
    'home-office.ircSuitabilityByPncId',
    (pncIds) =>
      db
        .select()
        .from(ircSuitabilityTable)
        .where(inArray(ircSuitabilityTable.pncId, [...pncIds])),
    (row) => row.pncId,
  );
