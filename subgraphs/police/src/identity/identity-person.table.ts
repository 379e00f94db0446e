import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, serial, text } from 'drizzle-orm/pg-core';
import type { MappaArea } from '@mappa/shared';
import { policeSchema } from '../police.schema';

/** A person known to the Police National Computer, keyed by PNC ID. */
export const personTable = policeSchema.table(
  'person',
  {
    pncId: text('pnc_id').primaryKey(),
    croNumber: text('cro_number').notNull().unique(),
    firstName: text('first_name').notNull(),
    middleNames: text('middle_names'),
    lastName: text('last_name').notNull(),
    dateOfBirth: date('date_of_birth', { mode: 'string' }).notNull(),
    gender: text('gender', { enum: ['MALE', 'FEMALE', 'NOT_KNOWN'] }).notNull(),
    ethnicityCode: text('ethnicity_code').notNull(),
    nationality: text('nationality').notNull(),
    // Principle 7: category 4 (terrorist / terrorist-risk) or a restricted-access ViSOR record.
    // Such a person exists only for counter-terrorism cleared callers (see subjectInScope).
    counterTerrorismRestricted: boolean('ct_restricted').notNull().default(false),
    // R-3 (principle 2, C.5): the MAPPA area responsible for the person, so police row scope can
    // follow the area without reading the MAPPA unit's tables. In production the PPU keeps it current:
    // when a case transfers (C.5) the receiving area's force takes the ViSOR record and this changes
    // with it. Null when the police cannot tell: then only a case grant brings the person in scope.
    mappaArea: text('mappa_area').$type<MappaArea>(),
    // Issue 13: the local authority of the person's home, within the area, for the annual report's and
    // the board's breakdowns. Not served in GraphQL (no reader yet); null for people recorded before it.
    localAuthority: text('local_authority'),
  },
  (table) => [
    // The statistics read the people of an area (principle 7 records never counted): the annual
    // report's tables 3-5 join the year's events to them by PNC ID, an index-only scan of the area's
    // entries; without it each of the three statements read every person in the country (issue 13:
    // 0.1-0.3 s each at 1,000,000). The ad-hoc aggregate's population is the same rows.
    index('person_statistics_area_idx')
      .on(table.mappaArea, table.pncId)
      .where(sql`not ct_restricted`),
  ],
);

/** Other names a person has used or been recorded under. */
export const aliasTable = policeSchema.table(
  'alias',
  {
    id: serial('id').primaryKey(),
    pncId: text('pnc_id')
      .notNull()
      .references(() => personTable.pncId, { onDelete: 'cascade' }),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    dateOfBirth: date('date_of_birth', { mode: 'string' }),
    ordinal: integer('ordinal').notNull(),
  },
  (table) => [index('alias_pnc_id_idx').on(table.pncId)],
);

export type PersonRow = typeof personTable.$inferSelect;
export type AliasRow = typeof aliasTable.$inferSelect;
