import { and, eq, gte, isNull, lte, max, or, sql } from 'drizzle-orm';
import type { Database, MappaArea } from '@mappa/shared';
import { smbAttendanceTable, smbMeetingTable, smbMemberTable } from './smb.table';

/** The members sitting on the area's board on `day`: joined on or before it, not left before it. */
export async function boardMembersSittingOn(db: Database, area: MappaArea, day: string): Promise<string[]> {
  const sitting = await db
    .select({ memberId: smbMemberTable.memberId })
    .from(smbMemberTable)
    .where(
      and(
        eq(smbMemberTable.area, area),
        lte(smbMemberTable.joinedOn, day),
        or(isNull(smbMemberTable.leftOn), gte(smbMemberTable.leftOn, day)),
      ),
    );
  return sitting.map((row) => row.memberId);
}

/** Records a board meeting; returns it as stored. */
export async function insertBoardMeeting(
  tx: Database,
  values: typeof smbMeetingTable.$inferInsert,
): Promise<typeof smbMeetingTable.$inferSelect | undefined> {
  const [meeting] = await tx.insert(smbMeetingTable).values(values).returning();
  return meeting;
}

/** Records who was present at a board meeting, in one statement (none for no members). */
export async function insertBoardAttendance(tx: Database, smbMeetingId: string, memberIds: readonly string[]): Promise<void> {
  if (memberIds.length === 0) return;
  await tx.insert(smbAttendanceTable).values(memberIds.map((memberId) => ({ smbMeetingId, memberId })));
}

/**
 * Takes the area's board register lock until the transaction ends: the register's writes (a member
 * joining or leaving, a meeting recorded) of one area run one after the other, so the checks each
 * makes (overlapping spells, one chair, who sat that day) hold when it commits. Board registers change
 * a few times a year, so nothing waits in practice; other areas never wait.
 */
export async function lockBoardRegister(tx: Database, area: MappaArea): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`mappa.smb_register:${area}`}, 0))`);
}

/** One member's spell, locked for update in the caller's transaction; undefined for an unknown id. */
export async function boardMemberForUpdate(tx: Database, memberId: string): Promise<typeof smbMemberTable.$inferSelect | undefined> {
  const [row] = await tx.select().from(smbMemberTable).where(eq(smbMemberTable.memberId, memberId)).for('update');
  return row;
}

/** The area's spells still running on or after `day` (sitting that day, or joined since). */
export async function boardSpellsFrom(db: Database, area: MappaArea, day: string): Promise<(typeof smbMemberTable.$inferSelect)[]> {
  return db
    .select()
    .from(smbMemberTable)
    .where(and(eq(smbMemberTable.area, area), or(isNull(smbMemberTable.leftOn), gte(smbMemberTable.leftOn, day))));
}

/** The day of the area's last recorded board meeting; null for none. */
export async function lastBoardMeetingOn(db: Database, area: MappaArea): Promise<string | null> {
  const [row] = await db
    .select({ day: max(smbMeetingTable.heldOn) })
    .from(smbMeetingTable)
    .where(eq(smbMeetingTable.area, area));
  return row?.day ?? null;
}

/** The day of the last board meeting the member is recorded present at; null for none. */
export async function lastPresentOn(db: Database, memberId: string): Promise<string | null> {
  const [row] = await db
    .select({ day: max(smbMeetingTable.heldOn) })
    .from(smbAttendanceTable)
    .innerJoin(smbMeetingTable, eq(smbMeetingTable.smbMeetingId, smbAttendanceTable.smbMeetingId))
    .where(eq(smbAttendanceTable.memberId, memberId));
  return row?.day ?? null;
}

/** Adds a member's spell; returns it as stored. */
export async function insertBoardMember(
  tx: Database,
  values: typeof smbMemberTable.$inferInsert,
): Promise<typeof smbMemberTable.$inferSelect | undefined> {
  const [member] = await tx.insert(smbMemberTable).values(values).returning();
  return member;
}

/** Ends a running spell on `leftOn`; returns it as stored, undefined when it had ended already. */
export async function endBoardMemberSpell(
  tx: Database,
  memberId: string,
  leftOn: string,
): Promise<typeof smbMemberTable.$inferSelect | undefined> {
  const [member] = await tx
    .update(smbMemberTable)
    .set({ leftOn })
    .where(and(eq(smbMemberTable.memberId, memberId), isNull(smbMemberTable.leftOn)))
    .returning();
  return member;
}
