import { z } from 'zod';
import { DISCLOSURE_STANDINGS } from '../disclosure/disclosure.model';
import { isoDateSchema, pncIdSchema } from '../validation/identifiers';
import type { AccessGrant } from '../authorization/field-policy';
import type { Caller } from './caller';
import { ROLES } from './principal';
import type { Principal, Role } from './principal';
import type { DeclaredPurpose, Purpose } from './purpose';

/*
 * Purpose evidence (issue 10): the record that makes a declared purpose true for this caller. Under
 * MAPPA_MEETING, the meeting named in x-mappa-case, about one subject, to which the caller is invited
 * (or which they chair, or whose area's co-ordinator they are); under MAPPA_SCREENING, for anyone but
 * the co-ordinator, an open referral about one subject from the caller's agency, or a screening the
 * caller is party to. The MAPPA unit, which holds those records, answers it for each request; the
 * gateway vouches for it in the assertion beside the principal, as it does for case grants, and every
 * owner bounds its row scope by it. No evidence means no subject under that purpose.
 */

const recordIdSchema = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);

/** How the caller stands to the meeting: its area's co-ordinator, its chair, or an invitee. */
export const MEETING_STANDINGS = ['COORDINATOR', 'CHAIR', 'INVITEE'] as const;
export type MeetingStanding = (typeof MEETING_STANDINGS)[number];

export const meetingEvidenceSchema = z.object({
  kind: z.literal('MEETING'),
  meetingId: recordIdSchema,
  /** The meeting's subject: the only person the meeting reaches. */
  pncId: pncIdSchema,
  standing: z.enum(MEETING_STANDINGS),
  /** The invitation the caller holds (INVITEE only). */
  invitationId: recordIdSchema.nullable(),
  /**
   * B.25, B.54: the chair and co-ordinator always; an invitee once they have signed attendance
   * (MAPPA E) and until they leave. Otherwise the caller sees only the meeting's actions that are
   * theirs and nothing else of the subject.
   */
  attending: z.boolean(),
  /**
   * A.R25, B.10: true for an adult subject (on the meeting day); for a child (or an unknown date of birth)
   * only when the YOT and children's services are invited and each recorded as attending or consulted.
   * Decides whether a subject under 18 is served (`meeting.rules.ts` in the MAPPA unit states the rule once).
   */
  childSafeguardsMet: z.boolean(),
  /**
   * B.49, inventory OQ 4: the meeting's day in England and Wales (its scheduled date, `YYYY-MM-DD`). A
   * MAPPA F report names the meeting it was written for only by this date, so the prison serves an
   * attendee the report written for this meeting and no other. Absent (evidence that does not say):
   * no report matches (deny by default).
   */
  meetingDate: isoDateSchema.optional(),
  validUntil: z.iso.datetime({ offset: true }),
});

export const referralEvidenceSchema = z.object({
  kind: z.literal('REFERRAL'),
  referralId: recordIdSchema,
  pncId: pncIdSchema,
  validUntil: z.iso.datetime({ offset: true }),
});

/**
 * Under DISCLOSURE_DECISION (issue 11): the decision named in x-mappa-case, about one subject, to which
 * the caller is a party. Its holder answers it (the MAPPA unit for levels 2 and 3, the lead agency for
 * level 1: the decision id names which, `holderOfDisclosureDecisionId`).
 */
export const disclosureEvidenceSchema = z.object({
  kind: z.literal('DISCLOSURE'),
  decisionId: recordIdSchema,
  pncId: pncIdSchema,
  standing: z.enum(DISCLOSURE_STANDINGS),
  /**
   * A.R25, B.10, C.52: true for an adult subject; for a child (or an unknown date of birth) only once the
   * decision has asked both a senior YOT member and children's services (so both are parties to it).
   * Decides whether a subject under 18 is served under DISCLOSURE_DECISION.
   */
  childSafeguardsMet: z.boolean(),
  /**
   * Whether the decision is still to be made: PROPOSED, CONSULTING, or DECIDED to disclose and not yet
   * made. Only then does the decision need its subject read (principle 1, B §1: only what is necessary);
   * once it is MADE, WITHDRAWN or decided not to disclose, its parties still read the decision record
   * itself from its holder, but it no longer reaches the subject's records.
   */
  decisionOpen: z.boolean(),
  validUntil: z.iso.datetime({ offset: true }),
});

/**
 * Under IMMIGRATION_DETENTION_DECISION (issue 14, C.72): the Home Office's decision on detention, transfer
 * to an immigration removal centre or bail named in x-mappa-case (`HOD-…`), about one subject, whose case
 * owner the caller is. The Home Office, which holds it, answers (`homeOfficeDetentionEvidence`). Only an
 * open decision (not yet decided) needs the subject's risk read (principle 1).
 */
export const detentionDecisionEvidenceSchema = z.object({
  kind: z.literal('DETENTION_DECISION'),
  decisionId: recordIdSchema,
  pncId: pncIdSchema,
  decisionOpen: z.boolean(),
  validUntil: z.iso.datetime({ offset: true }),
});

export const purposeEvidenceSchema = z.discriminatedUnion('kind', [
  meetingEvidenceSchema,
  referralEvidenceSchema,
  disclosureEvidenceSchema,
  detentionDecisionEvidenceSchema,
]);

export type MeetingEvidence = z.infer<typeof meetingEvidenceSchema>;
export type ReferralEvidence = z.infer<typeof referralEvidenceSchema>;
export type DisclosureEvidence = z.infer<typeof disclosureEvidenceSchema>;
export type DetentionDecisionEvidence = z.infer<typeof detentionDecisionEvidenceSchema>;
export type PurposeEvidence = z.infer<typeof purposeEvidenceSchema>;

/**
 * The roles that can hold purpose evidence, so whose `myPurposeEvidence` the MAPPA unit answers and for
 * whom the gateway asks: everyone who may read a subject under MAPPA_MEETING or MAPPA_SCREENING. Lay
 * advisers and analysts see no personal data whatever they attend (principle 8, A.R27-A.R30), and
 * information governance reads for AUDIT only.
 */
export const PURPOSE_EVIDENCE_HOLDER_ROLES: readonly Role[] = ROLES.filter(
  (role) => role !== 'lay_adviser' && role !== 'analyst' && role !== 'information_governance',
);

/**
 * Who may read the fields of a `PurposeEvidence` answer, in every subgraph that answers one (the type is
 * shared, so its fields carry the same grants everywhere): the holders of evidence, under the bound purposes.
 */
export const PURPOSE_EVIDENCE_GRANTS: readonly AccessGrant[] = [
  {
    roles: PURPOSE_EVIDENCE_HOLDER_ROLES,
    purposes: ['MAPPA_SCREENING', 'MAPPA_MEETING', 'DISCLOSURE_DECISION', 'IMMIGRATION_DETENTION_DECISION'],
  },
];

/** The MAPPA unit's co-ordinator: screens referrals in their area (so needs no referral evidence) and stands as COORDINATOR to their area's meetings. */
export function isMappaCoordinator(principal: Pick<Principal, 'agency' | 'roles'>): boolean {
  return principal.agency === 'mappa_unit' && principal.roles.includes('mappa_coordinator');
}

/**
 * Whether the declared purpose is bound to a record, so whether the MAPPA unit must be asked for the
 * caller's evidence: MAPPA_MEETING always (every role, the co-ordinator and chair included: their
 * standing is to one meeting); MAPPA_SCREENING when a referral is named in x-mappa-case by anyone but
 * the co-ordinator (without one, such a caller reaches only their screening grants); DISCLOSURE_DECISION
 * always (the decision's holder is asked, `holderOfDisclosureDecisionId`); IMMIGRATION_DETENTION_DECISION
 * always (the Home Office, which holds the decision, is asked).
 */
export function needsPurposeEvidence(caller: Pick<Caller, 'principal' | 'declaredPurpose'>): boolean {
  const { principal, declaredPurpose } = caller;
  if (!principal.roles.some((role) => PURPOSE_EVIDENCE_HOLDER_ROLES.includes(role))) return false;
  if (
    declaredPurpose.purpose === 'MAPPA_MEETING' ||
    declaredPurpose.purpose === 'DISCLOSURE_DECISION' ||
    declaredPurpose.purpose === 'IMMIGRATION_DETENTION_DECISION'
  )
    return true;
  return declaredPurpose.purpose === 'MAPPA_SCREENING' && declaredPurpose.caseId !== null && !isMappaCoordinator(principal);
}

/** The kind of evidence each bound purpose needs. */
const EVIDENCE_KIND_OF: Partial<Record<Purpose, PurposeEvidence['kind']>> = {
  MAPPA_MEETING: 'MEETING',
  MAPPA_SCREENING: 'REFERRAL',
  DISCLOSURE_DECISION: 'DISCLOSURE',
  IMMIGRATION_DETENTION_DECISION: 'DETENTION_DECISION',
};

/** The id the evidence is for: what the caller must have declared in x-mappa-case. */
export function evidenceRecordIdOf(evidence: PurposeEvidence): string {
  switch (evidence.kind) {
    case 'MEETING':
      return evidence.meetingId;
    case 'REFERRAL':
      return evidence.referralId;
    case 'DISCLOSURE':
    case 'DETENTION_DECISION':
      return evidence.decisionId;
  }
}

/**
 * Whether `evidence` makes the declared purpose true for this request at `now`: of the purpose's kind,
 * for the record named in x-mappa-case, and not expired (it can run out during the assertion's minute).
 * Both the gateway (before vouching) and every owner (before applying it) ask this.
 */
export function evidenceHoldsFor(
  evidence: PurposeEvidence | undefined | null,
  declaredPurpose: DeclaredPurpose,
  now: Date = new Date(),
): evidence is PurposeEvidence {
  if (!evidence) return false;
  return (
    EVIDENCE_KIND_OF[declaredPurpose.purpose] === evidence.kind &&
    declaredPurpose.caseId === evidenceRecordIdOf(evidence) &&
    Date.parse(evidence.validUntil) > now.getTime()
  );
}

/** The caller's purpose evidence if it holds for this request (`evidenceHoldsFor`), else null. */
export function purposeEvidenceOf(
  caller: Pick<Caller, 'declaredPurpose' | 'purposeEvidence'>,
  now: Date = new Date(),
): PurposeEvidence | null {
  return evidenceHoldsFor(caller.purposeEvidence, caller.declaredPurpose, now) ? caller.purposeEvidence : null;
}
