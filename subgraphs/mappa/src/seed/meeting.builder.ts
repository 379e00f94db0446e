import { addDays, addWorkingDays, daysBetween, DEV_ISSUER, isUnder18, Random as SeededRandom } from '@mappa/shared';
import type { MappaArea, PrincipalAgency, SyntheticPerson, Random } from '@mappa/shared';
import type { AttendanceGrade, MeetingActionStatus, MinutesRecipient } from '../meeting/meeting.table';
import { MINUTES_DUE_WORKING_DAYS } from '../meeting/meeting-minutes.query';
import { reviewIntervalDays } from './meeting-plan';
import type { PlannedMeeting } from './meeting-plan';
import {
  at,
  CHILD_VICTIM_OFFENCES,
  coordinatorOf,
  earlier,
  GRANT_DAYS_AFTER_MINUTES,
  INVITEE_ROLE,
  MAX_GRANT_DAYS,
  meetingIdFor,
  minutesAfter,
  STAFF_PREFIX,
  stateBefore,
} from './mappa-catalogue';
import type { AttendanceInsert, ChangeInsert, OpeningState, WorkflowRows } from './mappa-catalogue';
import { buildDisclosure } from './disclosure.builder';

/** Staff of each agency who work this person's case: the same people meeting after meeting. */
function caseStaff(random: Random): Record<PrincipalAgency, string> {
  const staff = {} as Record<PrincipalAgency, string>;
  for (const agency of Object.keys(STAFF_PREFIX) as PrincipalAgency[]) staff[agency] = `${STAFF_PREFIX[agency]}${random.int(10000, 99999)}`;
  return staff;
}

/** The duty-to-co-operate agencies this person's meetings need (principle 5: only as needed). */
function dutyToCooperateAgencies(random: Random, person: SyntheticPerson): PrincipalAgency[] {
  const agencies: PrincipalAgency[] = [];
  if (person.isYouth || (CHILD_VICTIM_OFFENCES.has(person.offence.code) && random.chance(0.6))) agencies.push('children_social_care');
  if (person.isYouth) agencies.push('education');
  if (person.supervision !== 'CUSTODY' && random.chance(0.4)) agencies.push('housing');
  if (random.chance(0.3)) agencies.push('health');
  if (!person.isYouth && person.supervision !== 'CUSTODY' && random.chance(0.1)) agencies.push('jobcentre_plus');
  if (person.supervision === 'LICENCE' && random.chance(0.15)) agencies.push('electronic_monitoring');
  if (person.nationality !== 'British' && random.chance(0.5)) agencies.push('home_office');
  return agencies;
}

const REASON_TEXT: Partial<Record<PrincipalAgency, string>> = {
  police: 'Synthetic: Responsible Authority; ViSOR and intelligence.',
  probation: 'Synthetic: Responsible Authority; offender manager and risk management plan.',
  prison: 'Synthetic: Responsible Authority; custody behaviour and release planning (MAPPA F requested).',
  yot: 'Synthetic: the subject is under 18; YOT case manager (A.R25, B.10).',
  children_social_care: 'Synthetic: child safeguarding.',
  health: 'Synthetic: mental health treatment relevant to risk.',
  housing: 'Synthetic: accommodation and risk to neighbours.',
  education: 'Synthetic: school placement of a child subject.',
  jobcentre_plus: 'Synthetic: employment restrictions.',
  home_office: 'Synthetic: immigration status and removal.',
  electronic_monitoring: 'Synthetic: tagging and exclusion zone compliance.',
};

const ACTION_TEXTS: Partial<Record<PrincipalAgency, readonly string[]>> = {
  police: [
    'Synthetic: carry out a ViSOR home visit and update the risk assessment.',
    'Synthetic: share relevant intelligence with the lead agency.',
  ],
  probation: ['Synthetic: review licence conditions and the exclusion zone.', 'Synthetic: update the OASys risk management plan.'],
  prison: ['Synthetic: provide a MAPPA F update before the next review.', 'Synthetic: confirm release address arrangements.'],
  yot: ['Synthetic: review the AssetPlus plan with the family.'],
  children_social_care: ['Synthetic: complete a strategy discussion about the children at the address.'],
  health: ['Synthetic: confirm engagement with the community mental health team.'],
  housing: ['Synthetic: assess the suitability of the proposed address.'],
  education: ['Synthetic: review school safety plan.'],
  jobcentre_plus: ['Synthetic: check the proposed employment against restrictions.'],
  home_office: ['Synthetic: report on immigration status.'],
  electronic_monitoring: ['Synthetic: report exclusion zone breaches since the last review.'],
};

const DECLINE_REASONS = [
  "Synthetic: not within this agency's remit; suggested the lead agency instead.",
  'Synthetic: already covered by the existing safeguarding plan.',
] as const;

export interface MeetingContext {
  readonly person: SyntheticPerson;
  readonly caseId: string;
  readonly asOf: string;
  readonly opening: OpeningState;
  readonly history: readonly ChangeInsert[];
  /** The case's next review date (null for a closed case): the last decision's when no meeting follows. */
  readonly nextReviewDate: string | null;
  readonly staff: Record<PrincipalAgency, string>;
  readonly chair: { readonly staffId: string; readonly agency: 'police' | 'probation' };
  readonly dutyToCooperate: readonly PrincipalAgency[];
  readonly rows: WorkflowRows;
}

/** The chair of a case's meetings: a police or probation employee holding the chair role (B.52). */
export function chairFor(random: Random, staff: Record<PrincipalAgency, string>): { staffId: string; agency: 'police' | 'probation' } {
  const agency = random.chance(0.5) ? 'police' : 'probation';
  let staffId = `${STAFF_PREFIX[agency]}${random.int(10000, 99999)}`;
  // The chair is never also the agency's attendee.
  if (staffId === staff[agency]) staffId = `${staffId.slice(0, 3)}${(Number(staffId.slice(3)) % 89999) + 10001}`;
  return { staffId, agency };
}

/** Writes one case's meetings, with everything that hangs off them, into `context.rows`. */
export function buildMeetings(
  random: Random,
  context: Omit<MeetingContext, 'staff' | 'chair' | 'dutyToCooperate'>,
  planned: readonly PlannedMeeting[],
): void {
  if (planned.length === 0) return;
  const staff = caseStaff(random);
  const full: MeetingContext = {
    ...context,
    staff,
    chair: chairFor(random, staff),
    dutyToCooperate: dutyToCooperateAgencies(random, context.person),
  };
  planned.forEach((meeting, index) => {
    // A decision sets the next review for the next meeting in the diary, even one later cancelled.
    buildMeeting(random, full, meeting, meetingIdFor(context.caseId, index), planned[index + 1]?.date ?? null);
  });
}

/** What a meeting's later steps need of its first: its day's case state and its times. */
interface MeetingTimes {
  readonly state: ReturnType<typeof stateBefore>;
  readonly scheduledFor: Date;
  readonly createdAt: Date;
  readonly held: boolean;
  readonly openedAt: Date | null;
  readonly closedAt: Date | null;
}

/**
 * One planned meeting and everything that hangs off it, step by step. The steps run in this order
 * because each draws from `random` in turn: reordering them would change every later row of the seed.
 */
function buildMeeting(random: Random, context: MeetingContext, planned: PlannedMeeting, meetingId: string, nextDate: string | null): void {
  const times = scheduleMeeting(random, context, planned, meetingId);
  const under18 = isUnder18(context.person.dateOfBirth, planned.date);
  const invitees = inviteesOf(random, context, planned, under18);
  const window = invitationWindow(random, context, planned, times);
  const attendees = inviteAndAttend(random, context, planned, meetingId, times, window, under18, invitees);
  context.rows.attendance.push(...attendees);
  if (!times.held) return;
  const openedAt = times.openedAt as Date;
  const closedAt = times.closedAt as Date;

  buildDisclosure(context, { meetingId, level: planned.level, under18, openedAt, closedAt, area: times.state.area }, attendees);
  recordDecision(context, planned, meetingId, nextDate, closedAt);
  if (window.minutes !== null) recordMinutes(random, context, planned, meetingId, times.state.area, window.minutes, attendees);
  recordActions(random, context, planned, meetingId, attendees, closedAt);
}

/** The meeting row: its schedule, and when it was opened and closed or cancelled. */
function scheduleMeeting(random: Random, context: MeetingContext, planned: PlannedMeeting, meetingId: string): MeetingTimes {
  const { person, asOf, rows, chair } = context;
  const state = stateBefore(context.opening, context.history, planned.date);
  const coordinator = coordinatorOf(state.area);
  const scheduledFor = at(planned.date, random.pick([9, 10, 11, 13, 14]), random.pick([0, 30]));
  const createdAt = earlier(at(addDays(planned.date, -random.int(14, 42)), 9, random.int(0, 59)), at(asOf, 9));
  const held = planned.status === 'HELD';
  const openedAt = held ? minutesAfter(scheduledFor, random.int(0, 10)) : null;
  const closedAt = openedAt ? minutesAfter(openedAt, random.int(45, 120)) : null;
  const cancelledAt = planned.status === 'CANCELLED' ? at(addDays(planned.date, -random.int(1, 5)), 12) : null;
  rows.meetings.push({
    meetingId,
    caseId: context.caseId,
    pncId: person.pncId,
    area: state.area,
    kind: planned.kind,
    scheduledFor,
    chairStaffId: chair.staffId,
    chairIssuer: DEV_ISSUER,
    chairAgency: chair.agency,
    status: planned.status,
    createdByStaffId: coordinator,
    createdAt,
    confidentialityStatementReadAt: openedAt,
    openedAt,
    closedAt,
    cancelledAt,
    cancellationReason: cancelledAt ? 'Synthetic: chair unavailable; the review was moved to the next available date.' : null,
  });

  return { state, scheduledFor, createdAt, held, openedAt, closedAt };
}

/** Who is invited (B §5). */
function inviteesOf(random: Random, context: MeetingContext, planned: PlannedMeeting, under18: boolean): PrincipalAgency[] {
  const { person } = context;
  // the police and probation always; the prison for someone in custody, with
  // MAPPA F requested (B.6); the YOT and children's services for an under-18 (A.R25, B.10); the
  // duty-to-co-operate agencies the case needs, not at every meeting.
  const invitees: PrincipalAgency[] = ['police', 'probation'];
  if (person.supervision === 'CUSTODY' && planned.date >= person.offence.convictionDate) invitees.push('prison');
  if (under18) invitees.push('yot', 'children_social_care');
  for (const agency of context.dutyToCooperate) if (!invitees.includes(agency) && random.chance(0.8)) invitees.push(agency);

  return invitees;
}

/** When the invitations go out, the minutes' times (held meetings), and until when the invitees' grants last. */
function invitationWindow(random: Random, context: MeetingContext, planned: PlannedMeeting, times: MeetingTimes) {
  const { asOf } = context;
  const { createdAt, scheduledFor, held, closedAt } = times;
  const asOfEnd = at(asOf, 18);
  const invitedAt = earlier(minutesAfter(createdAt, random.int(10, 2 * 24 * 60)), earlier(scheduledFor, asOfEnd));
  const minutes = held ? minutesTimes(random, planned, closedAt as Date, asOf) : null;
  const grantEnds = minutes?.distributedAt
    ? addDays(minutes.distributedAt.toISOString().slice(0, 10), GRANT_DAYS_AFTER_MINUTES)
    : addDays(planned.date, 30 + GRANT_DAYS_AFTER_MINUTES);
  const validUntil = earlier(at(grantEnds, 23, 59), new Date(invitedAt.getTime() + MAX_GRANT_DAYS * 86_400_000));

  return { invitedAt, minutes, validUntil };
}

/** The invitations with their grants, and who signed in (the chair first). */
function inviteAndAttend(
  random: Random,
  context: MeetingContext,
  planned: PlannedMeeting,
  meetingId: string,
  times: MeetingTimes,
  window: ReturnType<typeof invitationWindow>,
  under18: boolean,
  invitees: readonly PrincipalAgency[],
): AttendanceInsert[] {
  const { person, asOf, rows, chair, staff } = context;
  const { state, scheduledFor, held, openedAt, closedAt } = times;
  const { invitedAt, validUntil } = window;
  const attendees: AttendanceInsert[] = [];
  if (held) {
    attendees.push({
      attendanceId: `ATT-${meetingId.slice(4)}-00`,
      meetingId,
      invitationId: null,
      staffId: chair.staffId,
      issuer: DEV_ISSUER,
      agency: chair.agency,
      role: 'mappa_chair',
      extent: 'WHOLE',
      grade: gradeOf(`ATT-${meetingId.slice(4)}-00`, chair.agency, planned.level),
      informationSharingAgreement: true,
      signedAt: openedAt as Date,
      leftAt: null,
    });
  }
  invitees.forEach((agency, position) => {
    const invitationId = `INV-${meetingId.slice(4)}-${String(position + 1).padStart(2, '0')}`;
    // Most invitations go to the agency's single point of contact; some name the practitioner.
    const byStaffId = (agency === 'probation' || agency === 'police') && random.chance(0.3);
    const role = INVITEE_ROLE[agency];
    const isDutyToCooperate = role === 'dtc_attendee';
    // A few duty-to-co-operate invitations are withdrawn before the meeting, which revokes the grant.
    const withdrawn = isDutyToCooperate && !under18 && planned.status !== 'CANCELLED' && invitedAt < at(asOf, 0) && random.chance(0.03);
    const withdrawnAt = withdrawn ? earlier(minutesAfter(invitedAt, random.int(60, 5 * 24 * 60)), minutesAfter(scheduledFor, -60)) : null;
    const childAgency = agency === 'yot' || agency === 'children_social_care';
    // Children's services that cannot attend are consulted instead, and it is recorded (A.R25, B.10).
    // The police and probation attend (probation always when the police cannot, so every held meeting has the Responsible Authority).
    const policeAbsent = !attendees.some((attendee) => attendee.agency === 'police' && attendee.invitationId !== null);
    const attendance = childAgency
      ? agency === 'yot'
        ? 1
        : 0.8
      : agency === 'police'
        ? 0.93
        : agency === 'probation'
          ? policeAbsent
            ? 1
            : 0.95
          : isDutyToCooperate
            ? 0.75
            : 0.7;
    const attends = held && !withdrawn && random.chance(attendance);
    const consulted = held && !attends && childAgency;
    // Derived from the invitation's own id, so unique however many people are seeded: ids drawn from a
    // seeded generator collide by the birthday bound at bench sizes (100,000 offenders, ~300,000 grants).
    const grantId = `GRT-${invitationId.slice('INV-'.length)}`;
    rows.invitations.push({
      invitationId,
      meetingId,
      inviteeAgency: agency,
      inviteeRole: byStaffId ? null : role,
      inviteeStaffId: byStaffId ? staff[agency] : null,
      inviteeIssuer: byStaffId ? DEV_ISSUER : null,
      reason: REASON_TEXT[agency] ?? 'Synthetic: Responsible Authority.',
      mappaFRequested: agency === 'prison',
      // C.65: a category 4 subject's meeting admits another agency only with the police's agreement.
      policeAgreementReference: state.category === 4 && agency !== 'police' ? `PA-${meetingId.slice(4)}` : null,
      grantId,
      invitedAt,
      invitedByStaffId: coordinatorOf(state.area),
      consultedAt: consulted ? minutesAfter(scheduledFor, -24 * 60) : null,
      consultationNote: consulted ? 'Synthetic: views given by telephone before the meeting and read into the minutes.' : null,
      withdrawnAt,
      withdrawnByStaffId: withdrawn ? coordinatorOf(state.area) : null,
      withdrawalReason: withdrawn ? 'Synthetic: not needed for this review after all (principle 5).' : null,
    });
    // The invitation is the invitee's access: its grant, named as the invitation names the invitee.
    rows.grants.push({
      grantId,
      granteeStaffId: byStaffId ? staff[agency] : null,
      granteeIssuer: byStaffId ? DEV_ISSUER : null,
      granteeAgency: byStaffId ? null : agency,
      granteeRole: byStaffId ? null : role,
      // Issue 12: an agency's holders of the role in the meeting's area only.
      granteeAreas: byStaffId ? null : [state.area],
      pncId: person.pncId,
      purpose: 'MAPPA_MEETING',
      caseId: meetingId,
      validFrom: invitedAt,
      validUntil,
      reason: `Synthetic: invitation ${invitationId} to MAPP meeting ${meetingId}.`,
      createdByStaffId: coordinatorOf(state.area),
      createdAt: invitedAt,
      revokedAt: withdrawnAt,
      revokedByStaffId: withdrawn ? coordinatorOf(state.area) : null,
      revocationReason: withdrawn ? 'Synthetic: invitation withdrawn.' : null,
    });
    if (attends) {
      const signedAt = minutesAfter(openedAt as Date, random.int(0, 10));
      // Some leave part-way; a few of those, outside the core agencies, do not sign the information-sharing agreement (B.25).
      const part = !childAgency && agency !== 'police' && agency !== 'probation' && random.chance(0.25);
      const leftAt = part ? earlier(minutesAfter(signedAt, random.int(15, 40)), closedAt as Date) : null;
      attendees.push({
        attendanceId: `ATT-${meetingId.slice(4)}-${String(position + 1).padStart(2, '0')}`,
        meetingId,
        invitationId,
        staffId: staff[agency],
        issuer: DEV_ISSUER,
        agency,
        role,
        extent: part ? 'PART' : 'WHOLE',
        grade: gradeOf(`ATT-${meetingId.slice(4)}-${String(position + 1).padStart(2, '0')}`, agency, planned.level),
        informationSharingAgreement: !(part && isDutyToCooperate && random.chance(0.4)),
        signedAt,
        leftAt: leftAt !== null && leftAt < signedAt ? signedAt : leftAt,
      });
    }
  });
  return attendees;
}

/** The meeting's level decision, and the next review it sets. */
function recordDecision(
  context: MeetingContext,
  planned: PlannedMeeting,
  meetingId: string,
  nextDate: string | null,
  closedAt: Date,
): void {
  const { rows, chair } = context;
  const levelAfter = planned.levelAfter;
  rows.decisions.push({
    decisionId: `DEC-${meetingId.slice(4)}`,
    meetingId,
    kind: planned.decision ?? 'LEVEL_RETAINED',
    levelBefore: planned.level,
    levelAfter,
    rationale: decisionRationale(planned),
    nextReviewDate:
      planned.decision === 'LEVEL_RETAINED' || planned.decision === 'LEVEL_CHANGED'
        ? (nextDate ?? context.nextReviewDate ?? addDays(planned.date, reviewIntervalDays(levelAfter ?? planned.level)))
        : null,
    recordedByStaffId: chair.staffId,
    recordedAt: closedAt,
  });
}

/** The minutes, with who they went to and who got the action points only. */
function recordMinutes(
  random: Random,
  context: MeetingContext,
  planned: PlannedMeeting,
  meetingId: string,
  area: MappaArea,
  minutes: NonNullable<ReturnType<typeof invitationWindow>['minutes']>,
  attendees: readonly AttendanceInsert[],
): void {
  const { rows, chair } = context;
  // The minutes' disclosure section says what the consideration recorded (every held meeting has one).
  const considered = rows.considerations[rows.considerations.length - 1];
  const proposedNote =
    considered?.meetingId === meetingId && considered.decisionId
      ? `Synthetic: disclosure considered; decision ${considered.decisionId} proposed.`
      : null;
  // Kept so the stream's later draws are unchanged (it decided this field before disclosure was always considered).
  random.next();
  const recipients: MinutesRecipient[] = attendees.map((attendee) => ({
    agency: attendee.agency,
    staffId: attendee.staffId,
    issuer: attendee.issuer,
    role: attendee.role,
    reason: null,
  }));
  // B.27: now and then a part-attendee gets the agreed action points only, and the minutes say why.
  const withheld: MinutesRecipient[] = attendees
    .filter((attendee) => attendee.extent === 'PART' && !attendee.informationSharingAgreement)
    .map((attendee) => ({
      agency: attendee.agency,
      staffId: attendee.staffId,
      issuer: attendee.issuer,
      role: attendee.role,
      reason: 'Synthetic: no information-sharing agreement; agreed action points only (B.25).',
    }));
  rows.minutes.push({
    meetingId,
    version: 1,
    status: minutes.approvedAt ? 'APPROVED' : 'DRAFT',
    dueDate: minutes.dueDate,
    summary: `Synthetic: level ${planned.level} ${planned.kind === 'INITIAL' ? 'initial meeting' : 'review'}; risk discussed agency by agency.`,
    riskAssessment: 'Synthetic: risk of serious harm remains high to known adults; imminence low while current controls hold.',
    riskManagementPlan: 'Synthetic: supervision, monitoring and interventions as agreed; victim safety planning continues.',
    disclosureConsidered: true,
    disclosureNotes: random.chance(0.2) ? (proposedNote ?? 'Synthetic: disclosure considered; no disclosure at this time.') : proposedNote,
    draftedByStaffId: coordinatorOf(area),
    draftedAt: minutes.draftedAt,
    approvedByStaffId: minutes.approvedAt ? chair.staffId : null,
    approvedAt: minutes.approvedAt,
    recipients: minutes.distributedAt ? recipients.filter((recipient) => !withheld.some((w) => w.staffId === recipient.staffId)) : null,
    withheldFrom: minutes.distributedAt ? withheld : null,
    distributedAt: minutes.distributedAt,
  });
}

/** Actions: owned across the agencies present (and the lead), most done, some declined, some still open. */
function recordActions(
  random: Random,
  context: MeetingContext,
  planned: PlannedMeeting,
  meetingId: string,
  attendees: readonly AttendanceInsert[],
  closedAt: Date,
): void {
  const { asOf, rows, chair } = context;
  const owners = attendees.filter((attendee) => attendee.invitationId !== null);
  const actionCount = owners.length === 0 ? 0 : random.int(1, 4);
  for (let k = 0; k < actionCount; k += 1) {
    const owner = random.pick(owners);
    const named = random.chance(0.6);
    const dueDate = addDays(planned.date, random.int(14, 56));
    const createdAt = closedAt;
    const respondedDay = addDays(planned.date, random.int(1, 5));
    let status: MeetingActionStatus = 'PROPOSED';
    let completedAt: Date | null = null;
    let declineReason: string | null = null;
    if (respondedDay <= asOf) {
      if (random.chance(0.06)) {
        status = 'DECLINED';
        declineReason = random.pick(DECLINE_REASONS);
      } else {
        status = 'ACCEPTED';
        const completedDay = addDays(dueDate, -random.int(-7, 12));
        // Some recent actions are still outstanding; older ones were reviewed at a later meeting and closed.
        if (completedDay <= asOf && completedDay > respondedDay && (random.chance(0.88) || daysBetween(dueDate, asOf) > 90)) {
          status = 'COMPLETED';
          completedAt = at(completedDay, 16);
        }
      }
    }
    rows.actions.push({
      actionId: `ACT-${meetingId.slice(4)}-${k + 1}`,
      meetingId,
      ownerAgency: owner.agency,
      ownerStaffId: named ? owner.staffId : null,
      ownerIssuer: named ? owner.issuer : null,
      dueDate,
      text: random.pick(ACTION_TEXTS[owner.agency] ?? ['Synthetic: report back to the next review.']),
      status,
      declineReason,
      createdByStaffId: chair.staffId,
      createdAt,
      respondedByStaffId: status === 'PROPOSED' ? null : owner.staffId,
      respondedAt: status === 'PROPOSED' ? null : at(respondedDay, 11),
      completedAt,
    });
  }
}

/**
 * The grade a police or probation attendee signs with (C.90; KPIs 8 and 9): mostly the one the level
 * asks for (middle manager at level 2, senior manager at level 3), now and then one below it. Drawn from
 * the attendance's own stream, so it changes nothing else the seed draws. Other agencies give none.
 */
function gradeOf(attendanceId: string, agency: PrincipalAgency, level: number): AttendanceGrade | null {
  if (agency !== 'police' && agency !== 'probation') return null;
  const random = new SeededRandom('attendance-grade', attendanceId);
  if (level >= 3) return random.chance(0.85) ? 'SENIOR_MANAGER' : 'MIDDLE_MANAGER';
  return random.chance(0.9) ? (random.chance(0.1) ? 'SENIOR_MANAGER' : 'MIDDLE_MANAGER') : 'PRACTITIONER';
}

/** When the minutes were drafted, approved and distributed; null parts had not happened by the dataset's day. */
function minutesTimes(
  random: Random,
  planned: PlannedMeeting,
  closedAt: Date,
  asOf: string,
): { dueDate: string; draftedAt: Date; approvedAt: Date | null; distributedAt: Date | null } | null {
  const day = closedAt.toISOString().slice(0, 10);
  // B §6: 10 working days after a level 2 meeting, 5 after level 3.
  const dueDate = addWorkingDays(day, MINUTES_DUE_WORKING_DAYS[planned.level] ?? MINUTES_DUE_WORKING_DAYS[2]!);
  const draftedDay = addWorkingDays(day, random.int(1, 3));
  if (draftedDay > asOf) return null;
  // Most are distributed on time; about one in ten late.
  const approvedDay = random.chance(0.9) ? addWorkingDays(draftedDay, random.int(0, 2)) : addDays(dueDate, random.int(1, 8));
  const approvedAt = approvedDay <= asOf ? at(approvedDay, 15) : null;
  return {
    dueDate: dueDate < draftedDay ? draftedDay : dueDate,
    draftedAt: at(draftedDay, 12),
    approvedAt,
    distributedAt: approvedAt ? minutesAfter(approvedAt, 30) : null,
  };
}

function decisionRationale(planned: PlannedMeeting): string {
  switch (planned.decision) {
    case 'LEVEL_CHANGED':
      return (planned.levelAfter ?? 0) > planned.level
        ? 'Synthetic: escalating risk needs senior multi-agency oversight.'
        : 'Synthetic: risk reduced and the plan is working; active multi-agency management continues at a lower level.';
    case 'MOVED_TO_LEVEL_1':
      return 'Synthetic: risk manageable by the lead agency alone; no added value in multi-agency meetings (A.R16).';
    case 'CASE_CLOSED':
      return 'Synthetic: the conditions for active multi-agency management no longer apply.';
    default:
      return 'Synthetic: risk unchanged; current level and plan retained.';
  }
}
