import { sql } from 'drizzle-orm';
import { addDays, RECORD_KEY_RANGE, recordKeySql } from '@mappa/shared';
import type { Database, MappaArea } from '@mappa/shared';
import type { MappaDisclosureCell } from './disclosure-statistics.type';

/*
 * The MAPPA unit's disclosure statistics for an area and period (KPI 3, C §7), raw, for the gateway's
 * statistics service, which fixes the period (a reporting year or quarter), suppresses and rounds by
 * cell key before anything leaves (docs/statistics.md, "Disclosure statistics"). Two grouped SQL
 * statements: never a row per person leaves the database. Each event counts in the period it happened:
 * a meeting when it closed, a decision when proposed, decided not to disclose, made or withdrawn (so a
 * decision proposed in one quarter and made in the next counts in each for its event). Level 1
 * decisions are not the MAPPA unit's (the lead agencies hold them) and are not here.
 */

/** The measures a cell counts: decisions by recipient kind and level, meetings (considered or not) by level. */
export const DISCLOSURE_MEASURES = ['PROPOSED', 'MADE', 'NOT_MADE', 'WITHDRAWN', 'CONSIDERED', 'NOT_CONSIDERED'] as const;

const rowsOf = <Row>(result: unknown): Row[] => (result as { rows: Row[] }).rows;

/** The raw cells of `area` from `from` to `to` (dates, both included, UTC days), each with its cell key. */
export async function disclosureCellsOf(
  db: Database,
  area: MappaArea,
  from: string,
  to: string,
  keySecret: string,
): Promise<MappaDisclosureCell[]> {
  const start = `${from}T00:00:00Z`;
  const end = `${addDays(to, 1)}T00:00:00Z`;
  const within = (column: ReturnType<typeof sql.raw>) => sql`${column} >= ${start}::timestamptz and ${column} < ${end}::timestamptz`;
  const key = recordKeySql(keySecret, sql.raw('pnc_id'));
  // Each measure's count and key (the sum of its decisions' subjects' record keys, modulo the key range).
  const measure = (condition: ReturnType<typeof sql>) =>
    sql`(count(*) filter (where ${condition}))::int, (coalesce(sum(${key}) filter (where ${condition}), 0) % ${RECORD_KEY_RANGE})::int`;
  const decisionRows = rowsOf<{
    recipient_kind: string;
    level: number;
    p: number;
    pk: number;
    m: number;
    mk: number;
    n: number;
    nk: number;
    w: number;
    wk: number;
  }>(
    await db.execute(sql`
      select recipient_kind, level, p, pk, m, mk, n, nk, w, wk from (
        select recipient_kind, level,
          ${measure(within(sql.raw('proposed_at')))},
          ${measure(sql`status = 'MADE' and ${within(sql.raw('made_at'))}`)},
          ${measure(sql`status = 'DECIDED' and outcome = 'NOT_DISCLOSE' and ${within(sql.raw('decided_at'))}`)},
          ${measure(sql`status = 'WITHDRAWN' and ${within(sql.raw('withdrawn_at'))}`)}
        from mappa.disclosure_decision
        where area = ${area} and level in (2, 3)
        group by recipient_kind, level
      ) as counted (recipient_kind, level, p, pk, m, mk, n, nk, w, wk)`),
  );
  // A meeting's level is the one the case was managed at when it met: before its own decision, else the case's.
  const meetingRows = rowsOf<{ level: number; c: number; ck: number; u: number; uk: number }>(
    await db.execute(sql`
      select level, c, ck, u, uk from (
        select level, ${measure(sql.raw('considered'))}, ${measure(sql.raw('not considered'))}
        from (
          select m.pnc_id, coalesce((select d.level_before from mappa.meeting_decision d where d.meeting_id = m.meeting_id), c.level) as level,
            exists (select 1 from mappa.disclosure_consideration k where k.meeting_id = m.meeting_id) as considered
          from mappa.meeting m join mappa.mappa_case c on c.case_id = m.case_id
          where m.area = ${area} and m.status = 'HELD' and ${within(sql.raw('m.closed_at'))}
        ) as held
        group by level
      ) as counted (level, c, ck, u, uk)`),
  );
  const cells: MappaDisclosureCell[] = [];
  for (const row of decisionRows) {
    const level = Number(row.level);
    for (const [name, count, cellKey] of [
      ['PROPOSED', row.p, row.pk],
      ['MADE', row.m, row.mk],
      ['NOT_MADE', row.n, row.nk],
      ['WITHDRAWN', row.w, row.wk],
    ] as const) {
      if (Number(count) > 0)
        cells.push({ measure: name, recipientKind: row.recipient_kind, level, count: Number(count), key: Number(cellKey) });
    }
  }
  for (const row of meetingRows) {
    const level = Number(row.level);
    for (const [name, count, cellKey] of [
      ['CONSIDERED', row.c, row.ck],
      ['NOT_CONSIDERED', row.u, row.uk],
    ] as const) {
      if (Number(count) > 0) cells.push({ measure: name, recipientKind: '', level, count: Number(count), key: Number(cellKey) });
    }
  }
  return cells;
}
