import { z } from 'zod';
import {
  Agency,
  agencyHoldsRole,
  freeTextSchema,
  isoDateSchema,
  mappaCategorySchema,
  pncIdSchema,
  PRINCIPAL_AGENCIES,
  ROLE_AGENCIES,
  ROLES,
} from '@mappa/shared';
import { ScreeningOutcome } from './referral.type';

const LONG_TEXT = 4000;
const MAX_INVITEES = 20;

/** A referral's id: `REF-` and a UUID, made by this service; anything else names no referral. */
export const referralIdSchema = z
  .string()
  .regex(/^REF-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'referral id must look like REF-<uuid>');

/** MAPPA A seeks level 2 or 3: level 1 is ordinary agency management and needs no referral. */
const referralLevelSchema = z.number().int().min(2, 'level must be 2 or 3').max(3, 'level must be 2 or 3');

/** Agencies that can lead a MAPPA case (`MappaLeadAgency`): prison and the MAPPA unit never do. */
export const LEAD_AGENCIES = [Agency.POLICE, Agency.PROBATION, Agency.YOT] as const;

const proposedInviteeSchema = z
  .object({
    agency: z.enum(PRINCIPAL_AGENCIES, { error: `agency must be one of ${PRINCIPAL_AGENCIES.join(', ')}` }),
    role: z.enum(ROLES, { error: `role must be one of ${ROLES.join(', ')}` }).nullish(),
    reason: freeTextSchema('reason', 500),
  })
  .superRefine((invitee, context) => {
    if (invitee.role != null && !agencyHoldsRole(invitee.agency, invitee.role)) {
      context.addIssue({
        code: 'custom',
        path: ['role'],
        message: `${invitee.role} is held only in ${ROLE_AGENCIES[invitee.role].join(', ')}`,
      });
    }
  })
  .transform((invitee) => ({ agency: invitee.agency, role: invitee.role ?? null, reason: invitee.reason }));

/**
 * Zod skips an object's refinements once any field has failed, so a caller would learn of a missing
 * release date only after fixing the PNC ID. Running them whenever the input is an object lists every
 * problem at once (BAD_USER_INPUT); the refinements read each field defensively, as it may be invalid.
 */
const whenever = { when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null };

/** A MAPPA A referral's input, checked against `today` (`YYYY-MM-DD`): every problem is reported. */
export function submitReferralInputSchema(today: string) {
  return (
    z
      .object({
        pncId: pncIdSchema,
        categorySought: mappaCategorySchema,
        levelSought: referralLevelSchema,
        subjectDateOfBirth: isoDateSchema.refine((date) => date < today, 'date of birth must be in the past'),
        inCustody: z.boolean(),
        expectedReleaseDate: isoDateSchema.nullish(),
        reasons: freeTextSchema('reasons', LONG_TEXT),
        addedValue: freeTextSchema('added value', LONG_TEXT),
        victimConcerns: freeTextSchema('victim concerns', LONG_TEXT).nullish(),
        safeguardingConcerns: freeTextSchema('safeguarding concerns', LONG_TEXT).nullish(),
        proposedInvitees: z.array(proposedInviteeSchema).max(MAX_INVITEES, `at most ${MAX_INVITEES} proposed invitees`).nullish(),
      })
      // `whenever`: the cross-field rules are reported beside any field's own problems, not after them.
      .superRefine((input, context) => {
        if (typeof input.expectedReleaseDate === 'string' && !isoDateSchema.safeParse(input.expectedReleaseDate).success) return;
        if (input.inCustody && input.expectedReleaseDate == null) {
          context.addIssue({
            code: 'custom',
            path: ['expectedReleaseDate'],
            message: 'a referral for someone in custody needs the expected release date',
          });
        } else if (input.inCustody && input.expectedReleaseDate != null && input.expectedReleaseDate <= today) {
          context.addIssue({ code: 'custom', path: ['expectedReleaseDate'], message: 'the expected release date must be in the future' });
        } else if (!input.inCustody && input.expectedReleaseDate != null) {
          context.addIssue({
            code: 'custom',
            path: ['expectedReleaseDate'],
            message: 'only a referral for someone in custody has an expected release date',
          });
        }
      }, whenever)
      .transform((input) => ({
        ...input,
        expectedReleaseDate: input.expectedReleaseDate ?? null,
        victimConcerns: input.victimConcerns ?? null,
        safeguardingConcerns: input.safeguardingConcerns ?? null,
        proposedInvitees: input.proposedInvitees ?? [],
      }))
  );
}

export type SubmitReferralValues = z.infer<ReturnType<typeof submitReferralInputSchema>>;

/** A screening decision: ACCEPT names category, level and lead agency; REJECT names none of them. */
export const screenReferralInputSchema = z
  .object({
    referralId: referralIdSchema,
    outcome: z.enum(ScreeningOutcome),
    category: mappaCategorySchema.nullish(),
    level: referralLevelSchema.nullish(),
    leadAgency: z.enum(Agency).nullish(),
    reasons: freeTextSchema('reasons', 2000),
  })
  .superRefine((input, context) => {
    const decided = { category: input.category, level: input.level, leadAgency: input.leadAgency };
    for (const [field, value] of Object.entries(decided)) {
      if (input.outcome === ScreeningOutcome.ACCEPT && value == null)
        context.addIssue({ code: 'custom', path: [field], message: `an acceptance needs the ${field}` });
      if (input.outcome === ScreeningOutcome.REJECT && value != null)
        context.addIssue({ code: 'custom', path: [field], message: `a rejection sets no ${field}` });
    }
    if (input.leadAgency != null && !(LEAD_AGENCIES as readonly Agency[]).includes(input.leadAgency)) {
      context.addIssue({ code: 'custom', path: ['leadAgency'], message: `a MAPPA case is led by ${LEAD_AGENCIES.join(', ')}` });
    }
  }, whenever);

export type ScreenReferralValues = z.infer<typeof screenReferralInputSchema>;

/** Why a referrer withdraws a referral. */
export const withdrawalReasonSchema = freeTextSchema('reason', 500);
