import { and, asc, count, eq, gt, inArray, ne, not, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { Agency, MappaArea, mappaCategorySchema, mappaLevelSchema } from '@mappa/shared';
import type { CalendarDate, Database, RowScope } from '@mappa/shared';
import { z } from 'zod';
import { mappaCaseTable, YOUNG_SUBJECT_BORN_AFTER, youngSubjectCondition } from '../mappa-case/mappa-case.table';
import { meetingTable } from '../meeting/meeting.table';
import type { MappaCaseRow } from '../mappa-case/mappa-case.table';
import { MappaCaseStatus } from '../mappa-case/mappa-case.type';
import { gatesOf, hiddenByGates } from '../offender/offender.scope';
import { mappaCaseHiddenByGates } from '../offender/offender-scope.sql';
import type { MappaCaseGates } from '../offender/offender-scope.sql';
import { mappaCaseRegisterCountTable } from './register-count.table';

/** Where a level 2 or 3 case stands against its MAPP meeting cadence. */
export enum ReviewStatus {
  DUE = 'DUE',
  OVERDUE = 'OVERDUE',
}

/** A review falling within this many days from today is DUE. */
export const MEETING_DUE_WITHIN_DAYS = 28;

/** The register filter once validated: what `OffenderFilter` may hold. */
export const offenderFilterSchema = z.object({
  category: mappaCategorySchema.nullish(),
  level: mappaLevelSchema.nullish(),
  area: z.enum(MappaArea).nullish(),
  leadAgency: z.enum([Agency.POLICE, Agency.PROBATION, Agency.YOT], { error: 'a MAPPA case is led by POLICE, PROBATION or YOT' }).nullish(),
  reviewStatus: z.enum(ReviewStatus, { error: 'reviewStatus is DUE or OVERDUE' }).nullish(),
});

export type RegisterFilter = z.infer<typeof offenderFilterSchema>;

/**
 * The register's row scope in SQL: the same rules as `subjectInScope` (row-scope.ts), applied in the
 * WHERE clause before paging and counting, so an out-of-scope person leaves no trace in a page, a
 * cursor or the total (principle 9).
 */
function scopeCondition(scope: RowScope): SQL | undefined {
  // Principle 7 and R-5: counter-terrorism restricted people only for cleared callers; under
  // MAPPA_MEETING and DISCLOSURE_DECISION, unless the meeting or decision meets A.R25 / B.10, only
  // subjects known to be 18 or over.
  const hidden = hiddenByGates(scope);
  return and(hidden === undefined ? undefined : not(hidden), reachCondition(scope));
}

/**
 * R-3 and the subjects named to the caller: the case's area (which follows a transfer, C.5) or a live
 * grant; only the named subjects for DTC attendees and under the bound purposes (MAPPA_MEETING: the
 * meeting's subject alone; DISCLOSURE_DECISION: the decision's subject alone, for its parties;
 * MAPPA_SCREENING for anyone but the co-ordinator: the referral's subject and screening grants, see
 * `rowScopeOf`); no limit when national; no one when none.
 */
function reachCondition(scope: RowScope): SQL | undefined {
  const granted = scope.grantedPncIds.length === 0 ? undefined : inArray(mappaCaseTable.pncId, [...scope.grantedPncIds]);
  switch (scope.areaScope.kind) {
    case 'national':
      return undefined;
    case 'area': {
      const inArea = eq(mappaCaseTable.area, scope.areaScope.area);
      return granted === undefined ? inArea : or(inArea, granted);
    }
    case 'grantsOnly':
      // No grants: nothing at all, rather than no condition.
      return granted ?? sql`false`;
    case 'none':
      return sql`false`;
  }
}

/**
 * The day a level 2 or 3 case's next MAPP meeting is due (A §5, B §5): the earlier of the last held
 * meeting plus the level's cadence (8 weeks at level 3, 16 at level 2) and the case's next review
 * date; the case start plus the cadence when neither is known. A correlated subquery in the same
 * statement (the meeting table's case index serves it), so filtering stays one SELECT per page.
 */
function reviewDueDate(): SQL {
  const cadence = sql`(case when ${mappaCaseTable.level} = 3 then 56 else 112 end)`;
  const lastHeld = sql`(select max((${meetingTable.scheduledFor} at time zone 'Europe/London')::date) from ${meetingTable}
    where ${meetingTable.caseId} = ${mappaCaseTable.caseId} and ${meetingTable.status} = 'HELD')`;
  // least() ignores nulls: a case with no held meeting is due on its review date.
  return sql`coalesce(least(${lastHeld} + ${cadence}, ${mappaCaseTable.nextReviewDate}), ${mappaCaseTable.startDate} + ${cadence})`;
}

/** DUE: due from `today` to `today` + 28 days; OVERDUE: due before `today`. Only levels 2 and 3 have MAPP meetings. */
function reviewCondition(status: ReviewStatus, today: string): SQL {
  const due = reviewDueDate();
  const window =
    status === ReviewStatus.OVERDUE
      ? sql`${due} < ${today}::date`
      : sql`${due} between ${today}::date and ${today}::date + ${MEETING_DUE_WITHIN_DAYS}::int`;
  return sql`(${mappaCaseTable.level} >= 2 and ${window})`;
}

/** The columns a case is counted by: those of `mappa_case` and of its kept counts alike. */
interface CountedColumns {
  readonly area: AnyPgColumn;
  readonly category: AnyPgColumn;
  readonly level: AnyPgColumn;
  readonly leadAgency: AnyPgColumn;
  readonly counterTerrorismRestricted: AnyPgColumn;
}

/** The filter's category, level, area and lead agency over `columns` (the review status is the case's alone). */
function criteriaCondition(columns: CountedColumns, filter: RegisterFilter): SQL | undefined {
  return and(
    filter.category == null ? undefined : eq(columns.category, filter.category),
    filter.level == null ? undefined : eq(columns.level, filter.level),
    filter.area == null ? undefined : eq(columns.area, filter.area),
    filter.leadAgency == null ? undefined : eq(columns.leadAgency, filter.leadAgency),
  );
}

/** The WHERE clause of the register: ACTIVE cases in the caller's row scope matching every criterion given, on `today` (the request's date). */
function registerCondition(scope: RowScope, filter: RegisterFilter, afterPncId: string | null, today: string): SQL | undefined {
  return and(
    eq(mappaCaseTable.status, MappaCaseStatus.ACTIVE),
    scopeCondition(scope),
    criteriaCondition(mappaCaseTable, filter),
    filter.reviewStatus == null ? undefined : reviewCondition(filter.reviewStatus, today),
    // Keyset paging: PNC IDs are unique among active cases, so "after this ID" is a stable position.
    afterPncId === null ? undefined : gt(mappaCaseTable.pncId, afterPncId),
  );
}

/** Up to `limit` active cases in scope after `afterPncId` in PNC ID order, as on `today`: one SELECT. */
export function fetchRegisterPage(
  db: Database,
  scope: RowScope,
  filter: RegisterFilter,
  afterPncId: string | null,
  limit: number,
  today: CalendarDate = scope.today,
): Promise<MappaCaseRow[]> {
  return db
    .select()
    .from(mappaCaseTable)
    .where(registerCondition(scope, filter, afterPncId, today))
    .orderBy(asc(mappaCaseTable.pncId))
    .limit(limit);
}

/**
 * How many active cases in scope match the filter on `today`: one SELECT. Read from the kept counts
 * (`mappa_case_register_count`) whenever the caller's scope and filter are made of what they are kept by,
 * so that the count costs the same at any size; otherwise (a review status, which moves with the day and
 * the meetings; a caller reaching named subjects only, or YOT or foreign national cases only, whose
 * count is small or whose rule is not a kept column) counted from the cases. Both are exact.
 */
export async function countRegister(
  db: Database,
  scope: RowScope,
  filter: RegisterFilter,
  today: CalendarDate = scope.today,
): Promise<number> {
  const [row] = await (keptCountOf(db, scope, filter) ??
    db
      .select({ total: count() })
      .from(mappaCaseTable)
      .where(registerCondition(scope, filter, null, today)));
  return row?.total ?? 0;
}

/**
 * The register's count from the kept counts, exactly what `registerCondition` counts, or null when the
 * scope or filter is not one they serve. The kept counts hold every ACTIVE case by area, category,
 * level, lead agency and CT marker, so they answer the area (R-3), the filter and the CT gate (principle
 * 7) directly. Two corrections are counted from the cases, in the same statement, each over a few rows:
 * - minus the subjects an age rule hides (R-5: under 18 on `today` or of unknown date of birth, under
 *   MAPPA_MEETING and DISCLOSURE_DECISION), which move with the day and so cannot be kept
 *   (`mappa_case_register_young_idx` holds them: the young subjects' predicate is repeated so the planner uses it);
 * - plus the cases outside the caller's area that a live grant brings in (the grant's PNC IDs, by the
 *   active-case index), with every gate applied to them.
 */
function keptCountOf(db: Database, scope: RowScope, filter: RegisterFilter): Promise<{ total: number }[]> | null {
  const gates = gatesOf(scope);
  const { areaScope } = scope;
  if (filter.reviewStatus != null || gates.youthJusticeOnlyAdultBornBy !== null || gates.foreignNationalOnly) return null;
  if (areaScope.kind !== 'area' && areaScope.kind !== 'national') return null;
  // The young-subject index holds everyone an age rule of this day may hide only from 2026 on.
  if (gates.latestDateOfBirth !== null && gates.latestDateOfBirth < YOUNG_SUBJECT_BORN_AFTER) return null;
  const ownArea = areaScope.kind === 'area' ? areaScope.area : null;
  // The cases the kept counts stand for: the caller's area (or every area), the filter, and the CT gate.
  const kept = (columns: CountedColumns) =>
    and(
      ownArea === null ? undefined : eq(columns.area, ownArea),
      criteriaCondition(columns, filter),
      scope.counterTerrorismCleared ? undefined : eq(columns.counterTerrorismRestricted, false),
    );
  const active = eq(mappaCaseTable.status, MappaCaseStatus.ACTIVE);
  const hiddenByAge =
    gates.latestDateOfBirth === null ? undefined : mappaCaseHiddenByGates({ ...NO_GATES, latestDateOfBirth: gates.latestDateOfBirth });
  const ageHidden =
    hiddenByAge === undefined
      ? sql``
      : sql` - (${db
          .select({ hidden: count() })
          .from(mappaCaseTable)
          .where(and(active, youngSubjectCondition(), kept(mappaCaseTable), hiddenByAge))})`;
  const hidden = hiddenByGates(scope);
  const grantedElsewhere =
    ownArea === null || scope.grantedPncIds.length === 0
      ? sql``
      : sql` + (${db
          .select({ granted: count() })
          .from(mappaCaseTable)
          .where(
            and(
              active,
              inArray(mappaCaseTable.pncId, [...scope.grantedPncIds]),
              ne(mappaCaseTable.area, ownArea),
              criteriaCondition(mappaCaseTable, filter),
              hidden === undefined ? undefined : not(hidden),
            ),
          )})`;
  const t = mappaCaseRegisterCountTable;
  return db
    .select({ total: sql<number>`(coalesce(sum(${t.cases}), 0)${ageHidden}${grantedElsewhere})::int`.mapWith(Number) })
    .from(t)
    .where(kept(t));
}

/** No gate at all: the base the count's age correction sets its one gate on. */
const NO_GATES: MappaCaseGates = {
  counterTerrorismCleared: true,
  latestDateOfBirth: null,
  youthJusticeOnlyAdultBornBy: null,
  foreignNationalOnly: false,
};
