import { z } from 'zod';
import {
  ASSERTION_HEADER,
  CASE_RELATIONSHIPS,
  caseGrantSchema,
  disclosureEvidenceQueryName,
  DISCLOSURE_HOLDER_SUBGRAPH,
  evidenceHoldsFor,
  holderOfDisclosureDecisionId,
  MAX_CASE_GRANTS_PER_REQUEST,
  MAX_CASE_RELATIONSHIP_SUBJECTS,
  pncIdSchema,
  mayHoldCaseGrants,
  needsPurposeEvidence,
  purposeEvidenceSchema,
  relationshipHolderFor,
  HOLDER_OF,
  observedSubgraphCall,
  repeatedLogs,
  REQUEST_ID_HEADER,
} from '@mappa/shared';
import type {
  Caller,
  CaseGrant,
  CaseRelationshipHolder,
  CaseRelationships,
  DisclosureHolder,
  GatewayAssertionSigner,
  Logger,
  PurposeEvidence,
  SubgraphCallObserver,
} from '@mappa/shared';
import type { RequestDeadline } from '../datasource/request-deadline';

/** The subgraph that holds case access grants and the records purposes are bound to; the lookup's assertion is addressed to it alone. */
const GRANT_HOLDER = 'mappa';

/** The subgraphs the lookup may ask: the MAPPA unit, the level 1 holders of disclosure decisions (issue 11), and the holders of case relationships (issue 12). */
export type StandingSubgraph =
  (typeof DISCLOSURE_HOLDER_SUBGRAPH)[DisclosureHolder] | CaseRelationshipHolder | typeof DETENTION_DECISION_HOLDER;

/** Issue 14, C.72: the holder of Home Office detention decisions (IMMIGRATION_DETENTION_DECISION), asked for its own staff's evidence. */
const DETENTION_DECISION_HOLDER = 'home-office';

const GRANTS_FIELD = 'myCaseAccessGrants { grantId pncId purpose caseId validUntil }';
const EVIDENCE_SELECTION =
  '{ kind meetingId referralId decisionId pncId standing disclosureStanding invitationId attending childSafeguardsMet decisionOpen meetingDate validUntil }';
const EVIDENCE_FIELD = `myPurposeEvidence ${EVIDENCE_SELECTION}`;

interface Lookup {
  readonly operationName: string;
  readonly query: string;
}

/** One document per combination, so the MAPPA unit is asked once whatever the request needs. */
const LOOKUPS = {
  grants: { operationName: 'CaseGrantLookup', query: `query CaseGrantLookup { ${GRANTS_FIELD} }` },
  evidence: { operationName: 'PurposeEvidenceLookup', query: `query PurposeEvidenceLookup { ${EVIDENCE_FIELD} }` },
  both: { operationName: 'CaseGrantAndEvidenceLookup', query: `query CaseGrantAndEvidenceLookup { ${GRANTS_FIELD} ${EVIDENCE_FIELD} }` },
} as const;

/** A level 1 holder's evidence document (`probationDisclosureEvidence`, `policeDisclosureEvidence`): asked of that holder alone. */
function holderEvidenceLookup(holder: Exclude<DisclosureHolder, 'MAPPA'>): Lookup & { readonly field: string } {
  const field = disclosureEvidenceQueryName(holder);
  const operationName = `${holder.charAt(0)}${holder.slice(1).toLowerCase()}DisclosureEvidenceLookup`;
  return { field, operationName, query: `query ${operationName} { ${field} ${EVIDENCE_SELECTION} }` };
}

/** The Home Office's evidence document (`homeOfficeDetentionEvidence`), asked of the Home Office alone. */
const DETENTION_EVIDENCE_LOOKUP: Lookup & { readonly field: string } = {
  field: 'homeOfficeDetentionEvidence',
  operationName: 'HomeOfficeDetentionEvidenceLookup',
  query: `query HomeOfficeDetentionEvidenceLookup { homeOfficeDetentionEvidence ${EVIDENCE_SELECTION} }`,
};

// The subgraphs' flat GraphQL shape of the evidence: the fields of the other kinds are null.
const evidenceAnswerSchema = z
  .object({
    kind: z.enum(['MEETING', 'REFERRAL', 'DISCLOSURE', 'DETENTION_DECISION']),
    meetingId: z.string().nullable(),
    referralId: z.string().nullable(),
    decisionId: z.string().nullable(),
    pncId: z.string(),
    standing: z.string().nullable(),
    disclosureStanding: z.string().nullable(),
    invitationId: z.string().nullable(),
    attending: z.boolean().nullable(),
    childSafeguardsMet: z.boolean().nullable(),
    decisionOpen: z.boolean().nullable().optional(),
    meetingDate: z.string().nullable().optional(),
    validUntil: z.string(),
  })
  .transform((answer, context) => {
    const candidate =
      answer.kind === 'DETENTION_DECISION'
        ? {
            kind: answer.kind,
            decisionId: answer.decisionId,
            pncId: answer.pncId,
            decisionOpen: answer.decisionOpen,
            validUntil: answer.validUntil,
          }
        : answer.kind === 'REFERRAL'
          ? { kind: answer.kind, referralId: answer.referralId, pncId: answer.pncId, validUntil: answer.validUntil }
          : answer.kind === 'DISCLOSURE'
            ? {
                kind: answer.kind,
                decisionId: answer.decisionId,
                pncId: answer.pncId,
                standing: answer.disclosureStanding,
                childSafeguardsMet: answer.childSafeguardsMet,
                decisionOpen: answer.decisionOpen,
                validUntil: answer.validUntil,
              }
            : {
                kind: answer.kind,
                meetingId: answer.meetingId,
                pncId: answer.pncId,
                standing: answer.standing,
                invitationId: answer.invitationId,
                attending: answer.attending,
                childSafeguardsMet: answer.childSafeguardsMet,
                ...(answer.meetingDate ? { meetingDate: answer.meetingDate } : {}),
                validUntil: answer.validUntil,
              };
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

const holderResponseSchema = z.object({
  data: z.record(z.string(), evidenceAnswerSchema.nullable()).nullable().optional(),
  errors: z.array(z.unknown()).optional(),
});

/**
 * Each holder's own query for the caller's relationships (distinct names, so the composed supergraph
 * holds each beside the others): the same shape, `{ relationship pncIds }`.
 */
const RELATIONSHIP_LOOKUPS: Readonly<Record<CaseRelationshipHolder, Lookup & { readonly field: string }>> = {
  probation: {
    field: 'myCaseRelationships',
    operationName: 'CaseRelationshipLookup',
    query: 'query CaseRelationshipLookup { myCaseRelationships { relationship pncIds } }',
  },
  yot: {
    field: 'myYouthCaseRelationships',
    operationName: 'YouthCaseRelationshipLookup',
    query: 'query YouthCaseRelationshipLookup { myYouthCaseRelationships { relationship pncIds } }',
  },
  prison: {
    field: 'myCustodyRelationships',
    operationName: 'CustodyRelationshipLookup',
    query: 'query CustodyRelationshipLookup { myCustodyRelationships { relationship pncIds } }',
  },
};

// A holder's answer: each relationship the caller holds, with the people it holds for. Bounded well
// above the assertion's limit so that an oversized caseload is recognised (and carried as none).
const relationshipEntriesSchema = z
  .array(z.object({ relationship: z.enum(CASE_RELATIONSHIPS), pncIds: z.array(pncIdSchema).max(100_000) }))
  .max(CASE_RELATIONSHIPS.length);
const relationshipResponseSchema = z.object({
  data: z.record(z.string(), relationshipEntriesSchema).nullable().optional(),
  errors: z.array(z.unknown()).optional(),
});

/** Why a lookup failed: the kind of failure only, never a body, the grants or the evidence. */
type LookupFailure = { readonly failed: Record<string, unknown> };

/** What the gateway vouches for beside the principal: the caller's live case grants and the evidence for the declared purpose. */
export interface CallerStanding {
  readonly caseGrants: CaseGrant[];
  readonly purposeEvidence: PurposeEvidence | null;
}

const NOTHING: CallerStanding = { caseGrants: [], purposeEvidence: null };

/**
 * Asks the MAPPA unit, before any other agency, for what the gateway vouches for in every subgraph's
 * assertion: the caller's live case access grants, and the purpose evidence (issues 10 and 11) that
 * makes a declared MAPPA_MEETING, MAPPA_SCREENING or DISCLOSURE_DECISION true (the meeting they stand
 * to, the referral or decision they are party to), which every owner's row scope is bound by. Asked
 * afresh for every request (never cached), so a revocation, a withdrawn invitation or leaving a
 * meeting takes effect on the next request.
 *
 * DISCLOSURE_DECISION (issue 11): the decision id names its holder (`holderOfDisclosureDecisionId`).
 * A level 2/3 decision (`DSC-MAPPA-…`) is the MAPPA unit's, asked in the same single document as the
 * grants. A level 1 decision (`DSC-PROBATION-…`, `DSC-POLICE-…`) is its lead agency's: that holder is
 * asked for the evidence while the MAPPA unit is asked for the grants, in parallel, each with an
 * assertion addressed to it alone, so the co-ordinator's unit never learns of a level 1 decision. An
 * id that is no decision id asks no one for evidence: there is none, and nothing is in scope.
 *
 * Cost: one more subgraph round trip, made only when the answer could change (`mayHoldCaseGrants`,
 * `needsPurposeEvidence`), and one whatever is needed (a single document per subgraph, asked in
 * parallel). Case management traffic and the co-ordinator's register pay nothing.
 *
 * Fails closed: grants only widen row scope and, under a bound purpose, nothing is in scope without
 * evidence, so when a subgraph asked is down, slow (bounded by the subgraph timeout and the request's
 * one deadline, which the fetches after it share) or answers
 * anything unexpected, the request goes on with neither grants nor evidence. Evidence for any record
 * but the one declared in x-mappa-case, or already expired, is dropped.
 */
export class CaseGrantLookup {
  constructor(
    /** The subgraphs' URLs; a holder without one fails closed (no evidence) when asked. */
    private readonly urls: Partial<Record<StandingSubgraph, string>>,
    private readonly timeoutMs: number,
    private readonly signer: GatewayAssertionSigner,
    /** Where the look-ups are counted, as every gateway-to-subgraph call is (`mappa_subgraph_fetches_total`). */
    private readonly metrics?: SubgraphCallObserver,
  ) {}

  /** The caller's live grants and purpose evidence for the declared purpose (and case), or none. */
  async standingOf(caller: Caller, requestId: string, deadline: RequestDeadline, log: Logger): Promise<CallerStanding> {
    const wantGrants = mayHoldCaseGrants(caller);
    let wantEvidence = needsPurposeEvidence(caller);
    // Who holds the evidence: the MAPPA unit, except for a level 1 disclosure decision.
    let evidenceHolder: StandingSubgraph = GRANT_HOLDER;
    if (wantEvidence && caller.declaredPurpose.purpose === 'DISCLOSURE_DECISION') {
      const holder = holderOfDisclosureDecisionId(caller.declaredPurpose.caseId ?? '');
      // Not a decision id: no evidence (principle 9: answered as a decision that does not concern anyone).
      if (holder === null) wantEvidence = false;
      else evidenceHolder = DISCLOSURE_HOLDER_SUBGRAPH[holder];
    }
    // C.72: a Home Office detention decision is the Home Office's own record; it alone is asked.
    if (wantEvidence && caller.declaredPurpose.purpose === 'IMMIGRATION_DETENTION_DECISION') evidenceHolder = DETENTION_DECISION_HOLDER;
    if (!wantGrants && !wantEvidence) return NOTHING;
    const failed = (agency: StandingSubgraph, { waitedMs, ...reason }: Record<string, unknown>): CallerStanding => {
      const detail = waitedMs === undefined ? {} : { waitedMs };
      // The kind of failure only: never a body, the grants or the evidence themselves.
      // One line per holder and kind of failure per window, however many requests it fails (issue 15).
      repeatedLogs.write(
        log,
        'warn',
        { agency, ...reason },
        'case grant lookup failed; answering without grants or purpose evidence',
        detail,
      );
      return NOTHING;
    };

    let grants: CaseGrant[] = [];
    let evidence: PurposeEvidence | null = null;
    if (evidenceHolder === GRANT_HOLDER) {
      const lookup = wantGrants && wantEvidence ? LOOKUPS.both : wantGrants ? LOOKUPS.grants : LOOKUPS.evidence;
      const answer = await this.ask(GRANT_HOLDER, lookup, caller, requestId, deadline);
      if ('failed' in answer) return failed(GRANT_HOLDER, answer.failed);
      const parsed = lookupResponseSchema.safeParse(answer.body);
      const data = parsed.success ? parsed.data.data : null;
      if (
        !parsed.success ||
        (parsed.data.errors?.length ?? 0) > 0 ||
        !data ||
        (wantGrants && !data.myCaseAccessGrants) ||
        (wantEvidence && data.myPurposeEvidence === undefined)
      ) {
        return failed(GRANT_HOLDER, { reason: 'unexpected answer' });
      }
      grants = wantGrants ? (data.myCaseAccessGrants ?? []) : [];
      evidence = wantEvidence ? (data.myPurposeEvidence ?? null) : null;
    } else {
      // A level 1 decision (or a Home Office detention decision): its holder for the evidence, the MAPPA unit for the grants, at once.
      const holderLookup =
        evidenceHolder === DETENTION_DECISION_HOLDER
          ? DETENTION_EVIDENCE_LOOKUP
          : holderEvidenceLookup(evidenceHolder === 'probation' ? 'PROBATION' : 'POLICE');
      const [grantAnswer, evidenceAnswer] = await Promise.all([
        wantGrants ? this.ask(GRANT_HOLDER, LOOKUPS.grants, caller, requestId, deadline) : null,
        this.ask(evidenceHolder, holderLookup, caller, requestId, deadline),
      ]);
      if (grantAnswer !== null) {
        if ('failed' in grantAnswer) return failed(GRANT_HOLDER, grantAnswer.failed);
        const parsed = lookupResponseSchema.safeParse(grantAnswer.body);
        const data = parsed.success ? parsed.data.data : null;
        if (!parsed.success || (parsed.data.errors?.length ?? 0) > 0 || !data?.myCaseAccessGrants)
          return failed(GRANT_HOLDER, { reason: 'unexpected answer' });
        grants = data.myCaseAccessGrants;
      }
      if ('failed' in evidenceAnswer) return failed(evidenceHolder, evidenceAnswer.failed);
      const parsed = holderResponseSchema.safeParse(evidenceAnswer.body);
      const data = parsed.success ? parsed.data.data : null;
      if (!parsed.success || (parsed.data.errors?.length ?? 0) > 0 || !data || data[holderLookup.field] === undefined)
        return failed(evidenceHolder, { reason: 'unexpected answer' });
      evidence = data[holderLookup.field] ?? null;
    }
    if (grants.length > MAX_CASE_GRANTS_PER_REQUEST) {
      // More than an assertion can carry: none rather than an arbitrary few, and the log says why.
      return failed(GRANT_HOLDER, { reason: 'too many live grants', grants: grants.length, limit: MAX_CASE_GRANTS_PER_REQUEST });
    }
    // Only evidence for the very record declared (the holder answers for it; checked again so a
    // wrong answer can never bind the request to another meeting, referral or decision).
    if (evidence && !evidenceHoldsFor(evidence, caller.declaredPurpose)) {
      log.warn({ agency: evidenceHolder, reason: 'evidence for another record or expired' }, 'purpose evidence dropped');
      return { caseGrants: grants, purposeEvidence: null };
    }
    return { caseGrants: grants, purposeEvidence: evidence };
  }

  /**
   * The caller's case relationships as their agency, which holds them, answers (case-relationships.ts),
   * or null for none. Asked only when the operation asks for a field granted on one (EnforcingGateway),
   * afresh each time (a reallocation or a release takes effect on the next request), and only of the
   * caller's own agency when it holds relationships (probation, the YOT, the prison); a relationship
   * another agency holds is never taken from it (`HOLDER_OF`). Fails closed: the holder down, slow or
   * answering anything unexpected, or a caseload larger than an assertion carries, and the request goes
   * on with none, so the conditions they would open stay shut.
   */
  async caseRelationshipsOf(caller: Caller, requestId: string, deadline: RequestDeadline, log: Logger): Promise<CaseRelationships | null> {
    const holder = relationshipHolderFor(caller.principal.agency);
    if (holder === null) return null;
    const failed = ({ waitedMs, ...reason }: Record<string, unknown>): null => {
      const detail = waitedMs === undefined ? {} : { waitedMs };
      // The kind of failure only: never a body or a PNC ID.
      repeatedLogs.write(
        log,
        'warn',
        { agency: holder, ...reason },
        'case relationship lookup failed; answering without case relationships',
        detail,
      );
      return null;
    };
    const lookup = RELATIONSHIP_LOOKUPS[holder];
    const answer = await this.ask(holder, lookup, caller, requestId, deadline);
    if ('failed' in answer) return failed(answer.failed);
    const parsed = relationshipResponseSchema.safeParse(answer.body);
    const held = parsed.success ? parsed.data.data?.[lookup.field] : undefined;
    if (!parsed.success || (parsed.data.errors?.length ?? 0) > 0 || !held) return failed({ reason: 'unexpected answer' });
    if (held.some((entry) => HOLDER_OF[entry.relationship] !== holder))
      return failed({ reason: 'a relationship this agency does not hold' });
    const largest = Math.max(0, ...held.map((entry) => entry.pncIds.length));
    if (largest > MAX_CASE_RELATIONSHIP_SUBJECTS)
      return failed({ reason: 'caseload larger than an assertion carries', subjects: largest, limit: MAX_CASE_RELATIONSHIP_SUBJECTS });
    const relationships: CaseRelationships = Object.fromEntries(
      held.filter((entry) => entry.pncIds.length > 0).map((entry) => [entry.relationship, [...new Set(entry.pncIds)]]),
    );
    return Object.keys(relationships).length > 0 ? relationships : null;
  }

  /** Posts one lookup document to one subgraph with an assertion addressed to it alone; the body as JSON, or why not. */
  private async ask(
    subgraph: StandingSubgraph,
    lookup: Lookup,
    caller: Caller,
    requestId: string,
    deadline: RequestDeadline,
  ): Promise<{ readonly body: unknown } | LookupFailure> {
    const url = this.urls[subgraph];
    if (url === undefined) return { failed: { reason: 'no URL configured' } };
    if (deadline.fetchTimeLeftMs() === 0) return { failed: { reason: "the request's deadline passed" } };
    // The lookup itself is vouched for without grants or evidence: what it returns must not depend on them.
    // The assertion is bound to these exact bytes (issue 9 §4).
    const requestBody = JSON.stringify({ query: lookup.query, operationName: lookup.operationName });
    // The look-up waits no longer than its own bound nor half the time the request's deadline leaves
    // for subgraph calls: the fetches after it share the rest, so a hung holder costs one deadline.
    const { signal, waitMs } = deadline.lookupSignal(this.timeoutMs);
    // The holder is told that wait (signed), and stops its own work by then (issue 15).
    const assertion = await this.signer.sign(
      subgraph,
      { principal: caller.principal, declaredPurpose: caller.declaredPurpose },
      requestId,
      requestBody,
      waitMs,
    );
    // A client span of its own (`POST <subgraph>`, `mappa.call` naming the look-up), whose
    // `traceparent` the holder continues, and counted with the other subgraph calls.
    return observedSubgraphCall(
      subgraph,
      this.metrics,
      async (traceHeaders, result): Promise<{ readonly body: unknown } | LookupFailure> => {
        let answered = false;
        try {
          const response = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...traceHeaders, [REQUEST_ID_HEADER]: requestId, [ASSERTION_HEADER]: assertion },
            body: requestBody,
            signal,
          });
          answered = true;
          result(response.ok ? 'ok' : 'unavailable', response.status);
          if (!response.ok) return { failed: { status: response.status } };
          return { body: await response.json() };
        } catch {
          // The signal says it, whatever realm the error comes from (a class test misses undici's under jest's VM).
          const timedOut = signal.aborted;
          result(timedOut ? 'timeout' : answered ? 'error' : 'unreachable');
          return { failed: timedOut ? { reason: 'no answer in time', waitedMs: waitMs } : { reason: 'cannot connect' } };
        }
      },
      { 'mappa.call': lookup.operationName },
    );
  }
}

/** The URL the supergraph records for a subgraph (`join__graph(name: …, url: …)`), if any. */
export function supergraphUrlOf(supergraphSdl: string, name: string): string | undefined {
  const match = new RegExp(`@join__graph\\(name: "${name}", url: "([^"]+)"\\)`).exec(supergraphSdl);
  return match?.[1];
}
