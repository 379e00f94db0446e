import { randomBytes } from 'node:crypto';
import {
  addKeys,
  adHocControl,
  BadUserInputError,
  UpstreamUnavailableError,
  parseInput,
  protectTable,
  RECORD_KEY_RANGE,
  releaseWithinDaysSchema,
  statisticsPeriodSchema,
} from '@mappa/shared';
import type { Caller, DisclosureControl, MappaArea, ProtectedCell, ProtectedTable, RawCell } from '@mappa/shared';
import type { AskedOwner, OwnerClient } from './owner-client';
import { checkedColumns } from './owner-columns';
import type { OwnerColumns } from './owner-columns';
import { DIMENSIONS, NOT_HELD, OWNER_QUERIES, StatisticsDimension } from './statistics-dimensions';
import type { StatisticsOwner } from './statistics-dimensions';
import { EVENT_MEASURES, StatisticsMeasure } from './statistics-measures';
import type { StatisticsPeriodInput } from './statistics-measures';
import type { AnnualReport, StatisticsFilterInput, StatisticsTable } from './statistics.type';
import { mappaKpisOf } from './kpi.service';
import { disclosureStatisticsOf } from './disclosure-statistics.service';
import type { DisclosureStatistics } from './disclosure-statistics.type';
import type { MappaKpis } from './kpi.type';
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
  readonly query: 'ANNUAL_REPORT' | 'NATIONAL_ANNUAL_REPORT' | 'AD_HOC_AGGREGATE' | 'KPIS' | 'DISCLOSURE_STATISTICS';
  readonly dimensions: string[];
  readonly filters: { readonly dimension: string; readonly values: string[] }[];
  readonly owners: AskedOwner[];
  /** What the ad-hoc table counted (PEOPLE or an event measure), and the period of its events. */
  readonly measure?: StatisticsMeasure;
  readonly period?: { readonly from: string; readonly to: string };
}

/** What an ad-hoc table counts beyond its dimensions: the measure, its period, and the days "release within" looks ahead. */
export interface AggregateOptions {
  readonly measure: StatisticsMeasure;
  readonly period: StatisticsPeriodInput | null;
  readonly releaseWithinDays: number | null;
}

/** The owner's statistics query for one ad-hoc table: only the arguments it takes and the fields this table needs. */
const subjectsQuery = (owner: StatisticsOwner, fields: readonly string[]) => {
  const { field, selection, arguments: taken } = OWNER_QUERIES[owner];
  const parameters = [
    ['area', 'MappaArea!'],
    ['querySecret', 'String!'],
    ...(taken.includes('keySecret') ? [['keySecret', 'String!']] : []),
    ...(taken.includes('period')
      ? [
          ['from', 'String'],
          ['to', 'String'],
        ]
      : []),
    ...(taken.includes('releaseWithinDays') ? [['releaseWithinDays', 'Int']] : []),
  ];
  const definitions = parameters.map(([name, type]) => `$${name}: ${type}`).join(', ');
  const passed = parameters.map(([name]) => `${name}: $${name}`).join(', ');
  return `query StatisticsSubjects(${definitions}) { ${field}(${passed}) { ${[selection, ...fields].join(' ')} } }`;
};

const ZERO: RawCell = { count: 0, key: 0 };

/** Whether a person can be in several rows, or in several columns, of a table (a multiple-response dimension): then the totals the other way count people once. */
export interface TableOverlap {
  readonly rows: boolean;
  readonly columns: boolean;
}

const NO_OVERLAP: TableOverlap = { rows: false, columns: false };

/** A protected table in the shape clients read. */
function tableOf(
  rowDimension: string,
  rowValues: readonly string[],
  columnDimension: string,
  columns: readonly string[],
  table: ProtectedTable,
  overlap: TableOverlap = NO_OVERLAP,
): StatisticsTable {
  const copy = (cell: ProtectedCell) => ({ count: cell.count, suppressed: cell.suppressed });
  return {
    rowDimension,
    columnDimension,
    rowsOverlap: overlap.rows,
    columnsOverlap: overlap.columns,
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
   * null when an owner answers nothing for this caller. One request per owner.
   */
  async annualReport(
    caller: Caller,
    requestId: string,
    area: MappaArea | null,
    year: number,
    audit: (detail: StatisticsAuditDetail) => void,
  ): Promise<AnnualReport | null> {
    audit({
      query: area === null ? 'NATIONAL_ANNUAL_REPORT' : 'ANNUAL_REPORT',
      dimensions: ['CATEGORY', 'LEVEL'],
      filters: [],
      owners: ['mappa', 'police', 'probation'],
    });
    const parts = await askAnnualReportTables(this.owners, caller, requestId, area, year, this.settings.keySecret);
    if (parts === null) return null;
    const cells = parts.mappa.cells;
    const grid = (table: string, levels: readonly number[]) =>
      [1, 2, 3].map((category) =>
        levels.map(
          (level) => cells.find((cell) => cell.table === table && cell.row === String(category) && cell.column === String(level)) ?? ZERO,
        ),
      );
    const control = this.settings.control;
    const offendersOn31March = tableOf(
      'CATEGORY',
      ['1', '2', '3'],
      'LEVEL',
      ['1', '2', '3'],
      protectTable(grid('OFFENDERS_ON_31_MARCH', [1, 2, 3]), control),
    );
    return {
      area,
      year,
      offendersOn31March,
      managedAtLevel2Or3InYear: tableOf(
        'CATEGORY',
        ['1', '2', '3'],
        'LEVEL',
        ['2', '3'],
        protectTable(grid('LEVEL_2_3_IN_YEAR', [2, 3]), control),
      ),
      ...annualReportTablesOf(parts, control, tableOf),
      registeredSexOffendersPer100000: registeredSexOffenderRateOf(offendersOn31March.rows[0]!.total, area),
    };
  }

  /** The MAPPA KPIs for `area` and the reporting year from 1 April `year` or one of its quarters (kpi.service.ts); null when the MAPPA unit answers nothing for this caller. */
  kpis(
    caller: Caller,
    requestId: string,
    area: MappaArea,
    year: number,
    quarter: number | null,
    audit: (detail: StatisticsAuditDetail) => void,
  ): Promise<MappaKpis | null> {
    return mappaKpisOf(this.owners, this.settings, caller, requestId, area, year, quarter, audit);
  }

  /** The MAPPA unit's disclosure statistics for `area` and a reporting year or quarter (disclosure-statistics.service.ts); null when it answers nothing for this caller. */
  disclosure(
    caller: Caller,
    requestId: string,
    area: MappaArea,
    year: number,
    quarter: number | null,
    audit: (detail: StatisticsAuditDetail) => void,
  ): Promise<DisclosureStatistics | null> {
    return disclosureStatisticsOf(this.owners, this.settings, caller, requestId, area, year, quarter, audit);
  }

  /** An ad-hoc two-way table over the area's MAPPA offenders, counting people or events; null when an owner answers nothing for this caller. */
  async aggregate(
    caller: Caller,
    requestId: string,
    area: MappaArea,
    rows: StatisticsDimension,
    columns: StatisticsDimension,
    filters: readonly StatisticsFilterInput[],
    options: AggregateOptions,
    audit: (detail: StatisticsAuditDetail) => void,
  ): Promise<StatisticsTable | null> {
    const { measure, period, releaseWithinDays } = validated(rows, columns, filters, options);
    const used = [rows, columns, ...filters.map((filter) => filter.dimension)];
    const event = measure === StatisticsMeasure.PEOPLE ? null : EVENT_MEASURES[measure];
    const owners = [
      ...new Set<StatisticsOwner>(['mappa', ...used.map((dimension) => DIMENSIONS[dimension].owner), ...(event ? [event.owner] : [])]),
    ];
    audit({
      query: 'AD_HOC_AGGREGATE',
      dimensions: [rows, columns],
      filters: filters.map((filter) => ({ dimension: filter.dimension, values: [...filter.values].sort() })),
      owners,
      measure,
      ...(period ? { period } : {}),
    });
    const rowValues = DIMENSIONS[rows].values;
    const columnValues = DIMENSIONS[columns].values;
    const tally = new Tally(rowValues.length, columnValues.length);
    if (event === null && owners.length === 1) {
      // Every dimension and filter is the MAPPA unit's and the table counts people: the unit counts its
      // groups itself (one grouped statement, at most 27 groups), and no row per person crosses GraphQL.
      const groups = await this.owners.ask<MappaGroups>(
        'mappa',
        MAPPA_GROUPS_QUERY,
        { area, keySecret: this.settings.keySecret },
        'mappaStatisticsGroups',
        caller,
        requestId,
      );
      if (groups === null) return null;
      const answer = checkedGroups(groups);
      for (let group = 0; group < answer.people.length; group += 1) {
        const valueOf = (dimension: StatisticsDimension) =>
          String((answer[DIMENSIONS[dimension].field as 'category' | 'level' | 'leadAgency'] as readonly unknown[])[group]);
        if (!filters.every((filter) => filter.values.includes(valueOf(filter.dimension)))) continue;
        const row = rowValues.indexOf(valueOf(rows));
        const column = columnValues.indexOf(valueOf(columns));
        // A value outside the fixed lists (category 4 is never sent) is in no row or column, as for a person.
        if (row < 0 || column < 0) continue;
        tally.add([row], [column], answer.people[group]!, answer.recordKey[group]!, answer.people[group]!);
      }
      return this.published(rows, columns, tally);
    }
    // One secret for this query alone: the owners' pseudonyms join here and with nothing else, ever.
    const querySecret = randomBytes(32).toString('base64url');
    // Each owner is sent only what its part needs: the period goes to the measure's owner alone, the
    // days ahead to the prison only when "release within" is asked, and only the fields this table uses are selected.
    const answers = await Promise.all(
      owners.map((owner) => {
        const taken = OWNER_QUERIES[owner].arguments;
        const fields = [
          ...new Set([
            ...used
              .filter((dimension) => DIMENSIONS[dimension].owner === owner && owner !== 'mappa')
              .map((dimension) => DIMENSIONS[dimension].field),
            ...(event?.owner === owner ? [event.field] : []),
          ]),
        ];
        const variables = {
          area,
          querySecret,
          ...(taken.includes('keySecret') ? { keySecret: this.settings.keySecret } : {}),
          ...(taken.includes('period')
            ? { from: event?.owner === owner ? period!.from : null, to: event?.owner === owner ? period!.to : null }
            : {}),
          ...(taken.includes('releaseWithinDays')
            ? { releaseWithinDays: used.includes(StatisticsDimension.RELEASE_WITHIN_DAYS) ? releaseWithinDays : null }
            : {}),
        };
        return this.owners.ask<OwnerColumns>(owner, subjectsQuery(owner, fields), variables, OWNER_QUERIES[owner].field, caller, requestId);
      }),
    );
    if (answers.some((answer) => answer === null)) return null;
    // Each owner answers parallel columns (owner-columns.ts). The MAPPA unit's people (`owners[0]`) are
    // the population; another owner's entry for a person is found by pseudonym, once per owner.
    const answered = new Map(owners.map((owner, index) => [owner, checkedColumns(owner, answers[index]!)]));
    const mappa = answered.get('mappa')!;
    const people = mappa.pseudonym.length;
    // Where each owner's columns hold each MAPPA person (-1: the owner holds no record of them), found by
    // pseudonym once per owner and person, not once per dimension asked (issue 13: 150,000 people an
    // owner at 1,000,000 offenders, where the per-dimension look-ups and their arrays were most of the join).
    const positions = new Map(
      owners.map((owner) => {
        const where = new Int32Array(people);
        if (owner === 'mappa') where.forEach((_, person) => (where[person] = person));
        else {
          const index = new Map(answered.get(owner)!.pseudonym.map((pseudonym, position) => [pseudonym, position]));
          for (let person = 0; person < people; person += 1) where[person] = index.get(mappa.pseudonym[person]!) ?? -1;
        }
        return [owner, where] as const;
      }),
    );
    /** Where `owner`'s columns hold the MAPPA unit's person `person`; -1 when the owner holds no record of them. */
    const positionIn = (person: number, owner: StatisticsOwner): number => positions.get(owner)![person]!;
    const valueAt = (owner: StatisticsOwner, field: string, position: number): unknown =>
      (answered.get(owner)![field] as readonly unknown[] | null | undefined)?.[position];
    /** Whether one of a person's values of a dimension (one, or several for a multi-valued one; NOT_HELD when its owner holds no record of them) is in `kept`. */
    const holds = (person: number, dimension: StatisticsDimension, kept: readonly string[]): boolean => {
      const source = DIMENSIONS[dimension];
      const position = positionIn(person, source.owner);
      if (position < 0) return kept.includes(NOT_HELD);
      const value = valueAt(source.owner, source.field, position);
      return Array.isArray(value) ? value.some((one) => kept.includes(String(one))) : kept.includes(String(value));
    };
    // One list per value, made once: a person with one value of a dimension (every single-valued one)
    // is placed without an allocation (issue 13: some 150,000 people an area at 1,000,000 offenders).
    const rowPlaces = rowValues.map((_, place) => [place]);
    const columnPlaces = columnValues.map((_, place) => [place]);
    const nowhere: readonly number[] = [];
    /**
     * Where a person is along a dimension: the position of their value in `values` (one, or one per
     * value they hold of a multi-valued dimension, each once; NOT_HELD when its owner holds no record of
     * them). A value outside the fixed list (category 4 is never sent) is in no row or column.
     */
    const placesOf = (person: number, dimension: StatisticsDimension, values: readonly string[], single: readonly number[][]) => {
      const source = DIMENSIONS[dimension];
      const position = positionIn(person, source.owner);
      const value = position < 0 ? NOT_HELD : valueAt(source.owner, source.field, position);
      if (!Array.isArray(value)) {
        const place = values.indexOf(String(value));
        return place < 0 ? nowhere : single[place]!;
      }
      const places: number[] = [];
      for (const one of value) {
        const place = values.indexOf(String(one));
        if (place >= 0 && !places.includes(place)) places.push(place);
      }
      return places;
    };
    for (let person = 0; person < people; person += 1) {
      if (!filters.every((filter) => holds(person, filter.dimension, filter.values))) continue;
      const inRows = placesOf(person, rows, rowValues, rowPlaces);
      const inColumns = placesOf(person, columns, columnValues, columnPlaces);
      if (inRows.length === 0 || inColumns.length === 0) continue;
      // People count once; an event measure counts the person's events in the period (none when its owner holds no record of them).
      const eventPosition = event ? positionIn(person, event.owner) : -1;
      const weight = event ? (eventPosition < 0 ? 0 : Number(valueAt(event.owner, event.field, eventPosition) ?? 0)) : 1;
      if (weight === 0) continue;
      // Each event adds its person's record key: the key still depends only on who is counted, and how often.
      const key = (Number(valueAt('mappa', 'recordKey', person)) * weight) % RECORD_KEY_RANGE;
      tally.add(inRows, inColumns, weight, key, 1);
    }
    return this.published(rows, columns, tally);
  }

  /** The tallied table protected for an ad-hoc answer: cell keys, suppression, rounding, and the minimum group size on every filter. */
  private published(rows: StatisticsDimension, columns: StatisticsDimension, tally: Tally): StatisticsTable {
    const { counts, rowTotals, columnTotals, total, population } = tally;
    const table = protectTable(counts, adHocControl(this.settings.control), { rowTotals, columnTotals, total });
    const overlap = { rows: DIMENSIONS[rows].multiValued === true, columns: DIMENSIONS[columns].multiValued === true };
    // Minimum group size on every filter: too few people counted and nothing is shown, not even the total.
    const shown = population < this.settings.minimumGroupSize ? withheld(table) : table;
    return tableOf(rows, DIMENSIONS[rows].values, columns, DIMENSIONS[columns].values, shown, overlap);
  }
}

/**
 * An ad-hoc table's raw counts as they are added up: its cells and, apart, its totals. The totals are
 * counted here, each person once in each, not summed from the cells: with a multi-valued dimension a
 * person is in a cell per value they hold, and a total counts them once. A total's key is then the sum
 * of its own people's keys, as for any cell, so the same people give the same total whether asked as a
 * row of this table or as the filter of another (and whether the MAPPA unit grouped them or not).
 */
class Tally {
  readonly counts: Counter[][];
  readonly rowTotals: Counter[];
  readonly columnTotals: Counter[];
  readonly total: Counter = { count: 0, key: 0 };
  /** The people counted (with at least one event, for an event measure): the minimum group size is of people. */
  population = 0;

  constructor(rows: number, columns: number) {
    this.counts = Array.from({ length: rows }, () => Array.from({ length: columns }, () => ({ count: 0, key: 0 })));
    this.rowTotals = Array.from({ length: rows }, () => ({ count: 0, key: 0 }));
    this.columnTotals = Array.from({ length: columns }, () => ({ count: 0, key: 0 }));
  }

  /**
   * Adds `people` people (one person, or one of the MAPPA unit's groups) in the rows `inRows` and
   * columns `inColumns`, counting `weight` (people, or events) with the cell key `key` (their record
   * keys' sum, each key once per event) in each of those cells and, once, in each total.
   */
  add(inRows: readonly number[], inColumns: readonly number[], weight: number, key: number, people: number): void {
    this.population += people;
    for (const row of inRows) {
      for (const column of inColumns) addTo(this.counts[row]![column]!, weight, key);
      addTo(this.rowTotals[row]!, weight, key);
    }
    for (const column of inColumns) addTo(this.columnTotals[column]!, weight, key);
    addTo(this.total, weight, key);
  }
}

/** A raw cell being added up. */
interface Counter {
  count: number;
  key: number;
}

function addTo(cell: Counter, weight: number, key: number): void {
  cell.count += weight;
  cell.key = addKeys(cell.key, key);
}

/** The MAPPA unit's groups (category, level, lead agency), as parallel columns. */
interface MappaGroups {
  readonly category: readonly number[];
  readonly level: readonly number[];
  readonly leadAgency: readonly string[];
  readonly people: readonly number[];
  readonly recordKey: readonly number[];
}

const MAPPA_GROUPS_QUERY = /* GraphQL */ `
  query StatisticsGroups($area: MappaArea!, $keySecret: String!) {
    mappaStatisticsGroups(area: $area, keySecret: $keySecret) {
      category
      level
      leadAgency
      people
      recordKey
    }
  }
`;

/** The unit's groups, checked: every column as long as the others, else the unit is failing (UPSTREAM_UNAVAILABLE), never a table. */
function checkedGroups(answer: MappaGroups): MappaGroups {
  const groups = Array.isArray(answer.people) ? answer.people.length : -1;
  const columns = [answer.category, answer.level, answer.leadAgency, answer.recordKey];
  if (groups < 0 || columns.some((column) => !Array.isArray(column) || column.length !== groups))
    throw new UpstreamUnavailableError('mappa');
  return answer;
}

/**
 * The table's question checked before any owner is asked (BAD_USER_INPUT): two different dimensions, at
 * most one of them multi-valued, filter values from the fixed lists, a period for an event measure (and
 * only then), and the days ahead when "release within" is used.
 */
function validated(
  rows: StatisticsDimension,
  columns: StatisticsDimension,
  filters: readonly StatisticsFilterInput[],
  options: AggregateOptions,
): AggregateOptions {
  if (rows === columns)
    throw new BadUserInputError('rows and columns are different dimensions', [{ path: 'columns', message: 'the same dimension as rows' }]);
  // Two multi-valued dimensions would put a person in every cell of the values they hold of each (up
  // to one per pair), with no additive line left in the table: each extra cell is one more rounded
  // look at the same person for a differencing pair, and neither way's totals would bound the cells.
  // One per table keeps every row (or column) of the other way additive, as docs/statistics.md argues.
  if (DIMENSIONS[rows].multiValued && DIMENSIONS[columns].multiValued)
    throw new BadUserInputError('a table has at most one dimension a person can hold several values of', [
      { path: 'columns', message: `${rows} and ${columns} are both multi-valued: use one as rows or columns and the other as a filter` },
    ]);
  for (const [index, filter] of filters.entries()) {
    const unknown = filter.values.filter((value) => !DIMENSIONS[filter.dimension].values.includes(value));
    if (filter.values.length === 0 || unknown.length > 0) {
      throw new BadUserInputError("a filter keeps one or more of its dimension's values", [
        { path: `filters.${index}.values`, message: `one or more of ${DIMENSIONS[filter.dimension].values.join(', ')}` },
      ]);
    }
  }
  const isEvent = options.measure !== StatisticsMeasure.PEOPLE;
  if (isEvent !== (options.period !== null)) {
    throw new BadUserInputError('an event measure takes a period, and only an event measure does', [
      {
        path: 'period',
        message: isEvent ? `${options.measure} counts events in a period` : 'PEOPLE counts people today, without a period',
      },
    ]);
  }
  const period =
    options.period === null ? null : parseInput(statisticsPeriodSchema, { from: options.period.from, to: options.period.to }, 'period');
  const usesRelease = [rows, columns, ...filters.map((filter) => filter.dimension)].includes(StatisticsDimension.RELEASE_WITHIN_DAYS);
  if (usesRelease !== (options.releaseWithinDays !== null)) {
    throw new BadUserInputError('releaseWithinDays goes with the RELEASE_WITHIN_DAYS dimension, and only with it', [
      { path: 'releaseWithinDays', message: usesRelease ? 'how many days ahead, 1-3650' : 'RELEASE_WITHIN_DAYS is not used' },
    ]);
  }
  const releaseWithinDays =
    options.releaseWithinDays === null ? null : parseInput(releaseWithinDaysSchema, options.releaseWithinDays, 'releaseWithinDays');
  return {
    measure: options.measure,
    period: period && period.from !== null && period.to !== null ? { from: period.from, to: period.to } : null,
    releaseWithinDays,
  };
}

/** The table with every count withheld. */
function withheld(table: ProtectedTable): ProtectedTable {
  const none = { count: null, suppressed: true };
  return {
    cells: table.cells.map((row) => row.map(() => none)),
    rowTotals: table.rowTotals.map(() => none),
    columnTotals: table.columnTotals.map(() => none),
    total: none,
  };
}
