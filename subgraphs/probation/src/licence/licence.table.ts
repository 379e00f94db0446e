import { boolean, date, index, integer, serial, text } from 'drizzle-orm/pg-core';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { probationCaseTable } from '../case/probation-case.table';
import { probationSchema } from '../probation.schema';

export const LICENCE_STATUSES = [
  'IN_PROGRESS',
  'SUBMITTED',
  'APPROVED',
  'ACTIVE',
  'VARIATION_IN_PROGRESS',
  'VARIATION_SUBMITTED',
  'VARIATION_APPROVED',
  'VARIATION_REJECTED',
  'INACTIVE',
] as const;

/**
 * A licence from Create and Vary a Licence (CVL). The id is CVL's licence id, not a database serial,
 * because a variation points at the licence it varies and the seeder must know that id up front.
 */
export const licenceTable = probationSchema.table(
  'licence',
  {
    licenceId: integer('licence_id').primaryKey(),
    crn: text('crn')
      .notNull()
      .references(() => probationCaseTable.crn, { onDelete: 'cascade' }),
    prisonNumber: text('prison_number'),
    typeCode: text('type_code', { enum: ['AP', 'PSS', 'AP_PSS'] }).notNull(),
    status: text('status', { enum: LICENCE_STATUSES }).notNull(),
    version: text('version').notNull(),
    // The annotation breaks the type cycle of a table referring to itself.
    variationOf: integer('variation_of').references((): AnyPgColumn => licenceTable.licenceId, { onDelete: 'cascade' }),
    sentenceStartDate: date('sentence_start_date', { mode: 'string' }).notNull(),
    conditionalReleaseDate: date('conditional_release_date', { mode: 'string' }).notNull(),
    licenceStartDate: date('licence_start_date', { mode: 'string' }).notNull(),
    licenceExpiryDate: date('licence_expiry_date', { mode: 'string' }),
    sentenceExpiryDate: date('sentence_expiry_date', { mode: 'string' }),
    topUpSupervisionExpiryDate: date('top_up_supervision_expiry_date', { mode: 'string' }),
    createdDate: date('created_date', { mode: 'string' }).notNull(),
    approvedDate: date('approved_date', { mode: 'string' }),
    updatedDate: date('updated_date', { mode: 'string' }).notNull(),
    responsibleComStaffCode: text('responsible_com_staff_code').notNull(),
  },
  (table) => [index('licence_crn_idx').on(table.crn)],
);

/** One condition of a licence: standard, additional or bespoke, for the licence or the PSS period. */
export const licenceConditionTable = probationSchema.table(
  'licence_condition',
  {
    id: serial('id').primaryKey(),
    licenceId: integer('licence_id')
      .notNull()
      .references(() => licenceTable.licenceId, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['STANDARD', 'ADDITIONAL', 'BESPOKE'] }).notNull(),
    period: text('period', { enum: ['AP', 'PSS'] }).notNull(),
    code: text('code').notNull(),
    category: text('category').notNull(),
    text: text('text').notNull(),
    identifiesVictim: boolean('identifies_victim').notNull(),
    isExclusionZone: boolean('is_exclusion_zone').notNull(),
    // The victim (Victim Contact Scheme reference) whose wishes or safety the condition answers, e.g.
    // a no-contact or exclusion-zone condition asked for by that victim: its wording is that victim's
    // material, read by that victim's liaison officer only (B.15, C.32). Null for a condition about
    // no victim in the scheme. Not a foreign key: the victim list is the VLO's, the licence CVL's.
    victimReference: text('victim_reference'),
    // A curfew or exclusion condition the electronic monitoring provider monitors (tag or GPS): the
    // only probation record the provider reads (A.R37).
    electronicMonitoring: boolean('electronic_monitoring').notNull().default(false),
    ordinal: integer('ordinal').notNull(),
  },
  (table) => [index('licence_condition_licence_id_idx').on(table.licenceId)],
);

export type LicenceRow = typeof licenceTable.$inferSelect;
export type LicenceConditionRow = typeof licenceConditionTable.$inferSelect;
