import { boolean, date, index, integer, serial, text } from 'drizzle-orm/pg-core';
import { personTable } from '../identity/identity-person.table';
import { policeSchema } from '../police.schema';

/** Sex-offender notification requirements (Sexual Offences Act 2003 Part 2): category 1 only. */
export const notificationTable = policeSchema.table('notification', {
  pncId: text('pnc_id')
    .primaryKey()
    .references(() => personTable.pncId, { onDelete: 'cascade' }),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  periodYears: integer('period_years'),
  indefinite: boolean('indefinite').notNull(),
  expiryDate: date('expiry_date', { mode: 'string' }),
  registeredAddressLine1: text('registered_address_line1').notNull(),
  registeredAddressTown: text('registered_address_town').notNull(),
  registeredAddressPostcode: text('registered_address_postcode').notNull(),
  lastVerifiedDate: date('last_verified_date', { mode: 'string' }).notNull(),
  homeVisitFrequencyWeeks: integer('home_visit_frequency_weeks').notNull(),
});

/** A breach of the notification requirements. */
export const notificationBreachTable = policeSchema.table(
  'notification_breach',
  {
    id: serial('id').primaryKey(),
    pncId: text('pnc_id')
      .notNull()
      .references(() => personTable.pncId, { onDelete: 'cascade' }),
    breachDate: date('breach_date', { mode: 'string' }).notNull(),
    nature: text('nature', {
      enum: ['FAILED_TO_NOTIFY_ADDRESS', 'FAILED_TO_NOTIFY_TRAVEL', 'FAILED_ANNUAL_VERIFICATION', 'FALSE_INFORMATION'],
    }).notNull(),
    outcome: text('outcome', { enum: ['CAUTIONED', 'CHARGED', 'CONVICTED', 'NO_FURTHER_ACTION', 'PENDING'] }).notNull(),
    // Issue 13 (annual report table 3 counts RSOs cautioned or convicted in the year): the day the
    // outcome was reached; null while it is pending or charged, and for breaches recorded before it.
    // Not served in GraphQL: the statistics aggregate it inside the police subgraph.
    outcomeDate: date('outcome_date', { mode: 'string' }),
  },
  (table) => [
    index('notification_breach_pnc_id_idx').on(table.pncId),
    // Table 3 reads the year's breaches by outcome date: with the columns it reads in the key, an
    // index-only scan (issue 13: a bitmap heap scan of 60,000 breaches was a third of it at 1,000,000).
    index('notification_breach_outcome_date_idx').on(table.outcomeDate, table.outcome, table.pncId, table.id),
  ],
);

export type NotificationRow = typeof notificationTable.$inferSelect;
export type NotificationBreachRow = typeof notificationBreachTable.$inferSelect;
