import { randomBytes } from 'node:crypto';
import { addKeys, adHocControl, BadUserInputError, protectTable } from '@mappa/shared';
import type { Caller, DisclosureControl, MappaArea, ProtectedCell, ProtectedTable, RawCell } from '@mappa/shared';
import type { OwnerClient } from './owner-client';
import { DIMENSIONS, NOT_HELD, OWNER_QUERIES } from './statistics-dimensions';
import type { StatisticsDimension, StatisticsOwner } from './statistics-dimensions';
import type { AnnualReport, StatisticsFilterInput, StatisticsTable } from './statistics.type';
import { annualReportTablesOf, askAnnualReportTables, registeredSexOffenderRateOf } from './annual-report-tables';

/** How the statistics service protects what it publishes. */
export interface StatisticsSettings {
  readonly control: DisclosureControl;
  /** The fewest people an ad-hoc query's filters may leave; fewer and every count is withheld. */
  readonly minimumGroupSize: number;
  /** The product's record-key secret: the same people always round the same way, in every replica. */
  readonly keySecret: string;
}

/** The default minimum group size: at least 10 people after the filters. */
export const DEFAULT_MINIMUM_GROUP_SIZE = 10;

/** What the audit records of a statistics query: dimensions, filters (dimension and values, never a person) and the owners asked. */
export interface StatisticsAuditDetail {
  readonly query: 'ANNUAL_REPORT' | 'NATIONAL_ANNUAL_REPORT' | 'AD_HOC_AGGREGATE';
  readonly dimensions: string[];
  readonly filters: { readonly dimension: string; readonly values: string[] }[];
  readonly owners: StatisticsOwner[];
}

interface MappaCell {
  readonly table: string;
  readonly category: number;
  readonly level: number;
  readonly count: number;
  readonly key: number;
}

type Subject = Record<string, unknown> & { readonly pseudonym: string };

const ANNUAL_REPORT_QUERY = 'query StatisticsAnnualReport($area: MappaArea, $year: Int!, $keySecret: String!) { mappaStatisticsAnnualReport(area: $area, year: $year, keySecret: $keySecret) { table category level count key } }';

const subjectsQuery = (owner: StatisticsOwner) => {
  const { field, selection, withKeySecret } = OWNER_QUERIES[owner];
  return withKeySecret
    ? `query StatisticsSubjects($area: MappaArea!, $querySecret: String!, $keySecret: String!) { ${field}(area: $area, querySecret: $querySecret, keySecret: $keySecret) { ${selection} } }`
    : `query StatisticsSubjects($area: MappaArea!, $querySecret: String!) { ${field}(area: $area, querySecret: $querySecret) { ${selection} } }`;
};

const ZERO: RawCell = { count: 0, key: 0 };

/** A protected table in the shape clients read. */
function tableOf(rowDimension: string, rowValues: readonly string[], columnDimension: string, columns: readonly string[], table: ProtectedTable): StatisticsTable {
  const copy = (cell: ProtectedCell) => ({ count: cell.count, suppressed: cell.suppressed });
  return {
    rowDimension,
    columnDimension,
    columns: [...columns],
    rows: rowValues.map((value, index) => ({ value, cells: table.cells[index]!.map(copy), total: copy(table.rowTotals[index]!) })),
    columnTotals: table.columnTotals.map(copy),
    total: copy(table.total),
  };
}

/**
 * The statistics path (issue 13): each owner computes its part in SQL under its own policies; the
 * service joins, counts and protects. One request per owner per query, never one per person.
 */
export class StatisticsService {
  constructor(
    private readonly owners: OwnerClient,
    readonly settings: StatisticsSettings,
  ) {}

  /**
   * The annual report tables 1-9 for `area` (England and Wales when null: the national tables, each
   * protected as a table of its own from the raw national counts) and the year from 1 April `year`;
   * null when an owner answers nothing for this caller. One request per owner (two to the MAPPA unit).
   */
  async annualReport(caller: Caller, requestId: string, area: MappaArea | null, year: number, audit: (detail: StatisticsAuditDetail) => void): Promise<AnnualReport | null> {
    audit({ query: area === null ? 'NATIONAL_ANNUAL_REPORT' : 'ANNUAL_REPORT', dimensions: ['CATEGORY', 'LEVEL'], filters: [], owners: ['mappa', 'police', 'probation'] });
    const [cells, parts] = await Promise.all([
      this.owners.ask<MappaCell[]>('mappa', ANNUAL_REPORT_QUERY, { area, year, keySecret: this.settings.keySecret }, 'mappaStatisticsAnnualReport', caller, requestId),
      askAnnualReportTables(this.owners, caller, requestId, area, year, this.settings.keySecret),
    ]);
    if (cells === null || parts === null) return null;
    const grid = (table: string, levels: readonly number[]) =>
      [1, 2, 3].map((category) => levels.map((level) => cells.find((cell) => cell.table === table && cell.category === category && cell.level === level) ?? ZERO));
    const control = this.settings.control;
    const offendersOn31March = tableOf('CATEGORY', ['1', '2', '3'], 'LEVEL', ['1', '2', '3'], protectTable(grid('OFFENDERS_ON_31_MARCH', [1, 2, 3]), control));
    return {
      area,
      year,
      offendersOn31March,
      managedAtLevel2Or3InYear: tableOf('CATEGORY', ['1', '2', '3'], 'LEVEL', ['2', '3'], protectTable(grid('LEVEL_2_3_IN_YEAR', [2, 3]), control)),
      ...annualReportTablesOf(parts, control, tableOf),
      registeredSexOffendersPer100000: registeredSexOffenderRateOf(offendersOn31March.rows[0]!.total, area),
    };
  }

  /** An ad-hoc two-way table over the area's MAPPA offenders; null when an owner answers nothing for this caller. */
  async aggregate(
    caller: Caller,
    requestId: string,
    area: MappaArea,
    rows: StatisticsDimension,
    columns: StatisticsDimension,
    filters: readonly StatisticsFilterInput[],
    audit: (detail: StatisticsAuditDetail) => void,
  ): Promise<StatisticsTable | null> {
    if (rows === columns) throw new BadUserInputError('rows and columns are different dimensions', [{ path: 'columns', message: 'the same dimension as rows' }]);
    for (const [index, filter] of filters.entries()) {
      const unknown = filter.values.filter((value) => !DIMENSIONS[filter.dimension].values.includes(value));
      if (filter.values.length === 0 || unknown.length > 0) {
        throw new BadUserInputError('a filter keeps one or more of its dimension\'s values', [{ path: `filters.${index}.values`, message: `one or more of ${DIMENSIONS[filter.dimension].values.join(', ')}` }]);
      }
    }
    const used = [rows, columns, ...filters.map((filter) => filter.dimension)];
    const owners = [...new Set<StatisticsOwner>(['mappa', ...used.map((dimension) => DIMENSIONS[dimension].owner)])];
    audit({ query: 'AD_HOC_AGGREGATE', dimensions: [rows, columns], filters: filters.map((filter) => ({ dimension: filter.dimension, values: [...filter.values].sort() })), owners });

    // One secret for this query alone: the owners' pseudonyms join here and with nothing else, ever.
    const querySecret = randomBytes(32).toString('base64url');
    const answers = await Promise.all(
      owners.map((owner) =>
        this.owners.ask<Subject[]>(owner, subjectsQuery(owner), { area, querySecret, ...(OWNER_QUERIES[owner].withKeySecret ? { keySecret: this.settings.keySecret } : {}) }, OWNER_QUERIES[owner].field, caller, requestId),
      ),
    );
    if (answers.some((answer) => answer === null)) return null;
    const byOwner = new Map(owners.map((owner, index) => [owner, new Map(answers[index]!.map((subject) => [subject.pseudonym, subject]))]));
    const valueOf = (subject: Subject, dimension: StatisticsDimension): string => {
      const source = DIMENSIONS[dimension];
      const held = source.owner === 'mappa' ? subject : byOwner.get(source.owner)!.get(subject.pseudonym);
      return held ? String(held[source.field]) : NOT_HELD;
    };
    const rowValues = DIMENSIONS[rows].values;
    const columnValues = DIMENSIONS[columns].values;
    const counts = rowValues.map(() => columnValues.map(() => ({ count: 0, key: 0 })));
    let population = 0;
    for (const subject of answers[0]!) {
      if (!filters.every((filter) => filter.values.includes(valueOf(subject, filter.dimension)))) continue;
      const row = rowValues.indexOf(valueOf(subject, rows));
      const column = columnValues.indexOf(valueOf(subject, columns));
      // A value outside the fixed list (category 4 is never sent) is in no cell.
      if (row < 0 || column < 0) continue;
      population += 1;
      const cell = counts[row]![column]!;
      cell.count += 1;
      cell.key = addKeys(cell.key, Number(subject.recordKey));
    }
    const table = protectTable(counts, adHocControl(this.settings.control));
    // Minimum group size on every filter: too few people left and nothing is shown, not even the total.
    return tableOf(rows, rowValues, columns, columnValues, population < this.settings.minimumGroupSize ? withheld(table) : table);
  }
}

/** The table with every count withheld. */
function withheld(table: ProtectedTable): ProtectedTable {
  const none = { count: null, suppressed: true };
  return { cells: table.cells.map((row) => row.map(() => none)), rowTotals: table.rowTotals.map(() => none), columnTotals: table.columnTotals.map(() => none), total: none };
}
