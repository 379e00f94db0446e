import { sql } from 'drizzle-orm';
import { addDays, DEFAULT_DISCLOSURE_CONTROL, protectTable, RECIPIENT_KINDS } from '@mappa/shared';
import type { Database, DisclosureControl, MappaArea, ProtectedCell, RawCell } from '@mappa/shared';
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

/**
 * The one disclosure control with rounding off: counts of 1 to 4 withheld, secondary suppression across
 * rows and columns, zeros shown, every other count exact. Cell-key rounding needs the product's
 * record-key secret, which only the gateway's statistics path holds; so these counts stay exact, as
 * they were, and every cell key is 0 (docs/statistics.md, "Disclosure statistics").
 */
const CONTROL: DisclosureControl = { ...DEFAULT_DISCLOSURE_CONTROL, base: 1 };
const cell = (count: number): RawCell => ({ count, key: 0 });
const rowsOf = <Row>(result: unknown): Row[] => (result as { rows: Row[] }).rows;

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
  // Each measure is one table, recipient kind by level: its row totals are the counts by kind, its
  // column totals those by level and its total the measure's, so the suppression holds across all three.
  const decisions = Object.fromEntries(
    MEASURES.map((measure) => [
      measure,
      protectTable(
        RECIPIENT_KINDS.map((kind) => LEVELS.map((level) => cell(cells.filter((row) => row.recipientKind === kind && row.level === level).reduce((sum, row) => sum + row[measure], 0)))),
        CONTROL,
      ),
    ]),
  ) as Record<Measure, ReturnType<typeof protectTable>>;
  // Meetings: considered or not, by level; the column totals are the meetings held at each level.
  const meetingsAt = (level: number) => meetingRows.find((row) => Number(row.level) === level) ?? { held: 0, considered: 0 };
  const meetings = protectTable([LEVELS.map((level) => cell(meetingsAt(level).considered)), LEVELS.map((level) => cell(meetingsAt(level).held - meetingsAt(level).considered))], CONTROL);
  const copy = (shown: ProtectedCell): ProtectedCell => ({ count: shown.count, suppressed: shown.suppressed });
  const measuresOf = (pick: (table: ReturnType<typeof protectTable>) => ProtectedCell): Record<Measure, ProtectedCell> =>
    Object.fromEntries(MEASURES.map((measure) => [measure, copy(pick(decisions[measure]))])) as Record<Measure, ProtectedCell>;

  return {
    area,
    from,
    to,
    meetingsHeld: copy(meetings.total),
    meetingsConsidered: copy(meetings.rowTotals[0]!),
    ...measuresOf((table) => table.total),
    byRecipientKind: RECIPIENT_KINDS.map((recipientKind, index) => ({ recipientKind, ...measuresOf((table) => table.rowTotals[index]!) })),
    byLevel: LEVELS.map((level, index) => ({ level, meetingsHeld: copy(meetings.columnTotals[index]!), meetingsConsidered: copy(meetings.cells[0]![index]!), ...measuresOf((table) => table.columnTotals[index]!) })),
  };
}
