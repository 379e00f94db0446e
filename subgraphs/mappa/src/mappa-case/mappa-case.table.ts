import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { boolean, check, date, index, integer, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';
import type { MappaArea } from '@mappa/shared';
import { mappaSchema } from '../mappa.schema';
// Types only: the GraphQL enums are the one list of allowed values, and the text columns take
// their TypeScript types from them.
import type { MappaCaseChangeField, MappaCaseEndReason, MappaCaseStatus, MappaDecisionKind, MappaLeadAgency } from './mappa-case.type';

/**
 * Issue 15: the day after which a subject is "young" for `mappa_case_register_young_idx`, and the
 * predicate that index holds (unknown dates of birth included: the age rule hides them too). The index
 * serves an age rule only while its latest adult date of birth is on or after this day, so from 1 January
 * 2026 on; before that the register counts from the cases (`keptCountOf`). As the young of 2008 grow up
 * the index holds more adults, one year of births a year: a later migration may move the day forward.
 */
export const YOUNG_SUBJECT_BORN_AFTER = '2008-01-01';
// A literal, not a parameter: the planner uses a partial index only when the query carries its predicate.
const YOUNG_SUBJECT = sql.raw(`subject_date_of_birth is null or subject_date_of_birth > '${YOUNG_SUBJECT_BORN_AFTER}'`);

/** The young-subject predicate of `mappa_case_register_young_idx`, for a query over `mappa_case` alone to carry. */
export function youngSubjectCondition(): SQL {
  return sql`(${YOUNG_SUBJECT})`;
}

/**
 * A MAPPA case: one period during which a person is a MAPPA offender. A person has at most one
 * ACTIVE case (the partial unique index enforces it) and may have earlier CLOSED ones.
 */
export const mappaCaseTable = mappaSchema.table(
  'mappa_case',
  {
    caseId: text('case_id').primaryKey(),
    pncId: text('pnc_id').notNull(),
    category: integer('category').notNull(),
    level: integer('level').notNull(),
    leadAgency: text('lead_agency').$type<MappaLeadAgency>().notNull(),
    area: text('area').$type<MappaArea>().notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    nextReviewDate: date('next_review_date', { mode: 'string' }),
    status: text('status').$type<MappaCaseStatus>().notNull(),
    endDate: date('end_date', { mode: 'string' }),
    endReason: text('end_reason').$type<MappaCaseEndReason>(),
    // Principle 7 (rule R-2): the person is category 4 or has a restricted-access ViSOR record. A
    // property of the person, so every case of theirs carries it. Such a person is visible only to
    // counter-terrorism cleared callers; for anyone else the MAPPA unit does not hold them (principle
    // 9). Read with the case row itself, so the row-scope check costs no extra query, and filtered
    // in the register's WHERE clause before paging and counting.
    counterTerrorismRestricted: boolean('ct_restricted').notNull().default(false),
    // R-5 (A.R25, B.10): the subject's date of birth, as the MAPPA A referral carries it, so that
    // the unit can tell an under-18 on the request's date without asking the police. Null when not
    // recorded (cases from before this column): under MAPPA_MEETING and DISCLOSURE_DECISION such a
    // case is then out of scope (fails closed), like an under-18.
    subjectDateOfBirth: date('subject_date_of_birth', { mode: 'string' }),
    // W7: the release date the prison has notified for a subject in custody (at least 8 months ahead),
    // which the unit's referral diary (`releasesNeedingReferral`) runs on; null in the community.
    custodyReleaseDate: date('custody_release_date', { mode: 'string' }),
    // A.R38, C.72 (issue 12): the person is a foreign national offender (not a British citizen, C §5.2),
    // as the MAPPA unit records it from the MAPPA A and the lead agency's notification of UKBA (C.71). The
    // unit's own record, so whether the Home Office may know the case is decided here, without reading the
    // police's nationality field (no subgraph reads another agency's records): the MAPPA unit issues every
    // grant and vouches every meeting standing the gateway passes on, and it vouches none to the Home
    // Office for anyone else, so probation and the police keep enforcing it by row scope as they do today.
    foreignNational: boolean('foreign_national').notNull().default(false),
  },
  (table) => [
    // Constraint and predicate SQL names the columns bare: interpolated columns would be written
    // schema- and table-qualified, which is noise inside a table's own constraints.
    // Serves the register (ACTIVE cases in PNC ID order, keyset-paged) and enforces one active case per person.
    uniqueIndex('mappa_case_active_pnc_id_idx')
      .on(table.pncId)
      .where(sql`status = 'ACTIVE'`),
    // Serves the per-person loader, which also reads closed cases.
    index('mappa_case_pnc_id_idx').on(table.pncId),
    // Issue 15 (scale): serves the register's area-scoped pages (ACTIVE cases of an area in PNC ID
    // order, keyset-paged) and its totalCount; the filter columns follow the key so that a count with
    // a category, level or lead agency filter (and the principle 7 gate) is an index-only scan of the
    // area's entries, never a scan of every case.
    index('mappa_case_register_area_idx')
      .on(table.area, table.pncId, table.category, table.level, table.leadAgency, table.counterTerrorismRestricted)
      .where(sql`status = 'ACTIVE'`),
    // One per register filter: a filtered count reads only the entries it counts (not every entry of
    // the area), and a filtered page reads its 50 in PNC ID order, however rare the filtered value.
    index('mappa_case_register_area_category_idx')
      .on(table.area, table.category, table.pncId, table.counterTerrorismRestricted)
      .where(sql`status = 'ACTIVE'`),
    index('mappa_case_register_area_level_idx')
      .on(table.area, table.level, table.pncId, table.counterTerrorismRestricted)
      .where(sql`status = 'ACTIVE'`),
    index('mappa_case_register_area_lead_agency_idx')
      .on(table.area, table.leadAgency, table.pncId, table.counterTerrorismRestricted)
      .where(sql`status = 'ACTIVE'`),
    // Issue 15: the register's count reads the kept counts (`mappa_case_register_count`) and subtracts
    // the subjects an age rule hides (R-5: under 18 on the request's date, or of unknown date of birth),
    // which depend on the day and so cannot be kept. This index holds only the young (about 2% of cases),
    // with every column the correction reads, so it is counted from the index alone.
    index('mappa_case_register_young_idx')
      .on(table.area, table.subjectDateOfBirth, table.category, table.level, table.leadAgency, table.counterTerrorismRestricted)
      .where(sql`status = 'ACTIVE' and (${YOUNG_SUBJECT})`),
    check('mappa_case_category_check', sql`category between 1 and 4`),
    check('mappa_case_level_check', sql`level between 1 and 3`),
    // Category 3 exists only for cases that need active multi-agency management (levels 2 and 3).
    check('mappa_case_category_3_level_check', sql`category <> 3 or level >= 2`),
    // An active case has no end; a closed one has its end date and reason, and no review is due.
    check(
      'mappa_case_end_check',
      sql`(status = 'ACTIVE' and end_date is null and end_reason is null) or (status = 'CLOSED' and end_date is not null and end_reason is not null and next_review_date is null)`,
    ),
  ],
);

/** One change to a MAPPA case (including its opening), with the decision that made it. */
export const mappaCaseChangeTable = mappaSchema.table(
  'mappa_case_change',
  {
    id: serial('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => mappaCaseTable.caseId, { onDelete: 'cascade' }),
    // Position in the case's history: several changes can share a date.
    sequence: integer('sequence').notNull(),
    field: text('field').$type<MappaCaseChangeField>().notNull(),
    valueBefore: text('value_before'),
    valueAfter: text('value_after').notNull(),
    changedDate: date('changed_date', { mode: 'string' }).notNull(),
    changedByStaffId: text('changed_by_staff_id').notNull(),
    decisionKind: text('decision_kind').$type<MappaDecisionKind>().notNull(),
    decisionReference: text('decision_reference').notNull(),
    // Why the decision was taken, in the decider's words (A.R16 level changes record it); null for
    // changes recorded before reasons were kept.
    reason: text('reason'),
  },
  (table) => [
    uniqueIndex('mappa_case_change_case_id_sequence_idx').on(table.caseId, table.sequence),
    // Issue 13 (statistics): a case's CATEGORY, LEVEL and AREA on a day, read by the triggers that keep
    // `mappa_case_year` (migration 0022) and by tables 7-9 (`valueOn`); every column they read is in the key.
    index('mappa_case_change_statistics_idx')
      .on(table.caseId, table.field, table.changedDate, table.sequence, table.valueAfter, table.valueBefore)
      .where(sql`field in ('CATEGORY', 'LEVEL', 'AREA')`),
  ],
);

export type MappaCaseRow = typeof mappaCaseTable.$inferSelect;
export type MappaCaseChangeRow = typeof mappaCaseChangeTable.$inferSelect;
