import { boolean, date, index, integer, serial, text } from 'drizzle-orm/pg-core';
import { prisonerTable } from '../custody/custody-prisoner.table';
import { prisonSchema } from '../prison.schema';

export const SENTENCE_TYPES = ['SDS', 'EDS', 'LIFE', 'IPP', 'SOPC'] as const;

/**
 * The custodial sentence on the person's booking, with its calculated key dates (as the HMPPS
 * Integration API's `LatestSentenceKeyDatesAndAdjustments` and Prisoner Offender Search show them).
 */
export const sentenceTable = prisonSchema.table('sentence', {
  prisonNumber: text('prison_number')
    .primaryKey()
    .references(() => prisonerTable.prisonNumber, { onDelete: 'cascade' }),
  sentenceType: text('sentence_type', { enum: SENTENCE_TYPES }).notNull(),
  indeterminate: boolean('indeterminate').notNull(),
  lengthMonths: integer('length_months'),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  sentenceExpiryDate: date('sentence_expiry_date', { mode: 'string' }),
  conditionalReleaseDate: date('conditional_release_date', { mode: 'string' }).notNull(),
  automaticReleaseDate: date('automatic_release_date', { mode: 'string' }),
  licenceExpiryDate: date('licence_expiry_date', { mode: 'string' }),
  paroleEligibilityDate: date('parole_eligibility_date', { mode: 'string' }),
  tariffDate: date('tariff_date', { mode: 'string' }),
  homeDetentionCurfewEligibilityDate: date('home_detention_curfew_eligibility_date', { mode: 'string' }),
  topUpSupervisionExpiryDate: date('top_up_supervision_expiry_date', { mode: 'string' }),
  releaseDate: date('release_date', { mode: 'string' }),
  releaseDateConfirmed: boolean('release_date_confirmed').notNull(),
  releaseDateConfirmedDate: date('release_date_confirmed_date', { mode: 'string' }),
});

/** The offences the sentence was passed for, with their statutory schedule flags. */
export const offenceTable = prisonSchema.table(
  'offence',
  {
    id: serial('id').primaryKey(),
    prisonNumber: text('prison_number')
      .notNull()
      .references(() => prisonerTable.prisonNumber, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    description: text('description').notNull(),
    schedule15: boolean('schedule15').notNull(),
    schedule3: boolean('schedule3').notNull(),
    convictionDate: date('conviction_date', { mode: 'string' }).notNull(),
    mostSerious: boolean('most_serious').notNull(),
  },
  (table) => [index('offence_prison_number_idx').on(table.prisonNumber)],
);

export type SentenceRow = typeof sentenceTable.$inferSelect;
export type OffenceRow = typeof offenceTable.$inferSelect;
