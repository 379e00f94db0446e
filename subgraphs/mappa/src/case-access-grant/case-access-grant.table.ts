import { sql } from 'drizzle-orm';
import { check, index, text, timestamp } from 'drizzle-orm/pg-core';
import type { MappaArea, PrincipalAgency, Purpose, Role } from '@mappa/shared';
import { mappaSchema } from '../mappa.schema';

/**
 * A case access grant: the MAPPA co-ordinator lets one person (a staff id) or everyone holding a role
 * in an agency know one subject, for one MAPPA purpose (and, for a meeting or a disclosure decision,
 * only that one), for a bounded time. Rows are never deleted: revoking records who, when and why, so
 * what a grant allowed, and when it stopped, stays provable. The triggers of the migration refuse a
 * DELETE and any UPDATE other than the one revocation.
 */
export const caseAccessGrantTable = mappaSchema.table(
  'case_access_grant',
  {
    grantId: text('grant_id').primaryKey(),
    // Who: exactly one of the two forms (the grantee check below). A staff id is one identity
    // provider's: the grant holds only for that id from that provider (issue 9 §2).
    granteeStaffId: text('grantee_staff_id'),
    granteeIssuer: text('grantee_issuer'),
    granteeAgency: text('grantee_agency').$type<PrincipalAgency>(),
    granteeRole: text('grantee_role').$type<Role>(),
    // Issue 12: the MAPPA areas in which the agency's holders of the role hold the grant (the
    // principal's area must be one of them). Without it a grant to an agency and role reached every
    // holder of that role in that agency nationally. Null for a grant to one staff id.
    granteeAreas: text('grantee_areas').array().$type<MappaArea[]>(),
    pncId: text('pnc_id').notNull(),
    purpose: text('purpose').$type<Purpose>().notNull(),
    // The meeting or decision id the grantee declares in x-mappa-case; null for screening.
    caseId: text('case_id'),
    validFrom: timestamp('valid_from', { withTimezone: true, mode: 'date' }).notNull(),
    validUntil: timestamp('valid_until', { withTimezone: true, mode: 'date' }).notNull(),
    reason: text('reason').notNull(),
    createdByStaffId: text('created_by_staff_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
    revokedByStaffId: text('revoked_by_staff_id'),
    revocationReason: text('revocation_reason'),
  },
  (table) => [
    // The co-ordinator's list of a subject's grants.
    index('case_access_grant_pnc_id_idx').on(table.pncId),
    // The gateway's per-request lookup of a caller's live grants, by either grantee form.
    index('case_access_grant_staff_idx')
      .on(table.granteeStaffId, table.purpose)
      .where(sql`revoked_at is null and grantee_staff_id is not null`),
    index('case_access_grant_agency_role_idx')
      .on(table.granteeAgency, table.granteeRole, table.purpose)
      .where(sql`revoked_at is null and grantee_agency is not null`),
    // Exactly one way of naming the grantee: one staff id with its issuer, or an agency and a role.
    check(
      'case_access_grant_grantee_check',
      sql`(grantee_staff_id is not null and grantee_issuer is not null and grantee_agency is null and grantee_role is null) or (grantee_staff_id is null and grantee_issuer is null and grantee_agency is not null and grantee_role is not null)`,
    ),
    // A grant to an agency and role names at least one area it holds in; a grant to a staff id names none.
    check(
      'case_access_grant_grantee_areas_check',
      sql`(grantee_agency is null and grantee_areas is null) or (grantee_agency is not null and grantee_areas is not null and cardinality(grantee_areas) > 0)`,
    ),
    check('case_access_grant_purpose_check', sql`purpose in ('MAPPA_SCREENING', 'MAPPA_MEETING', 'DISCLOSURE_DECISION')`),
    // A meeting or disclosure decision grant is for that meeting or decision only.
    check('case_access_grant_case_id_check', sql`purpose not in ('MAPPA_MEETING', 'DISCLOSURE_DECISION') or case_id is not null`),
    check('case_access_grant_validity_check', sql`valid_until > valid_from`),
    // A revocation is recorded whole (who, when, why) or not at all.
    check(
      'case_access_grant_revocation_check',
      sql`(revoked_at is null and revoked_by_staff_id is null and revocation_reason is null) or (revoked_at is not null and revoked_by_staff_id is not null and revocation_reason is not null)`,
    ),
  ],
);

export type CaseAccessGrantRow = typeof caseAccessGrantTable.$inferSelect;
