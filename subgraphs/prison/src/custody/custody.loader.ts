import { getTableColumns, inArray, sql } from 'drizzle-orm';
import { keyIn, loaderForOne, preparedLookup } from '@mappa/shared';
import type { Database } from '@mappa/shared';
import { prisonAlertTable } from '../alert/prison-alert.table';
import { prisonerTable } from './custody-prisoner.table';
import type { PrisonerRow } from './custody-prisoner.table';

/**
 * A prisoner row with the MAPPA level the prison records for the person: the code of its active
 * MAPPA alert (type `P`, `P1`–`P3`), the level the lead agency gave it (B.49), or null when it
 * records none. The record conditions that depend on the level (B.60, B.51) decide on this copy,
 * the prison's own record, so no condition reads another agency's data; `MappaCase.level` remains
 * the authoritative level (A.R16, inventory OQ 12).
 */
export type PrisonerRecord = PrisonerRow & { readonly recordedMappaLevel: number | null };

/**
 * The level as a column of the same statement (a scalar subquery over the alert table's
 * prison-number index), so reading it costs no extra statement per batch. The codes are the
 * prison's own constants, not input. Drizzle writes a column unqualified in a one-table select, so
 * the outer prisoner's column is qualified by hand: unqualified, it would name the alert's own.
 */
export const recordedMappaLevel = sql<number | null>`(
  select cast(substr(${prisonAlertTable.code}, 2) as integer) from ${prisonAlertTable}
   where ${prisonAlertTable.prisonNumber} = ${prisonerTable}.${sql.identifier(prisonerTable.prisonNumber.name)} and ${prisonAlertTable.type} = 'P'
     and ${prisonAlertTable.code} in ('P1', 'P2', 'P3') and ${prisonAlertTable.active}
   order by ${prisonAlertTable.createdDate} desc, ${prisonAlertTable.id} desc limit 1)`.as('recorded_mappa_level');

const selectPrisoners = (db: Database) => db.select({ ...getTableColumns(prisonerTable), recordedMappaLevel }).from(prisonerTable);

// Prepared once per database (`preparedLookup`): the single offender view asks it on every request.
const prisonersByPncId = preparedLookup<PrisonerRecord>('prison.prisonerByPncId', (db) =>
  selectPrisoners(db).where(keyIn(prisonerTable.pncId)),
);

/** Prisoners by PNC ID: one SELECT per batch. Also answers "does the prison hold this person". */
export const createPrisonerByPncIdLoader = (db: Database) =>
  loaderForOne<PrisonerRecord>('prison.prisonerByPncId', prisonersByPncId(db), (row) => row.pncId);

/** Prisoners by prison number (the prison's own key), for look-ups that start from NOMIS. */
export const createPrisonerByPrisonNumberLoader = (db: Database) =>
  loaderForOne<PrisonerRecord>(
    'prison.prisonerByPrisonNumber',
    (prisonNumbers) => selectPrisoners(db).where(inArray(prisonerTable.prisonNumber, [...prisonNumbers])),
    (row) => row.prisonNumber,
  );
