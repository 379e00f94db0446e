import { and, asc, count, eq, gt } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { Agency, MappaArea, mappaCategorySchema, mappaLevelSchema, mayKnowRestrictedSubject } from '@mappa/shared';
import type { Caller, Database } from '@mappa/shared';
import { z } from 'zod';
import { mappaCaseTable } from '../mappa-case/mappa-case.table';
import type { MappaCaseRow } from '../mappa-case/mappa-case.table';
import { MappaCaseStatus } from '../mappa-case/mappa-case.type';

/** The register filter once validated: what `OffenderFilter` may hold. */
export const offenderFilterSchema = z.object({
  category: mappaCategorySchema.nullish(),
  level: mappaLevelSchema.nullish(),
  area: z.enum(MappaArea).nullish(),
  leadAgency: z.enum([Agency.POLICE, Agency.PROBATION, Agency.YOT], { error: 'a MAPPA case is led by POLICE, PROBATION or YOT' }).nullish(),
});

export type RegisterFilter = z.infer<typeof offenderFilterSchema>;

/**
 * Which rows of the register the caller may see at all (row scope), applied in SQL before paging and
 * counting, so an out-of-scope person leaves no trace in a page, a cursor or the total (principle 9).
 */
export interface RegisterScope {
  /** Principle 7 (rule R-2): whether counter-terrorism restricted people are in scope (CT clearance). */
  readonly includeCounterTerrorismRestricted: boolean;
}

/** The register scope of a caller. */
export function registerScopeFor(caller: Caller): RegisterScope {
  return { includeCounterTerrorismRestricted: mayKnowRestrictedSubject(caller) };
}

/** The WHERE clause of the register: ACTIVE cases in the caller's row scope matching every criterion given. */
function registerCondition(scope: RegisterScope, filter: RegisterFilter, afterPncId: string | null = null): SQL | undefined {
  return and(
    eq(mappaCaseTable.status, MappaCaseStatus.ACTIVE),
    scope.includeCounterTerrorismRestricted ? undefined : eq(mappaCaseTable.counterTerrorismRestricted, false),
    filter.category == null ? undefined : eq(mappaCaseTable.category, filter.category),
    filter.level == null ? undefined : eq(mappaCaseTable.level, filter.level),
    filter.area == null ? undefined : eq(mappaCaseTable.area, filter.area),
    filter.leadAgency == null ? undefined : eq(mappaCaseTable.leadAgency, filter.leadAgency),
    // Keyset paging: PNC IDs are unique among active cases, so "after this ID" is a stable position.
    afterPncId === null ? undefined : gt(mappaCaseTable.pncId, afterPncId),
  );
}

/** Up to `limit` active cases in scope after `afterPncId` in PNC ID order: one SELECT. */
export function fetchRegisterPage(db: Database, scope: RegisterScope, filter: RegisterFilter, afterPncId: string | null, limit: number): Promise<MappaCaseRow[]> {
  return db.select().from(mappaCaseTable).where(registerCondition(scope, filter, afterPncId)).orderBy(asc(mappaCaseTable.pncId)).limit(limit);
}

/** How many active cases in scope match the filter: one SELECT count(*). */
export async function countRegister(db: Database, scope: RegisterScope, filter: RegisterFilter): Promise<number> {
  const [row] = await db.select({ total: count() }).from(mappaCaseTable).where(registerCondition(scope, filter));
  return row?.total ?? 0;
}
