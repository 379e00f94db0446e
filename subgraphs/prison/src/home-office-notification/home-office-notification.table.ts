import { boolean, date, integer, text } from 'drizzle-orm/pg-core';
import { prisonerTable } from '../custody/custody-prisoner.table';
import { prisonSchema } from '../prison.schema';

/**
 * C.70 (issue 14): the prison's notification of a sentenced foreign national to the Home Office
 * (form CCD/LIT to Criminal Casework, within 5 days of sentencing), with its "MAPPA nominal" answer
 * (seed 000 §7: flagged on NOMIS for every foreign national imprisoned for a MAPPA offence). The
 * prison's own record of what it sent; the Home Office keeps what it received in its own subgraph.
 */
export const homeOfficeNotificationTable = prisonSchema.table('home_office_notification', {
  prisonNumber: text('prison_number')
    .primaryKey()
    .references(() => prisonerTable.prisonNumber, { onDelete: 'cascade' }),
  sentDate: date('sent_date', { mode: 'string' }).notNull(),
  sentencedDate: date('sentenced_date', { mode: 'string' }).notNull(),
  nationality: text('nationality').notNull(),
  mappaNominal: boolean('mappa_nominal').notNull(),
  mappaCategory: integer('mappa_category'),
  sendingEstablishmentCode: text('sending_establishment_code').notNull(),
});

export type HomeOfficeNotificationRow = typeof homeOfficeNotificationTable.$inferSelect;
