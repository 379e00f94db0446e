import { z } from 'zod';
import { pncIdSchema } from '../validation/identifiers';

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
  /** A.R25, B.10: the YOT and children's services are invited and recorded as attending or consulted; decides whether a subject under 18 is served. */
  childSafeguardsMet: z.boolean(),
  validUntil: z.iso.datetime({ offset: true }),
});

export const referralEvidenceSchema = z.object({
  kind: z.literal('REFERRAL'),
  referralId: recordIdSchema,
  pncId: pncIdSchema,
  validUntil: z.iso.datetime({ offset: true }),
});

export const purposeEvidenceSchema = z.discriminatedUnion('kind', [meetingEvidenceSchema, referralEvidenceSchema]);

export type MeetingEvidence = z.infer<typeof meetingEvidenceSchema>;
export type ReferralEvidence = z.infer<typeof referralEvidenceSchema>;
export type PurposeEvidence = z.infer<typeof purposeEvidenceSchema>;
