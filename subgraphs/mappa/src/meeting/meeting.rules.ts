import { z } from 'zod';
import { isUnder18, calendarDateOf } from '@mappa/shared';
import type { Database, PrincipalAgency } from '@mappa/shared';
import { meetingDayAndSubjectBirthDate, safeguardInvitationsAndAttendanceOf } from './meeting.query';

/*
 * The rules of the MAPP meeting that more than one part of the product applies: the children rule
 * (A.R25, B.10), which the chair's opening and closing check and the gateway's purpose evidence
 * vouches for, and how long an invitation's access lasts.
 */

/** The agencies a meeting about someone under 18 needs (A.R25, B.10): the YOT and children's services. */
export const CHILD_SAFEGUARD_AGENCIES = ['yot', 'children_social_care'] as const satisfies readonly PrincipalAgency[];

/**
 * Whether the subject is a child on the meeting day (its date in England and Wales). An unknown date
 * of birth fails closed: the meeting is treated as one about a child.
 */
export function subjectIsChildOn(subjectDateOfBirth: string | null, meetingDay: Date): boolean {
  return subjectDateOfBirth === null || isUnder18(subjectDateOfBirth, calendarDateOf(meetingDay));
}

/** What the children rule looks at, for one meeting. */
export interface ChildSafeguardFacts {
  readonly subjectDateOfBirth: string | null;
  readonly scheduledFor: Date;
  readonly invitations: readonly {
    readonly inviteeAgency: PrincipalAgency;
    readonly withdrawnAt: Date | null;
    readonly consultedAt: Date | null;
  }[];
  readonly attendance: readonly { readonly agency: PrincipalAgency }[];
}

/** Where a meeting stands under the children rule. */
export interface ChildSafeguards {
  /** The subject is under 18 on the meeting day, or their date of birth is unknown. */
  readonly child: boolean;
  /** The safeguard agencies with no live (unwithdrawn) invitation: the meeting may not open while any is missing. */
  readonly notInvited: readonly PrincipalAgency[];
  /** The safeguard agencies neither attending (a signed attendance of that agency) nor consulted: the meeting may not close, nor its material be served, while any is missing. */
  readonly notAttendingOrConsulted: readonly PrincipalAgency[];
}

/** A.R25, B.10, over the facts: for an adult subject nothing is missing. */
export function childSafeguardsOf(facts: ChildSafeguardFacts): ChildSafeguards {
  if (!subjectIsChildOn(facts.subjectDateOfBirth, facts.scheduledFor)) return { child: false, notInvited: [], notAttendingOrConsulted: [] };
  const live = facts.invitations.filter((invitation) => invitation.withdrawnAt === null);
  const notInvited = CHILD_SAFEGUARD_AGENCIES.filter((agency) => !live.some((invitation) => invitation.inviteeAgency === agency));
  const notAttendingOrConsulted = CHILD_SAFEGUARD_AGENCIES.filter(
    (agency) =>
      !facts.attendance.some((attendance) => attendance.agency === agency) &&
      !live.some((invitation) => invitation.inviteeAgency === agency && invitation.consultedAt !== null),
  );
  return { child: true, notInvited, notAttendingOrConsulted };
}

/** The children rule's facts for one meeting, read in `db` (a transaction, when the caller is about to act on them). */
export async function childSafeguardFactsOf(db: Database, meetingId: string): Promise<ChildSafeguardFacts | null> {
  const meeting = await meetingDayAndSubjectBirthDate(db, meetingId);
  if (!meeting) return null;
  return { ...meeting, ...(await safeguardInvitationsAndAttendanceOf(db, meetingId)) };
}

/**
 * A.R25, B.10, for the purpose evidence the gateway vouches (`MeetingEvidence.childSafeguardsMet`):
 * true when the meeting's subject is an adult on the meeting day, or when the YOT and children's
 * services are both invited and each recorded as attending or consulted. False for an unknown meeting.
 */
export async function childSafeguardsMet(db: Database, meetingId: string): Promise<boolean> {
  const meeting = await meetingDayAndSubjectBirthDate(db, meetingId);
  return meeting ? childSafeguardsMetAt(db, { meetingId, ...meeting }) : false;
}

/**
 * `childSafeguardsMet` for a meeting whose day and subject's date of birth the caller has already read
 * (the purpose evidence reads them with the meeting, in its first statement).
 */
export async function childSafeguardsMetAt(
  db: Database,
  meeting: { readonly meetingId: string } & Pick<ChildSafeguardFacts, 'scheduledFor' | 'subjectDateOfBirth'>,
): Promise<boolean> {
  // Every MAPPA_MEETING request's purpose evidence asks this, before any agency is asked: for an adult
  // subject nothing is missing (`childSafeguardsOf`), so the invitations and attendance, two more
  // statements in turn, are read only for a meeting about a child.
  if (!subjectIsChildOn(meeting.subjectDateOfBirth, meeting.scheduledFor)) return true;
  const safeguards = childSafeguardsOf({ ...meeting, ...(await safeguardInvitationsAndAttendanceOf(db, meeting.meetingId)) });
  return safeguards.notInvited.length === 0 && safeguards.notAttendingOrConsulted.length === 0;
}

/**
 * How long an invitation's access runs after the meeting's scheduled start (`MEETING_ACCESS_DAYS`,
 * default 28): long enough for the minutes (due 10 working days after a level 2 meeting, B §6); the
 * minutes' distribution re-issues it for a set period after that.
 */
export function meetingAccessDays(env: NodeJS.ProcessEnv = process.env): number {
  return z.coerce.number().int().min(1).max(90).default(28).parse(env.MEETING_ACCESS_DAYS);
}
