import { boolean, date, index, serial, text } from 'drizzle-orm/pg-core';
import { youthCaseTable } from '../youth-case/youth-case.table';
import { yotSchema } from '../yot.schema';

/** A consent decision about the young person's information, with the Fraser competence judgement behind it. */
export const consentRecordTable = yotSchema.table(
  'consent_record',
  {
    id: serial('id').primaryKey(),
    pncId: text('pnc_id')
      .notNull()
      .references(() => youthCaseTable.pncId, { onDelete: 'cascade' }),
    purpose: text('purpose', {
      enum: [
        'INFORMATION_SHARING_WITH_MAPPA',
        'INFORMATION_SHARING_WITH_CHILDRENS_SOCIAL_CARE',
        'REFERRAL_TO_HEALTH_SERVICES',
        'ELECTRONIC_MONITORING',
      ],
    }).notNull(),
    decision: text('decision', { enum: ['GIVEN', 'REFUSED'] }).notNull(),
    givenBy: text('given_by', { enum: ['YOUNG_PERSON', 'PARENT_OR_CARER'] }).notNull(),
    fraserCompetent: boolean('fraser_competent').notNull(),
    assessedByStaffId: text('assessed_by_staff_id').notNull(),
    assessedByRole: text('assessed_by_role', { enum: ['ALLOCATED_SOCIAL_WORKER', 'YOT_SOCIAL_WORKER'] }).notNull(),
    decisionDate: date('decision_date', { mode: 'string' }).notNull(),
    withdrawnDate: date('withdrawn_date', { mode: 'string' }),
    overriddenOnPublicProtectionGrounds: boolean('overridden_on_public_protection_grounds').notNull(),
  },
  (table) => [index('consent_record_pnc_id_idx').on(table.pncId)],
);

export type ConsentRecordRow = typeof consentRecordTable.$inferSelect;
