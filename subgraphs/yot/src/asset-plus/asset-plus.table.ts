import { date, text } from 'drizzle-orm/pg-core';
import { youthCaseTable } from '../youth-case/youth-case.table';
import { yotSchema } from '../yot.schema';

const LEVELS = ['LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH'] as const;

/** The latest AssetPlus assessment of a young person (one per case; earlier ones are superseded). */
export const assetPlusTable = yotSchema.table('asset_plus_assessment', {
  pncId: text('pnc_id')
    .primaryKey()
    .references(() => youthCaseTable.pncId, { onDelete: 'cascade' }),
  roshLevel: text('rosh_level', { enum: LEVELS }).notNull(),
  safetyAndWellbeingLevel: text('safety_and_wellbeing_level', { enum: LEVELS }).notNull(),
  reoffendingLikelihood: text('reoffending_likelihood', { enum: ['LOW', 'MEDIUM', 'HIGH'] }).notNull(),
  interventionLevel: text('intervention_level', { enum: ['STANDARD', 'ENHANCED', 'INTENSIVE'] }).notNull(),
  assessedDate: date('assessed_date', { mode: 'string' }).notNull(),
  assessorStaffId: text('assessor_staff_id').notNull(),
  countersignedDate: date('countersigned_date', { mode: 'string' }),
  countersigningManagerStaffId: text('countersigning_manager_staff_id'),
  countersigningManagerName: text('countersigning_manager_name'),
  nextReviewDate: date('next_review_date', { mode: 'string' }).notNull(),
});

export type AssetPlusRow = typeof assetPlusTable.$inferSelect;
