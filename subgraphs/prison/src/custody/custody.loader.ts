import { inArray } from 'drizzle-orm';
import { loaderForOne } from '@mappa/shared';
import type { Database } from '@mappa/shared';
import { prisonerTable } from './prisoner.table';

/** Prisoners by PNC ID: one SELECT per batch. Also answers "does the prison hold this person". */
export const createPrisonerByPncIdLoader = (db: Database) =>
  loaderForOne('prison.prisonerByPncId', (pncIds) => db.select().from(prisonerTable).where(inArray(prisonerTable.pncId, [...pncIds])), (row) => row.pncId);

/** Prisoners by prison number (the prison's own key), for look-ups that start from NOMIS. */
export const createPrisonerByPrisonNumberLoader = (db: Database) =>
  loaderForOne(
    'prison.prisonerByPrisonNumber',
    (prisonNumbers) => db.select().from(prisonerTable).where(inArray(prisonerTable.prisonNumber, [...prisonNumbers])),
    (row) => row.prisonNumber,
  );
