import { boolean, date, index, integer, text } from 'drizzle-orm/pg-core';
import { probationCaseTable } from '../case/probation-case.table';
import { probationSchema } from '../probation.schema';

/**
 * A victim in the Victim Contact Scheme, recorded by the victim liaison officer (VLO) against the
 * offender's case. The most restricted data in the federation: names and contact details of victims.
 */
export const victimContactTable = probationSchema.table(
  'victim_contact',
  {
    victimReference: text('victim_reference').primaryKey(),
    crn: text('crn')
      .notNull()
      .references(() => probationCaseTable.crn, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull(),
    scheme: text('scheme', { enum: ['STATUTORY', 'NON_STATUTORY'] }).notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    addressLine1: text('address_line1').notNull(),
    addressTown: text('address_town').notNull(),
    addressPostcode: text('address_postcode').notNull(),
    telephoneNumber: text('telephone_number'),
    email: text('email'),
    preferredContactMethod: text('preferred_contact_method', { enum: ['LETTER', 'TELEPHONE', 'EMAIL'] }).notNull(),
    exclusionZoneRequested: boolean('exclusion_zone_requested').notNull(),
    noContactRequested: boolean('no_contact_requested').notNull(),
    wantsReleaseInformation: boolean('wants_release_information').notNull(),
    representationsMade: boolean('representations_made').notNull(),
    wishesNotes: text('wishes_notes').notNull(),
    vloStaffId: text('vlo_staff_id').notNull(),
    contactDate: date('contact_date', { mode: 'string' }).notNull(),
  },
  // The record conditions find a VLO's own victims by staff id (C.29): indexed so that lookup is not a scan.
  (table) => [index('victim_contact_crn_idx').on(table.crn), index('victim_contact_vlo_staff_id_idx').on(table.vloStaffId)],
);

export type VictimContactRow = typeof victimContactTable.$inferSelect;
