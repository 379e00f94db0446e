import type { Caller } from '../auth/caller';

/**
 * The caller with a live case grant for each of these PNC IDs, as the gateway would vouch for them:
 * for the caller's declared purpose and case unless told otherwise, valid for an hour unless told
 * otherwise. Lets a subgraph test exercise grant widening without the MAPPA unit's grant store.
 */
export function withCaseGrants(
  caller: Caller,
  pncIds: readonly string[],
  grant: { readonly purpose?: Caller['declaredPurpose']['purpose']; readonly caseId?: string | null; readonly validUntil?: string } = {},
): Caller {
  const { purpose = caller.declaredPurpose.purpose, caseId = caller.declaredPurpose.caseId, validUntil = new Date(Date.now() + 3_600_000).toISOString() } = grant;
  return { ...caller, caseGrants: pncIds.map((pncId, index) => ({ grantId: `TEST-GRANT-${index}`, pncId, purpose, caseId, validUntil })) };
}
