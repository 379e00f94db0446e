import { date, index, integer, serial, text } from 'drizzle-orm/pg-core';
import { youthCaseTable } from '../youth-case/youth-case.table';
import { yotSchema } from '../yot.schema';

export const YRO_REQUIREMENTS = [
  'SUPERVISION',
  'ACTIVITY',
  'CURFEW',
  'EXCLUSION',
  'PROHIBITED_ACTIVITY',
  'PROGRAMME',
  'UNPAID_WORK',
  'ATTENDANCE_CENTRE',
  'EDUCATION',
  'RESIDENCE',
  'LOCAL_AUTHORITY_RESIDENCE',
  'MENTAL_HEALTH_TREATMENT',
  'DRUG_TREATMENT',
  'ELECTRONIC_MONITORING',
  'INTENSIVE_SUPERVISION_AND_SURVEILLANCE',
] as const;

/**
 * Court orders the YOT supervises: referral orders, youth rehabilitation orders and detention and
 * training orders. A DTO's custodial and community parts are columns of the same row.
 */
export const youthOrderTable = yotSchema.table(
  'youth_order',
  {
    id: serial('id').primaryKey(),
    pncId: text('pnc_id')
      .notNull()
      .references(() => youthCaseTable.pncId, { onDelete: 'cascade' }),
    type: text('type', { enum: ['REFERRAL_ORDER', 'YOUTH_REHABILITATION_ORDER', 'DETENTION_AND_TRAINING_ORDER'] }).notNull(),
    status: text('status', { enum: ['ACTIVE', 'COMPLETED', 'REVOKED'] }).notNull(),
    court: text('court').notNull(),
    madeDate: date('made_date', { mode: 'string' }).notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    lengthMonths: integer('length_months').notNull(),
    requirements: text('requirements', { enum: YRO_REQUIREMENTS }).array().notNull(),
    custodialStartDate: date('custodial_start_date', { mode: 'string' }),
    custodialEndDate: date('custodial_end_date', { mode: 'string' }),
    custodialEstablishment: text('custodial_establishment'),
    communityStartDate: date('community_start_date', { mode: 'string' }),
    communityEndDate: date('community_end_date', { mode: 'string' }),
  },
  (table) => [index('youth_order_pnc_id_idx').on(table.pncId)],
);

export type YouthOrderRow = typeof youthOrderTable.$inferSelect;
