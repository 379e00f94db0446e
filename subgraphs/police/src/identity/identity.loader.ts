import { asc, inArray } from 'drizzle-orm';
import { keyIn, loaderForMany, loaderForOne, preparedLookup } from '@mappa/shared';
import type { Database } from '@mappa/shared';
import { aliasTable, personTable } from './identity-person.table';

// Prepared once per database (`preparedLookup`): every `_entities` call of the police asks it.
const personByPncId = preparedLookup('police.personByPncId', (db) => db.select().from(personTable).where(keyIn(personTable.pncId)));

/** People by PNC ID: one SELECT per batch. Also answers "does the police hold this person". */
export const createPersonLoader = (db: Database) => loaderForOne('police.personByPncId', personByPncId(db), (row) => row.pncId);

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
