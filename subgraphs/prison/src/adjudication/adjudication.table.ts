import { date, index, integer, text } from 'drizzle-orm/pg-core';
import { prisonerTable } from '../custody/custody-prisoner.table';
import { prisonSchema } from '../prison.schema';

export const ADJUDICATION_FINDINGS = ['PROVED', 'NOT_PROVED', 'DISMISSED'] as const;

/** Adjudications: charges of breaking Prison Rules 1999 rule 51, heard by a governor. */
export const adjudicationTable = prisonSchema.table(
  'adjudication',
  {
    adjudicationNumber: integer('adjudication_number').primaryKey(),
    prisonNumber: text('prison_number')
      .notNull()
      .references(() => prisonerTable.prisonNumber, { onDelete: 'cascade' }),
    establishmentCode: text('establishment_code').notNull(),
    incidentDate: date('incident_date', { mode: 'string' }).notNull(),
    hearingDate: date('hearing_date', { mode: 'string' }).notNull(),
    chargeCode: text('charge_code').notNull(),
    charge: text('charge').notNull(),
    finding: text('finding', { enum: ADJUDICATION_FINDINGS }).notNull(),
    punishment: text('punishment'),
  },
  (table) => [index('adjudication_prison_number_idx').on(table.prisonNumber)],
);

export type AdjudicationRow = typeof adjudicationTable.$inferSelect;
