import { date, text } from 'drizzle-orm/pg-core';
import { personTable } from '../identity/identity-person.table';
import { policeSchema } from '../police.schema';

/** The police's own risk assessment of a sexual offender (Risk Matrix 2000 or ARMS). */
export const policeRiskTable = policeSchema.table('police_risk', {
  pncId: text('pnc_id')
    .primaryKey()
    .references(() => personTable.pncId, { onDelete: 'cascade' }),
  tool: text('tool', { enum: ['RM2000', 'ARMS'] }).notNull(),
  level: text('level', { enum: ['LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH'] }).notNull(),
  assessedDate: date('assessed_date', { mode: 'string' }).notNull(),
  assessorStaffId: text('assessor_staff_id').notNull(),
});

export type PoliceRiskRow = typeof policeRiskTable.$inferSelect;
