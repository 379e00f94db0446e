import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { Access, MappaArea } from '@mappa/shared';
import { StatisticsDimension } from './statistics-dimensions';
import { statisticsPolicies } from './statistics.policies';
import { RegisteredSexOffenderRate } from './annual-report-tables.type';

// Every field of these types is read under both policies' callers; the published tables' policy is
// the wider one (lay advisers too), and the ad-hoc query field itself is the narrower policy.
const readable = statisticsPolicies.publishedTables;

@ObjectType({
  description:
    'A published count: a multiple of 5 (rounded by its cell key), or null with `suppressed` true when it is 1 to 4 or would let a withheld count be worked out (docs/statistics.md). Owner: the gateway statistics service.',
})
export class StatisticsCount {
  @Access(readable)
  @Field(() => Int, { nullable: true, description: 'The count, rounded to a multiple of 5; null when suppressed.' })
  count!: number | null;

  @Access(readable)
  @Field(() => Boolean, { description: 'Whether the count is withheld.' })
  suppressed!: boolean;
}

@ObjectType({ description: 'One row of a statistics table. Owner: the gateway statistics service.' })
export class StatisticsRow {
  @Access(readable)
  @Field(() => String, { description: "The row's value of the row dimension." })
  value!: string;

  @Access(readable)
  @Field(() => [StatisticsCount], { description: 'One count per column, in the order of `columns`.' })
  cells!: StatisticsCount[];

  @Access(readable)
  @Field(() => StatisticsCount, { description: 'The row total (rounded from the raw total, so not always the sum of the rounded cells).' })
  total!: StatisticsCount;
}

@ObjectType({ description: 'A two-way table of counts, protected as docs/statistics.md describes. Owner: the gateway statistics service.' })
export class StatisticsTable {
  @Access(readable)
  @Field(() => String, { description: 'What the rows are.' })
  rowDimension!: string;

  @Access(readable)
  @Field(() => String, { description: 'What the columns are.' })
  columnDimension!: string;

  @Access(readable)
  @Field(() => Boolean, {
    description:
      'Whether a person can be in several rows (the row dimension is one a person holds several values of, e.g. ORDER_TYPE): each row then counts the people holding its value, and each column total and the table total count every person once, so they are NOT the sum of the cells or row totals above them.',
  })
  rowsOverlap!: boolean;

  @Access(readable)
  @Field(() => Boolean, {
    description:
      'Whether a person can be in several columns (the column dimension is one a person holds several values of, e.g. LICENCE_CONDITION): each row total and the table total then count every person once, so they are NOT the sum of the cells or column totals beside them.',
  })
  columnsOverlap!: boolean;

  @Access(readable)
  @Field(() => [String], { description: 'The column values, in order.' })
  columns!: string[];

  @Access(readable)
  @Field(() => [StatisticsRow], { description: 'Every row, zeros included.' })
  rows!: StatisticsRow[];

  @Access(readable)
  @Field(() => [StatisticsCount], { description: "Each column's total." })
  columnTotals!: StatisticsCount[];

  @Access(readable)
  @Field(() => StatisticsCount, { description: 'The table total.' })
  total!: StatisticsCount;
}

@ObjectType({
  description:
    "The MAPPA annual report tables of an area, or of England and Wales, for a reporting year (1 April to 31 March, C §7.3). Owner: the gateway statistics service, from the MAPPA unit's, the police's and probation's counts.",
})
export class AnnualReport {
  @Access(readable)
  @Field(() => MappaArea, { nullable: true, description: 'The area; null for the national tables (England and Wales).' })
  area!: MappaArea | null;

  @Access(readable)
  @Field(() => Int, { description: 'The reporting year: from 1 April of this year to 31 March of the next.' })
  year!: number;

  @Access(readable)
  @Field(() => StatisticsTable, {
    description: 'Table 1: MAPPA offenders in the area on 31 March, by category (rows 1-3) and level (columns 1-3).',
  })
  offendersOn31March!: StatisticsTable;

  @Access(readable)
  @Field(() => StatisticsTable, {
    description:
      'Table 2: people managed at level 2 or 3 at any time in the year, by category (their last in the year) and the highest level (2 or 3).',
  })
  managedAtLevel2Or3InYear!: StatisticsTable;

  @Access(readable)
  @Field(() => StatisticsTable, {
    description:
      'Table 3: registered sex offenders cautioned or convicted for breach of their notification requirements in the year, each once, by the outcome of their latest such breach (rows CAUTIONED, CONVICTED). Police.',
  })
  breachOfNotification!: StatisticsTable;

  @Access(readable)
  @Field(() => StatisticsTable, {
    description:
      'Table 4: civil orders imposed by the courts in the year, counted as orders (rows SOPO_OR_SHPO, NOTIFICATION_ORDER, FOREIGN_TRAVEL_ORDER). Police.',
  })
  civilOrdersImposed!: StatisticsTable;

  @Access(readable)
  @Field(() => StatisticsTable, {
    description:
      'Table 5: people managed at level 2 or 3 in the year (table 2) returned to custody for breach of licence (recalled) in the year, by category and highest level. MAPPA unit and probation.',
  })
  returnedToCustodyForBreachOfLicence!: StatisticsTable;

  @Access(readable)
  @Field(() => StatisticsTable, {
    description:
      'Table 5 by reason: the same people by the reason of their latest recall in the year and highest level. MAPPA unit and probation.',
  })
  returnedToCustodyForBreachOfLicenceByReason!: StatisticsTable;

  @Access(readable)
  @Field(() => StatisticsTable, {
    description:
      'Table 5: people managed at level 2 or 3 in the year sent to custody for breach of a civil order (SHPO, SOPO, sexual risk, notification or foreign travel order) in the year, by category and highest level. MAPPA unit and police.',
  })
  returnedToCustodyForBreachOfOrder!: StatisticsTable;

  @Access(readable)
  @Field(() => RegisteredSexOffenderRate, {
    description: 'Table 6: registered sex offenders on 31 March per 100,000 residents aged ten or over.',
  })
  registeredSexOffendersPer100000!: RegisteredSexOffenderRate;

  @Access(readable)
  @Field(() => StatisticsTable, {
    description:
      'Table 7: serious further offence charges in the year notified on MAPPA N, by category and level at the charge. MAPPA unit.',
  })
  seriousFurtherOffenceCharges!: StatisticsTable;

  @Access(readable)
  @Field(() => StatisticsTable, {
    description:
      "Table 8: the SMB chair's serious case review decision on those charges (rows SCR_COMMISSIONED, SCR_NOT_REQUIRED, PENDING), by level at the charge. MAPPA unit.",
  })
  seriousCaseReviews!: StatisticsTable;

  @Access(readable)
  @Field(() => StatisticsTable, {
    description:
      'Table 9: the outcome of those charges as recorded now (rows AWAITING_TRIAL, CONVICTED_SFO, OTHER_OUTCOME), by level at the charge. MAPPA unit.',
  })
  seriousFurtherOffenceOutcomes!: StatisticsTable;
}

@InputType({ description: 'Keep only people whose value of `dimension` is one of `values`.' })
export class StatisticsFilterInput {
  @Field(() => StatisticsDimension, { description: 'The dimension.' })
  dimension!: StatisticsDimension;

  @Field(() => [String], { description: "The values kept (from the dimension's fixed list)." })
  values!: string[];
}
