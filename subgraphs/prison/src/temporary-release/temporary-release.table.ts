import { boolean, date, index, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { prisonerTable } from '../custody/custody-prisoner.table';
import { prisonSchema } from '../prison.schema';

export const TEMPORARY_RELEASE_TYPES = ['RDR', 'ROR', 'CRL'] as const;
export const TEMPORARY_RELEASE_OUTCOMES = ['COMPLETED', 'FAILED_TO_RETURN', 'CANCELLED'] as const;

/** Release on temporary licence (ROTL) events: days and times out of the prison. */
export const temporaryReleaseTable = prisonSchema.table(
  'temporary_release',
  {
    id: serial('id').primaryKey(),
    prisonNumber: text('prison_number')
      .notNull()
      .references(() => prisonerTable.prisonNumber, { onDelete: 'cascade' }),
    type: text('type', { enum: TEMPORARY_RELEASE_TYPES }).notNull(),
    approvedDate: date('approved_date', { mode: 'string' }).notNull(),
    start: timestamp('start', { withTimezone: true, mode: 'date' }).notNull(),
    end: timestamp('end', { withTimezone: true, mode: 'date' }).notNull(),
    purpose: text('purpose').notNull(),
    mappaCoordinatorConsulted: boolean('mappa_coordinator_consulted').notNull(),
    outcome: text('outcome', { enum: TEMPORARY_RELEASE_OUTCOMES }).notNull(),
  },
  (table) => [index('temporary_release_prison_number_idx').on(table.prisonNumber)],
);

export type TemporaryReleaseRow = typeof temporaryReleaseTable.$inferSelect;
