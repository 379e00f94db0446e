import { and, eq, gte, isNull, lte, or } from 'drizzle-orm';
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
