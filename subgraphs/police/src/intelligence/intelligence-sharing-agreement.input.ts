import { z } from 'zod';
import { freeTextSchema, MappaArea } from '@mappa/shared';
// A list of values the table's check also uses, not SQL: the one import of a table module outside data access.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { SHARED_WITH } from './intelligence-sharing-agreement.table';

/** An intelligence reference as the police make them (`INT-…`): letters, digits and hyphens. */
export const intelligenceReferenceSchema = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'reference must be 1-64 letters, digits or hyphens');

/** A new agreement: every problem reported, as BAD_USER_INPUT issues. */
export const recordIntelligenceSharingAgreementSchema = z
  .object({
    reference: intelligenceReferenceSchema,
    sharedWith: z.enum(SHARED_WITH, { error: `sharedWith must be one of ${SHARED_WITH.join(', ')}` }),
    sharedWithArea: z.enum(MappaArea, { error: 'sharedWithArea must be a MappaArea' }).nullish(),
    rationale: freeTextSchema('rationale', 1000),
  })
  .superRefine((input, context) => {
    if (input.sharedWith === 'POLICE_FORCE' && input.sharedWithArea == null) {
      context.addIssue({
        code: 'custom',
        path: ['sharedWithArea'],
        message: 'an agreement with another force names that force by its area (sharedWithArea)',
      });
    }
    if (input.sharedWith === 'MAPPA_PARTNERS' && input.sharedWithArea != null) {
      context.addIssue({ code: 'custom', path: ['sharedWithArea'], message: 'an agreement with MAPPA partners names no area' });
    }
  });

/** An agreement's id: the service makes them (UUIDs). */
export const agreementIdSchema = z.uuid('agreement id must be a UUID');

/** Why an agreement is withdrawn. */
export const withdrawalReasonSchema = freeTextSchema('reason', 500);
