import { z } from 'zod';
import { ASSERTION_HEADER, caseGrantSchema, evidenceHoldsFor, MAX_CASE_GRANTS_PER_REQUEST, mayHoldCaseGrants, needsPurposeEvidence, purposeEvidenceSchema, REQUEST_ID_HEADER } from '@mappa/shared';
import type { Caller, CaseGrant, GatewayAssertionSigner, Logger, PurposeEvidence } from '@mappa/shared';

/** The subgraph that holds case access grants and the records purposes are bound to; the lookup's assertion is addressed to it alone. */
const GRANT_HOLDER = 'mappa';

const GRANTS_FIELD = 'myCaseAccessGrants { grantId pncId purpose caseId validUntil }';
const EVIDENCE_FIELD = 'myPurposeEvidence { kind meetingId referralId pncId standing invitationId attending childSafeguardsMet validUntil }';

/** One document per combination, so the MAPPA unit is asked once whatever the request needs. */
const LOOKUPS = {
  grants: { operationName: 'CaseGrantLookup', query: `query CaseGrantLookup { ${GRANTS_FIELD} }` },
  evidence: { operationName: 'PurposeEvidenceLookup', query: `query PurposeEvidenceLookup { ${EVIDENCE_FIELD} }` },
  both: { operationName: 'CaseGrantAndEvidenceLookup', query: `query CaseGrantAndEvidenceLookup { ${GRANTS_FIELD} ${EVIDENCE_FIELD} }` },
} as const;

// The subgraph's flat GraphQL shape of the evidence: the fields of the other kind are null.
const evidenceAnswerSchema = z
  .object({
    kind: z.enum(['MEETING', 'REFERRAL']),
    meetingId: z.string().nullable(),
    referralId: z.string().nullable(),
    pncId: z.string(),
    standing: z.string().nullable(),
    invitationId: z.string().nullable(),
    attending: z.boolean().nullable(),
    childSafeguardsMet: z.boolean().nullable(),
    validUntil: z.string(),
  })
  .transform((answer, context) => {
    const candidate =
      answer.kind === 'REFERRAL'
        ? { kind: answer.kind, referralId: answer.referralId, pncId: answer.pncId, validUntil: answer.validUntil }
        : { kind: answer.kind, meetingId: answer.meetingId, pncId: answer.pncId, standing: answer.standing, invitationId: answer.invitationId, attending: answer.attending, childSafeguardsMet: answer.childSafeguardsMet, validUntil: answer.validUntil };
    const parsed = purposeEvidenceSchema.safeParse(candidate);
    if (!parsed.success) {
      context.addIssue({ code: 'custom', message: 'not purpose evidence' });
      return z.NEVER;
    }
    return parsed.data;
  });

const lookupResponseSchema = z.object({
  data: z
    .object({
      myCaseAccessGrants: z.array(caseGrantSchema).max(10_000).nullable().optional(),
      myPurposeEvidence: evidenceAnswerSchema.nullable().optional(),
    })
    .nullable()
    .optional(),
  errors: z.array(z.unknown()).optional(),
});

/** What the gateway vouches for beside the principal: the caller's live case grants and the evidence for the declared purpose. */
export interface CallerStanding {
  readonly caseGrants: CaseGrant[];
  readonly purposeEvidence: PurposeEvidence | null;
}

const NOTHING: CallerStanding = { caseGrants: [], purposeEvidence: null };

/**
 * Asks the MAPPA unit, before any other agency, for what the gateway vouches for in every subgraph's
 * assertion: the caller's live case access grants, and the purpose evidence (issue 10) that makes a
 * declared MAPPA_MEETING or MAPPA_SCREENING true (the meeting they stand to, the referral they are
 * party to), which every owner's row scope is bound by. Asked afresh for every request (never cached),
 * so a revocation, a withdrawn invitation or leaving a meeting takes effect on the next request.
 *
 * Cost: one more subgraph round trip, made only when the answer could change (`mayHoldCaseGrants`,
 * `needsPurposeEvidence`), and one whatever is needed (a single document asks for both). Case
 * management traffic and the co-ordinator's register pay nothing.
 *
 * Fails closed: grants only widen row scope and, under a bound purpose, nothing is in scope without
 * evidence, so when the MAPPA unit is down, slow (bounded by the subgraph timeout) or answers anything
 * unexpected, the request goes on with neither. Evidence for any record but the one declared in
 * x-mappa-case, or already expired, is dropped.
 */
export class CaseGrantLookup {
  constructor(
    private readonly url: string,
    private readonly timeoutMs: number,
    private readonly signer: GatewayAssertionSigner,
  ) {}

  /** The caller's live grants and purpose evidence for the declared purpose (and case), or none. */
  async standingOf(caller: Caller, requestId: string, log: Logger): Promise<CallerStanding> {
    const wantGrants = mayHoldCaseGrants(caller);
    const wantEvidence = needsPurposeEvidence(caller);
    if (!wantGrants && !wantEvidence) return NOTHING;
    const lookup = wantGrants && wantEvidence ? LOOKUPS.both : wantGrants ? LOOKUPS.grants : LOOKUPS.evidence;
    const failed = (reason: Record<string, unknown>): CallerStanding => {
      // The kind of failure only: never a body, the grants or the evidence themselves.
      log.warn({ agency: GRANT_HOLDER, ...reason }, 'case grant lookup failed; answering without grants or purpose evidence');
      return NOTHING;
    };
    // The lookup itself is vouched for without grants or evidence: what it returns must not depend on them.
    // The assertion is bound to these exact bytes (issue 9 §4).
    const requestBody = JSON.stringify({ query: lookup.query, operationName: lookup.operationName });
    const assertion = await this.signer.sign(GRANT_HOLDER, { principal: caller.principal, declaredPurpose: caller.declaredPurpose }, requestId, requestBody);
    let body: unknown;
    try {
      const response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [REQUEST_ID_HEADER]: requestId, [ASSERTION_HEADER]: assertion },
        body: requestBody,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      if (!response.ok) return failed({ status: response.status });
      body = await response.json();
    } catch (error: unknown) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      return failed({ reason: timedOut ? `no answer within ${this.timeoutMs} ms` : 'cannot connect' });
    }
    const parsed = lookupResponseSchema.safeParse(body);
    const data = parsed.success ? parsed.data.data : null;
    if (!parsed.success || (parsed.data.errors?.length ?? 0) > 0 || !data || (wantGrants && !data.myCaseAccessGrants) || (wantEvidence && data.myPurposeEvidence === undefined)) {
      return failed({ reason: 'unexpected answer' });
    }
    const grants = wantGrants ? (data.myCaseAccessGrants ?? []) : [];
    if (grants.length > MAX_CASE_GRANTS_PER_REQUEST) {
      // More than an assertion can carry: none rather than an arbitrary few, and the log says why.
      return failed({ reason: 'too many live grants', grants: grants.length, limit: MAX_CASE_GRANTS_PER_REQUEST });
    }
    const evidence = wantEvidence ? (data.myPurposeEvidence ?? null) : null;
    // Only evidence for the very record declared (the MAPPA unit answers for it; checked again so a
    // wrong answer can never bind the request to another meeting or referral).
    if (evidence && !evidenceHoldsFor(evidence, caller.declaredPurpose)) {
      log.warn({ agency: GRANT_HOLDER, reason: 'evidence for another record or expired' }, 'purpose evidence dropped');
      return { caseGrants: grants, purposeEvidence: null };
    }
    return { caseGrants: grants, purposeEvidence: evidence };
  }
}

/** The URL the supergraph records for a subgraph (`join__graph(name: …, url: …)`), if any. */
export function supergraphUrlOf(supergraphSdl: string, name: string): string | undefined {
  const match = new RegExp(`@join__graph\\(name: "${name}", url: "([^"]+)"\\)`).exec(supergraphSdl);
  return match?.[1];
}
