import { z } from 'zod';
import {
  agencyHoldsRole,
  freeTextSchema,
  GRANT_HOLDER_ROLES,
  GRANTABLE_PURPOSES,
  issuerSchema,
  MappaArea,
  pncIdSchema,
  principalSchema,
  PRINCIPAL_AGENCIES,
  ROLE_AGENCIES,
  ROLES,
} from '@mappa/shared';
import type { Purpose } from '@mappa/shared';

/**
 * The longest a grant may run from now. An invitation goes out at least 14 days before a meeting
 * and the minutes are due within 10 working days of it; 90 days covers that with room for an
 * adjourned meeting, and is shorter than a level 2 review period (16 weeks), so access is looked at
 * again at least once per review. Longer needs are a new grant, with a fresh reason.
 */
export const MAX_GRANT_DAYS = 90;
/** Clock skew tolerated between the client and this service for a `validFrom` of "now". */
const CLOCK_SKEW_MS = 60_000;
const DAY_MS = 86_400_000;

/** Purposes whose grants name one meeting or one disclosure decision. */
const PURPOSES_NAMING_A_CASE: readonly Purpose[] = ['MAPPA_MEETING', 'DISCLOSURE_DECISION'];

// The same format the gateway accepts in x-mappa-case, so a grant's id can be declared.
const caseIdSchema = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'case id must be 1-64 letters, digits or hyphens');
const reasonSchema = freeTextSchema('reason', 500);

/** A new grant's input, checked against `now`: every problem is reported, as BAD_USER_INPUT issues. */
export function grantCaseAccessInputSchema(now: Date) {
  return z
    .object({
      granteeStaffId: principalSchema.shape.staffId.nullish(),
      granteeIssuer: issuerSchema.nullish(),
      granteeAgency: z.enum(PRINCIPAL_AGENCIES, { error: `agency must be one of ${PRINCIPAL_AGENCIES.join(', ')}` }).nullish(),
      granteeAreas: z
        .array(z.enum(MappaArea, { error: 'each area must be a MappaArea' }))
        .min(1, 'name at least one area the grant holds in')
        .refine((areas) => new Set(areas).size === areas.length, 'each area once')
        .nullish(),
      granteeRole: z
        .enum(ROLES, { error: `role must be one of ${GRANT_HOLDER_ROLES.join(', ')}` })
        .refine(
          (role) => GRANT_HOLDER_ROLES.includes(role),
          `role cannot hold a case access grant; one of ${GRANT_HOLDER_ROLES.join(', ')}`,
        )
        .nullish(),
      pncId: pncIdSchema,
      purpose: z.enum(GRANTABLE_PURPOSES as [Purpose, ...Purpose[]], { error: `purpose must be one of ${GRANTABLE_PURPOSES.join(', ')}` }),
      caseId: caseIdSchema.nullish(),
      validFrom: z.date().nullish(),
      validUntil: z.date(),
      reason: reasonSchema,
    })
    .superRefine((input, context) => {
      const byStaff = input.granteeStaffId != null || input.granteeIssuer != null;
      const byRole = input.granteeAgency != null || input.granteeRole != null;
      if (byStaff === byRole) {
        context.addIssue({
          code: 'custom',
          path: ['granteeStaffId'],
          message:
            'name the grantee either by granteeStaffId and granteeIssuer or by granteeAgency and granteeRole, not both and not neither',
        });
      } else if (byStaff && (input.granteeStaffId == null || input.granteeIssuer == null)) {
        // A staff id is one identity provider's: without the provider it could be anyone's.
        context.addIssue({
          code: 'custom',
          path: [input.granteeStaffId == null ? 'granteeStaffId' : 'granteeIssuer'],
          message: 'a grant to a staff id needs both granteeStaffId and granteeIssuer',
        });
      } else if (byRole && (input.granteeAgency == null || input.granteeRole == null)) {
        context.addIssue({
          code: 'custom',
          path: [input.granteeAgency == null ? 'granteeAgency' : 'granteeRole'],
          message: 'a grant to a role needs both granteeAgency and granteeRole',
        });
      } else if (input.granteeAgency != null && input.granteeRole != null && !agencyHoldsRole(input.granteeAgency, input.granteeRole)) {
        context.addIssue({
          code: 'custom',
          path: ['granteeRole'],
          message: `${input.granteeRole} is held only in ${ROLE_AGENCIES[input.granteeRole].join(', ')}`,
        });
      }
      // Issue 12: a grant to an agency and role reaches every holder of that role in the agency, so it
      // must say where (its areas); a grant to one staff id is that person's wherever they work, and is
      // the form to prefer.
      if (byRole && !byStaff && input.granteeAreas == null) {
        context.addIssue({
          code: 'custom',
          path: ['granteeAreas'],
          message: 'a grant to an agency and role names the areas it holds in (granteeAreas); prefer a grant to one staff id',
        });
      }
      if (byStaff && !byRole && input.granteeAreas != null) {
        context.addIssue({ code: 'custom', path: ['granteeAreas'], message: 'a grant to a staff id names no areas' });
      }
      if (PURPOSES_NAMING_A_CASE.includes(input.purpose) && input.caseId == null) {
        context.addIssue({ code: 'custom', path: ['caseId'], message: `a ${input.purpose} grant needs the meeting or decision id` });
      }
      if (!PURPOSES_NAMING_A_CASE.includes(input.purpose) && input.caseId != null) {
        context.addIssue({ code: 'custom', path: ['caseId'], message: `a ${input.purpose} grant names no meeting or decision id` });
      }
      const validFrom = input.validFrom ?? now;
      if (validFrom.getTime() < now.getTime() - CLOCK_SKEW_MS) {
        context.addIssue({ code: 'custom', path: ['validFrom'], message: 'validFrom must not be in the past' });
      }
      if (input.validUntil.getTime() <= now.getTime()) {
        context.addIssue({ code: 'custom', path: ['validUntil'], message: 'validUntil must be in the future' });
      } else if (input.validUntil.getTime() <= validFrom.getTime()) {
        context.addIssue({ code: 'custom', path: ['validUntil'], message: 'validUntil must be after validFrom' });
      }
      if (input.validUntil.getTime() > now.getTime() + MAX_GRANT_DAYS * DAY_MS) {
        context.addIssue({ code: 'custom', path: ['validUntil'], message: `validUntil must be at most ${MAX_GRANT_DAYS} days from now` });
      }
    });
}

export type GrantCaseAccessInputValues = z.infer<ReturnType<typeof grantCaseAccessInputSchema>>;

/** A grant's id: the service makes them (UUIDs); anything else names no grant. */
export const grantIdSchema = z.uuid('grant id must be a UUID');

/** Why a grant is revoked. */
export const revocationReasonSchema = reasonSchema;
