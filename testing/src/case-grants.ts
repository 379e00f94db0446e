import { caseGrantsOf, isMappaCoordinator } from '@mappa/shared';
import type { Caller, DisclosureEvidence, MeetingEvidence } from '@mappa/shared';

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
  const {
    purpose = caller.declaredPurpose.purpose,
    caseId = caller.declaredPurpose.caseId,
    validUntil = new Date(Date.now() + 3_600_000).toISOString(),
  } = grant;
  return { ...caller, caseGrants: pncIds.map((pncId, index) => ({ grantId: `TEST-GRANT-${index}`, pncId, purpose, caseId, validUntil })) };
}

/**
 * The caller attending the meeting they declared (MAPPA_MEETING, `x-mappa-case`) about `pncId`, as the
 * gateway would vouch for it from the MAPPA unit's records (issue 10): an invitee who has signed
 * attendance, valid for an hour, unless told otherwise. Lets a subgraph test reach a subject under
 * MAPPA_MEETING without the MAPPA unit's meeting store.
 */
export function withMeetingEvidence(
  caller: Caller,
  pncId: string,
  evidence: Partial<Omit<MeetingEvidence, 'kind' | 'pncId'>> = {},
): Caller {
  const meetingId = caller.declaredPurpose.caseId ?? 'MTG-TEST';
  return {
    ...caller,
    purposeEvidence: {
      kind: 'MEETING',
      meetingId,
      pncId,
      standing: 'INVITEE',
      invitationId: 'TEST-INVITATION',
      attending: true,
      childSafeguardsMet: false,
      validUntil: new Date(Date.now() + 3_600_000).toISOString(),
      ...evidence,
    },
  };
}

/** The caller screening the referral they declared (MAPPA_SCREENING, `x-mappa-case`) about `pncId`, as the gateway would vouch for it (issue 10). */
export function withReferralEvidence(caller: Caller, pncId: string): Caller {
  return {
    ...caller,
    purposeEvidence: {
      kind: 'REFERRAL',
      referralId: caller.declaredPurpose.caseId ?? 'REF-TEST',
      pncId,
      validUntil: new Date(Date.now() + 3_600_000).toISOString(),
    },
  };
}

/**
 * The caller party to the disclosure decision they declared (DISCLOSURE_DECISION, `x-mappa-case`) about
 * `pncId`, as the gateway would vouch for it from the decision's holder (issue 11): its proposer, the
 * subject an adult (or the YOT and children's services asked), valid for an hour, unless told otherwise.
 */
export function withDisclosureEvidence(
  caller: Caller,
  pncId: string,
  evidence: Partial<Omit<DisclosureEvidence, 'kind' | 'pncId'>> = {},
): Caller {
  const decisionId = caller.declaredPurpose.caseId ?? 'DSC-MAPPA-TEST';
  return {
    ...caller,
    purposeEvidence: {
      kind: 'DISCLOSURE',
      decisionId,
      pncId,
      standing: 'PROPOSER',
      childSafeguardsMet: false,
      decisionOpen: true,
      validUntil: new Date(Date.now() + 3_600_000).toISOString(),
      ...evidence,
    },
  };
}

interface EntitiesAnswer {
  data?: { _entities?: unknown } | Record<string, unknown> | null;
  errors?: { message: string; path?: readonly (string | number)[] }[];
}

/**
 * Asks an owner about a batch of subjects under MAPPA_MEETING the way the bound purpose allows (issue
 * 10): a meeting is about one person, so each subject is asked about alone, at the meeting about them
 * (`withMeetingEvidence`), and the answers are put together as one batch's would be (entities in order,
 * each error once). A duty-to-co-operate attendee is at a subject's meeting only where the caller carries a
 * live grant for that subject (the invitation); anyone else is taken to be attending each subject's meeting.
 * Under any other purpose the batch is asked as it is. For field-policy tests: what the binding itself
 * does is tested in row-scope.test.ts and test/src/purpose-binding.test.ts.
 */
export async function askAtEachMeeting<Answer extends EntitiesAnswer>(
  caller: Caller,
  pncIds: readonly string[],
  ask: (pncIds: readonly string[], caller: Caller) => Promise<Answer>,
): Promise<Answer> {
  if (caller.declaredPurpose.purpose !== 'MAPPA_MEETING' || caller.purposeEvidence) return ask(pncIds, caller);
  const invited = caller.principal.roles.includes('dtc_attendee') ? new Set(caseGrantsOf(caller).map((grant) => grant.pncId)) : null;
  return askEachAlone(pncIds, ask, (pncId) => (invited && !invited.has(pncId) ? caller : withMeetingEvidence(caller, pncId)));
}

/** The same under DISCLOSURE_DECISION: each subject asked about alone, as a party to a decision about them (`withDisclosureEvidence`). */
export async function askAtEachDecision<Answer extends EntitiesAnswer>(
  caller: Caller,
  pncIds: readonly string[],
  ask: (pncIds: readonly string[], caller: Caller) => Promise<Answer>,
): Promise<Answer> {
  if (caller.declaredPurpose.purpose !== 'DISCLOSURE_DECISION' || caller.purposeEvidence) return ask(pncIds, caller);
  return askEachAlone(pncIds, ask, (pncId) => withDisclosureEvidence(caller, pncId));
}

/** The same under MAPPA_SCREENING for anyone but the co-ordinator: each subject asked about alone, screening a referral about them (`withReferralEvidence`). */
export async function askAtEachReferral<Answer extends EntitiesAnswer>(
  caller: Caller,
  pncIds: readonly string[],
  ask: (pncIds: readonly string[], caller: Caller) => Promise<Answer>,
): Promise<Answer> {
  if (caller.declaredPurpose.purpose !== 'MAPPA_SCREENING' || caller.purposeEvidence || isMappaCoordinator(caller.principal))
    return ask(pncIds, caller);
  const screening: Caller = {
    ...caller,
    declaredPurpose: { purpose: 'MAPPA_SCREENING', caseId: caller.declaredPurpose.caseId ?? 'REF-TEST' },
  };
  return askEachAlone(pncIds, ask, (pncId) => withReferralEvidence(screening, pncId));
}

async function askEachAlone<Answer extends EntitiesAnswer>(
  pncIds: readonly string[],
  ask: (pncIds: readonly string[], caller: Caller) => Promise<Answer>,
  callerFor: (pncId: string) => Caller,
): Promise<Answer> {
  const answers = await Promise.all(pncIds.map((pncId) => ask([pncId], callerFor(pncId))));
  const errors = [
    ...new Map(
      answers.flatMap((answer) => answer.errors ?? []).map((error) => [`${error.message} ${(error.path ?? []).join('.')}`, error]),
    ).values(),
  ];
  const entities = answers.flatMap((answer) => (answer.data as { _entities?: unknown[] } | null | undefined)?._entities ?? [null]);
  return { data: { _entities: entities }, ...(errors.length > 0 ? { errors } : {}) } as Answer;
}
