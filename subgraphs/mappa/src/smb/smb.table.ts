import { sql } from 'drizzle-orm';
import { check, date, index, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { mappaSchema } from '../mappa.schema';
import { SMB_CHAIR_AGENCIES, SMB_ROLES, SMB_UNIT_ROLES } from './smb.roles';

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
    // The register's own rules, held by the database as well as by the write path (addSmbMember):
    // a person holds one open seat on a board at a time, the board has one sitting chair, the chair
    // is a senior member of the Responsible Authority, and the co-ordinator's and lay advisers' seats
    // are the MAPPA unit's. Spells that ended are checked for overlap by the write path, which takes
    // the area's register lock first.
    uniqueIndex('smb_member_open_spell_idx')
      .on(table.area, table.staffId)
      .where(sql`${table.leftOn} is null`),
    uniqueIndex('smb_member_sitting_chair_idx')
      .on(table.area)
      .where(sql`${table.role} = 'CHAIR' and ${table.leftOn} is null`),
    check(
      'smb_member_chair_agency',
      sql`${table.role} <> 'CHAIR' or ${table.agency} in (${sql.raw(SMB_CHAIR_AGENCIES.map((agency) => `'${agency}'`).join(', '))})`,
    ),
    check(
      'smb_member_unit_seat',
      sql`${table.role} not in (${sql.raw(SMB_UNIT_ROLES.map((role) => `'${role}'`).join(', '))}) or ${table.agency} = 'mappa_unit'`,
    ),
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
