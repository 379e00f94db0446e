import { sql } from 'drizzle-orm';
import { check, date, index, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { mappaSchema } from '../mappa.schema';

/** What a member sits on the Strategic Management Board as (guidance 1.29-1.37: the minimum membership). */
export const SMB_ROLES = ['CHAIR', 'MEMBER', 'LAY_ADVISER', 'COORDINATOR'] as const;
export type SmbRole = (typeof SMB_ROLES)[number];

/**
 * Issue 13, KPI 5 (C §7.2: "SMB member attendance at SMB meetings, 75% each member"): the area's
 * Strategic Management Board register. The MAPPA co-ordinator administers it for the board (the unit
 * works for the RA and is accountable to the SMB, sits on it and keeps its records: A §6, [L3003-3006,
 * L5585]), so it lives in the MAPPA unit's subgraph. A member is a seat held by one person for a spell:
 * their agency (police at ACC rank, probation at ACO, the prison, the co-ordinator, two lay advisers,
 * the duty-to-co-operate agencies), their role on the board and the days they joined and left. No name:
 * the staff id is the identity provider's, as everywhere else.
 */
export const smbMemberTable = mappaSchema.table(
  'smb_member',
  {
    memberId: text('member_id').primaryKey(),
    area: text('area').notNull(),
    agency: text('agency').notNull(),
    role: text('role', { enum: SMB_ROLES }).notNull(),
    staffId: text('staff_id').notNull(),
    joinedOn: date('joined_on', { mode: 'string' }).notNull(),
    // Null while they sit on the board.
    leftOn: date('left_on', { mode: 'string' }),
  },
  (table) => [
    index('smb_member_area_idx').on(table.area),
    check('smb_member_spell', sql`${table.leftOn} is null or ${table.leftOn} >= ${table.joinedOn}`),
  ],
);

/** One meeting of an area's board (it meets at least every four months, A §5 [L5765-5766]), recorded by the co-ordinator. */
export const smbMeetingTable = mappaSchema.table(
  'smb_meeting',
  {
    smbMeetingId: text('smb_meeting_id').primaryKey(),
    area: text('area').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    recordedByStaffId: text('recorded_by_staff_id').notNull(),
    recordedByIssuer: text('recorded_by_issuer').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).defaultNow().notNull(),
  },
  (table) => [index('smb_meeting_area_held_on_idx').on(table.area, table.heldOn)],
);

/** A member present at a board meeting (in person, by video or by phone). Absence is no row. */
export const smbAttendanceTable = mappaSchema.table(
  'smb_attendance',
  {
    smbMeetingId: text('smb_meeting_id')
      .notNull()
      .references(() => smbMeetingTable.smbMeetingId, { onDelete: 'cascade' }),
    memberId: text('member_id')
      .notNull()
      .references(() => smbMemberTable.memberId, { onDelete: 'cascade' }),
  },
  (table) => [primaryKey({ columns: [table.smbMeetingId, table.memberId] }), index('smb_attendance_member_idx').on(table.memberId)],
);
