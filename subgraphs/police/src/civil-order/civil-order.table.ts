import { date, index, serial, text } from 'drizzle-orm/pg-core';
import { personTable } from '../identity/person.table';
import { policeSchema } from '../police.schema';

/** Civil preventive orders a court has made on police application. */
export const civilOrderTable = policeSchema.table(
  'civil_order',
  {
    id: serial('id').primaryKey(),
    pncId: text('pnc_id')
      .notNull()
      .references(() => personTable.pncId, { onDelete: 'cascade' }),
    type: text('type', { enum: ['SHPO', 'SOPO', 'SRO', 'NOTIFICATION_ORDER', 'FOREIGN_TRAVEL_ORDER'] }).notNull(),
    court: text('court').notNull(),
    madeDate: date('made_date', { mode: 'string' }).notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    conditions: text('conditions').array().notNull(),
  },
  (table) => [index('civil_order_pnc_id_idx').on(table.pncId)],
);

export type CivilOrderRow = typeof civilOrderTable.$inferSelect;
