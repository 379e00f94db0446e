import { randomUUID } from 'node:crypto';
import { and, arrayContains, desc, eq, exists, gt, inArray, isNull, lte, notExists, or } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Caller, Database, Principal, Role, RowScope } from '@mappa/shared';
import { GRANT_HOLDER_ROLES } from '@mappa/shared';
import { mappaCaseTable } from '../mappa-case/mappa-case.table';
import { hiddenByGates } from '../offender/offender.scope';
import { caseAccessGrantTable } from './case-access-grant.table';
import type { CaseAccessGrantRow } from './case-access-grant.table';
import type { GrantCaseAccessInputValues } from './case-access-grant.input';

// The most grants the gateway will carry in one assertion (the assertion schema's own bound).
const MAX_LIVE_GRANTS = 500;

/**
 * Whether a grant names the caller: their staff id from their own identity provider (the same id from
 * another provider is someone else), or their agency and one of their roles that can hold a grant,
 * in one of the areas the grant names (issue 12: without the area, a grant to an agency and role held
 * for every holder of that role in that agency nationally). The one grantee rule of every grant lookup.
 */
export function grantNamesPrincipal(principal: Principal): SQL | undefined {
  const roles = principal.roles.filter((role): role is Role => GRANT_HOLDER_ROLES.includes(role));
  const byStaffId = and(
    eq(caseAccessGrantTable.granteeStaffId, principal.staffId),
    eq(caseAccessGrantTable.granteeIssuer, principal.issuer),
  );
  if (roles.length === 0) return byStaffId;
  const byAgencyRoleAndArea = and(
    eq(caseAccessGrantTable.granteeAgency, principal.agency),
    inArray(caseAccessGrantTable.granteeRole, roles),
    arrayContains(caseAccessGrantTable.granteeAreas, [principal.area]),
  );
  return or(byStaffId, byAgencyRoleAndArea);
}

/** Records a new grant (validated input) made by `createdByStaffId`. */
export async function insertGrant(
  db: Database,
  input: GrantCaseAccessInputValues,
  createdByStaffId: string,
  now: Date,
): Promise<CaseAccessGrantRow> {
  const [row] = await db
    .insert(caseAccessGrantTable)
    .values({
      grantId: randomUUID(),
      granteeStaffId: input.granteeStaffId ?? null,
      granteeIssuer: input.granteeIssuer ?? null,
      granteeAgency: input.granteeAgency ?? null,
      granteeRole: input.granteeRole ?? null,
      granteeAreas: input.granteeAreas ?? null,
      pncId: input.pncId,
      purpose: input.purpose,
      caseId: input.caseId ?? null,
      validFrom: input.validFrom ?? now,
      validUntil: input.validUntil,
      reason: input.reason,
      createdByStaffId,
      createdAt: now,
    })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** Every grant ever made for a subject, newest first (revoked and expired ones included: the history). */
export function grantsForSubject(db: Database, pncId: string): Promise<CaseAccessGrantRow[]> {
  return db
    .select()
    .from(caseAccessGrantTable)
    .where(eq(caseAccessGrantTable.pncId, pncId))
    .orderBy(desc(caseAccessGrantTable.createdAt), desc(caseAccessGrantTable.grantId));
}

/** One grant by id, or null. */
export async function grantById(db: Database, grantId: string): Promise<CaseAccessGrantRow | null> {
  const [row] = await db.select().from(caseAccessGrantTable).where(eq(caseAccessGrantTable.grantId, grantId));
  return row ?? null;
}

/**
 * Records a revocation; null when the grant was revoked already. The `revoked_at is null` condition
 * makes two concurrent revocations record one, not overwrite each other.
 */
export async function revokeGrant(
  db: Database,
  grantId: string,
  revokedByStaffId: string,
  reason: string,
  now: Date,
): Promise<CaseAccessGrantRow | null> {
  const [row] = await db
    .update(caseAccessGrantTable)
    .set({ revokedAt: now, revokedByStaffId, revocationReason: reason })
    .where(and(eq(caseAccessGrantTable.grantId, grantId), isNull(caseAccessGrantTable.revokedAt)))
    .returning();
  return row ?? null;
}

/**
/**
 * The grant's subject has a MAPPA case, and none of its case rows hides it from the caller (fail
 * closed: should the rows of one person ever disagree, the stricter wins).
 */
function subjectCondition(db: Database, scope: RowScope): SQL | undefined {
  const ofSubject = eq(mappaCaseTable.pncId, caseAccessGrantTable.pncId);
  const hidden = hiddenByGates(scope);
  return and(
    exists(db.select({ pncId: mappaCaseTable.pncId }).from(mappaCaseTable).where(ofSubject)),
    hidden === undefined
      ? undefined
      : notExists(db.select({ pncId: mappaCaseTable.pncId }).from(mappaCaseTable).where(and(ofSubject, hidden))),
  );
}

/**
 * The caller's own grants that cover this request now: those that name them (`grantNamesPrincipal`); for the declared purpose and, when the grant names one, the declared meeting or decision;
 * started, not expired, not revoked; and only for a subject the MAPPA unit holds that the caller's
 * row scope does not hide whatever the grant (`hiddenByGates`: a grant never reveals what row scope
 * hides, principle 9). One statement, on the partial indexes; the subject condition sits in it,
 * before the limit, so grants the caller may not know of can never crowd out, or change the number
 * of, the ones they may.
 */
export function liveGrantsOf(db: Database, caller: Caller, scope: RowScope, now: Date): Promise<CaseAccessGrantRow[]> {
  const { principal, declaredPurpose } = caller;
  const caseCondition =
    declaredPurpose.caseId === null
      ? isNull(caseAccessGrantTable.caseId)
      : or(isNull(caseAccessGrantTable.caseId), eq(caseAccessGrantTable.caseId, declaredPurpose.caseId));
  return db
    .select()
    .from(caseAccessGrantTable)
    .where(
      and(
        isNull(caseAccessGrantTable.revokedAt),
        eq(caseAccessGrantTable.purpose, declaredPurpose.purpose),
        caseCondition,
        lte(caseAccessGrantTable.validFrom, now),
        gt(caseAccessGrantTable.validUntil, now),
        grantNamesPrincipal(principal),
        subjectCondition(db, scope),
      ),
    )
    .orderBy(desc(caseAccessGrantTable.validUntil), desc(caseAccessGrantTable.grantId))
    .limit(MAX_LIVE_GRANTS);
}

/** The grants among `grantIds` that are not revoked, in one statement. */
export function unrevokedGrantsWithIds(db: Database, grantIds: readonly string[]): Promise<CaseAccessGrantRow[]> {
  return db
    .select()
    .from(caseAccessGrantTable)
    .where(and(inArray(caseAccessGrantTable.grantId, [...grantIds]), isNull(caseAccessGrantTable.revokedAt)));
}

/** The grants with these ids, revoked or not, in one statement. */
export function grantsWithIds(db: Database, grantIds: readonly string[]): Promise<CaseAccessGrantRow[]> {
  return db
    .select()
    .from(caseAccessGrantTable)
    .where(inArray(caseAccessGrantTable.grantId, [...grantIds]));
}

/** Records a grant made by the product itself (a re-issued invitation grant); returns it as stored. */
export async function insertGrantRow(db: Database, values: typeof caseAccessGrantTable.$inferInsert): Promise<CaseAccessGrantRow | null> {
  const [row] = await db.insert(caseAccessGrantTable).values(values).returning();
  return row ?? null;
}
