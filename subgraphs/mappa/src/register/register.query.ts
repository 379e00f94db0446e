import { and, asc, count, eq, gt } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { Agency, MappaArea, mappaCategorySchema, mappaLevelSchema } from '@mappa/shared';
import type { Database } from '@mappa/shared';
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

/** The WHERE clause of the register: ACTIVE cases matching every criterion given. */
function registerCondition(filter: RegisterFilter, afterPncId: string | null = null): SQL | undefined {
  return and(
    eq(mappaCaseTable.status, MappaCaseStatus.ACTIVE),
    filter.category == null ? undefined : eq(mappaCaseTable.category, filter.category),
    filter.level == null ? undefined : eq(mappaCaseTable.level, filter.level),
    filter.area == null ? undefined : eq(mappaCaseTable.area, filter.area),
    filter.leadAgency == null ? undefined : eq(mappaCaseTable.leadAgency, filter.leadAgency),
    // Keyset paging: PNC IDs are unique among active cases, so "after this ID" is a stable position.
    afterPncId === null ? undefined : gt(mappaCaseTable.pncId, afterPncId),
  );
}

/** Up to `limit` active cases after `afterPncId` in PNC ID order: one SELECT. */
export function fetchRegisterPage(db: Database, filter: RegisterFilter, afterPncId: string | null, limit: number): Promise<MappaCaseRow[]> {
  return db.select().from(mappaCaseTable).where(registerCondition(filter, afterPncId)).orderBy(asc(mappaCaseTable.pncId)).limit(limit);
}

/** How many active cases match the filter: one SELECT count(*). */
export async function countRegister(db: Database, filter: RegisterFilter): Promise<number> {
  const [row] = await db.select({ total: count() }).from(mappaCaseTable).where(registerCondition(filter));
  return row?.total ?? 0;
}
