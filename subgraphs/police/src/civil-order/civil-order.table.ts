import { date, index, serial, text } from 'drizzle-orm/pg-core';
import { personTable } from '../identity/identity-person.table';
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
  (table) => [
    index('civil_order_pnc_id_idx').on(table.pncId),
    // Table 4 reads the year's orders by made date: the columns it reads in the key (index-only, issue 13).
    index('civil_order_made_date_idx').on(table.madeDate, table.type, table.pncId),
  ],
);

/**
 * Issue 13 (annual report table 5, "sent to custody for breach of a SOPO"): a breach of a civil order
 * and what the court or the police did about it. The police's record: they investigate and charge the
 * breach of an order they applied for. Not served in GraphQL: the statistics aggregate it inside the
 * police subgraph, so no field needs a policy yet.
 */
export const civilOrderBreachTable = policeSchema.table(
  'civil_order_breach',
  {
    id: serial('id').primaryKey(),
    pncId: text('pnc_id')
      .notNull()
      .references(() => personTable.pncId, { onDelete: 'cascade' }),
    // The kind of order breached (the person's order of that kind in force on the breach date).
    orderType: text('order_type', { enum: ['SHPO', 'SOPO', 'SRO', 'NOTIFICATION_ORDER', 'FOREIGN_TRAVEL_ORDER'] }).notNull(),
    breachDate: date('breach_date', { mode: 'string' }).notNull(),
    outcome: text('outcome', {
      enum: ['CAUTIONED', 'CONVICTED_CUSTODY', 'CONVICTED_NON_CUSTODIAL', 'NO_FURTHER_ACTION', 'PENDING'],
    }).notNull(),
    // The day of the caution or sentence; null while pending.
    outcomeDate: date('outcome_date', { mode: 'string' }),
  },
  (table) => [
    index('civil_order_breach_pnc_id_idx').on(table.pncId),
    // Table 5 reads the year's breaches by outcome date: the columns it reads in the key (index-only, issue 13).
    index('civil_order_breach_outcome_date_idx').on(table.outcomeDate, table.outcome, table.pncId),
  ],
);

export type CivilOrderBreachRow = typeof civilOrderBreachTable.$inferSelect;

export type CivilOrderRow = typeof civilOrderTable.$inferSelect;
