import { boolean, integer, primaryKey, text } from 'drizzle-orm/pg-core';
import type { MappaArea } from '@mappa/shared';
import { mappaSchema } from '../mappa.schema';
import type { MappaLeadAgency } from '../mappa-case/mappa-case.type';

/**
 * Issue 15 (the register at 1,000,000 offenders): how many ACTIVE cases there are of each area, category,
 * level, lead agency and counter-terrorism marker, so that the register's `totalCount` sums a few rows
 * instead of reading every entry it counts (an exact count of an area grew 8x from 100,000 to 1,000,000).
 * Exact, never an estimate: a co-ordinator is told how many offenders they manage.
 *
 * Written only by the database (migration 0028's statement-level triggers on `mappa_case`, with transition
 * tables): every write path, the seed's bulk inserts, level and category decisions, transfers, closures and
 * any future writer, moves the counts in its own transaction; TRUNCATE of the cases empties it. No code
 * writes it. `mappa.refresh_register_counts()` rebuilds it from the cases in one statement (for a bulk
 * load that runs with the triggers off). A write that would take a count below zero (an earlier write
 * never counted) fails rather than keep a wrong total. Keys whose count fell to 0 keep their row: at most 42 areas x 4
 * categories x 3 levels x 3 lead agencies x 2 markers rows, and no writer races another to delete one.
 */
export const mappaCaseRegisterCountTable = mappaSchema.table(
  'mappa_case_register_count',
  {
    area: text('area').$type<MappaArea>().notNull(),
    category: integer('category').notNull(),
    level: integer('level').notNull(),
    leadAgency: text('lead_agency').$type<MappaLeadAgency>().notNull(),
    counterTerrorismRestricted: boolean('ct_restricted').notNull(),
    cases: integer('cases').notNull(),
  },
  (table) => [
    // The register's count reads one area's rows (its filters narrow them further): area first.
    primaryKey({
      name: 'mappa_case_register_count_pk',
      columns: [table.area, table.category, table.level, table.leadAgency, table.counterTerrorismRestricted],
    }),
  ],
);
