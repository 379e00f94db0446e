import { inArray } from 'drizzle-orm';
import { loaderForOne } from '@mappa/shared';
import type { Database } from '@mappa/shared';
import { assetPlusTable } from './asset-plus.table';

/** The latest AssetPlus assessment by PNC ID. */
export const createAssetPlusLoader = (db: Database) =>
  loaderForOne(
    'yot.assetPlusByPncId',
    (pncIds) =>
      db
        .select()
        .from(assetPlusTable)
        .where(inArray(assetPlusTable.pncId, [...pncIds])),
    (row) => row.pncId,
  );
