import { protectTable } from '@mappa/shared';
import type { Caller, MappaArea, ProtectedCell, RawCell } from '@mappa/shared';
import type { OwnerClient } from './owner-client';
import type { StatisticsAuditDetail, StatisticsSettings } from './statistics.service';
import type { Kpi, KpiFigure, MappaKpis } from './kpi.type';

/** One raw KPI cell as the MAPPA unit answers it. */
interface KpiCell {
  readonly kpi: string;
  readonly group: string;
  readonly met: number;
  readonly metKey: number;
  readonly notMet: number;
  readonly notMetKey: number;
}

/** The KPIs published, in the guidance's order, with their targets (31.21) and whether they have groups. */
export const KPIS: readonly { readonly kpi: string; readonly target: number; readonly groups: readonly string[] }[] = [
  { kpi: 'LEVEL_3_REVIEWED_WITHIN_8_WEEKS', target: 90, groups: [] },
  { kpi: 'LEVEL_2_REVIEWED_WITHIN_16_WEEKS', target: 90, groups: [] },
  { kpi: 'DISCLOSURE_CONSIDERED_AND_MINUTED', target: 100, groups: [] },
  { kpi: 'UNDER_18_YOT_AND_CHILDRENS_SERVICES_ATTENDED', target: 100, groups: [] },
  { kpi: 'SMB_MEMBER_ATTENDED', target: 75, groups: [] },
  {
    kpi: 'DTC_AGENCY_ATTENDED',
    target: 90,
    groups: [
      'yot',
      'children_social_care',
      'adult_social_care',
      'health',
      'housing',
      'education',
      'jobcentre_plus',
      'home_office',
      'electronic_monitoring',
    ],
  },
  {
    kpi: 'INVITED_AGENCY_ATTENDED',
    target: 90,
    groups: [
      'police',
      'probation',
      'prison',
      'yot',
      'children_social_care',
      'adult_social_care',
      'health',
      'housing',
      'education',
      'jobcentre_plus',
      'home_office',
      'electronic_monitoring',
    ],
  },
  { kpi: 'MAPPA_F_PROVIDED_ON_TIME', target: 100, groups: [] },
  { kpi: 'POLICE_ATTENDED_AT_GRADE', target: 90, groups: [] },
  { kpi: 'PROBATION_ATTENDED_AT_GRADE', target: 90, groups: [] },
  { kpi: 'MINUTES_DISTRIBUTED_ON_TIME', target: 100, groups: [] },
  { kpi: 'REFERRAL_SCREENED_ON_TIME', target: 100, groups: [] },
];

/** The smallest published total a percentage is given for. */
export const KPI_PERCENTAGE_MINIMUM_TOTAL = 10;

/** Each owner's KPI query: the MAPPA unit counts its workflow records, the prison its MAPPA F reports. */
const kpisQuery = (field: string) =>
  `query StatisticsKpis($area: MappaArea!, $from: LocalDate!, $to: LocalDate!, $keySecret: String!) { ${field}(area: $area, from: $from, to: $to, keySecret: $keySecret) { kpi group met metKey notMet notMetKey } }`;
const KPI_OWNERS = [
  { owner: 'mappa', field: 'mappaStatisticsKpis' },
  { owner: 'prison', field: 'prisonStatisticsKpis' },
] as const;

/** The period: the reporting year from 1 April `year`, or its quarter (1: April to June ... 4: January to March). */
export function kpiPeriod(year: number, quarter: number | null): { readonly from: string; readonly to: string } {
  if (quarter === null) return { from: `${year}-04-01`, to: `${year + 1}-03-31` };
  const [from, to] = (
    [
      ['04-01', '06-30'],
      ['07-01', '09-30'],
      ['10-01', '12-31'],
      ['01-01', '03-31'],
    ] as const
  )[quarter - 1]!;
  const calendarYear = quarter === 4 ? year + 1 : year;
  return { from: `${calendarYear}-${from}`, to: `${calendarYear}-${to}` };
}

/** A figure from its protected met and not-met cells and total; the percentage from the published counts only. */
function figureOf(met: ProtectedCell, notMet: ProtectedCell, total: ProtectedCell): KpiFigure {
  const percentage =
    met.count !== null && total.count !== null && total.count >= KPI_PERCENTAGE_MINIMUM_TOTAL
      ? Math.round((100 * met.count) / total.count)
      : null;
  const copy = (cell: ProtectedCell) => ({ count: cell.count, suppressed: cell.suppressed });
  return { met: copy(met), notMet: copy(notMet), total: copy(total), percentage };
}

/**
 * The MAPPA KPIs of `area` for the period: each owner counts its own in SQL (one request each: the MAPPA
 * unit its workflow records, the prison its MAPPA F reports; either answering nothing is nothing); each KPI is
 * then protected as one table, its groups the rows (a KPI without groups is one row) and met / not met
 * the columns, so a withheld count cannot be worked out from the group's or the KPI's total.
 */
export async function mappaKpisOf(
  owners: OwnerClient,
  settings: StatisticsSettings,
  caller: Caller,
  requestId: string,
  area: MappaArea,
  year: number,
  quarter: number | null,
  audit: (detail: StatisticsAuditDetail) => void,
): Promise<MappaKpis | null> {
  audit({ query: 'KPIS', dimensions: ['KPI'], filters: [], owners: KPI_OWNERS.map(({ owner }) => owner) });
  const { from, to } = kpiPeriod(year, quarter);
  const answers = await Promise.all(
    KPI_OWNERS.map(({ owner, field }) =>
      owners.ask<KpiCell[]>(owner, kpisQuery(field), { area, from, to, keySecret: settings.keySecret }, field, caller, requestId),
    ),
  );
  if (answers.some((answer) => answer === null)) return null;
  const cells = answers.flatMap((answer) => answer!);
  const kpis = KPIS.map(({ kpi, target, groups }): Kpi => {
    const rowsOf = groups.length > 0 ? groups : [''];
    const raw = rowsOf.map((group): RawCell[] => {
      const cell = cells.find((candidate) => candidate.kpi === kpi && candidate.group === group);
      return [
        { count: cell?.met ?? 0, key: cell?.metKey ?? 0 },
        { count: cell?.notMet ?? 0, key: cell?.notMetKey ?? 0 },
      ];
    });
    const table = protectTable(raw, settings.control);
    return {
      kpi,
      target,
      ...figureOf(table.columnTotals[0]!, table.columnTotals[1]!, table.total),
      groups: groups.map((group, index) => ({
        group,
        ...figureOf(table.cells[index]![0]!, table.cells[index]![1]!, table.rowTotals[index]!),
      })),
    };
  });
  return { area, year, quarter, kpis };
}
