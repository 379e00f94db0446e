import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { MappaArea, PrincipalAgency, Role } from '@mappa/shared';
import { mappaSchema } from '../mappa.schema';
import { mappaCaseTable } from '../mappa-case/mappa-case.table';

/*
 * The MAPP meeting (levels 2 and 3, B §5) and what hangs off it: invitations (each one the invitee's
 * case grant), attendance (MAPPA E, signed under the confidentiality statement MAPPA D), versioned
 * minutes (MAPPA B), the meeting's decisions and its actions. Staff are named by staff id and the
 * identity provider that issued it (issue 9 §2). State transitions are enforced by the checks here and
 * the triggers of the meeting migration as well as in code.
 */

export type MeetingKind = 'INITIAL' | 'REVIEW' | 'PROFESSIONALS';
/** SCHEDULED → IN_SESSION (chair opened it, MAPPA D read) → HELD (chair closed it); SCHEDULED → CANCELLED. */
export type MeetingStatus = 'SCHEDULED' | 'IN_SESSION' | 'HELD' | 'CANCELLED';

export const meetingTable = mappaSchema.table(
  'meeting',
  {
    meetingId: text('meeting_id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => mappaCaseTable.caseId),
    // The subject, as on the case: what every owner checks an x-mappa-case against.
    pncId: text('pnc_id').notNull(),
    area: text('area').$type<MappaArea>().notNull(),
    kind: text('kind').$type<MeetingKind>().notNull(),
    scheduledFor: timestamp('scheduled_for', { withTimezone: true, mode: 'date' }).notNull(),
    // B.52: a police or probation employee (or the unit's own chair) holding the chair role.
    chairStaffId: text('chair_staff_id').notNull(),
    chairIssuer: text('chair_issuer').notNull(),
    chairAgency: text('chair_agency').$type<PrincipalAgency>().notNull(),
    status: text('status').$type<MeetingStatus>().notNull(),
    createdByStaffId: text('created_by_staff_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    // MAPPA D read (or drawn attention to) by the chair when opening.
    confidentialityStatementReadAt: timestamp('confidentiality_statement_read_at', { withTimezone: true, mode: 'date' }),
    openedAt: timestamp('opened_at', { withTimezone: true, mode: 'date' }),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true, mode: 'date' }),
    cancellationReason: text('cancellation_reason'),
  },
  (table) => [
    index('meeting_pnc_id_idx').on(table.pncId),
    index('meeting_case_id_idx').on(table.caseId),
    // The diary: an area's meetings by date.
    index('meeting_area_scheduled_for_idx').on(table.area, table.scheduledFor),
    check('meeting_kind_check', sql`kind in ('INITIAL', 'REVIEW', 'PROFESSIONALS')`),
    check('meeting_chair_agency_check', sql`chair_agency in ('police', 'probation', 'mappa_unit')`),
    check(
      'meeting_status_check',
      sql`(status = 'SCHEDULED' and opened_at is null and closed_at is null and cancelled_at is null)
        or (status = 'IN_SESSION' and opened_at is not null and confidentiality_statement_read_at is not null and closed_at is null and cancelled_at is null)
        or (status = 'HELD' and opened_at is not null and confidentiality_statement_read_at is not null and closed_at is not null and cancelled_at is null)
        or (status = 'CANCELLED' and opened_at is null and closed_at is null and cancelled_at is not null and cancellation_reason is not null)`,
    ),
  ],
);

/**
 * An invitation: an agency (its single point of contact) with a role, or one staff id of an agency,
 * invited to one meeting. It is the invitee's access: `grantId` is the case grant for MAPPA_MEETING and
 * this meeting that it created, revoked when the invitation is withdrawn.
 */
export const meetingInvitationTable = mappaSchema.table(
  'meeting_invitation',
  {
    invitationId: text('invitation_id').primaryKey(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetingTable.meetingId),
    inviteeAgency: text('invitee_agency').$type<PrincipalAgency>().notNull(),
    inviteeRole: text('invitee_role').$type<Role>(),
    inviteeStaffId: text('invitee_staff_id'),
    inviteeIssuer: text('invitee_issuer'),
    reason: text('reason').notNull(),
    // B.6: inviting the prison requests its MAPPA F report.
    mappaFRequested: boolean('mappa_f_requested').notNull().default(false),
    // C.65: for a category 4 subject, the police's agreement to invite a non-police agency.
    policeAgreementReference: text('police_agreement_reference'),
    grantId: text('grant_id').notNull(),
    invitedAt: timestamp('invited_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    invitedByStaffId: text('invited_by_staff_id').notNull(),
    // A.R25, B.10: an agency consulted in place of attending (recorded by the co-ordinator).
    consultedAt: timestamp('consulted_at', { withTimezone: true, mode: 'date' }),
    consultationNote: text('consultation_note'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true, mode: 'date' }),
    withdrawnByStaffId: text('withdrawn_by_staff_id'),
    withdrawalReason: text('withdrawal_reason'),
  },
  (table) => [
    index('meeting_invitation_meeting_id_idx').on(table.meetingId),
    check(
      'meeting_invitation_invitee_check',
      sql`(invitee_staff_id is null and invitee_issuer is null and invitee_role is not null) or (invitee_staff_id is not null and invitee_issuer is not null)`,
    ),
    check('meeting_invitation_consulted_check', sql`(consulted_at is null) = (consultation_note is null)`),
    check(
      'meeting_invitation_withdrawn_check',
      sql`(withdrawn_at is null and withdrawn_by_staff_id is null and withdrawal_reason is null) or (withdrawn_at is not null and withdrawn_by_staff_id is not null and withdrawal_reason is not null)`,
    ),
  ],
);

export type AttendanceExtent = 'WHOLE' | 'PART';
/** The attendee's grade band (C.90; KPIs 8 and 9). */
export type AttendanceGrade = 'PRACTITIONER' | 'MIDDLE_MANAGER' | 'SENIOR_MANAGER';

/**
 * MAPPA E: one person's signed attendance. Signing records acceptance of the confidentiality statement
 * (B.54); until then, or after `leftAt`, the attendee sees only the meeting's actions that are theirs
 * (B.25). Once signed a row is never edited, except that the time of leaving is added once.
 */
export const meetingAttendanceTable = mappaSchema.table(
  'meeting_attendance',
  {
    attendanceId: text('attendance_id').primaryKey(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetingTable.meetingId),
    // The invitation it answers; null for the chair, who holds the meeting rather than being invited.
    invitationId: text('invitation_id').references(() => meetingInvitationTable.invitationId),
    staffId: text('staff_id').notNull(),
    issuer: text('issuer').notNull(),
    agency: text('agency').$type<PrincipalAgency>().notNull(),
    role: text('role').$type<Role>().notNull(),
    extent: text('extent').$type<AttendanceExtent>().notNull(),
    // C.90: the grade the attendance record gives (KPIs 8 and 9); null when the attendee gave none.
    grade: text('grade').$type<AttendanceGrade>(),
    // The information-sharing agreement: a part-attendee who is not a party gets agreed action points only (B.25).
    informationSharingAgreement: boolean('information_sharing_agreement').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    leftAt: timestamp('left_at', { withTimezone: true, mode: 'date' }),
  },
  (table) => [
    uniqueIndex('meeting_attendance_person_idx').on(table.meetingId, table.staffId, table.issuer),
    check('meeting_attendance_extent_check', sql`extent in ('WHOLE', 'PART')`),
    check('meeting_attendance_grade_check', sql`grade is null or grade in ('PRACTITIONER', 'MIDDLE_MANAGER', 'SENIOR_MANAGER')`),
    check('meeting_attendance_left_check', sql`left_at is null or left_at >= signed_at`),
  ],
);

/** One person or agency the chair decided receives, or is withheld, the minutes (B.24, B.27). */
export interface MinutesRecipient {
  readonly agency: PrincipalAgency;
  readonly staffId: string | null;
  readonly issuer: string | null;
  readonly role: Role | null;
  /** Withheld from a default recipient, or added beyond them: why, as the chair minuted it. */
  readonly reason: string | null;
}

export type MinutesStatus = 'DRAFT' | 'APPROVED' | 'SUPERSEDED';

/**
 * MAPPA B, versioned: the co-ordination unit drafts, the chair approves (only once the meeting is held)
 * and decides distribution. An approved version is never edited; a correction is a new version.
 */
export const meetingMinutesTable = mappaSchema.table(
  'meeting_minutes',
  {
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetingTable.meetingId),
    version: integer('version').notNull(),
    status: text('status').$type<MinutesStatus>().notNull(),
    // B §6: 10 working days after a level 2 meeting, 5 after level 3.
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    summary: text('summary').notNull(),
    riskAssessment: text('risk_assessment'),
    riskManagementPlan: text('risk_management_plan'),
    // The disclosure section: whether disclosure was considered (agenda item 3); the decision is the disclosure workflow's.
    disclosureConsidered: boolean('disclosure_considered').notNull(),
    disclosureNotes: text('disclosure_notes'),
    draftedByStaffId: text('drafted_by_staff_id').notNull(),
    draftedAt: timestamp('drafted_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    approvedByStaffId: text('approved_by_staff_id'),
    approvedAt: timestamp('approved_at', { withTimezone: true, mode: 'date' }),
    recipients: jsonb('recipients').$type<MinutesRecipient[]>(),
    withheldFrom: jsonb('withheld_from').$type<MinutesRecipient[]>(),
    distributedAt: timestamp('distributed_at', { withTimezone: true, mode: 'date' }),
  },
  (table) => [
    uniqueIndex('meeting_minutes_version_idx').on(table.meetingId, table.version),
    check('meeting_minutes_status_check', sql`status in ('DRAFT', 'APPROVED', 'SUPERSEDED')`),
    // A superseded version keeps what it had: an approval if it was approved, none if it was a draft.
    check(
      'meeting_minutes_approved_check',
      sql`(status = 'DRAFT' and approved_at is null and approved_by_staff_id is null) or (status = 'APPROVED' and approved_at is not null and approved_by_staff_id is not null) or status = 'SUPERSEDED'`,
    ),
    check(
      'meeting_minutes_distributed_check',
      sql`distributed_at is null or (approved_at is not null and recipients is not null and withheld_from is not null)`,
    ),
  ],
);

export type MeetingDecisionKind = 'LEVEL_RETAINED' | 'LEVEL_CHANGED' | 'MOVED_TO_LEVEL_1' | 'CASE_CLOSED';

/** The level decision every meeting ends with (B §5 agenda 11–12), applied to the MAPPA case in the same transaction. */
export const meetingDecisionTable = mappaSchema.table(
  'meeting_decision',
  {
    decisionId: text('decision_id').primaryKey(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetingTable.meetingId),
    kind: text('kind').$type<MeetingDecisionKind>().notNull(),
    levelBefore: integer('level_before').notNull(),
    levelAfter: integer('level_after'),
    rationale: text('rationale').notNull(),
    // Set unless the case leaves levels 2–3.
    nextReviewDate: date('next_review_date', { mode: 'string' }),
    recordedByStaffId: text('recorded_by_staff_id').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (table) => [
    // One level decision per meeting.
    uniqueIndex('meeting_decision_meeting_id_idx').on(table.meetingId),
    check('meeting_decision_kind_check', sql`kind in ('LEVEL_RETAINED', 'LEVEL_CHANGED', 'MOVED_TO_LEVEL_1', 'CASE_CLOSED')`),
    check('meeting_decision_review_check', sql`(kind in ('LEVEL_RETAINED', 'LEVEL_CHANGED')) = (next_review_date is not null)`),
  ],
);

export type MeetingActionStatus = 'PROPOSED' | 'ACCEPTED' | 'DECLINED' | 'COMPLETED';

/** An action from a meeting (B.41, W3): owned by an agency (and a staff id when known), due by a date. */
export const meetingActionTable = mappaSchema.table(
  'meeting_action',
  {
    actionId: text('action_id').primaryKey(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetingTable.meetingId),
    ownerAgency: text('owner_agency').$type<PrincipalAgency>().notNull(),
    ownerStaffId: text('owner_staff_id'),
    ownerIssuer: text('owner_issuer'),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    text: text('text').notNull(),
    status: text('status').$type<MeetingActionStatus>().notNull(),
    declineReason: text('decline_reason'),
    createdByStaffId: text('created_by_staff_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    respondedByStaffId: text('responded_by_staff_id'),
    respondedAt: timestamp('responded_at', { withTimezone: true, mode: 'date' }),
    completedAt: timestamp('completed_at', { withTimezone: true, mode: 'date' }),
  },
  (table) => [
    index('meeting_action_meeting_id_idx').on(table.meetingId),
    // myActions: a person's open actions, and an agency's.
    index('meeting_action_owner_idx')
      .on(table.ownerAgency, table.ownerStaffId)
      .where(sql`status in ('PROPOSED', 'ACCEPTED')`),
    check('meeting_action_status_check', sql`status in ('PROPOSED', 'ACCEPTED', 'DECLINED', 'COMPLETED')`),
    check('meeting_action_owner_check', sql`(owner_staff_id is null) = (owner_issuer is null)`),
    check('meeting_action_declined_check', sql`(status = 'DECLINED') = (decline_reason is not null)`),
    check('meeting_action_completed_check', sql`(status = 'COMPLETED') = (completed_at is not null)`),
  ],
);

export type MeetingRow = typeof meetingTable.$inferSelect;
export type MeetingInvitationRow = typeof meetingInvitationTable.$inferSelect;
export type MeetingAttendanceRow = typeof meetingAttendanceTable.$inferSelect;
export type MeetingMinutesRow = typeof meetingMinutesTable.$inferSelect;
export type MeetingDecisionRow = typeof meetingDecisionTable.$inferSelect;
export type MeetingActionRow = typeof meetingActionTable.$inferSelect;
