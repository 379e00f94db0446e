import { z } from 'zod';
import { freeTextSchema, isoDateSchema, issuerSchema, PRINCIPAL_AGENCIES, principalSchema } from '@mappa/shared';
import { meetingIdSchema } from './meeting-minutes.input';

/** A new action's input, its due date checked against `today`. */
export function createMeetingActionInputSchema(today: string) {
  return z
    .object({
      meetingId: meetingIdSchema,
      ownerAgency: z.enum(PRINCIPAL_AGENCIES, { error: `agency must be one of ${PRINCIPAL_AGENCIES.join(', ')}` }),
      ownerStaffId: principalSchema.shape.staffId.nullish(),
      ownerIssuer: issuerSchema.nullish(),
      dueDate: isoDateSchema.refine((date) => date >= today, `the due date is today (${today}) or later`),
      text: freeTextSchema('text', 2_000),
    })
    .superRefine((input, context) => {
      // A staff id is one identity provider's: without the provider it could be anyone's.
      if ((input.ownerStaffId == null) !== (input.ownerIssuer == null)) {
        context.addIssue({
          code: 'custom',
          path: [input.ownerStaffId == null ? 'ownerStaffId' : 'ownerIssuer'],
          message: 'an owner staff id needs its issuer, and an issuer its staff id',
        });
      }
    });
}

export const actionIdSchema = z.uuid('action id must be a UUID');
export const declineReasonSchema = freeTextSchema('reason', 1_000);
