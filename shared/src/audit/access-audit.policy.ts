import type { PrincipalAgency } from '../auth/principal';
import type { FieldPolicy } from '../authorization/field-policy';
import type { Agency } from '../domain/agency';
import { AGENCY_REGISTRY } from '../federation/agency-registry';

/** The agency a data owner's own staff belong to, as principals name it. */
export const PRINCIPAL_AGENCY_OF_OWNER = Object.fromEntries(
  AGENCY_REGISTRY.map(({ agency, principalAgency }) => [agency, principalAgency]),
) as Readonly<Record<Agency, PrincipalAgency>>;

/** The agencies that own records (one subgraph each), as principals name them: the only ones whose information governance audits anything (principle 10). */
export const DATA_OWNER_PRINCIPAL_AGENCIES: readonly PrincipalAgency[] = Object.values(PRINCIPAL_AGENCY_OF_OWNER);

/**
 * The policy on an owner's access-audit query (`policeAccessAudit`…): only that owner's own
 * information governance, and only under AUDIT (principle 10, owner control; B.2: the owner answers
 * for its own records). Each agency names it in its policies file; the grants differ by agency,
 * which is fine because each query field exists in one subgraph only.
 */
export function accessAuditPolicy(owner: Agency): Omit<FieldPolicy, 'name'> {
  const agency = PRINCIPAL_AGENCY_OF_OWNER[owner];
  return {
    owner,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      `The owner's own access audit: who accessed its records about one subject in a time range, which fields were returned or denied, and under which purpose. Its own information governance only (agency ${agency}), under AUDIT; no other role, agency or purpose. ` +
      'Reading it is itself audited against the subject. Only about a subject this owner holds and the reader may know exists (row scope: a counter-terrorism restricted subject, as this owner records it, only for cleared readers, principle 7); about any other PNC ID, unknown or hidden alike, the answer is always an empty page, whatever the log holds, so no sequence of reads tells them apart (principle 9).',
    rules: ['principle 1', 'principle 7', 'principle 9', 'principle 10', 'B.2'],
    grants: [{ roles: ['information_governance'], purposes: ['AUDIT'], agencies: [agency] }],
  };
}

/**
 * The policy on the fields of an access-audit answer (`AccessAuditEntry`, its page and its parts).
 * Those types are shared by all five subgraphs and the supergraph keeps one subgraph's directive
 * for each field, so every subgraph must grant exactly the same here (`npm run schema:generate`
 * refuses otherwise): information governance of any data owner under AUDIT. Which log a reader
 * reaches is decided by the query field's own policy (`accessAuditPolicy`), not here.
 */
export function accessAuditEntryPolicy(owner: Agency): Omit<FieldPolicy, 'name'> {
  return {
    owner,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "One entry of an agency's access audit (when, request id, who: staff id, agency, roles and area; purpose and case id; operation; outcome; fields returned and denied with the denying policy; changed fields as value hashes; error codes), and the page it sits on. " +
      "The same in every subgraph: information governance of a data owner under AUDIT; which agency's log it can reach is the query's own policy. Never other subjects named in the entry, variable values or response bodies (the log holds none).",
    rules: ['principle 1', 'principle 10', 'B.2'],
    grants: [{ roles: ['information_governance'], purposes: ['AUDIT'], agencies: DATA_OWNER_PRINCIPAL_AGENCIES }],
  };
}
