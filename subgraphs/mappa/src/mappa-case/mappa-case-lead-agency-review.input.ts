import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { z } from 'zod';
import { freeTextSchema } from '@mappa/shared';

/** Why the lead agency, not a meeting or the co-ordinator, sets the level (B.44, C.6). */
export enum LeadAgencyReviewOccasion {
  NO_MEETING_CONSENSUS = 'NO_MEETING_CONSENSUS',
  AFTER_TRANSFER = 'AFTER_TRANSFER',
}

registerEnumType(LeadAgencyReviewOccasion, {
  name: 'LeadAgencyReviewOccasion',
  description: 'The occasions on which the lead agency sets or reviews a MAPPA level itself.',
  valuesConfig: {
    NO_MEETING_CONSENSUS: {
      description:
        'B.44: a level 2 or 3 MAPP meeting of the case was held and reached no level decision (no consensus); the lead agency sets the level, once per meeting.',
    },
    AFTER_TRANSFER: {
      description:
        "C.6: the case transferred into the caller's area; the receiving lead agency reviews the level it accepted in good faith, once per transfer.",
    },
  },
});

@InputType({ description: "The lead agency's own setting or review of a MAPPA level (B.44, C.6, A.R21)." })
export class ReviewMappaLevelInput {
  @Field(() => ID, { description: 'MAPPA case number, `MC-NNNNNNN`.' })
  caseId!: string;

  @Field(() => Int, {
    description:
      'The new level: 2 or 3, or 1 to continue the case at level 1 under the lead agency (A.R21). Never up from level 1 (that is a referral the co-ordinator screens, A.R19).',
  })
  level!: number;

  @Field(() => LeadAgencyReviewOccasion, { description: 'Why the lead agency sets the level.' })
  occasion!: LeadAgencyReviewOccasion;

  @Field(() => ID, {
    nullable: true,
    description: 'With NO_MEETING_CONSENSUS: the held meeting of the case that reached no level decision. Absent with AFTER_TRANSFER.',
  })
  meetingId?: string | null;

  @Field(() => String, { description: 'Why the level is set so (1-500 characters); recorded in the case history.' })
  reason!: string;
}

/** The lead agency review's input: every problem reported, as BAD_USER_INPUT issues. */
export const reviewMappaLevelInputSchema = z
  .object({
    caseId: z.string().regex(/^MC-\d{7}$/, 'case id must look like MC-0000123'),
    level: z.number().int().min(1, 'level must be 1, 2 or 3').max(3, 'level must be 1, 2 or 3'),
    occasion: z.enum(LeadAgencyReviewOccasion),
    meetingId: z.uuid('meeting id must be a UUID').nullish(),
    reason: freeTextSchema('reason', 500),
  })
  .superRefine((input, context) => {
    if (input.occasion === LeadAgencyReviewOccasion.NO_MEETING_CONSENSUS && input.meetingId == null) {
      context.addIssue({
        code: 'custom',
        path: ['meetingId'],
        message: 'NO_MEETING_CONSENSUS names the held meeting that reached no level decision',
      });
    }
    if (input.occasion === LeadAgencyReviewOccasion.AFTER_TRANSFER && input.meetingId != null) {
      context.addIssue({ code: 'custom', path: ['meetingId'], message: 'AFTER_TRANSFER names no meeting' });
    }
  });
