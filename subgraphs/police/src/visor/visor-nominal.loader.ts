import { inArray } from 'drizzle-orm';
import { loaderForOne } from '@mappa/shared';
import type { Database } from '@mappa/shared';
import { visorNominalTable } from './visor-nominal.table';

/** ViSOR nominals by PNC ID. */
export const createVisorNominalLoader = (db: Database) =>
  loaderForOne(
    'police.visorNominalByPncId',
    (pncIds) => db.select().from(visorNominalTable).where(inArray(visorNominalTable.pncId, [...pncIds])),
    (row) => row.pncId,
  );
