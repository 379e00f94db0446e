import { and, asc, eq, gt, isNull, lte } from 'drizzle-orm';
import type { Database } from '@mappa/shared';
import { caseAccessGrantTable } from '../case-access-grant/case-access-grant.table';
import { mappaCaseTable } from '../mappa-case/mappa-case.table';
import { meetingAttendanceTable, meetingInvitationTable, meetingTable } from '../meeting/meeting.table';
import { childSafeguardsMet } from '../meeting/meeting.rules';
import type { MeetingFacts } from './meeting-pack-preview';

/**
 * The meeting with its case, its live invitations (not withdrawn, and the case grant each created
 * still live: an invitation is the invitee's access only while its grant is), its attendance sheet,
 * and whether a child's safeguards are met (the purpose evidence's own rule). Null for an unknown meeting.
 */
export async function meetingFacts(db: Database, meetingId: string, now: Date): Promise<MeetingFacts | null> {
  const [row] = await db
    .select({ meeting: meetingTable, mappaCase: mappaCaseTable })
    .from(meetingTable)
    .innerJoin(mappaCaseTable, eq(mappaCaseTable.caseId, meetingTable.caseId))
    .where(eq(meetingTable.meetingId, meetingId));
  if (!row) return null;
  const [invitations, attendance, safeguards] = await Promise.all([
    db
      .select({ invitation: meetingInvitationTable })
      .from(meetingInvitationTable)
      .innerJoin(caseAccessGrantTable, eq(caseAccessGrantTable.grantId, meetingInvitationTable.grantId))
      .where(
        and(
          eq(meetingInvitationTable.meetingId, meetingId),
          isNull(meetingInvitationTable.withdrawnAt),
          isNull(caseAccessGrantTable.revokedAt),
          lte(caseAccessGrantTable.validFrom, now),
          gt(caseAccessGrantTable.validUntil, now),
        ),
      )
      .orderBy(asc(meetingInvitationTable.invitedAt), asc(meetingInvitationTable.invitationId)),
    db.select().from(meetingAttendanceTable).where(eq(meetingAttendanceTable.meetingId, meetingId)),
    childSafeguardsMet(db, row.meeting.meetingId),
  ]);
  return { ...row, invitations: invitations.map(({ invitation }) => invitation), attendance, childSafeguardsMet: safeguards };
}
