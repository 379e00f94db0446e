import type { Caller } from '../auth/caller';
import type { Clearance, PrincipalAgency, Role } from '../auth/principal';
import { CLEARANCES } from '../auth/principal';
import type { Purpose } from '../auth/purpose';
import type { Agency } from '../domain/agency';

/** Government Security Classification of the data a field holds. */
export type Classification = 'OFFICIAL' | 'OFFICIAL-SENSITIVE';

/** One way to be allowed to read: any of these roles, asking for any of these purposes. */
export interface AccessGrant {
  readonly roles: readonly Role[];
  readonly purposes: readonly Purpose[];
  /** When set, the principal must also belong to one of these agencies. */
  readonly agencies?: readonly PrincipalAgency[];
  /** When set, the principal's vetting must be at least this level. */
  readonly minimumClearance?: Clearance;
}

/**
 * Who may read a field, and why: the owner's rule, declared next to the field and enforced by the
 * owner's subgraph. Deny by default: only the grants listed allow anything.
 */
export interface FieldPolicy {
  /** `<agency>.<record>`, e.g. `police.intelligence`; what the audit and errors name. */
  readonly name: string;
  readonly owner: Agency;
  readonly classification: Classification;
  /** What the data is, in words an information-governance officer signs off. */
  readonly summary: string;
  /** The access rules this policy implements (`A.R32`, `B.15`, `principle 3`…). */
  readonly rules: readonly string[];
  readonly grants: readonly AccessGrant[];
}

/** Declares an agency's policies in one place, naming each `<agency>.<key>`. */
export function definePolicies<Key extends string>(
  agency: string,
  policies: Record<Key, Omit<FieldPolicy, 'name'>>,
): Record<Key, FieldPolicy> {
  return Object.fromEntries(
    Object.entries<Omit<FieldPolicy, 'name'>>(policies).map(([key, policy]) => [key, { ...policy, name: `${agency}.${key}` }]),
  ) as Record<Key, FieldPolicy>;
}

/**
 * True when one of the policy's grants covers this caller asking for this purpose. The one decision
 * both the owner's subgraph and the gateway (from the grants composed into the supergraph) make.
 */
export function policyAllows(policy: Pick<FieldPolicy, 'grants'>, caller: Caller): boolean {
  const { principal, declaredPurpose } = caller;
  return policy.grants.some(
    (grant) =>
      grant.purposes.includes(declaredPurpose.purpose) &&
      grant.roles.some((role) => principal.roles.includes(role)) &&
      (!grant.agencies || grant.agencies.includes(principal.agency)) &&
      (!grant.minimumClearance || CLEARANCES.indexOf(principal.clearance) >= CLEARANCES.indexOf(grant.minimumClearance)),
  );
}
