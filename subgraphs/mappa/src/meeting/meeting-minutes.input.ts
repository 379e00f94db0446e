import { z } from 'zod';
import { freeTextSchema, issuerSchema, PRINCIPAL_AGENCIES, principalSchema, ROLES } from '@mappa/shared';
import { meetingIdSchema } from './meeting.input';

// A meeting id is the meeting workflow's (a UUID), checked as it checks it.
export { meetingIdSchema };

export const draftMinutesInputSchema = z.object({
  meetingId: meetingIdSchema,
  summary: freeTextSchema('summary', 20_000),
  riskAssessment: freeTextSchema('riskAssessment', 20_000).nullish(),
  riskManagementPlan: freeTextSchema('riskManagementPlan', 20_000).nullish(),
  disclosureConsidered: z.boolean(),
  disclosureNotes: freeTextSchema('disclosureNotes', 5_000).nullish(),
});

export type DraftMinutesValues = z.infer<typeof draftMinutesInputSchema>;

const recipientSchema = z
  .object({
    agency: z.enum(PRINCIPAL_AGENCIES, { error: `agency must be one of ${PRINCIPAL_AGENCIES.join(', ')}` }),
    staffId: principalSchema.shape.staffId.nullish(),
    issuer: issuerSchema.nullish(),
    role: z.enum(ROLES, { error: `role must be one of ${ROLES.join(', ')}` }).nullish(),
    reason: freeTextSchema('reason', 500),
  })
  .superRefine((recipient, context) => {
    // A staff id is one identity provider's: without the provider it could be anyone's.
    if ((recipient.staffId == null) !== (recipient.issuer == null)) {
      context.addIssue({
        code: 'custom',
        path: [recipient.staffId == null ? 'staffId' : 'issuer'],
        message: 'a staff id needs its issuer, and an issuer its staff id',
      });
    }
  });

export const approveMinutesInputSchema = z.object({
  meetingId: meetingIdSchema,
  version: z.number().int().min(1, 'version starts at 1'),
  withhold: z.array(recipientSchema).max(100, 'at most 100 withheld recipients'),
  additionalRecipients: z.array(recipientSchema).max(100, 'at most 100 additional recipients'),
});

export type ApproveMinutesValues = z.infer<typeof approveMinutesInputSchema>;
export type RecipientValues = z.infer<typeof recipientSchema>;

export const minutesVersionSchema = z.number().int().min(1, 'version starts at 1');
