import { accessAuditEntryPolicy, accessAuditPolicy } from '../audit/access-audit.policy';
import { subjectKeyPolicy } from '../authorization/role-groups';
import type { FieldPolicy } from '../authorization/field-policy';
import type { Agency } from '../domain/agency';

/** The policies `defineSubgraph` serves for every agency, by the key an agency's policies file gives them. */
export interface OwnerPolicies {
  /** On `Offender.pncId` (`offenderEntity`): the same grants in every subgraph. */
  readonly subjectKey: FieldPolicy;
  /** On the agency's `<agency>AccessAudit` query: its own information governance only. */
  readonly accessAudit: FieldPolicy;
  /** On every field of an access-audit answer: the same grants in every subgraph. */
  readonly accessAuditEntry: FieldPolicy;
}

/**
 * The three policies every agency's subgraph carries (its `Offender` key, its access-audit query and
 * that query's answer), for the top of the agency's `definePolicies(...)`:
 * `definePolicies('police', { ...ownerPolicies(Agency.POLICE), …the agency's own })`.
 */
export function ownerPolicies(owner: Agency): { readonly [Key in keyof OwnerPolicies]: Omit<FieldPolicy, 'name'> } {
  return {
    // Every duty-to-co-operate agency holds the key at a meeting (`subjectKeyPolicy`).
    subjectKey: subjectKeyPolicy(owner),
    // Its own audit log, for its own information governance only (principle 10); the answer's fields
    // are shared value types, granted the same in every subgraph.
    accessAudit: accessAuditPolicy(owner),
    accessAuditEntry: accessAuditEntryPolicy(owner),
  };
}
