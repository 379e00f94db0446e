import type { Caller } from './caller';
import type { Role } from './principal';
import { ROLES } from './principal';
import type { Purpose } from './purpose';

/**
 * The purposes a case access grant can be for: the MAPPA process's own business (screening, a
 * meeting, a disclosure decision). The MAPPA unit may open its cases to others for MAPPA business;
 * an agency's own case management is governed by that agency's rules (principle 10, owner control),
 * so a co-ordinator cannot grant it. Statistics and audit are not about one subject (principle 8).
 */
export const GRANTABLE_PURPOSES: readonly Purpose[] = ['MAPPA_SCREENING', 'MAPPA_MEETING', 'DISCLOSURE_DECISION'];

/**
 * Roles that never hold a case access grant. The co-ordinator and chair are the MAPPA unit: their
 * scope is their area's MAPPA cases, and they are the ones who grant. Lay advisers and analysts see
 * no personal data whatever they are invited to (principle 8, A.R27-A.R30); information governance
 * reads for AUDIT, which no grant covers.
 */
const NEVER_GRANT_HOLDERS: ReadonlySet<Role> = new Set<Role>([
  'mappa_coordinator',
  'mappa_chair',
  'lay_adviser',
  'analyst',
  'information_governance',
]);

/** Roles a case access grant may name (agency + role form), and whose holders the gateway looks grants up for. */
export const GRANT_HOLDER_ROLES: readonly Role[] = ROLES.filter((role) => !NEVER_GRANT_HOLDERS.has(role));

/**
 * Whether a request can be widened by a case access grant at all, so whether the gateway must ask
 * the MAPPA unit for the caller's grants: a grantable purpose, and at least one role that can hold a
 * grant. Everything else (most traffic: case management, the co-ordinator's register) needs no lookup.
 */
export function mayHoldCaseGrants(caller: Pick<Caller, 'principal' | 'declaredPurpose'>): boolean {
  return (
    GRANTABLE_PURPOSES.includes(caller.declaredPurpose.purpose) && caller.principal.roles.some((role) => GRANT_HOLDER_ROLES.includes(role))
  );
}
