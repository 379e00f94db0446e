import type { Caller } from '../auth/caller';
import type { Clearance, PrincipalAgency, Role } from '../auth/principal';
import { agencyHoldsRole, CLEARANCES, PRINCIPAL_AGENCIES } from '../auth/principal';
import type { Purpose } from '../auth/purpose';
import type { Agency } from '../domain/agency';
import type { RecordConditionName } from './record-condition';

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
  /**
   * When set, the grant allows only records for which the owner's predicate of this name holds
   * (decided per record by the owner's subgraph, `enforceFieldPolicies`); for any other record the
   * field is null, as if the record did not exist. The gateway cannot see records, so to it such a
   * grant only "may allow".
   */
  readonly condition?: RecordConditionName;
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
 * Grants that name a role for agencies none of which can hold it (`ROLE_AGENCIES`), or an agency
 * that holds none of the grant's roles, as `<policy> → <role or agency>` lines: such a grant reads
 * as allowing someone who can never exist (`housing` + `ppu_officer`), so the schema build refuses
 * it. A grant naming no agencies must name roles some agency holds.
 */
export function grantsNamingForeignRoles(policies: readonly FieldPolicy[]): string[] {
  return policies.flatMap((policy) =>
    policy.grants.flatMap((grant) => {
      const agencies = grant.agencies ?? PRINCIPAL_AGENCIES;
      const roles = grant.roles.filter((role) => !agencies.some((agency) => agencyHoldsRole(agency, role)));
      const idle = grant.agencies ? grant.agencies.filter((agency) => !grant.roles.some((role) => agencyHoldsRole(agency, role))) : [];
      return [
        ...roles.map((role) => `${policy.name} → role ${role} for ${agencies.join(', ')}, which cannot hold it`),
        ...idle.map((agency) => `${policy.name} → agency ${agency}, which holds none of ${grant.roles.join(', ')}`),
      ];
    }),
  );
}

/**
 * All of a caller that a policy's grants are decided on (`decidePolicyFor`): the principal's roles,
 * agency and clearance, and the purpose declared. Nothing else of the caller (area, staff id, case
 * grants, purpose evidence, case relationships) changes a `PolicyDecision`: those are decided per
 * record by the owner, against the clock where it matters. So two callers with the same subject get
 * the same decision from every policy, which is what lets the gateway remember decisions by it.
 */
export interface PolicySubject {
  readonly roles: readonly Role[];
  readonly agency: PrincipalAgency;
  readonly clearance: Clearance;
  readonly purpose: Purpose;
}

/** The part of a caller its policy decisions depend on. */
export function policySubjectOf(caller: Caller): PolicySubject {
  const { principal, declaredPurpose } = caller;
  return { roles: principal.roles, agency: principal.agency, clearance: principal.clearance, purpose: declaredPurpose.purpose };
}

/**
 * A text naming every field of the subject, in a fixed order (the roles in the caller's order): equal
 * texts mean equal subjects, so the same decision from every policy. What remembered decisions are
 * kept by (issue 15); a field added to `PolicySubject` must be added here.
 */
export function policySubjectKeyOf(subject: PolicySubject): string {
  return JSON.stringify([subject.purpose, subject.agency, subject.clearance, subject.roles]);
}

/** True when the grant's role, purpose, agency and clearance match this subject (its record condition aside). */
function grantMatches(grant: AccessGrant, subject: PolicySubject): boolean {
  return (
    grant.purposes.includes(subject.purpose) &&
    grant.roles.some((role) => subject.roles.includes(role)) &&
    (!grant.agencies || grant.agencies.includes(subject.agency)) &&
    (!grant.minimumClearance || CLEARANCES.indexOf(subject.clearance) >= CLEARANCES.indexOf(grant.minimumClearance))
  );
}

/**
 * What a policy allows this caller asking for this purpose: every record (`all`), only records for
 * which one of the listed conditions holds (`conditional`), or nothing (`none`).
 */
export type PolicyDecision =
  | { readonly kind: 'all' }
  | { readonly kind: 'conditional'; readonly conditions: readonly RecordConditionName[] }
  | { readonly kind: 'none' };

/** Decides a policy for a caller from its grants; an unconditional grant that matches wins over conditional ones. */
export function decidePolicy(policy: Pick<FieldPolicy, 'grants'>, caller: Caller): PolicyDecision {
  return decidePolicyFor(policy, policySubjectOf(caller));
}

/** `decidePolicy` for a caller's subject (`policySubjectOf`): all of the caller a decision reads. */
export function decidePolicyFor(policy: Pick<FieldPolicy, 'grants'>, subject: PolicySubject): PolicyDecision {
  const matching = policy.grants.filter((grant) => grantMatches(grant, subject));
  if (matching.length === 0) return { kind: 'none' };
  const conditions = matching.map((grant) => grant.condition);
  if (conditions.some((condition) => condition === undefined)) return { kind: 'all' };
  return { kind: 'conditional', conditions: [...new Set(conditions.filter((condition) => condition !== undefined))] };
}

/**
 * True when one of the policy's grants covers this caller asking for this purpose, for at least some
 * records (a conditional grant counts: it "may allow"). The one decision both the owner's subgraph
 * and the gateway (from the grants composed into the supergraph) make about the operation, so the
 * FORBIDDEN errors come from the operation and never from the data (principle 9); the condition is
 * then decided per record by the owner, which answers null where it fails.
 */
export function policyAllows(policy: Pick<FieldPolicy, 'grants'>, caller: Caller): boolean {
  return decidePolicy(policy, caller).kind !== 'none';
}
