import { date, index, serial, text } from 'drizzle-orm/pg-core';
import { personTable } from '../identity/identity-person.table';
import { policeSchema } from '../police.schema';

/**
 * A graded intelligence item (3x5x2: source evaluation, intelligence assessment, handling code).
 * Originator-controlled: the full item stays with the originating force (`originatorForce`) and leaves
 * the police only as a sanitised summary; the originator's agreements (intelligence-sharing-agreement.table.ts)
 * open it to another force, or a handling code C item's summary to MAPPA partners.
 */
export const intelligenceItemTable = policeSchema.table(
  'intelligence_item',
  {
    id: serial('id').primaryKey(),
    pncId: text('pnc_id')
      .notNull()
      .references(() => personTable.pncId, { onDelete: 'cascade' }),
    reference: text('reference').notNull().unique(),
    recordedDate: date('recorded_date', { mode: 'string' }).notNull(),
    sourceEvaluation: text('source_evaluation', { enum: ['1', '2', '3'] }).notNull(),
    intelligenceAssessment: text('intelligence_assessment', { enum: ['A', 'B', 'C', 'D', 'E'] }).notNull(),
    handlingCode: text('handling_code', { enum: ['P', 'C'] }).notNull(),
    originatorForce: text('originator_force').notNull(),
    text: text('text').notNull(),
    sanitisedSummary: text('sanitised_summary').notNull(),
  },
  (table) => [index('intelligence_item_pnc_id_idx').on(table.pncId)],
);

export type IntelligenceItemRow = typeof intelligenceItemTable.$inferSelect;
