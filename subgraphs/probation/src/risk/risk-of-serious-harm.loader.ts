import { eq, getTableColumns } from 'drizzle-orm';
import { keyIn, loaderForOne, loaderWithCompanion, preparedLookup } from '@mappa/shared';
import type { Database, PrimedLoader } from '@mappa/shared';
import { caseWithNamedStaff } from '../case/probation-case.loader';
import type { LoadedProbationCase } from '../case/probation-case.loader';
import { probationCaseTable } from '../case/probation-case.table';
import { riskOfSeriousHarmTable } from './risk-of-serious-harm.table';

/** Latest risk of serious harm summaries by PNC ID (held for CURRENT cases only). */
// Prepared once per database (`preparedLookup`): the single offender view asks it on every request.
const risksByPncId = preparedLookup('probation.riskOfSeriousHarmByPncId', (db) =>
  db
    .select({ ...getTableColumns(riskOfSeriousHarmTable), pncId: probationCaseTable.pncId })
    .from(riskOfSeriousHarmTable)
    .innerJoin(probationCaseTable, eq(probationCaseTable.crn, riskOfSeriousHarmTable.crn))
    .where(keyIn(probationCaseTable.pncId)),
);

export const createRiskOfSeriousHarmLoader = (db: Database) =>
  loaderForOne('probation.riskOfSeriousHarmByPncId', risksByPncId(db), (row) => row.pncId);

/** A risk of serious harm summary as `probation.riskOfSeriousHarmByPncId` reads it. */
export type LoadedRiskOfSeriousHarm = Awaited<ReturnType<ReturnType<typeof risksByPncId>>>[number];

/**
 * Cases by PNC ID with their risk of serious harm summary (or null), in one statement: the case as
 * `probation.caseByPncId` reads it (with the staff it names), the summary as
 * `probation.riskOfSeriousHarmByPncId` does. Drizzle gives `companion` null when the summary's first
 * column (its CRN, the key, never null) is.
 */
const casesWithRiskByPncId = preparedLookup('probation.caseWithRiskOfSeriousHarmByPncId', (db) =>
  db
    .select({ row: caseWithNamedStaff, companion: getTableColumns(riskOfSeriousHarmTable) })
    .from(probationCaseTable)
    .leftJoin(riskOfSeriousHarmTable, eq(riskOfSeriousHarmTable.crn, probationCaseTable.crn))
    .where(keyIn(probationCaseTable.pncId)),
);

/**
 * Cases by PNC ID, each read with its risk of serious harm summary in the same statement, priming
 * `probationCase` and `riskOfSeriousHarm` (`loaderWithCompanion`): for a request whose selection asks for the summary.
 */
export const createCaseWithRiskOfSeriousHarmLoader = (
  db: Database,
  loaders: {
    readonly probationCase: PrimedLoader<string, LoadedProbationCase>;
    readonly riskOfSeriousHarm: PrimedLoader<string, LoadedRiskOfSeriousHarm>;
  },
) => {
  const fetchPairs = casesWithRiskByPncId(db);
  return loaderWithCompanion(
    'probation.caseWithRiskOfSeriousHarmByPncId',
    async (pncIds: readonly string[]) =>
      (await fetchPairs(pncIds)).map(({ row, companion }) => ({
        row,
        companion: companion && { ...companion, pncId: row.pncId },
      })),
    { of: (row) => row.pncId, companionOf: (row) => row.pncId },
    { rows: loaders.probationCase, companions: loaders.riskOfSeriousHarm },
  );
};
