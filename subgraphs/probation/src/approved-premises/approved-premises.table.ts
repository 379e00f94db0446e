import { date, index, primaryKey, serial, text } from 'drizzle-orm/pg-core';
import { probationCaseTable } from '../case/probation-case.table';
import { probationSchema } from '../probation.schema';

/**
 * Probation staff who work at an approved premises (AP), by nDelius staff code: the premises an
 * `approved_premises_staff` principal reads residents of (C.8, C.11). Probation's own staff record,
 * so the principal carries no premises claim and no other agency is asked.
 */
export const approvedPremisesStaffTable = probationSchema.table(
  'approved_premises_staff',
  {
    staffCode: text('staff_code').notNull(),
    premisesCode: text('premises_code').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.staffCode, table.premisesCode] }),
    index('approved_premises_staff_premises_idx').on(table.premisesCode),
  ],
);

export const APPROVED_PREMISES_PLACEMENT_STATUSES = ['PROPOSED', 'RESIDENT', 'DEPARTED'] as const;

/**
 * A person's placement at an approved premises: PROPOSED (a bed booked for release), RESIDENT (living
 * there now) or DEPARTED (no longer). Residents and proposed residents are the people the premises'
 * staff read the case reference, offender manager contact and risk levels of (C.8, C.11).
 */
export const approvedPremisesPlacementTable = probationSchema.table(
  'approved_premises_placement',
  {
    id: serial('id').primaryKey(),
    crn: text('crn')
      .notNull()
      .references(() => probationCaseTable.crn, { onDelete: 'cascade' }),
    premisesCode: text('premises_code').notNull(),
    premisesName: text('premises_name').notNull(),
    status: text('status', { enum: APPROVED_PREMISES_PLACEMENT_STATUSES }).notNull(),
    expectedArrivalDate: date('expected_arrival_date', { mode: 'string' }).notNull(),
    departureDate: date('departure_date', { mode: 'string' }),
  },
  (table) => [index('approved_premises_placement_crn_idx').on(table.crn)],
);
