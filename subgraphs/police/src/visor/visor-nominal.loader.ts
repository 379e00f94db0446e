import { eq, getTableColumns, sql } from 'drizzle-orm';
import { keyIn, loaderForOne, preparedLookup } from '@mappa/shared';
import type { Database } from '@mappa/shared';
import { personTable } from '../identity/identity-person.table';
import { levelOnePartnerAgreementTable, visorNominalTable } from './visor-nominal.table';
import type { VisorNominalRow } from './visor-nominal.table';

/**
 * A ViSOR nominal as the police decide partner access on it: the record, and the partner agencies
 * that a local agreement of the person's area lets in on category 1 at level 1 (A.R6).
 */
export type VisorNominalRecord = VisorNominalRow & { readonly levelOneAgreedPartners: readonly string[] };

// Prepared once per database (`preparedLookup`): the single offender view asks it on every request.
const visorNominalsByPncId = preparedLookup<VisorNominalRecord>('police.visorNominalByPncId', (db) =>
  db
    .select({
      ...getTableColumns(visorNominalTable),
      levelOneAgreedPartners: sql<
        string[]
      >`coalesce(array_agg(${levelOnePartnerAgreementTable.partnerAgency}) filter (where ${levelOnePartnerAgreementTable.partnerAgency} is not null), '{}')`,
    })
    .from(visorNominalTable)
    .innerJoin(personTable, eq(personTable.pncId, visorNominalTable.pncId))
    .leftJoin(levelOnePartnerAgreementTable, eq(levelOnePartnerAgreementTable.area, personTable.mappaArea))
    .where(keyIn(visorNominalTable.pncId))
    .groupBy(visorNominalTable.visorReference),
);

/** ViSOR nominals by PNC ID, each with its area's level 1 partner agreements: one SELECT per batch. */
export const createVisorNominalLoader = (db: Database) =>
  loaderForOne('police.visorNominalByPncId', visorNominalsByPncId(db), (row) => row.pncId);
