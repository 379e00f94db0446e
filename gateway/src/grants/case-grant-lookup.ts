import { z } from 'zod';
import { ASSERTION_HEADER, caseGrantSchema, MAX_CASE_GRANTS_PER_REQUEST, mayHoldCaseGrants, REQUEST_ID_HEADER } from '@mappa/shared';
import type { Caller, CaseGrant, GatewayAssertionSigner, Logger } from '@mappa/shared';

/** The subgraph that holds case access grants; the lookup's assertion is addressed to it alone. */
const GRANT_HOLDER = 'mappa';

const LOOKUP_QUERY = 'query CaseGrantLookup { myCaseAccessGrants { grantId pncId purpose caseId validUntil } }';

const lookupResponseSchema = z.object({
  data: z.object({ myCaseAccessGrants: z.array(caseGrantSchema).max(10_000).nullable() }).nullable().optional(),
  errors: z.array(z.unknown()).optional(),
});

/**
 * Asks the MAPPA unit, before any other agency, for the caller's live case access grants, so the
 * gateway can vouch for them in every subgraph's assertion. Asked afresh for every request (never
 * cached), so a revocation takes effect on the next request.
 *
 * Cost: one more subgraph round trip, so it is made only when a grant could change the answer
 * (`mayHoldCaseGrants`): a MAPPA purpose (screening, meeting, disclosure decision; no grant covers
 * case management, statistics or audit) and a role that can hold a grant (not the MAPPA unit's own
 * co-ordinator and chair, whose scope is their area, nor lay advisers, analysts or information
 * governance). Case management traffic and the co-ordinator's register pay nothing.
 *
 * Fails closed: grants only ever widen row scope, so when the MAPPA unit is down, slow (bounded by
 * the subgraph timeout) or answers anything unexpected, the request goes on with no grants.
 */
export class CaseGrantLookup {
  constructor(
    private readonly url: string,
    private readonly timeoutMs: number,
    private readonly signer: GatewayAssertionSigner,
  ) {}

  /** The caller's live grants for the declared purpose (and case), or none. */
  async grantsFor(caller: Caller, requestId: string, log: Logger): Promise<CaseGrant[]> {
    if (!mayHoldCaseGrants(caller)) return [];
    // The lookup itself is vouched for without grants: what it returns must not depend on them.
    // The assertion is bound to these exact bytes (issue 9 §4).
    const requestBody = JSON.stringify({ query: LOOKUP_QUERY, operationName: 'CaseGrantLookup' });
    const assertion = await this.signer.sign(GRANT_HOLDER, { principal: caller.principal, declaredPurpose: caller.declaredPurpose }, requestId, requestBody);
    let body: unknown;
    try {
      const response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [REQUEST_ID_HEADER]: requestId, [ASSERTION_HEADER]: assertion },
        body: requestBody,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      if (!response.ok) {
        log.warn({ agency: GRANT_HOLDER, status: response.status }, 'case grant lookup failed; answering without grants');
        return [];
      }
      body = await response.json();
    } catch (error: unknown) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      // The kind of failure only: never a body or the grants themselves.
      log.warn({ agency: GRANT_HOLDER, reason: timedOut ? `no answer within ${this.timeoutMs} ms` : 'cannot connect' }, 'case grant lookup failed; answering without grants');
      return [];
    }
    const parsed = lookupResponseSchema.safeParse(body);
    if (!parsed.success || (parsed.data.errors?.length ?? 0) > 0 || !parsed.data.data?.myCaseAccessGrants) {
      log.warn({ agency: GRANT_HOLDER, reason: 'unexpected answer' }, 'case grant lookup failed; answering without grants');
      return [];
    }
    const grants = parsed.data.data.myCaseAccessGrants;
    if (grants.length > MAX_CASE_GRANTS_PER_REQUEST) {
      // More than an assertion can carry: none rather than an arbitrary few, and the log says why.
      log.warn({ agency: GRANT_HOLDER, reason: 'too many live grants', grants: grants.length, limit: MAX_CASE_GRANTS_PER_REQUEST }, 'case grant lookup failed; answering without grants');
      return [];
    }
    return grants;
  }
}

/** The URL the supergraph records for a subgraph (`join__graph(name: …, url: …)`), if any. */
export function supergraphUrlOf(supergraphSdl: string, name: string): string | undefined {
  const match = new RegExp(`@join__graph\\(name: "${name}", url: "([^"]+)"\\)`).exec(supergraphSdl);
  return match?.[1];
}
