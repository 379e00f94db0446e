import { z } from 'zod';
import { freeTextSchema, holderOfDisclosureDecisionId } from '@mappa/shared';
import { meetingIdSchema } from '../meeting/meeting.input';

/** The outcomes of considering disclosure at a meeting (B §2 "Obligation to consider"). */
export const CONSIDERATION_OUTCOMES = ['NOT_NECESSARY', 'DECISION_PROPOSED'] as const;
export type ConsiderationOutcome = (typeof CONSIDERATION_OUTCOMES)[number];

/** A MAPPA unit decision id (`DSC-MAPPA-…`): a meeting's decisions are the unit's, never a lead agency's level 1 ones. */
export const mappaDecisionIdSchema = z
  .string()
  .refine((value) => holderOfDisclosureDecisionId(value) === 'MAPPA', 'decisionId must be a MAPPA disclosure decision id (DSC-MAPPA-…)');

/** The consideration: NOT_NECESSARY with the reason and no decision, or DECISION_PROPOSED naming the decision (and why it was proposed). */
export const recordDisclosureConsiderationInputSchema = z
  .object({
    meetingId: meetingIdSchema,
    outcome: z.enum(CONSIDERATION_OUTCOMES, { error: `outcome must be one of ${CONSIDERATION_OUTCOMES.join(', ')}` }),
    reason: freeTextSchema('reason', 2_000),
    decisionId: mappaDecisionIdSchema.nullish(),
  })
  .superRefine((input, context) => {
    const proposed = input.outcome === 'DECISION_PROPOSED';
    if (proposed !== (input.decisionId != null)) {
      context.addIssue({
        code: 'custom',
        path: ['decisionId'],
        message: proposed ? 'DECISION_PROPOSED names the decision proposed' : 'only DECISION_PROPOSED names a decision',
      });
    }
  });

export type RecordDisclosureConsiderationValues = z.infer<typeof recordDisclosureConsiderationInputSchema>;
