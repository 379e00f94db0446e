import { Field, ID, InputType } from 'type-graphql';
import { z } from 'zod';
import {
  agencyHoldsRole,
  DateTimeISO,
  freeTextSchema,
  GRANT_HOLDER_ROLES,
  issuerSchema,
  principalSchema,
  PRINCIPAL_AGENCIES,
  ROLE_AGENCIES,
  ROLES,
} from '@mappa/shared';
import type { PrincipalAgency } from '@mappa/shared';
import { AttendanceExtent, AttendanceGrade, MeetingKind } from './meeting.type';
import { MeetingDueStatus } from './meeting-diary.type';

/** How far ahead a meeting may be scheduled: beyond a year it is a placeholder, not a meeting (the level 2 cadence is 16 weeks). */
const MAX_SCHEDULE_AHEAD_DAYS = 366;
const DAY_MS = 86_400_000;

/** B.52: the chair is a police or probation employee, or the MAPPA unit's own chair. */
export const CHAIR_AGENCIES = ['police', 'probation', 'mappa_unit'] as const satisfies readonly PrincipalAgency[];

// The same format the gateway accepts in x-mappa-case; meeting ids are UUIDs the service makes.
export const meetingIdSchema = z.uuid('meeting id must be a UUID');
export const invitationIdSchema = z.uuid('invitation id must be a UUID');
const caseIdSchema = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'case id must be 1-64 letters, digits or hyphens');
const agencySchema = z.enum(PRINCIPAL_AGENCIES, { error: `agency must be one of ${PRINCIPAL_AGENCIES.join(', ')}` });

export const meetingReasonSchema = freeTextSchema('reason', 500);
export const consultationNoteSchema = freeTextSchema('note', 2000);

@InputType({ description: "A new MAPP meeting for a level 2 or 3 active case in the co-ordinator's area." })
export class ScheduleMeetingInput {
  @Field(() => ID, { description: 'The MAPPA case (case number) the meeting is about.' })
  caseId!: string;

  @Field(() => MeetingKind, { description: 'Initial, review or professionals meeting.' })
  kind!: MeetingKind;

  @Field(() => DateTimeISO, { description: 'When the meeting starts: in the future, at most a year ahead.' })
  scheduledFor!: Date;

  @Field(() => String, { description: 'Staff id of the chair.' })
  chairStaffId!: string;

  @Field(() => String, { description: 'The identity provider that issues `chairStaffId`.' })
  chairIssuer!: string;

  @Field(() => String, { description: "The chair's agency (B.52): `police`, `probation` or `mappa_unit`." })
  chairAgency!: string;
}

export function scheduleMeetingInputSchema(now: Date) {
  return z.object({
    caseId: caseIdSchema,
    kind: z.enum(MeetingKind),
    scheduledFor: z
      .date()
      .refine((date) => date.getTime() > now.getTime(), 'scheduledFor must be in the future')
      .refine(
        (date) => date.getTime() <= now.getTime() + MAX_SCHEDULE_AHEAD_DAYS * DAY_MS,
        `scheduledFor must be at most ${MAX_SCHEDULE_AHEAD_DAYS} days ahead`,
      ),
    chairStaffId: principalSchema.shape.staffId,
    chairIssuer: issuerSchema,
    chairAgency: z.enum(CHAIR_AGENCIES, { error: `the chair's agency must be one of ${CHAIR_AGENCIES.join(', ')} (B.52)` }),
  });
}

@InputType({
  description:
    "An invitation to a MAPP meeting: an agency's single point of contact with a role (`inviteeAgency` and `inviteeRole`), or one staff id of an agency (`inviteeStaffId`, `inviteeIssuer` and `inviteeAgency`).",
})
export class InviteToMeetingInput {
  @Field(() => ID, { description: 'The meeting.' })
  meetingId!: string;

  @Field(() => String, { description: 'The invited agency (`police`, `prison`, `yot`, `health`, `children_social_care`…).' })
  inviteeAgency!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'A role the agency holds that can hold a case grant (`dtc_attendee`, `prison_offender_manager`…); required unless one staff id is invited.',
  })
  inviteeRole?: string | null;

  @Field(() => String, { nullable: true, description: 'One staff id of the agency, with `inviteeIssuer`.' })
  inviteeStaffId?: string | null;

  @Field(() => String, { nullable: true, description: 'The identity provider that issues `inviteeStaffId`: required with it.' })
  inviteeIssuer?: string | null;

  @Field(() => String, {
    description: 'Why the invitee is needed (1-500 characters; principle 5: duty-to-co-operate agencies only as needed).',
  })
  reason!: string;

  @Field(() => String, {
    nullable: true,
    description: "C.65: for a category 4 subject, the reference of the police's agreement; required to invite any agency but the police.",
  })
  policeAgreementReference?: string | null;
}

export const inviteToMeetingInputSchema = z
  .object({
    meetingId: meetingIdSchema,
    inviteeAgency: agencySchema,
    inviteeRole: z
      .enum(ROLES, { error: `role must be one of ${GRANT_HOLDER_ROLES.join(', ')}` })
      .refine((role) => GRANT_HOLDER_ROLES.includes(role), `role cannot be invited; one of ${GRANT_HOLDER_ROLES.join(', ')}`)
      .nullish(),
    inviteeStaffId: principalSchema.shape.staffId.nullish(),
    inviteeIssuer: issuerSchema.nullish(),
    reason: meetingReasonSchema,
    policeAgreementReference: freeTextSchema('policeAgreementReference', 100).nullish(),
  })
  .superRefine((input, context) => {
    const byStaff = input.inviteeStaffId != null || input.inviteeIssuer != null;
    if (byStaff && (input.inviteeStaffId == null || input.inviteeIssuer == null)) {
      // A staff id is one identity provider's: without the provider it could be anyone's.
      context.addIssue({
        code: 'custom',
        path: [input.inviteeStaffId == null ? 'inviteeStaffId' : 'inviteeIssuer'],
        message: 'an invitation of a staff id needs both inviteeStaffId and inviteeIssuer',
      });
    }
    if (!byStaff && input.inviteeRole == null) {
      context.addIssue({
        code: 'custom',
        path: ['inviteeRole'],
        message: 'an invitation of an agency needs the role its single point of contact holds',
      });
    }
    if (input.inviteeRole != null && !agencyHoldsRole(input.inviteeAgency, input.inviteeRole)) {
      context.addIssue({
        code: 'custom',
        path: ['inviteeRole'],
        message: `${input.inviteeRole} is held only in ${ROLE_AGENCIES[input.inviteeRole].join(', ')}`,
      });
    }
  });

export type InviteToMeetingValues = z.infer<typeof inviteToMeetingInputSchema>;

@InputType({
  description: "MAPPA E: the invitee's signed attendance; agency and role are the caller's own, as their identity provider vouches them.",
})
export class SignAttendanceInput {
  @Field(() => ID, { description: 'The meeting, in session.' })
  meetingId!: string;

  @Field(() => AttendanceExtent, { description: 'Whole or part attendance.' })
  extent!: AttendanceExtent;

  @Field(() => Boolean, { description: "Whether the attendee's agency is party to the information-sharing agreement (B.25)." })
  informationSharingAgreement!: boolean;

  @Field(() => AttendanceGrade, {
    nullable: true,
    description: "The attendee's grade band, for the attendance record (C.90; KPIs 8 and 9).",
  })
  grade?: AttendanceGrade | null;
}

export const signAttendanceInputSchema = z.object({
  meetingId: meetingIdSchema,
  extent: z.enum(AttendanceExtent),
  informationSharingAgreement: z.boolean(),
  grade: z.enum(AttendanceGrade).nullish(),
});

/** The diary's paging and filter arguments. */
export const MAX_DIARY_PAGE = 100;
export const DEFAULT_DUE_WINDOW_DAYS = 28;
export const meetingDiaryArgsSchema = z.object({
  first: z.number().int().min(1, 'first must be at least 1').max(MAX_DIARY_PAGE, `first must be at most ${MAX_DIARY_PAGE}`),
  after: caseIdSchema.nullish(),
  dueWithinDays: z.number().int().min(0, 'dueWithinDays must be at least 0').max(366, 'dueWithinDays must be at most 366'),
  dueStatus: z.array(z.enum(MeetingDueStatus)).max(3).nullish(),
});
