import { date, index, text } from 'drizzle-orm/pg-core';
import { probationCaseTable } from '../case/probation-case.table';
import { probationSchema } from '../probation.schema';

/** Why the licence was revoked (nDelius recall reasons, grouped as the annual report needs them). */
export const RECALL_REASONS = [
  'BREACH_OF_LICENCE_CONDITIONS',
  'FURTHER_OFFENCE_CHARGED',
  'OUT_OF_TOUCH',
  'DETERIORATION_IN_BEHAVIOUR',
] as const;

/**
 * Issue 13 (annual report table 5): a recall to custody of someone on licence. Recall is probation's
 * decision (the community offender manager requests it, the Public Protection Casework Section
 * revokes the licence), so the event is probation's record. The return to custody is the prison's
 * fact; until the prison subgraph records returns, probation records the day the person was back in
 * custody here (`returnedToCustodyDate`), as nDelius does from the prison's notice. Not served in
 * GraphQL: the statistics aggregate it inside the probation subgraph, so no field needs a policy yet.
 */
export const recallTable = probationSchema.table(
  'recall',
  {
    recallId: text('recall_id').primaryKey(),
    crn: text('crn')
      .notNull()
      .references(() => probationCaseTable.crn, { onDelete: 'cascade' }),
    recallDate: date('recall_date', { mode: 'string' }).notNull(),
    reason: text('reason', { enum: RECALL_REASONS }).notNull(),
    recallType: text('recall_type', { enum: ['FIXED_TERM', 'STANDARD'] }).notNull(),
    // Null while the person is unlawfully at large after the revocation.
    returnedToCustodyDate: date('returned_to_custody_date', { mode: 'string' }),
    // The day the person was re-released on licence; null while still in custody on the recall.
    reReleaseDate: date('re_release_date', { mode: 'string' }),
  },
  (table) => [
    index('recall_crn_idx').on(table.crn),
    // Table 5 reads the year's returns to custody: the columns it reads in the key (index-only, issue 13).
    index('recall_returned_to_custody_date_idx').on(table.returnedToCustodyDate, table.crn, table.reason, table.recallId),
  ],
);

export type RecallRow = typeof recallTable.$inferSelect;
