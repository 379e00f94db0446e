import { boolean, date, index, integer, primaryKey, text } from 'drizzle-orm/pg-core';
import type { MappaArea } from '@mappa/shared';
import { mappaCaseTable } from '../mappa-case/mappa-case.table';
import { mappaSchema } from '../mappa.schema';

/**
 * Issue 13 (the annual report at 1,000,000 offenders): each MAPPA case's values in each reporting year
 * (1 April - 31 March) it is open in, as the annual report reads them, so that tables 1 and 2 are an
 * index read by area and year instead of a join of every case with its history grouped by case.
 * Years with the same values share one row (`first_year` to `last_year`); an open case's last row holds
 * for every later year too (`last_year` null): after its last change its values no longer move.
 *
 * Written only by the database (migration 0022's triggers on `mappa_case` and `mappa_case_change`,
 * statement-level, with the refresh as 0025 left it): every write path, the seed's bulk inserts, level and
 * category decisions, transfers, closures and back-dated corrections, recomputes every year of each case it
 * touched in the same transaction. No code writes it; the cascade removes a deleted case's rows, TRUNCATE included.
 * The one exception to the triggers is the seed's batch of cases and history, which calls the same refresh
 * once after both (`refreshCaseYears`, migration 0029) instead of the triggers refreshing each case twice.
 */
export const mappaCaseYearTable = mappaSchema.table(
  'mappa_case_year',
  {
    caseId: text('case_id')
      .notNull()
      .references(() => mappaCaseTable.caseId, { onDelete: 'cascade' }),
    firstYear: integer('first_year').notNull(),
    // Null: every later year while the case stays open (an open case's last row).
    lastYear: integer('last_year'),
    // The case's own columns, copied so that a report reads this table alone.
    pncId: text('pnc_id').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    counterTerrorismRestricted: boolean('ct_restricted').notNull(),
    // At the end of the case's time in the year (31 March, or its end date if earlier).
    area: text('area').$type<MappaArea>().notNull(),
    category: integer('category').notNull(),
    level: integer('level').notNull(),
    // The highest level the case was managed at in its time in the year (table 2).
    highestLevel: integer('highest_level').notNull(),
    // True: the person has no other MAPPA case, so no later case of theirs can take this one's place in
    // table 2 and the report skips the look-up (issue 13: 30,600 look-ups at 1,000,000 offenders, half the
    // MAPPA statement's time, for about one person in twenty-five with another case). False is always
    // safe (the report looks): a new row starts false until the refresh has checked, and a person whose
    // other case is deleted or moved to another PNC ID stays false until their cases are next written.
    soleCase: boolean('sole_case').notNull().default(false),
  },
  (table) => [
    primaryKey({ columns: [table.caseId, table.firstYear] }),
    // An area's report for a year: every column it reads is in the key, so after a vacuum the read is
    // an index-only scan of the area's entries.
    index('mappa_case_year_area_idx').on(
      table.area,
      table.firstYear,
      table.lastYear,
      table.counterTerrorismRestricted,
      table.category,
      table.level,
      table.highestLevel,
      table.endDate,
      table.startDate,
      table.pncId,
      table.caseId,
      table.soleCase,
    ),
    // Table 2 counts a person by their latest case in the year: their other cases, by person, one
    // look-up per candidate (30,600 in London at 1,000,000). Every column the look-up reads is in the
    // key, so it is index-only (issue 13: a heap visit each was 0.1 s of the statement).
    index('mappa_case_year_pnc_id_idx').on(
      table.pncId,
      table.firstYear,
      table.lastYear,
      table.counterTerrorismRestricted,
      table.caseId,
      table.startDate,
      table.endDate,
    ),
  ],
);
