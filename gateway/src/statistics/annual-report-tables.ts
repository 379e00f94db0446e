import { randomBytes } from 'node:crypto';
import { addKeys, AREA_POPULATION, AREA_POPULATION_SOURCE, NATIONAL_POPULATION, protectTable, SHARE_AGED_TEN_OR_OVER } from '@mappa/shared';
import type { Caller, DisclosureControl, MappaArea, ProtectedTable, RawCell } from '@mappa/shared';
import type { OwnerClient } from './owner-client';
import { checkedColumns } from './owner-columns';
import type { RegisteredSexOffenderRate } from './annual-report-tables.type';
import type { StatisticsTable } from './statistics.type';

/*
 * Annual report tables 3-9 (C §7.3, issue 13). Each owner counts its part in grouped SQL (one statement
 * per table) under its own policy; table 5 needs the MAPPA unit's level 2 and 3 offenders beside the
 * police's and probation's returns to custody, so those three answer with pseudonyms for this report
 * alone (as parallel columns: owner-columns.ts) and the join and the count happen here, inside the product. Every table is protected by the
 * one disclosure control, as tables 1 and 2 are; a national table is protected as a table of its own,
 * from raw national counts (never a sum of rounded area cells, which would add the areas' rounding up).
 */

const EVENTS_QUERY = `query StatisticsAnnualReportEvents($area: MappaArea, $year: Int!, $querySecret: String!, $keySecret: String!) {
  mappaStatisticsAnnualReportEvents(area: $area, year: $year, querySecret: $querySecret, keySecret: $keySecret) { cells { table row column count key } level2Or3InYear { pseudonym recordKey category level } }
}`;
const POLICE_QUERY = `query StatisticsPoliceAnnualReport($area: MappaArea, $year: Int!, $querySecret: String!, $keySecret: String!) {
  policeStatisticsAnnualReport(area: $area, year: $year, querySecret: $querySecret, keySecret: $keySecret) { cells { table row count key } sentToCustodyForBreachOfOrder }
}`;
const PROBATION_QUERY = `query StatisticsProbationReturnsToCustody($area: MappaArea, $year: Int!, $querySecret: String!) {
  probationStatisticsReturnsToCustody(area: $area, year: $year, querySecret: $querySecret) { pseudonym reason }
}`;

interface OwnerCell {
  readonly table: string;
  readonly row: string;
  readonly column?: string;
  readonly count: number;
  readonly key: number;
}
interface MappaEvents {
  readonly cells: OwnerCell[];
  /** Table 2's people as parallel columns: entry i of each is one person. */
  readonly level2Or3InYear: {
    readonly pseudonym: readonly string[];
    readonly recordKey: readonly number[];
    readonly category: readonly number[];
    readonly level: readonly number[];
  };
}
interface PoliceAnnualReport {
  readonly cells: OwnerCell[];
  readonly sentToCustodyForBreachOfOrder: string[];
}

/** The fixed rows and columns of each table (a value outside them is in no cell). */
export const CATEGORIES = ['1', '2', '3'] as const;
export const LEVELS = ['1', '2', '3'] as const;
export const LEVELS_2_AND_3 = ['2', '3'] as const;
export const NOTIFICATION_BREACH_OUTCOMES = ['CAUTIONED', 'CONVICTED'] as const;
export const CIVIL_ORDER_TYPES = ['SOPO_OR_SHPO', 'NOTIFICATION_ORDER', 'FOREIGN_TRAVEL_ORDER'] as const;
export const RECALL_REASONS = [
  'BREACH_OF_LICENCE_CONDITIONS',
  'FURTHER_OFFENCE_CHARGED',
  'OUT_OF_TOUCH',
  'DETERIORATION_IN_BEHAVIOUR',
] as const;
export const SCR_DECISIONS = ['SCR_COMMISSIONED', 'SCR_NOT_REQUIRED', 'PENDING'] as const;
export const SFO_OUTCOMES = ['AWAITING_TRIAL', 'CONVICTED_SFO', 'OTHER_OUTCOME'] as const;

/** Annual report tables 3-9 as clients read them. */
export interface AnnualReportTables {
  readonly breachOfNotification: StatisticsTable;
  readonly civilOrdersImposed: StatisticsTable;
  readonly returnedToCustodyForBreachOfLicence: StatisticsTable;
  readonly returnedToCustodyForBreachOfLicenceByReason: StatisticsTable;
  readonly returnedToCustodyForBreachOfOrder: StatisticsTable;
  readonly seriousFurtherOffenceCharges: StatisticsTable;
  readonly seriousCaseReviews: StatisticsTable;
  readonly seriousFurtherOffenceOutcomes: StatisticsTable;
}

/** The owners' parts of tables 1-9: three requests (one per owner), asked together. Null when any owner answers nothing for this caller. */
export async function askAnnualReportTables(
  owners: OwnerClient,
  caller: Caller,
  requestId: string,
  area: MappaArea | null,
  year: number,
  keySecret: string,
) {
  // One secret for this report alone: the owners' pseudonyms join here and with nothing else, ever.
  const querySecret = randomBytes(32).toString('base64url');
  const [mappa, police, probation] = await Promise.all([
    owners.ask<MappaEvents>(
      'mappa',
      EVENTS_QUERY,
      { area, year, querySecret, keySecret },
      'mappaStatisticsAnnualReportEvents',
      caller,
      requestId,
    ),
    owners.ask<PoliceAnnualReport>(
      'police',
      POLICE_QUERY,
      { area, year, querySecret, keySecret },
      'policeStatisticsAnnualReport',
      caller,
      requestId,
    ),
    owners.ask<{ readonly pseudonym: readonly string[]; readonly reason: readonly string[] }>(
      'probation',
      PROBATION_QUERY,
      { area, year, querySecret },
      'probationStatisticsReturnsToCustody',
      caller,
      requestId,
    ),
  ]);
  if (mappa === null || police === null || probation === null) return null;
  checkedColumns('mappa', mappa.level2Or3InYear);
  return { mappa, police, probation: checkedColumns('probation', probation) };
}

type Builder = (
  rowDimension: string,
  rowValues: readonly string[],
  columnDimension: string,
  columns: readonly string[],
  table: ProtectedTable,
) => StatisticsTable;

/** Tables 3-9 from the owners' parts, each protected by `control`. */
export function annualReportTablesOf(
  parts: NonNullable<Awaited<ReturnType<typeof askAnnualReportTables>>>,
  control: DisclosureControl,
  tableOf: Builder,
): AnnualReportTables {
  const { mappa, police, probation } = parts;
  // A grid of raw cells from an owner's grouped cells of one table.
  const fromCells = (cells: readonly OwnerCell[], table: string, rows: readonly string[], columns: readonly string[]): RawCell[][] =>
    rows.map((row) =>
      columns.map(
        (column) =>
          cells.find((cell) => cell.table === table && cell.row === row && (cell.column ?? columns[0]) === column) ?? { count: 0, key: 0 },
      ),
    );
  // A grid counted here from table 2's people kept by `value` (the row value of a person, or undefined to leave them out).
  const fromCohort = (rows: readonly string[], value: (pseudonym: string, category: number) => string | undefined): RawCell[][] => {
    const grid = rows.map(() => LEVELS_2_AND_3.map(() => ({ count: 0, key: 0 })));
    const cohort = mappa.level2Or3InYear;
    for (const [person, pseudonym] of cohort.pseudonym.entries()) {
      const row = rows.indexOf(value(pseudonym, cohort.category[person]!) ?? '');
      const column = LEVELS_2_AND_3.indexOf(String(cohort.level[person]) as '2' | '3');
      if (row < 0 || column < 0) continue;
      const cell = grid[row]![column]!;
      cell.count += 1;
      cell.key = addKeys(cell.key, cohort.recordKey[person]!);
    }
    return grid;
  };
  const recalled = new Map(probation.pseudonym.map((pseudonym, index) => [pseudonym, probation.reason[index]!]));
  const breachedOrder = new Set(police.sentToCustodyForBreachOfOrder);
  const protect = (grid: RawCell[][]) => protectTable(grid, control);
  return {
    breachOfNotification: tableOf(
      'OUTCOME',
      NOTIFICATION_BREACH_OUTCOMES,
      'COUNT',
      ['REGISTERED_SEX_OFFENDERS'],
      protect(fromCells(police.cells, 'NOTIFICATION_BREACH', NOTIFICATION_BREACH_OUTCOMES, ['REGISTERED_SEX_OFFENDERS'])),
    ),
    civilOrdersImposed: tableOf(
      'ORDER_TYPE',
      CIVIL_ORDER_TYPES,
      'COUNT',
      ['ORDERS'],
      protect(fromCells(police.cells, 'CIVIL_ORDERS_IMPOSED', CIVIL_ORDER_TYPES, ['ORDERS'])),
    ),
    returnedToCustodyForBreachOfLicence: tableOf(
      'CATEGORY',
      CATEGORIES,
      'LEVEL',
      LEVELS_2_AND_3,
      protect(fromCohort(CATEGORIES, (pseudonym, category) => (recalled.has(pseudonym) ? String(category) : undefined))),
    ),
    returnedToCustodyForBreachOfLicenceByReason: tableOf(
      'RECALL_REASON',
      RECALL_REASONS,
      'LEVEL',
      LEVELS_2_AND_3,
      protect(fromCohort(RECALL_REASONS, (pseudonym) => recalled.get(pseudonym))),
    ),
    returnedToCustodyForBreachOfOrder: tableOf(
      'CATEGORY',
      CATEGORIES,
      'LEVEL',
      LEVELS_2_AND_3,
      protect(fromCohort(CATEGORIES, (pseudonym, category) => (breachedOrder.has(pseudonym) ? String(category) : undefined))),
    ),
    seriousFurtherOffenceCharges: tableOf(
      'CATEGORY',
      CATEGORIES,
      'LEVEL',
      LEVELS,
      protect(fromCells(mappa.cells, 'SFO_CHARGES', CATEGORIES, LEVELS)),
    ),
    seriousCaseReviews: tableOf(
      'REVIEW_DECISION',
      SCR_DECISIONS,
      'LEVEL',
      LEVELS,
      protect(fromCells(mappa.cells, 'SFO_SERIOUS_CASE_REVIEWS', SCR_DECISIONS, LEVELS)),
    ),
    seriousFurtherOffenceOutcomes: tableOf(
      'OUTCOME',
      SFO_OUTCOMES,
      'LEVEL',
      LEVELS,
      protect(fromCells(mappa.cells, 'SFO_OUTCOMES', SFO_OUTCOMES, LEVELS)),
    ),
  };
}

/**
 * Table 6: registered sex offenders (category 1 on 31 March, table 1's row total as published, so
 * rounded and withheld alike) per 100,000 residents aged ten or over of the area, or of England and
 * Wales. Working it out from the published count means the rate tells nothing table 1 does not.
 */
export function registeredSexOffenderRateOf(
  category1Total: { count: number | null; suppressed: boolean },
  area: MappaArea | null,
): RegisteredSexOffenderRate {
  const populationAgedTenOrOver = Math.round((area === null ? NATIONAL_POPULATION : AREA_POPULATION[area]) * SHARE_AGED_TEN_OR_OVER);
  const rate =
    category1Total.suppressed || category1Total.count === null
      ? null
      : Math.round((category1Total.count / populationAgedTenOrOver) * 100_000);
  return { rate, suppressed: rate === null, populationAgedTenOrOver, populationSource: AREA_POPULATION_SOURCE };
}
