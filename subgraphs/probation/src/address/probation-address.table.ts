import { boolean, date, index, integer, serial, text } from 'drizzle-orm/pg-core';
import { probationCaseTable } from '../case/probation-case.table';
import { probationSchema } from '../probation.schema';

/** Addresses on the nDelius case: the main one, previous ones and a proposed release address. */
export const probationAddressTable = probationSchema.table(
  'probation_address',
  {
    id: serial('id').primaryKey(),
    crn: text('crn')
      .notNull()
      .references(() => probationCaseTable.crn, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull(),
    type: text('type', { enum: ['HOME', 'APPROVED_PREMISES'] }).notNull(),
    status: text('status', { enum: ['MAIN', 'PREVIOUS', 'PROPOSED'] }).notNull(),
    buildingName: text('building_name'),
    addressLine1: text('address_line1').notNull(),
    town: text('town').notNull(),
    postcode: text('postcode').notNull(),
    verified: boolean('verified').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
  },
  (table) => [index('probation_address_crn_idx').on(table.crn)],
);

export type ProbationAddressRow = typeof probationAddressTable.$inferSelect;
