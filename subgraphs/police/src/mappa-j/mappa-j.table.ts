import { boolean, date, index, serial, text } from 'drizzle-orm/pg-core';
import { personTable } from '../identity/identity-person.table';
import { policeSchema } from '../police.schema';

/** The restrictions a MAPPA J tells Jobcentre Plus about (A.R32): what work or work-related activity the person must not be put forward for. */
export const MAPPA_J_RESTRICTION_TYPES = [
  'NO_WORK_WITH_CHILDREN',
  'NO_WORK_WITH_VULNERABLE_ADULTS',
  'NO_LONE_WORKING_IN_HOMES',
  'NO_INTERNET_ENABLED_WORK',
  'NO_WORK_IN_EXCLUSION_ZONE',
] as const;

/**
 * MAPPA J: the notification to Jobcentre Plus of an employment or benefit-related restriction on an
 * adult offender (A.R31–A.R35). Held by the police because every MAPPA J is about someone the police
 * manage (A.R31: the police offender manager sends it when the police manage the offender alone, the
 * probation offender manager when probation supervises and the police manage too) and is noted on the
 * ViSOR record (A.R34), which the police own and partners write to; so the police's ViSOR record is the
 * one place every MAPPA J is held, whichever offender manager sent it (`sentBy`).
 */
export const mappaJNotificationTable = policeSchema.table(
  'mappa_j_notification',
  {
    id: serial('id').primaryKey(),
    pncId: text('pnc_id')
      .notNull()
      .references(() => personTable.pncId, { onDelete: 'cascade' }),
    sentDate: date('sent_date', { mode: 'string' }).notNull(),
    // A.R31: which offender manager sent it, and who (attributed, A.R12).
    sentBy: text('sent_by', { enum: ['POLICE', 'PROBATION'] }).notNull(),
    senderStaffId: text('sender_staff_id').notNull(),
    restrictionType: text('restriction_type', { enum: MAPPA_J_RESTRICTION_TYPES }).notNull(),
    // A.R33: Jobcentre Plus deletes the restriction on this date; it reads nothing of it after.
    restrictionEndDate: date('restriction_end_date', { mode: 'string' }).notNull(),
    // A.R32: the risk of serious harm to Jobcentre Plus staff, as the offender manager assessed it.
    riskToJobcentreStaff: text('risk_to_jobcentre_staff', { enum: ['LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH'] }).notNull(),
    // A.R35: a restriction hidden from the offender is issued only after talking to the JCP SPOC.
    offenderInformed: boolean('offender_informed').notNull(),
    jobcentreSpocConsulted: boolean('jobcentre_spoc_consulted').notNull(),
  },
  (table) => [index('mappa_j_notification_pnc_id_idx').on(table.pncId)],
);

export type MappaJNotificationRow = typeof mappaJNotificationTable.$inferSelect;
