import { asc, inArray } from 'drizzle-orm';
import { loaderForMany, loaderForOne } from '@mappa/shared';
import type { Database } from '@mappa/shared';
import { aliasTable, personTable } from './identity-person.table';

/** People by PNC ID: one SELECT per batch. Also answers "does the police hold this person". */
export const createPersonLoader = (db: Database) =>
  loaderForOne(
    'police.personByPncId',
    (pncIds) =>
      db
        .select()
        .from(personTable)
        .where(inArray(personTable.pncId, [...pncIds])),
    (row) => row.pncId,
  );

/** Aliases by PNC ID, in the order they were recorded. */
export const createAliasesLoader = (db: Database) =>
  loaderForMany(
    'police.aliasesByPncId',
    (pncIds) =>
      db
        .select()
        .from(aliasTable)
        .where(inArray(aliasTable.pncId, [...pncIds]))
        .orderBy(asc(aliasTable.ordinal)),
    (row) => row.pncId,
  );
