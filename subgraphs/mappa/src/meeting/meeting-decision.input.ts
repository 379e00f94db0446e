import { z } from 'zod';
import { freeTextSchema, isoDateSchema } from '@mappa/shared';
import { MappaCaseEndReason } from '../mappa-case/mappa-case.type';
import { meetingIdSchema } from './meeting-minutes.input';
import { MeetingDecisionKind } from './meeting-decision.type';

/** The level decision's input: the new level only for a change, the end reason only for a closure, a review date only while the case stays at level 2 or 3. */
export const recordMeetingDecisionInputSchema = z
  .object({
    meetingId: meetingIdSchema,
    kind: z.enum(MeetingDecisionKind),
    level: z
      .number()
      .int()
      .min(2, 'a meeting changes the level between 2 and 3')
      .max(3, 'a meeting changes the level between 2 and 3')
      .nullish(),
    endReason: z.enum(MappaCaseEndReason).nullish(),
    nextReviewDate: isoDateSchema.nullish(),
    rationale: freeTextSchema('rationale', 2_000),
  })
  .superRefine((input, context) => {
    const changed = input.kind === MeetingDecisionKind.LEVEL_CHANGED;
    if (changed !== (input.level != null))
      context.addIssue({
        code: 'custom',
        path: ['level'],
        message: changed ? 'LEVEL_CHANGED needs the new level' : 'only LEVEL_CHANGED names a level',
      });
    const closed = input.kind === MeetingDecisionKind.CASE_CLOSED;
    if (closed !== (input.endReason != null))
      context.addIssue({
        code: 'custom',
        path: ['endReason'],
        message: closed ? 'CASE_CLOSED needs the end reason' : 'only CASE_CLOSED names an end reason',
      });
    const staysAtTwoOrThree = input.kind === MeetingDecisionKind.LEVEL_RETAINED || changed;
    if (!staysAtTwoOrThree && input.nextReviewDate != null)
      context.addIssue({
        code: 'custom',
        path: ['nextReviewDate'],
        message: 'a case leaving levels 2-3 gets no review date from the meeting',
      });
  });

export type RecordMeetingDecisionValues = z.infer<typeof recordMeetingDecisionInputSchema>;
