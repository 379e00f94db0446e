import { sql } from 'drizzle-orm';
import { addDays, RECIPIENT_KINDS, suppressBreakdown, suppressSmallCount } from '@mappa/shared';
import type { Database, MappaArea, StatisticalCount } from '@mappa/shared';
import type { DisclosureStatistics } from './disclosure-statistics.type';

/*
 * Disclosure statistics for an area and period (KPI 3, C §7), worked out in two grouped SQL
 * statements (never a row per person leaves the database). Each event counts in the period it
 * happened: a meeting when it closed, a decision when proposed, decided not to disclose, made or
 * withdrawn (so a decision proposed in one quarter and made in the next counts in each for its event).
 * Level 1 decisions are not the MAPPA unit's (the lead agencies hold them) and are not here.
 */

const LEVELS = [2, 3] as const;
const MEASURES = ['proposed', 'made', 'notMade', 'withdrawn'] as const;
type Measure = (typeof MEASURES)[number];
type Counts = Record<Measure, number>;

interface DecisionCell extends Counts {
  readonly recipientKind: string;
  readonly level: number;
}

const rowsOf = <Row>(result: unknown): Row[] => (result as { rows: Row[] }).rows;
const zero = (): Counts => ({ proposed: 0, made: 0, notMade: 0, withdrawn: 0 });

/** Each measure of `groups` suppressed as one breakdown (its total is published beside it). */
function suppressGroups<Key>(keys: readonly Key[], countsOf: (key: Key) => Counts): Map<Key, Record<Measure, StatisticalCount>> {
  const result = new Map<Key, Record<Measure, StatisticalCount>>(keys.map((key) => [key, {} as Record<Measure, StatisticalCount>]));
  for (const measure of MEASURES) {
    const cells = suppressBreakdown(keys.map((key) => countsOf(key)[measure]));
    keys.forEach((key, index) => {
      result.get(key)![measure] = cells[index]!;
    });
  }
  return result;
}

/** The statistics for `area` from `from` to `to` (dates, both included, UTC days). */
export async function disclosureStatisticsOf(db: Database, area: MappaArea, from: string, to: string): Promise<DisclosureStatistics> {
  const start = `${from}T00:00:00Z`;
  const end = `${addDays(to, 1)}T00:00:00Z`;
  const within = (column: ReturnType<typeof sql.raw>) => sql`${column} >= ${start}::timestamptz and ${column} < ${end}::timestamptz`;
  const decisionRows = rowsOf<{ recipient_kind: string; level: number; proposed: number; made: number; not_made: number; withdrawn: number }>(
    await db.execute(sql`
      select recipient_kind, level,
        (count(*) filter (where ${within(sql.raw('proposed_at'))}))::int as proposed,
        (count(*) filter (where status = 'MADE' and ${within(sql.raw('made_at'))}))::int as made,
        (count(*) filter (where status = 'DECIDED' and outcome = 'NOT_DISCLOSE' and ${within(sql.raw('decided_at'))}))::int as not_made,
        (count(*) filter (where status = 'WITHDRAWN' and ${within(sql.raw('withdrawn_at'))}))::int as withdrawn
      from mappa.disclosure_decision
      where area = ${area} and level in (2, 3)
      group by recipient_kind, level`),
  );
  // A meeting's level is the one the case was managed at when it met: before its own decision, else the case's.
  const meetingRows = rowsOf<{ level: number; held: number; considered: number }>(
    await db.execute(sql`
      select coalesce((select d.level_before from mappa.meeting_decision d where d.meeting_id = m.meeting_id), c.level) as level,
        (count(*))::int as held,
        (count(*) filter (where exists (select 1 from mappa.disclosure_consideration k where k.meeting_id = m.meeting_id)))::int as considered
      from mappa.meeting m join mappa.mappa_case c on c.case_id = m.case_id
      where m.area = ${area} and m.status = 'HELD' and ${within(sql.raw('m.closed_at'))}
      group by 1`),
  );

  const cells: DecisionCell[] = decisionRows.map((row) => ({ recipientKind: row.recipient_kind, level: Number(row.level), proposed: row.proposed, made: row.made, notMade: row.not_made, withdrawn: row.withdrawn }));
  const sum = (filter: (cell: DecisionCell) => boolean): Counts => {
    const total = zero();
    for (const cell of cells.filter(filter)) for (const measure of MEASURES) total[measure] += cell[measure];
    return total;
  };
  const totals = sum(() => true);
  const byKind = suppressGroups(RECIPIENT_KINDS, (kind) => sum((cell) => cell.recipientKind === kind));
  const byLevelDecisions = suppressGroups(LEVELS, (level) => sum((cell) => cell.level === level));
  const meetingsAt = (level: number) => meetingRows.find((row) => Number(row.level) === level) ?? { held: 0, considered: 0 };
  const held = suppressBreakdown(LEVELS.map((level) => meetingsAt(level).held));
  const considered = suppressBreakdown(LEVELS.map((level) => meetingsAt(level).considered));

  return {
    area,
    from,
    to,
    meetingsHeld: suppressSmallCount(meetingRows.reduce((total, row) => total + row.held, 0)),
    meetingsConsidered: suppressSmallCount(meetingRows.reduce((total, row) => total + row.considered, 0)),
    proposed: suppressSmallCount(totals.proposed),
    made: suppressSmallCount(totals.made),
    notMade: suppressSmallCount(totals.notMade),
    withdrawn: suppressSmallCount(totals.withdrawn),
    byRecipientKind: RECIPIENT_KINDS.map((recipientKind) => ({ recipientKind, ...byKind.get(recipientKind)! })),
    byLevel: LEVELS.map((level, index) => ({ level, meetingsHeld: held[index]!, meetingsConsidered: considered[index]!, ...byLevelDecisions.get(level)! })),
  };
}
