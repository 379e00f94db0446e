import { addDays, changedFields } from '@mappa/shared';
import type { Database } from '@mappa/shared';
import type { MappaContext } from '../mappa.context';
import { insertHistoryLines, nextHistorySequence, updateCase } from './mappa-case.query';
import type { CaseChangeSet } from './mappa-case.query';
import type { MappaCaseChangeRow, MappaCaseRow } from './mappa-case.table';
import type { MappaCaseChangeField, MappaDecisionKind } from './mappa-case.type';

// Level 3 cases are reviewed at least every 8 weeks, level 2 at least every 16 (domain README §5).
export const REVIEW_PERIOD_DAYS: Partial<Record<number, number>> = { 2: 16 * 7, 3: 8 * 7 };

/** The case columns a decision may set (`CaseChangeSet`), and the history they go into. */
const CASE_FIELDS = ['level', 'nextReviewDate', 'status', 'endDate', 'endReason'] as const satisfies readonly (keyof MappaCaseRow)[];

/** One line of the case history a decision writes: which field, from and to. */
export interface CaseHistoryLine {
  readonly field: MappaCaseChangeField;
  readonly valueBefore: string | null;
  readonly valueAfter: string;
}

/** The decision that makes a change, as the case history records it. */
export interface CaseDecision {
  readonly decisionKind: MappaDecisionKind;
  readonly decisionReference: string;
  readonly reason: string;
  readonly changedDate: string;
}

/**
 * Applies a decision to a MAPPA case inside the caller's transaction `tx`: sets `changes` on the case
 * row (which the caller has read FOR UPDATE as `current`), appends one history line per entry of
 * `history` after the case's last one, and records the audit evidence of both in the same
 * transaction. Screening, level changes and meeting decisions all change a case this one way.
 */
export async function applyCaseDecision(
  tx: Database,
  context: MappaContext,
  current: MappaCaseRow,
  changes: CaseChangeSet,
  history: readonly CaseHistoryLine[],
  decision: CaseDecision,
): Promise<{ row: MappaCaseRow; historyRows: MappaCaseChangeRow[] }> {
  const row = await updateCase(tx, current.caseId, changes);
  if (!row) throw new Error('update returned no row');
  const historyRows: MappaCaseChangeRow[] = [];
  if (history.length > 0) {
    const first = await nextHistorySequence(tx, current.caseId);
    historyRows.push(
      ...(await insertHistoryLines(
        tx,
        history.map((line, index) => ({
          caseId: current.caseId,
          sequence: first + index,
          ...line,
          changedDate: decision.changedDate,
          changedByStaffId: context.caller.principal.staffId,
          decisionKind: decision.decisionKind,
          decisionReference: decision.decisionReference,
          reason: decision.reason,
        })),
      )),
    );
  }
  // The evidence of the change commits with it, or neither does.
  await context.audit.recordChanges(
    tx,
    [row.pncId],
    [
      ...changedFields(`MappaCase:${row.caseId}`, current, row, CASE_FIELDS),
      ...historyRows.flatMap((historyRow) =>
        changedFields(`MappaCaseChange:${row.caseId}/${historyRow.sequence}`, null, historyRow, [
          'field',
          'valueBefore',
          'valueAfter',
          'changedDate',
          'changedByStaffId',
          'decisionKind',
          'decisionReference',
          'reason',
        ]),
      ),
    ],
  );
  return { row, historyRows };
}

/**
 * The next review once a case moves to `level`: no later than one review period from the decision
 * at levels 2 and 3; level 1 keeps the lead agency's date (its own policy sets it).
 */
export function nextReviewAfterChange(current: string | null, level: number, today: string): string | null {
  const period = REVIEW_PERIOD_DAYS[level];
  if (period === undefined) return current;
  const due = addDays(today, period);
  return current !== null && current < due ? current : due;
}
