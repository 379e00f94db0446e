import { date, integer, text } from 'drizzle-orm/pg-core';
import { homeOfficeSchema } from '../home-office.schema';
import { immigrationCaseTable } from '../immigration-case/immigration-case.table';

/** Seed 000 §4, §13: some MAPPA TSFNOs are too high a risk for an IRC and stay in prison. */
export const IRC_SUITABILITY_OUTCOMES = ['SUITABLE_FOR_IRC', 'UNSUITABLE_REMAIN_IN_PRISON'] as const;

/**
 * The Home Office's assessment of a detainee's suitability for an immigration removal centre (seed 000
 * §4, §13: by the DEPMU risk assessment team, on conviction, sentence length and custodial behaviour,
 * with the MAPPA details the prison recorded). The latest one per person.
 */
export const ircSuitabilityTable = homeOfficeSchema.table('irc_suitability_assessment', {
  pncId: text('pnc_id')
    .primaryKey()
    .references(() => immigrationCaseTable.pncId, { onDelete: 'cascade' }),
  assessedDate: date('assessed_date', { mode: 'string' }).notNull(),
  outcome: text('outcome', { enum: IRC_SUITABILITY_OUTCOMES }).notNull(),
  mappaLevelConsidered: integer('mappa_level_considered'),
  assessedByStaffId: text('assessed_by_staff_id').notNull(),
});

export type IrcSuitabilityRow = typeof ircSuitabilityTable.$inferSelect;
