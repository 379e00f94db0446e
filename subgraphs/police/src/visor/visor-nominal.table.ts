import { boolean, date, integer, primaryKey, text } from 'drizzle-orm/pg-core';
import type { MappaArea } from '@mappa/shared';
import { personTable } from '../identity/identity-person.table';
import { policeSchema } from '../police.schema';

/** A ViSOR nominal record: held for category 1 and 4, and categories 2 and 3 at level 2 or 3 (A.R4). */
export const visorNominalTable = policeSchema.table('visor_nominal', {
  visorReference: text('visor_reference').primaryKey(),
  pncId: text('pnc_id')
    .notNull()
    .unique()
    .references(() => personTable.pncId, { onDelete: 'cascade' }),
  status: text('status', { enum: ['ACTIVE', 'ARCHIVED'] }).notNull(),
  recordManagerStaffId: text('record_manager_staff_id').notNull(),
  recordManagerForce: text('record_manager_force').notNull(),
  partnerAgencies: text('partner_agencies').array().notNull(),
  restrictedAccess: boolean('restricted_access').notNull(),
  createdDate: date('created_date', { mode: 'string' }).notNull(),
  retentionReviewDate: date('retention_review_date', { mode: 'string' }).notNull(),
  // ViSOR records the MAPPA category and level itself (the record manager keeps them current from the
  // MAPPA unit's decisions, A.R24): who may be a partner on the record depends on them (A.R2, A.R6), so
  // the police decide partner access from their own record, never by reading the MAPPA unit's. Null
  // on a nominal recorded before these were held: then probation's partner route is closed (deny by default).
  mappaCategory: integer('mappa_category'),
  mappaLevel: integer('mappa_level'),
});

/**
 * A.R6: the local Responsible Authority agreements an area records that let a partner agency (today
 * only PROBATION) be a ViSOR partner on category 1 nominals managed at level 1. Without one, probation
 * is a partner on category 1 only at level 2 or 3. Held by the police, who manage category 1 records.
 */
export const levelOnePartnerAgreementTable = policeSchema.table(
  'level_one_partner_agreement',
  {
    area: text('area').$type<MappaArea>().notNull(),
    partnerAgency: text('partner_agency', { enum: ['PROBATION'] }).notNull(),
    agreedDate: date('agreed_date', { mode: 'string' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.area, table.partnerAgency] })],
);

export type VisorNominalRow = typeof visorNominalTable.$inferSelect;
