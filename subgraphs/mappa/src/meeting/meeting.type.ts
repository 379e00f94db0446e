import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Access, DateTimeISO, MappaArea } from '@mappa/shared';
import { mappaPolicies } from '../mappa.policies';

/*
 * The MAPP meeting as the API shows it (issue 10). The resolvers answer with the table rows
 * (meeting.table.ts); the fields below carry the rows' names. What the meeting hangs off it (its
 * subject, invitations, attendance) is resolved by `MeetingResolver`, minutes, decisions and actions
 * by their own resolvers on this type.
 */

/** The kinds of MAPP meeting (B §5): the first, a periodic review, or a professionals meeting between reviews. */
export enum MeetingKind {
  INITIAL = 'INITIAL',
  REVIEW = 'REVIEW',
  PROFESSIONALS = 'PROFESSIONALS',
}

registerEnumType(MeetingKind, {
  name: 'MeetingKind',
  description: 'The kind of MAPP meeting (B §5).',
  valuesConfig: {
    INITIAL: { description: 'The first level 2 or 3 meeting after screening.' },
    REVIEW: { description: "A review at the level's cadence (level 2 at least every 16 weeks, level 3 every 8)." },
    PROFESSIONALS: { description: 'A professionals meeting called between reviews, e.g. on a change of risk.' },
  },
});

/** SCHEDULED → IN_SESSION → HELD, or SCHEDULED → CANCELLED; enforced in code and by the meeting migration's trigger. */
export enum MeetingStatus {
  SCHEDULED = 'SCHEDULED',
  IN_SESSION = 'IN_SESSION',
  HELD = 'HELD',
  CANCELLED = 'CANCELLED',
}

registerEnumType(MeetingStatus, {
  name: 'MeetingStatus',
  description:
    'Where a MAPP meeting stands. Only SCHEDULED → IN_SESSION → HELD and SCHEDULED → CANCELLED happen; a HELD or CANCELLED meeting never changes.',
  valuesConfig: {
    SCHEDULED: { description: 'Scheduled by the co-ordinator; invitations may be sent.' },
    IN_SESSION: { description: 'Opened by the chair, the confidentiality statement (MAPPA D) read; attendance is signed (MAPPA E).' },
    HELD: { description: 'Closed by the chair.' },
    CANCELLED: { description: "Cancelled by the co-ordinator before it opened; its invitations' access is revoked." },
  },
});

/** MAPPA E: whether the attendee stays for the whole meeting or only part of it (B.25). */
export enum AttendanceExtent {
  WHOLE = 'WHOLE',
  PART = 'PART',
}

registerEnumType(AttendanceExtent, {
  name: 'AttendanceExtent',
  description: 'Whether an attendee attends the whole meeting or part of it (MAPPA E, B.25).',
  valuesConfig: {
    WHOLE: { description: 'The whole meeting.' },
    PART: { description: 'Part of the meeting: without an information-sharing agreement, agreed action points only (B.25).' },
  },
});

/**
 * MAPPA E: the attendee's grade, as the attendance record gives it (C.90: agency and grade), banded so
 * that KPIs 8 and 9 (C §7.2) can be counted: the police at Inspector at level 2 and Superintendent at
 * level 3, probation at Senior Probation Officer at level 2 and ACO at level 3 (or equivalents).
 */
export enum AttendanceGrade {
  PRACTITIONER = 'PRACTITIONER',
  MIDDLE_MANAGER = 'MIDDLE_MANAGER',
  SENIOR_MANAGER = 'SENIOR_MANAGER',
}

registerEnumType(AttendanceGrade, {
  name: 'AttendanceGrade',
  description: "The attendee's grade band (MAPPA E, C.90; KPIs 8 and 9, C §7.2).",
  valuesConfig: {
    PRACTITIONER: { description: 'A practitioner: police constable or sergeant, probation officer, or equivalent.' },
    MIDDLE_MANAGER: { description: 'A middle manager: police Inspector or Chief Inspector, Senior Probation Officer, or equivalent.' },
    SENIOR_MANAGER: {
      description: 'A senior manager: police Superintendent or above, Assistant Chief Officer of probation or above, or equivalent.',
    },
  },
});

@ObjectType({
  description:
    'A MAPP meeting (levels 2 and 3, B §5) about one subject. Under MAPPA_MEETING only for the meeting declared in `x-mappa-case`, to its co-ordinator, chair and invitees; under CASE_MANAGEMENT to the co-ordinator of its area (without the subject). Owner: mappa (MAPPA Co-ordination Unit).',
})
export class Meeting {
  @Access(mappaPolicies.meetingRecord)
  @Field(() => ID, { description: "The meeting's id: what attendees declare in `x-mappa-case` under MAPPA_MEETING." })
  meetingId!: string;

  @Access(mappaPolicies.meetingRecord)
  @Field(() => ID, { description: 'The MAPPA case the meeting is about (its case number).' })
  caseId!: string;

  @Access(mappaPolicies.meetingRecord)
  @Field(() => MeetingKind, { description: 'Initial, review or professionals meeting.' })
  kind!: MeetingKind;

  @Access(mappaPolicies.meetingRecord)
  @Field(() => DateTimeISO, { description: 'When the meeting is (or was) to start.' })
  scheduledFor!: Date;

  @Access(mappaPolicies.meetingRecord)
  @Field(() => MeetingStatus, { description: 'Scheduled, in session, held or cancelled.' })
  status!: MeetingStatus;

  @Access(mappaPolicies.meetingRecord)
  @Field(() => MappaArea, { description: "The MAPPA area holding the meeting (the case's area when it was scheduled)." })
  area!: MappaArea;

  @Access(mappaPolicies.meetingRecord)
  @Field(() => String, { description: 'Staff id of the chair (B.52: a police, probation or MAPPA-unit employee holding the chair role).' })
  chairStaffId!: string;

  @Access(mappaPolicies.meetingRecord)
  @Field(() => String, {
    description: 'The identity provider that issues `chairStaffId`: the chair is that staff id from that provider only.',
  })
  chairIssuer!: string;

  @Access(mappaPolicies.meetingRecord)
  @Field(() => String, { description: "The chair's agency: `police`, `probation` or `mappa_unit`." })
  chairAgency!: string;

  @Access(mappaPolicies.meetingRecord)
  @Field(() => DateTimeISO, {
    nullable: true,
    description: 'When the chair read the confidentiality statement (MAPPA D) on opening; null before.',
  })
  confidentialityStatementReadAt!: Date | null;

  @Access(mappaPolicies.meetingRecord)
  @Field(() => DateTimeISO, { nullable: true, description: 'When the chair opened the meeting; null before.' })
  openedAt!: Date | null;

  @Access(mappaPolicies.meetingRecord)
  @Field(() => DateTimeISO, { nullable: true, description: 'When the chair closed the meeting; null before.' })
  closedAt!: Date | null;

  @Access(mappaPolicies.meetingRecord)
  @Field(() => DateTimeISO, { nullable: true, description: 'When the co-ordinator cancelled the meeting; null unless cancelled.' })
  cancelledAt!: Date | null;

  @Access(mappaPolicies.meetingRecord)
  @Field(() => String, { nullable: true, description: 'Why the meeting was cancelled; null unless cancelled.' })
  cancellationReason!: string | null;
}

@ObjectType({
  description:
    "An invitation to a MAPP meeting: an agency (its single point of contact) with a role, or one staff id of an agency. It is the invitee's access: the case grant for MAPPA_MEETING and this meeting, revoked when the invitation is withdrawn. Owner: mappa (MAPPA Co-ordination Unit).",
})
export class MeetingInvitation {
  @Access(mappaPolicies.meetingInvitation)
  @Field(() => ID, { description: "The invitation's id (opaque)." })
  invitationId!: string;

  @Access(mappaPolicies.meetingInvitation)
  @Field(() => ID, { description: 'The meeting it invites to.' })
  meetingId!: string;

  @Access(mappaPolicies.meetingInvitation)
  @Field(() => String, { description: 'The invited agency (`police`, `health`, `children_social_care`…).' })
  inviteeAgency!: string;

  @Access(mappaPolicies.meetingInvitation)
  @Field(() => String, {
    nullable: true,
    description: 'The invited role within the agency; null for an invitation of one staff id that names none.',
  })
  inviteeRole!: string | null;

  @Access(mappaPolicies.meetingInvitation)
  @Field(() => String, { nullable: true, description: "The one staff id invited; null for an agency's single point of contact." })
  inviteeStaffId!: string | null;

  @Access(mappaPolicies.meetingInvitation)
  @Field(() => String, { nullable: true, description: 'The identity provider that issues `inviteeStaffId`; null with it.' })
  inviteeIssuer!: string | null;

  @Access(mappaPolicies.meetingInvitation)
  @Field(() => String, { description: 'Why the invitee is needed (principle 5: duty-to-co-operate agencies only as needed).' })
  reason!: string;

  @Access(mappaPolicies.meetingInvitation)
  @Field(() => Boolean, { description: 'B.6: the invitation asks the prison for its MAPPA F report.' })
  mappaFRequested!: boolean;

  @Access(mappaPolicies.meetingInvitation)
  @Field(() => String, {
    nullable: true,
    description: "C.65: for a category 4 subject, the reference of the police's agreement to invite a non-police agency.",
  })
  policeAgreementReference!: string | null;

  @Access(mappaPolicies.meetingInvitation)
  @Field(() => DateTimeISO, { description: 'When the invitation was made (and its access began).' })
  invitedAt!: Date;

  @Access(mappaPolicies.meetingInvitation)
  @Field(() => DateTimeISO, {
    nullable: true,
    description: 'A.R25, B.10: when the invited agency was recorded as consulted in place of attending; null if not.',
  })
  consultedAt!: Date | null;

  @Access(mappaPolicies.meetingInvitation)
  @Field(() => String, { nullable: true, description: 'What the consultation recorded; null if not consulted.' })
  consultationNote!: string | null;

  @Access(mappaPolicies.meetingInvitation)
  @Field(() => DateTimeISO, {
    nullable: true,
    description: 'When the invitation was withdrawn (and its access revoked); null while it stands.',
  })
  withdrawnAt!: Date | null;

  @Access(mappaPolicies.meetingInvitation)
  @Field(() => String, { nullable: true, description: 'Why the invitation was withdrawn; null while it stands.' })
  withdrawalReason!: string | null;
}

@ObjectType({
  description:
    'One signed attendance of a MAPP meeting (MAPPA E), under its confidentiality statement (MAPPA D). Never edited once signed, except the time of leaving, once. Owner: mappa (MAPPA Co-ordination Unit).',
})
export class MeetingAttendance {
  @Access(mappaPolicies.meetingAttendance)
  @Field(() => ID, { description: "The attendance's id (opaque)." })
  attendanceId!: string;

  @Access(mappaPolicies.meetingAttendance)
  @Field(() => ID, { description: 'The meeting attended.' })
  meetingId!: string;

  @Access(mappaPolicies.meetingAttendance)
  @Field(() => ID, { nullable: true, description: 'The invitation the attendance answers.' })
  invitationId!: string | null;

  @Access(mappaPolicies.meetingAttendance)
  @Field(() => String, { description: 'Staff id of the attendee, as their identity provider vouches it.' })
  staffId!: string;

  @Access(mappaPolicies.meetingAttendance)
  @Field(() => String, { description: 'The identity provider that issues `staffId`.' })
  issuer!: string;

  @Access(mappaPolicies.meetingAttendance)
  @Field(() => String, { description: "The attendee's agency, as their identity provider vouches it." })
  agency!: string;

  @Access(mappaPolicies.meetingAttendance)
  @Field(() => String, { description: "The attendee's role at the meeting, as their identity provider vouches it." })
  role!: string;

  @Access(mappaPolicies.meetingAttendance)
  @Field(() => AttendanceExtent, { description: 'Whole or part attendance.' })
  extent!: AttendanceExtent;

  @Access(mappaPolicies.meetingAttendance)
  @Field(() => AttendanceGrade, { nullable: true, description: "The attendee's grade band as they signed it (C.90); null when not given." })
  grade!: AttendanceGrade | null;

  @Access(mappaPolicies.meetingAttendance)
  @Field(() => Boolean, { description: "Whether the attendee's agency is party to the information-sharing agreement (B.25)." })
  informationSharingAgreement!: boolean;

  @Access(mappaPolicies.meetingAttendance)
  @Field(() => DateTimeISO, { description: 'When the attendee signed (accepting the confidentiality statement, B.54).' })
  signedAt!: Date;

  @Access(mappaPolicies.meetingAttendance)
  @Field(() => DateTimeISO, { nullable: true, description: 'When the attendee left; null while they attend.' })
  leftAt!: Date | null;
}
