import { sql } from 'drizzle-orm';
import { check, date, index, integer, text } from 'drizzle-orm/pg-core';
import { mappaCaseTable } from '../mappa-case/mappa-case.table';
import { mappaSchema } from '../mappa.schema';

/** How an SFO charge ended, as annual report table 9 counts it. */
export const SFO_OUTCOMES = ['AWAITING_TRIAL', 'CONVICTED_SFO', 'OTHER_OUTCOME'] as const;
/** The SMB chair's decision on a serious case review (MAPPA N section 8; annual report table 8). */
export const SCR_DECISIONS = ['SCR_COMMISSIONED', 'SCR_NOT_REQUIRED'] as const;

/**
 * Issue 13: a MAPPA N, the notification of a serious further offence (SFO) charge (B §6.5, C §2.3,
 * C.18). The lead agency's offender manager sends sections 1-4 to the MAPPA co-ordinator within five
 * working days of the charge; the co-ordinator notifies the SMB chair, who records the serious case
 * review decision (section 8). The form is the MAPPA unit's record, as MAPPA A and the meetings are
 * (domain README §2: the unit owns notifications H, I, J and N), so it lives here, against the case
 * it concerns. The category and level are those sections 1-4 record on the day of the charge. Not
 * served in GraphQL: the statistics aggregate it inside this subgraph, so no field needs a policy yet.
 */
export const sfoNotificationTable = mappaSchema.table(
  'sfo_notification',
  {
    notificationId: text('notification_id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => mappaCaseTable.caseId, { onDelete: 'cascade' }),
    pncId: text('pnc_id').notNull(),
    chargeDate: date('charge_date', { mode: 'string' }).notNull(),
    notifiedDate: date('notified_date', { mode: 'string' }).notNull(),
    // Sections 1-4: the case as it stood on the day of the charge.
    categoryAtCharge: integer('category_at_charge').notNull(),
    levelAtCharge: integer('level_at_charge').notNull(),
    // The SFO charged, as the Probation Service's SFO procedure groups them.
    offenceGroup: text('offence_group', {
      enum: ['MURDER', 'ATTEMPTED_MURDER', 'MANSLAUGHTER', 'RAPE', 'OTHER_SERIOUS_SEXUAL', 'ARSON_ENDANGERING_LIFE', 'KIDNAP'],
    }).notNull(),
    outcome: text('outcome', { enum: SFO_OUTCOMES }).notNull(),
    // The day of the verdict or of the decision not to proceed; null while awaiting trial.
    outcomeDate: date('outcome_date', { mode: 'string' }),
    // Section 8: null until the SMB chair has decided (within 10 days of receiving the MAPPA N).
    scrDecision: text('scr_decision', { enum: SCR_DECISIONS }),
    scrDecisionDate: date('scr_decision_date', { mode: 'string' }),
  },
  (table) => [
    index('sfo_notification_case_id_idx').on(table.caseId),
    index('sfo_notification_charge_date_idx').on(table.chargeDate),
    check('sfo_notification_outcome_check', sql`(outcome = 'AWAITING_TRIAL') = (outcome_date is null)`),
    check('sfo_notification_scr_check', sql`(scr_decision is null) = (scr_decision_date is null)`),
  ],
);

export type SfoNotificationRow = typeof sfoNotificationTable.$inferSelect;
