import type { Caller } from '../auth/caller';
import type { MeetingEvidence } from '../auth/purpose-evidence';

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

/**
 * The caller attending the meeting they declared (MAPPA_MEETING, `x-mappa-case`) about `pncId`, as the
 * gateway would vouch for it from the MAPPA unit's records (issue 10): an invitee who has signed
 * attendance, valid for an hour, unless told otherwise. Lets a subgraph test reach a subject under
 * MAPPA_MEETING without the MAPPA unit's meeting store.
 */
export function withMeetingEvidence(caller: Caller, pncId: string, evidence: Partial<Omit<MeetingEvidence, 'kind' | 'pncId'>> = {}): Caller {
  const meetingId = caller.declaredPurpose.caseId ?? 'MTG-TEST';
  return {
    ...caller,
    purposeEvidence: { kind: 'MEETING', meetingId, pncId, standing: 'INVITEE', invitationId: 'TEST-INVITATION', attending: true, childSafeguardsMet: false, validUntil: new Date(Date.now() + 3_600_000).toISOString(), ...evidence },
  };
}

/** The caller screening the referral they declared (MAPPA_SCREENING, `x-mappa-case`) about `pncId`, as the gateway would vouch for it (issue 10). */
export function withReferralEvidence(caller: Caller, pncId: string): Caller {
  return { ...caller, purposeEvidence: { kind: 'REFERRAL', referralId: caller.declaredPurpose.caseId ?? 'REF-TEST', pncId, validUntil: new Date(Date.now() + 3_600_000).toISOString() } };
}
