import { and, eq, getTableColumns, isNotNull, sql } from 'drizzle-orm';
import { keyIn, loaderForOne, loaderWithCompanion, preparedLookup } from '@mappa/shared';
import type { Database, PrimedLoader } from '@mappa/shared';
import { personTable } from '../identity/identity-person.table';
import type { PersonRow } from '../identity/identity-person.table';
import { levelOnePartnerAgreementTable, visorNominalTable } from './visor-nominal.table';
import type { VisorNominalRow } from './visor-nominal.table';

/**
 * A ViSOR nominal as the police decide partner access on it: the record, and the partner agencies
 * that a local agreement of the person's area lets in on category 1 at level 1 (A.R6).
 */
export type VisorNominalRecord = VisorNominalRow & { readonly levelOneAgreedPartners: readonly string[] };

// A.R6: the partner agencies an area's level 1 agreements let in, for the nominal's person's area.
const levelOneAgreedPartners = sql<
  string[]
>`coalesce(array_agg(${levelOnePartnerAgreementTable.partnerAgency}) filter (where ${levelOnePartnerAgreementTable.partnerAgency} is not null), '{}')`;

// Prepared once per database (`preparedLookup`): the single offender view asks it on every request.
const visorNominalsByPncId = preparedLookup<VisorNominalRecord>('police.visorNominalByPncId', (db) =>
  db
    .select({
      ...getTableColumns(visorNominalTable),
      levelOneAgreedPartners,
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

/**
 * People by PNC ID with their ViSOR nominal (or null), in one statement: the person row as
 * `police.personByPncId` reads it, the nominal as `police.visorNominalByPncId` does (the same columns
 * and the same agreements of the person's area). Drizzle gives `companion` null when the nominal's
 * first column (its key, never null) is. Grouped by both keys, so every other column is functionally
 * dependent and a person without a nominal reads no agreement rows.
 */
const peopleWithVisorNominalByPncId = preparedLookup('police.personWithVisorNominalByPncId', (db) =>
  db
    .select({ row: getTableColumns(personTable), companion: { ...getTableColumns(visorNominalTable), levelOneAgreedPartners } })
    .from(personTable)
    .leftJoin(visorNominalTable, eq(visorNominalTable.pncId, personTable.pncId))
    .leftJoin(
      levelOnePartnerAgreementTable,
      and(isNotNull(visorNominalTable.visorReference), eq(levelOnePartnerAgreementTable.area, personTable.mappaArea)),
    )
    .where(keyIn(personTable.pncId))
    .groupBy(personTable.pncId, visorNominalTable.visorReference),
);

/**
 * People by PNC ID, each read with their ViSOR nominal in the same statement, priming `person` and
 * `visorNominal` (`loaderWithCompanion`): for a request whose selection asks for the nominal.
 */
export const createPersonWithVisorNominalLoader = (
  db: Database,
  loaders: { readonly person: PrimedLoader<string, PersonRow>; readonly visorNominal: PrimedLoader<string, VisorNominalRecord> },
) =>
  loaderWithCompanion(
    'police.personWithVisorNominalByPncId',
    peopleWithVisorNominalByPncId(db),
    { of: (row) => row.pncId, companionOf: (row) => row.pncId },
    { rows: loaders.person, companions: loaders.visorNominal },
  );
