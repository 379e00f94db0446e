import { boolean, date, index, integer, text } from 'drizzle-orm/pg-core';
import type { MappaArea } from '@mappa/shared';
import { yotSchema } from '../yot.schema';

/**
 * A young person's case with the youth offending team, keyed by PNC ID. Only under-18s are held:
 * at 18 the case transfers to the Probation Service. Every other YOT table hangs off this one.
 */
export const youthCaseTable = yotSchema.table(
  'youth_case',
  {
    pncId: text('pnc_id').primaryKey(),
    // Not unique in the database: the shared synthetic reference wraps after a million people.
    yotReference: text('yot_reference').notNull(),
    dateOfBirth: date('date_of_birth', { mode: 'string' }).notNull(),
    area: text('area').$type<MappaArea>().notNull(),
    localAuthority: text('local_authority').notNull(),
    caseManagerStaffId: text('case_manager_staff_id').notNull(),
    caseManagerName: text('case_manager_name').notNull(),
    status: text('status', { enum: ['OPEN', 'IN_BREACH', 'TRANSITIONING', 'CLOSED'] }).notNull(),
    dateOpened: date('date_opened', { mode: 'string' }).notNull(),
    mappaCategory: integer('mappa_category').notNull(),
    mappaLevel: integer('mappa_level').notNull(),
    // Principle 7 (rule R-2): category 4 or a restricted-access ViSOR record. Such a young person is
    // visible only to counter-terrorism cleared callers; for anyone else the YOT does not hold them
    // (principle 9). Read with the case row itself, so the row-scope check costs no extra query.
    counterTerrorismRestricted: boolean('ct_restricted').notNull().default(false),
  },
  (table) => [index('youth_case_yot_reference_idx').on(table.yotReference)],
);

export type YouthCaseRow = typeof youthCaseTable.$inferSelect;
