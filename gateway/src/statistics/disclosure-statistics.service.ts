import { protectTable, RECIPIENT_KINDS } from '@mappa/shared';
import type { Caller, MappaArea, ProtectedCell, ProtectedTable, RawCell } from '@mappa/shared';
import type { OwnerClient } from './owner-client';
import type { StatisticsAuditDetail, StatisticsSettings } from './statistics.service';
import { kpiPeriod } from './kpi.service';
import type { DisclosureStatistics } from './disclosure-statistics.type';

/** One raw cell as the MAPPA unit answers it. */
interface DisclosureCell {
  readonly measure: string;
  readonly recipientKind: string;
  readonly level: number;
  readonly count: number;
  readonly key: number;
}

const LEVELS = [2, 3] as const;
const DECISION_MEASURES = [
  ['proposed', 'PROPOSED'],
  ['made', 'MADE'],
  ['notMade', 'NOT_MADE'],
  ['withdrawn', 'WITHDRAWN'],
] as const;
type Measure = (typeof DECISION_MEASURES)[number][0];

const FIELD = 'mappaStatisticsDisclosure';
const QUERY = `query StatisticsDisclosure($area: MappaArea!, $from: LocalDate!, $to: LocalDate!, $keySecret: String!) { ${FIELD}(area: $area, from: $from, to: $to, keySecret: $keySecret) { measure recipientKind level count key } }`;
const ZERO: RawCell = { count: 0, key: 0 };

/**
 * The disclosure statistics of `area` for the reporting year from 1 April `year` or one of its quarters
 * (issue 11's counts, moved behind the statistics path, issue 13). The period is fixed, never the
 * caller's: with free dates, two periods a day apart could differ by one decision. The MAPPA unit counts
 * in SQL (one request); each measure is protected here as one recipient kind × level table (meetings:
 * considered or not × level), so its totals by kind, by level and overall cannot undo a withheld cell,
 * and every count is rounded to a multiple of 5 by its cell key, as every statistic is.
 */
export async function disclosureStatisticsOf(
  owners: OwnerClient,
  settings: StatisticsSettings,
  caller: Caller,
  requestId: string,
  area: MappaArea,
  year: number,
  quarter: number | null,
  audit: (detail: StatisticsAuditDetail) => void,
): Promise<DisclosureStatistics | null> {
  audit({ query: 'DISCLOSURE_STATISTICS', dimensions: ['RECIPIENT_KIND', 'LEVEL'], filters: [], owners: ['mappa'] });
  const { from, to } = kpiPeriod(year, quarter);
  const cells = await owners.ask<DisclosureCell[]>(
    'mappa',
    QUERY,
    { area, from, to, keySecret: settings.keySecret },
    FIELD,
    caller,
    requestId,
  );
  if (cells === null) return null;
  const cellOf = (measure: string, recipientKind: string, level: number): RawCell =>
    cells.find((cell) => cell.measure === measure && cell.recipientKind === recipientKind && cell.level === level) ?? ZERO;
  const decisions = Object.fromEntries(
    DECISION_MEASURES.map(([name, measure]) => [
      name,
      protectTable(
        RECIPIENT_KINDS.map((kind) => LEVELS.map((level) => cellOf(measure, kind, level))),
        settings.control,
      ),
    ]),
  ) as Record<Measure, ProtectedTable>;
  // Meetings: considered or not (rows) by level (columns); the column totals are the meetings held at each level.
  const meetings = protectTable(
    ['CONSIDERED', 'NOT_CONSIDERED'].map((measure) => LEVELS.map((level) => cellOf(measure, '', level))),
    settings.control,
  );
  const copy = (shown: ProtectedCell) => ({ count: shown.count, suppressed: shown.suppressed });
  const measuresOf = (pick: (table: ProtectedTable) => ProtectedCell) =>
    Object.fromEntries(DECISION_MEASURES.map(([name]) => [name, copy(pick(decisions[name]))])) as Record<Measure, ReturnType<typeof copy>>;
  return {
    area,
    year,
    quarter,
    meetingsHeld: copy(meetings.total),
    meetingsConsidered: copy(meetings.rowTotals[0]!),
    ...measuresOf((table) => table.total),
    byRecipientKind: RECIPIENT_KINDS.map((recipientKind, index) => ({ recipientKind, ...measuresOf((table) => table.rowTotals[index]!) })),
    byLevel: LEVELS.map((level, index) => ({
      level,
      meetingsHeld: copy(meetings.columnTotals[index]!),
      meetingsConsidered: copy(meetings.cells[0]![index]!),
      ...measuresOf((table) => table.columnTotals[index]!),
    })),
  };
}
