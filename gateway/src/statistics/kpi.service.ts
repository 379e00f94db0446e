import { randomBytes } from 'node:crypto';
import { addKeys, protectTable } from '@mappa/shared';
import type { Caller, MappaArea, ProtectedCell, RawCell } from '@mappa/shared';
import type { OwnerClient } from './owner-client';
import { checkedColumns } from './owner-columns';
import type { OwnerColumns } from './owner-columns';
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

/**
 * KPI 7 as the guidance states it (C §7.2: "each invited Prison Service representative attends ... video
 * or phone, or providing MAPPA F, counts"): each invitation of the prison, met when attended or when the
 * prison's MAPPA F reached the meeting. Counted here, as no one owner holds both halves.
 */
export const PRISON_KPI_7 = 'PRISON_ATTENDED_OR_MAPPA_F_PROVIDED';

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
  { kpi: PRISON_KPI_7, target: 90, groups: [] },
  { kpi: 'MAPPA_F_PROVIDED_ON_TIME', target: 100, groups: [] },
  { kpi: 'POLICE_ATTENDED_AT_GRADE', target: 90, groups: [] },
  { kpi: 'PROBATION_ATTENDED_AT_GRADE', target: 90, groups: [] },
  { kpi: 'MINUTES_DISTRIBUTED_ON_TIME', target: 100, groups: [] },
  { kpi: 'REFERRAL_SCREENED_ON_TIME', target: 100, groups: [] },
];

/** The smallest published total a percentage is given for. */
export const KPI_PERCENTAGE_MINIMUM_TOTAL = 10;

/**
 * Each owner's one KPI document: its KPI cells (the MAPPA unit counts its workflow records, the prison its
 * MAPPA F reports), and for KPI 7 the MAPPA unit's invitations of the prison and the meetings the prison
 * sent a MAPPA F to, both as pseudonyms of the person and the meeting day under this query's secret.
 */
const KPI_OWNERS = [
  {
    owner: 'mappa',
    cells: 'mappaStatisticsKpis',
    kpi7: 'mappaStatisticsPrisonInvitations',
    query: `query StatisticsKpis($area: MappaArea!, $from: LocalDate!, $to: LocalDate!, $keySecret: String!, $querySecret: String!) {
      mappaStatisticsKpis(area: $area, from: $from, to: $to, keySecret: $keySecret) { kpi group met metKey notMet notMetKey }
      mappaStatisticsPrisonInvitations(area: $area, from: $from, to: $to, keySecret: $keySecret, querySecret: $querySecret) { pseudonym recordKey attended } }`,
  },
  {
    owner: 'prison',
    cells: 'prisonStatisticsKpis',
    kpi7: 'prisonStatisticsMappaFProvided',
    query: `query StatisticsKpis($area: MappaArea!, $from: LocalDate!, $to: LocalDate!, $keySecret: String!, $querySecret: String!) {
      prisonStatisticsKpis(area: $area, from: $from, to: $to, keySecret: $keySecret) { kpi group met metKey notMet notMetKey }
      prisonStatisticsMappaFProvided(area: $area, from: $from, to: $to, querySecret: $querySecret) { pseudonym } }`,
  },
] as const;

/** What the MAPPA unit answers of the prison's invitations: entry i of each list is one invitation. */
interface PrisonInvitations extends OwnerColumns {
  readonly pseudonym: readonly string[];
  readonly recordKey: readonly number[];
  readonly attended: readonly boolean[];
}

/**
 * KPI 7's one cell: each invitation of the prison, met when attended or when the prison's MAPPA F
 * for that person's meeting that day was dated before it; keyed by the subjects' record keys as every KPI.
 */
function prisonKpi7Of(invitations: PrisonInvitations, provided: readonly string[]): KpiCell {
  checkedColumns('mappa', invitations);
  const reached = new Set(provided);
  let met = 0;
  let metKey = 0;
  let notMet = 0;
  let notMetKey = 0;
  invitations.pseudonym.forEach((meeting, index) => {
    const key = invitations.recordKey[index]!;
    if (invitations.attended[index] || reached.has(meeting)) {
      met += 1;
      metKey = addKeys(metKey, key);
    } else {
      notMet += 1;
      notMetKey = addKeys(notMetKey, key);
    }
  });
  return { kpi: PRISON_KPI_7, group: '', met, metKey, notMet, notMetKey };
}

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
  // One secret for this query alone: the two owners' meeting pseudonyms join here and with nothing else.
  const querySecret = randomBytes(32).toString('base64url');
  // In KPI_OWNERS' order: the MAPPA unit's answer, then the prison's.
  const [mappa, prison] = await Promise.all(
    KPI_OWNERS.map(({ owner, cells, kpi7, query }) =>
      owners.askEach<Record<string, unknown>>(
        owner,
        query,
        { area, from, to, keySecret: settings.keySecret, querySecret },
        [cells, kpi7],
        caller,
        requestId,
      ),
    ),
  );
  if (!mappa || !prison) return null;
  const cells = [
    ...(mappa.mappaStatisticsKpis as KpiCell[]),
    ...(prison.prisonStatisticsKpis as KpiCell[]),
    prisonKpi7Of(
      mappa.mappaStatisticsPrisonInvitations as PrisonInvitations,
      (prison.prisonStatisticsMappaFProvided as { pseudonym: string[] }).pseudonym,
    ),
  ];
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
