import { boolean, date, text } from 'drizzle-orm/pg-core';
import { personTable } from '../identity/person.table';
import { policeSchema } from '../police.schema';

/** A ViSOR nominal record: held for category 1 and 4, and categories 2 and 3 at level 2 or 3 (A.R4). */
export const visorNominalTable = policeSchema.table('visor_nominal', {
  visorReference: text('visor_reference').primaryKey(),
  pncId: text('pnc_id')
    .notNull()
    .unique()
    .references(() => personTable.pncId, { onDelete: 'cascade' }),
  status: text('status', { enum: ['ACTIVE', 'ARCHIVED'] }).notNull(),
  recordManagerStaffId: text('record_manager_staff_id').notNull(),
  recordManagerForce: text('record_manager_force').notNull(),
  partnerAgencies: text('partner_agencies').array().notNull(),
  restrictedAccess: boolean('restricted_access').notNull(),
  createdDate: date('created_date', { mode: 'string' }).notNull(),
  retentionReviewDate: date('retention_review_date', { mode: 'string' }).notNull(),
});

export type VisorNominalRow = typeof visorNominalTable.$inferSelect;
