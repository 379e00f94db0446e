import { boolean, date, index, serial, text } from 'drizzle-orm/pg-core';
import { prisonerTable } from '../custody/custody-prisoner.table';
import { prisonSchema } from '../prison.schema';

/** MAPPA F: the prison's report to a level 2 or 3 MAPP meeting about a person it holds. */
export const mappaFReportTable = prisonSchema.table(
  'mappa_f_report',
  {
    id: serial('id').primaryKey(),
    prisonNumber: text('prison_number')
      .notNull()
      .references(() => prisonerTable.prisonNumber, { onDelete: 'cascade' }),
    establishmentCode: text('establishment_code').notNull(),
    reportDate: date('report_date', { mode: 'string' }).notNull(),
    meetingDate: date('meeting_date', { mode: 'string' }).notNull(),
    authorStaffId: text('author_staff_id').notNull(),
    prisonAttending: boolean('prison_attending').notNull(),
    behaviourInCustody: text('behaviour_in_custody').notNull(),
    programmesCompleted: text('programmes_completed').array().notNull(),
    contactConcerns: text('contact_concerns'),
    riskFactorsObserved: text('risk_factors_observed').notNull(),
  },
  (table) => [index('mappa_f_report_prison_number_idx').on(table.prisonNumber)],
);

export type MappaFReportRow = typeof mappaFReportTable.$inferSelect;
