import { boolean, date, integer, text } from 'drizzle-orm/pg-core';
import type { MappaArea } from '@mappa/shared';
import { homeOfficeSchema } from '../home-office.schema';

/**
 * The Home Office's immigration case about a foreign national offender (Criminal Casework), opened
 * when the prison's notification arrives (C.70: form CCD/LIT within 5 days of sentencing). It records
 * the MAPPA nominal flag as received from the prison (the Home Office's first sign of MAPPA status,
 * seed 000 §7: a nominal flag says nothing of risk or level), and the case owner.
 */
export const immigrationCaseTable = homeOfficeSchema.table('immigration_case', {
  pncId: text('pnc_id').primaryKey(),
  homeOfficeReference: text('home_office_reference').notNull().unique(),
  nationality: text('nationality').notNull(),
  // the MAPPA area responsible for the person, as the notification gave it; decides row scope.
  mappaArea: text('mappa_area').$type<MappaArea>().notNull(),
  // Principle 7: category 4 or restricted access, as notified; such a case exists only for CT-cleared callers.
  counterTerrorismRestricted: boolean('ct_restricted').notNull().default(false),
  mappaNominal: boolean('mappa_nominal').notNull(),
  mappaCategory: integer('mappa_category'),
  notificationReceivedDate: date('notification_received_date', { mode: 'string' }).notNull(),
  caseOwnerStaffId: text('case_owner_staff_id').notNull(),
});

export type ImmigrationCaseRow = typeof immigrationCaseTable.$inferSelect;
