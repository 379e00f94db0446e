import { boolean, date, index, serial, text } from 'drizzle-orm/pg-core';
import { prisonerTable } from '../custody/custody-prisoner.table';
import { prisonSchema } from '../prison.schema';

/** NOMIS alerts: coded flags on the prisoner's record (MAPPA level, security, self-harm…). */
export const prisonAlertTable = prisonSchema.table(
  'alert',
  {
    id: serial('id').primaryKey(),
    prisonNumber: text('prison_number')
      .notNull()
      .references(() => prisonerTable.prisonNumber, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    typeDescription: text('type_description').notNull(),
    code: text('code').notNull(),
    codeDescription: text('code_description').notNull(),
    comment: text('comment').notNull(),
    createdDate: date('created_date', { mode: 'string' }).notNull(),
    expiryDate: date('expiry_date', { mode: 'string' }),
    expired: boolean('expired').notNull(),
    active: boolean('active').notNull(),
  },
  (table) => [index('alert_prison_number_idx').on(table.prisonNumber)],
);

export type PrisonAlertRow = typeof prisonAlertTable.$inferSelect;
