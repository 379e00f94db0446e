import { NATIONAL_POPULATION, SHARE_AGED_TEN_OR_OVER } from '../domain/area-population';
import { addDays, addMonths } from './dates';

/**
 * The proportions the synthetic data reproduces, derived from one area's published MAPPA annual
 * report (seed 004: one area, the year 1 April 2013 to 31 March 2014; 1,883 MAPPA offenders on 31
 * March). Each constant names the report's table it comes from. The report itself is not in the
 * repository; only these derived figures are.
 */
export const ANNUAL_REPORT_SOURCE = {
  /** Table "MAPPA-eligible offenders on 31 March": categories 1-3 by level. */
  snapshot: { 1: { 1: 1228, 2: 35, 3: 5 }, 2: { 1: 563, 2: 17, 3: 1 }, 3: { 1: 0, 2: 32, 3: 2 } },
  /** Table "MAPPA-eligible offenders in Levels 2 and 3 by category (yearly total)". */
  levels2And3InYear: { 1: { 2: 71, 3: 7 }, 2: { 2: 105, 3: 12 }, 3: { 2: 113, 3: 5 } },
  /** "RSOs cautioned or convicted for breach of notification requirements". */
  notificationBreachesCautionedOrConvicted: 94,
  /** "Restrictive orders for Category 1 offenders: SOPOs, NOs & FTOs imposed by the courts". */
  ordersImposed: { SOPO: 96, NOTIFICATION_ORDER: 5, FOREIGN_TRAVEL_ORDER: 0 },
  /** "Level 2 and 3 offenders returned to custody: breach of licence", by category (levels 2 and 3 together). */
  returnedToCustodyForBreachOfLicence: { 1: 5, 2: 35, 3: 9 },
  /** "Level 2 and 3 offenders returned to custody: breach of SOPO" (category 1 only). */
  returnedToCustodyForBreachOfSopo: 2,
  /** "Total number of Registered Sexual Offenders per 100,000 population" (population aged ten or over). */
  registeredSexOffendersPer100k: 103,
} as const;

const SOURCE = ANNUAL_REPORT_SOURCE;
const registeredSexOffenders = SOURCE.snapshot[1][1] + SOURCE.snapshot[1][2] + SOURCE.snapshot[1][3];

/** Table 3 over the registered sex offenders on 31 March: the yearly share cautioned or convicted for breach of notification (7.4%). */
export const NOTIFICATION_BREACH_YEARLY_SHARE = SOURCE.notificationBreachesCautionedOrConvicted / registeredSexOffenders;

/** Table 4 over the registered sex offenders: SOPO/SHPO, notification orders and foreign travel orders imposed in a year. */
export const ORDER_YEARLY_SHARE = {
  SOPO: SOURCE.ordersImposed.SOPO / registeredSexOffenders,
  NOTIFICATION_ORDER: SOURCE.ordersImposed.NOTIFICATION_ORDER / registeredSexOffenders,
  // The report's area imposed none that year; the model keeps the order type alive at a tenth of the
  // notification order rate (an assumption, not a figure from the report) so that every type occurs.
  FOREIGN_TRAVEL_ORDER: SOURCE.ordersImposed.NOTIFICATION_ORDER / registeredSexOffenders / 10,
} as const;

/** Table 2 over table 1, per category: how many offenders pass through levels 2-3 in a year per one there on 31 March (x3.4 overall). */
export const LEVELS_2_AND_3_TURNOVER = {
  1: (SOURCE.levels2And3InYear[1][2] + SOURCE.levels2And3InYear[1][3]) / (SOURCE.snapshot[1][2] + SOURCE.snapshot[1][3]),
  2: (SOURCE.levels2And3InYear[2][2] + SOURCE.levels2And3InYear[2][3]) / (SOURCE.snapshot[2][2] + SOURCE.snapshot[2][3]),
  3: (SOURCE.levels2And3InYear[3][2] + SOURCE.levels2And3InYear[3][3]) / (SOURCE.snapshot[3][2] + SOURCE.snapshot[3][3]),
} as const;

/** Table 5 over table 2, per category: the share of the year's level 2-3 offenders returned to custody for breach of licence. */
export const RECALL_SHARE_OF_LEVELS_2_AND_3 = {
  1: SOURCE.returnedToCustodyForBreachOfLicence[1] / (SOURCE.levels2And3InYear[1][2] + SOURCE.levels2And3InYear[1][3]),
  2: SOURCE.returnedToCustodyForBreachOfLicence[2] / (SOURCE.levels2And3InYear[2][2] + SOURCE.levels2And3InYear[2][3]),
  3: SOURCE.returnedToCustodyForBreachOfLicence[3] / (SOURCE.levels2And3InYear[3][2] + SOURCE.levels2And3InYear[3][3]),
} as const;

/** Table 5 (breach of SOPO) over table 2 category 1: the share of the year's level 2-3 registered sex offenders sent to custody for breaching an order. */
export const SOPO_CUSTODY_SHARE_OF_LEVELS_2_AND_3 =
  SOURCE.returnedToCustodyForBreachOfSopo / (SOURCE.levels2And3InYear[1][2] + SOURCE.levels2And3InYear[1][3]);

/**
 * Serious further offences (MAPPA N; tables 7 and 9). Seed 004 publishes no SFO table, so these are
 * assumptions of the model, stated here and in docs/synthetic-data.md: the yearly share of MAPPA
 * offenders under probation supervision in the community charged with an SFO, and how charges end.
 */
export const SFO_CHARGE_YEARLY_SHARE = 0.004;
/** Of SFO charges decided, the share convicted of the SFO; the rest have another outcome (acquitted, dropped, a lesser offence). */
export const SFO_CONVICTED_SHARE = 0.6;
/** Months a charge typically waits for trial: charges younger than this at the dataset's day are mostly still awaiting trial. */
export const SFO_MONTHS_TO_TRIAL = 9;
/** Of SFO notifications, the share for which the SMB chair commissioned a serious case review (table 8). Assumption. */
export const SFO_SCR_SHARE = 0.1;

/**
 * Recalls of level 1 offenders on licence: not in the annual report (table 5 counts levels 2-3
 * only). An assumption of the model so that a recall does not itself reveal a level 2-3 case.
 */
export const LEVEL_1_RECALL_YEARLY_SHARE = 0.08;

/** Years of event history the generator writes before the dataset's day: enough for any reporting year that ended in them. */
export const EVENT_HISTORY_YEARS = 3;

/** One MAPPA reporting year: 1 April to 31 March, both inclusive. */
export interface ReportingYear {
  readonly from: string;
  readonly to: string;
}

/** The last reporting year (1 April - 31 March) that ended on or before `asOf`. */
export function lastReportingYear(asOf: string): ReportingYear {
  const year = Number(asOf.slice(0, 4));
  const to = `${asOf.slice(5) >= '03-31' ? year : year - 1}-03-31`;
  return { from: addDays(addMonths(to, -12), 1), to };
}

/**
 * The `years` yearly windows ending at `asOf`, newest first: window k runs from k years before the
 * day to k-1 years before it. Events drawn at a yearly rate per window give any one reporting year
 * inside the history the same expected count.
 */
export function yearlyWindows(asOf: string, years: number = EVENT_HISTORY_YEARS): readonly ReportingYear[] {
  return Array.from({ length: years }, (_, k) => ({ from: addDays(addMonths(asOf, -12 * (k + 1)), 1), to: addMonths(asOf, -12 * k) }));
}

/**
 * MAPPA offenders per resident aged ten or over in the report's area: its 1,883 offenders against the
 * population its per-100,000 rate implies (1,268 registered sex offenders at 103 per 100,000). A
 * dataset of `fullScaleOffenders()` people is England and Wales at the report's density; a smaller one
 * is a scale model, and its per-100,000 rates scale by `offenders / fullScaleOffenders()`.
 */
export const OFFENDERS_PER_RESIDENT_AGED_TEN_OR_OVER =
  (registeredSexOffenders +
    SOURCE.snapshot[2][1] +
    SOURCE.snapshot[2][2] +
    SOURCE.snapshot[2][3] +
    SOURCE.snapshot[3][2] +
    SOURCE.snapshot[3][3]) /
  ((registeredSexOffenders / SOURCE.registeredSexOffendersPer100k) * 100_000);

/** The dataset size at which every area has the report's density of MAPPA offenders (about 81,000). */
export function fullScaleOffenders(): number {
  return Math.round(OFFENDERS_PER_RESIDENT_AGED_TEN_OR_OVER * NATIONAL_POPULATION * SHARE_AGED_TEN_OR_OVER);
}
