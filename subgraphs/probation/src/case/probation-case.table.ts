import { sql } from 'drizzle-orm';
import { boolean, date, index, smallint, text } from 'drizzle-orm/pg-core';
import type { MappaArea } from '@mappa/shared';
import { probationSchema } from '../probation.schema';

/**
 * An nDelius case, keyed by CRN. Only people with a CRN are held (never a youth: under-18s are the
 * YOT's). Every other probation table hangs off the CRN, as in nDelius; loaders reach them by PNC ID
 * through this table.
 */
export const probationCaseTable = probationSchema.table(
  'probation_case',
  {
    crn: text('crn').primaryKey(),
    // Unique, so PostgreSQL indexes it: every loader looks cases up by PNC ID.
    pncId: text('pnc_id').notNull().unique(),
    status: text('status', { enum: ['CURRENT', 'PREVIOUSLY_KNOWN'] }).notNull(),
    previouslyKnownTerminationDate: date('previously_known_termination_date', { mode: 'string' }),
    supervisionType: text('supervision_type', { enum: ['CUSTODY', 'LICENCE', 'COMMUNITY_ORDER'] }),
    area: text('area').$type<MappaArea>().notNull(),
    providerCode: text('provider_code').notNull(),
    providerDescription: text('provider_description').notNull(),
    teamCode: text('team_code').notNull(),
    teamDescription: text('team_description').notNull(),
    teamTelephoneNumber: text('team_telephone_number').notNull(),
    managerStaffCode: text('manager_staff_code').notNull(),
    managerForenames: text('manager_forenames'),
    managerSurname: text('manager_surname'),
    managerEmail: text('manager_email'),
    managerTelephoneNumber: text('manager_telephone_number'),
    // The senior probation officer who line-manages the community offender manager (nDelius records
    // the team's manager): with the allocated COM, the only probation staff who read the case's
    // victim-identifying material (B.15, C.29). Null when the team has none recorded (then nobody
    // reads it as line manager: deny by default).
    lineManagerStaffCode: text('line_manager_staff_code'),
    // Probation's own MAPPA registration (nDelius registers the MAPPA category and level on the case),
    // so probation decides category 1 co-management (A.R6, A.R23) from its own record, never by asking
    // the MAPPA unit or the police. Null when the case carries no MAPPA registration.
    mappaCategory: smallint('mappa_category'),
    tier: text('tier'),
    inBreach: boolean('in_breach').notNull(),
    currentRestriction: boolean('current_restriction').notNull(),
    mainOffenceCode: text('main_offence_code').notNull(),
    mainOffenceDescription: text('main_offence_description').notNull(),
    convictionDate: date('conviction_date', { mode: 'string' }).notNull(),
    // Principle 7 (rule R-2): category 4 or a restricted-access ViSOR record. Such a person is visible
    // only to counter-terrorism cleared callers; for anyone else probation does not hold them. Read
    // with the case row itself, so the row-scope check costs no extra query.
    counterTerrorismRestricted: boolean('ct_restricted').notNull().default(false),
  },
  (table) => [
    // The record conditions find an offender manager's own cases by staff code: indexed so that lookup is not a scan.
    index('probation_case_manager_staff_code_idx').on(table.managerStaffCode),
    // The statistics read the cases of an area (principle 7 cases never counted): table 5 joins the
    // year's recalls to them by CRN, an index-only scan of the area's entries; without it the statement
    // read every case in the country (issue 13: 0.2 s at 1,000,000). The ad-hoc aggregate's population too.
    index('probation_case_statistics_area_idx')
      .on(table.area, table.crn, table.pncId)
      .where(sql`not ct_restricted`),
  ],
);

export type ProbationCaseRow = typeof probationCaseTable.$inferSelect;
