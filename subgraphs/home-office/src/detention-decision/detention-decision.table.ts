import { date, index, text } from 'drizzle-orm/pg-core';
import { homeOfficeSchema } from '../home-office.schema';
import { immigrationCaseTable } from '../immigration-case/immigration-case.table';

/** C.72: the decisions for which the offender manager's risk of serious harm may be asked. */
export const DETENTION_DECISION_KINDS = ['DETENTION_REVIEW', 'IRC_TRANSFER', 'BAIL_HEARING'] as const;

/**
 * A Home Office decision on a foreign national offender's detention, transfer to an IRC or immigration
 * bail (C.72, C.73: the case owner asks the offender manager for risk information before it). The
 * record that makes IMMIGRATION_DETENTION_DECISION true for its case owner while it is open (not decided).
 */
export const detentionDecisionTable = homeOfficeSchema.table(
  'detention_decision',
  {
    decisionId: text('decision_id').primaryKey(),
    pncId: text('pnc_id')
      .notNull()
      .references(() => immigrationCaseTable.pncId, { onDelete: 'cascade' }),
    kind: text('kind', { enum: DETENTION_DECISION_KINDS }).notNull(),
    caseOwnerStaffId: text('case_owner_staff_id').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    decidedDate: date('decided_date', { mode: 'string' }),
  },
  (table) => [index('detention_decision_pnc_id_idx').on(table.pncId)],
);

export type DetentionDecisionRow = typeof detentionDecisionTable.$inferSelect;
