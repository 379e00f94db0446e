import { and, asc, eq, getTableColumns, inArray, isNull, not, or } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Database, MappaArea, Principal, RowScope } from '@mappa/shared';
import { mappaCaseTable } from '../mappa-case/mappa-case.table';
import { hiddenByGates } from '../offender/offender.scope';
import { MeetingActionStatus } from './meeting-action.type';
import { meetingActionTable, meetingTable } from './meeting.table';
import type { MeetingActionRow } from './meeting.table';

/** An action with its meeting's subject and area. */
export type ActionWithSubject = MeetingActionRow & { subjectPncId: string; meetingArea: MappaArea };

/** `ownsAction` (meeting-action.resolver.ts) in SQL (over the action joined to its meeting). */
function ownedBy(principal: Principal): SQL | undefined {
  return and(
    eq(meetingActionTable.ownerAgency, principal.agency),
    or(
      and(isNull(meetingActionTable.ownerStaffId), eq(meetingTable.area, principal.area)),
      and(eq(meetingActionTable.ownerStaffId, principal.staffId), eq(meetingActionTable.ownerIssuer, principal.issuer)),
    ),
  );
}

/**
 * Actions with their meeting's subject, leaving out any whose subject the caller's row scope hides
 * whatever their ownership (principle 7: counter-terrorism restricted for an uncleared caller).
 */
function actionsWithSubject(db: Database, rowScope: RowScope, where: SQL | undefined) {
  const hidden = hiddenByGates(rowScope);
  return db
    .select({ ...getTableColumns(meetingActionTable), subjectPncId: meetingTable.pncId, meetingArea: meetingTable.area })
    .from(meetingActionTable)
    .innerJoin(meetingTable, eq(meetingTable.meetingId, meetingActionTable.meetingId))
    .innerJoin(mappaCaseTable, eq(mappaCaseTable.caseId, meetingTable.caseId))
    .where(and(where, hidden === undefined ? undefined : not(hidden)))
    .orderBy(asc(meetingActionTable.dueDate), asc(meetingActionTable.actionId));
}

/** The principal's open actions (PROPOSED or ACCEPTED) across meetings within their row scope, soonest due first, at most `limit`. */
export function openActionsOwnedBy(db: Database, rowScope: RowScope, principal: Principal, limit: number): Promise<ActionWithSubject[]> {
  return actionsWithSubject(
    db,
    rowScope,
    and(ownedBy(principal), inArray(meetingActionTable.status, [MeetingActionStatus.PROPOSED, MeetingActionStatus.ACCEPTED])),
  ).limit(limit);
}

/** The meeting's actions within the row scope, soonest due first: only those `onlyOwnedBy` owns, when given. */
export function actionsOfMeeting(
  db: Database,
  rowScope: RowScope,
  meetingId: string,
  onlyOwnedBy: Principal | null,
): Promise<ActionWithSubject[]> {
  const ofMeeting = eq(meetingActionTable.meetingId, meetingId);
  return actionsWithSubject(db, rowScope, onlyOwnedBy ? and(ofMeeting, ownedBy(onlyOwnedBy)) : ofMeeting);
}

/** One action with its subject, within the row scope; null when none. */
export async function actionWithSubject(db: Database, rowScope: RowScope, actionId: string): Promise<ActionWithSubject | null> {
  const [row] = await actionsWithSubject(db, rowScope, eq(meetingActionTable.actionId, actionId));
  return row ?? null;
}

/** Locks the action for the rest of the transaction (on its own: PostgreSQL's FOR UPDATE OF takes no schema-qualified table, which a join would need). */
export async function lockAction(tx: Database, actionId: string): Promise<void> {
  await tx
    .select({ actionId: meetingActionTable.actionId })
    .from(meetingActionTable)
    .where(eq(meetingActionTable.actionId, actionId))
    .for('update');
}

/** Records a meeting's action; returns it as stored. */
export async function insertMeetingAction(tx: Database, values: typeof meetingActionTable.$inferInsert): Promise<MeetingActionRow | null> {
  const [inserted] = await tx.insert(meetingActionTable).values(values).returning();
  return inserted ?? null;
}

/** Sets `changes` on the action while it is `from`; null when it is not. */
export async function updateActionFrom(
  tx: Database,
  actionId: string,
  from: MeetingActionStatus,
  changes: Partial<Pick<MeetingActionRow, 'status' | 'completedAt' | 'declineReason' | 'respondedByStaffId' | 'respondedAt'>>,
): Promise<MeetingActionRow | null> {
  const [updated] = await tx
    .update(meetingActionTable)
    .set(changes)
    .where(and(eq(meetingActionTable.actionId, actionId), eq(meetingActionTable.status, from)))
    .returning();
  return updated ?? null;
}
