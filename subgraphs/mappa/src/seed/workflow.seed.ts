import {
  addDays,
  addWorkingDays,
  custodyReleaseDate,
  daysBetween,
  DEV_ISSUER,
  finishedDecisionRows,
  isUnder18,
  MAPPA_AREAS,
  newDisclosureDecisionId,
  Random as SeededRandom,
} from '@mappa/shared';
import type {
  FinishedDecisionItem,
  FinishedDecisionRows,
  FinishedDecisionState,
  MappaArea,
  PrincipalAgency,
  RecipientKind,
  Role,
  SyntheticDatasetOptions,
  SyntheticPerson,
  Random,
} from '@mappa/shared';
import type { disclosureConsiderationTable } from '../disclosure/disclosure.table';
import type { caseAccessGrantTable } from '../case-access-grant/case-access-grant.table';
import type { mappaCaseChangeTable } from '../mappa-case/mappa-case.table';
import { MappaCaseChangeField, MappaDecisionKind } from '../mappa-case/mappa-case.type';
import type {
  meetingActionTable,
  meetingAttendanceTable,
  meetingDecisionTable,
  meetingInvitationTable,
  meetingMinutesTable,
  meetingTable,
  AttendanceGrade,
  MeetingActionStatus,
  MinutesRecipient,
} from '../meeting/meeting.table';
import type { referralTable, ProposedInvitee } from '../referral/referral.table';
import { ReferralStatus } from '../referral/referral.type';
import { MINUTES_DUE_WORKING_DAYS } from '../meeting/meeting-minutes.query';
import { reviewIntervalDays } from './meeting-plan';
import type { PlannedMeeting } from './meeting-plan';

/*
 * The MAPPA Co-ordination Unit's workflow records for one synthetic person: MAPPA A referrals and
 * their screening, MAPP meetings with invitations (each with its case grant), signed attendance,
 * minutes, the level decision and actions. Everything follows from the case and its history, which
 * follow from the shared SyntheticPerson, so every agency tells the same story about the person.
 *
 * Rows are INSERTed already in their final state (a held meeting as HELD, an accepted action as
 * ACCEPTED) and never UPDATEd: the migrations' transition triggers (SCHEDULED → IN_SESSION → HELD,
 * attendance immutable once signed, PROPOSED → ACCEPTED | DECLINED, ACCEPTED → COMPLETED) guard
 * changes to existing rows, so seeding trips none of them. Nothing happens after the dataset's day.
 */

export type ReferralInsert = typeof referralTable.$inferInsert;
export type MeetingInsert = typeof meetingTable.$inferInsert;
export type InvitationInsert = typeof meetingInvitationTable.$inferInsert;
export type GrantInsert = typeof caseAccessGrantTable.$inferInsert;
export type AttendanceInsert = typeof meetingAttendanceTable.$inferInsert;
export type MinutesInsert = typeof meetingMinutesTable.$inferInsert;
export type DecisionInsert = typeof meetingDecisionTable.$inferInsert;
export type ActionInsert = typeof meetingActionTable.$inferInsert;
type ChangeInsert = typeof mappaCaseChangeTable.$inferInsert;
export type ConsiderationInsert = typeof disclosureConsiderationTable.$inferInsert;

/** Every workflow row of a batch, by table. */
export interface WorkflowRows {
  readonly referrals: ReferralInsert[];
  readonly meetings: MeetingInsert[];
  readonly invitations: InvitationInsert[];
  readonly grants: GrantInsert[];
  readonly attendance: AttendanceInsert[];
  readonly minutes: MinutesInsert[];
  readonly decisions: DecisionInsert[];
  readonly actions: ActionInsert[];
  /** Disclosure considered at each held meeting (B §2, KPI 3), and the decisions some of them proposed. */
  readonly considerations: ConsiderationInsert[];
  readonly disclosures: FinishedDecisionRows[];
}

export function emptyWorkflowRows(): WorkflowRows {
  return {
    referrals: [],
    meetings: [],
    invitations: [],
    grants: [],
    attendance: [],
    minutes: [],
    decisions: [],
    actions: [],
    considerations: [],
    disclosures: [],
  };
}

/** How long after the minutes are distributed an invitee keeps the meeting's grant (to read them and act on them). */
export const GRANT_DAYS_AFTER_MINUTES = 28;
/** A grant lasts at most this long (the co-ordinator's own limit for hand-made grants). */
const MAX_GRANT_DAYS = 90;
/** The co-ordinator screens a MAPPA A within 10 days of receiving it (A §5 timescales). */
export const SCREENING_DAYS = 10;
/** Referrals for people in custody are due at least 6 months before release (A §5 timescales). */
export const REFERRAL_MONTHS_BEFORE_RELEASE = 6;

/** The staff ids of each agency start with their own prefix, as the case history's do. */
const STAFF_PREFIX: Record<PrincipalAgency, string> = {
  police: 'PPU',
  probation: 'NPS',
  prison: 'POM',
  yot: 'YOT',
  mappa_unit: 'MCU',
  children_social_care: 'CSC',
  adult_social_care: 'ASC',
  health: 'NHS',
  housing: 'HSG',
  education: 'EDU',
  jobcentre_plus: 'JCP',
  home_office: 'HOI',
  electronic_monitoring: 'EMS',
};

/** The role an agency's single point of contact holds at a MAPP meeting. */
const INVITEE_ROLE: Record<PrincipalAgency, Role> = {
  police: 'ppu_officer',
  probation: 'probation_practitioner',
  prison: 'prison_offender_manager',
  yot: 'yot_case_manager',
  mappa_unit: 'mappa_coordinator',
  children_social_care: 'dtc_attendee',
  adult_social_care: 'dtc_attendee',
  health: 'dtc_attendee',
  housing: 'dtc_attendee',
  education: 'dtc_attendee',
  jobcentre_plus: 'dtc_attendee',
  home_office: 'dtc_attendee',
  electronic_monitoring: 'dtc_attendee',
};

const CHILD_VICTIM_OFFENCES = new Set(['SX03005', 'SX03020', 'SX03031']);

/** The co-ordinator of an area: one per area, so the unit's records name the same person throughout. */
export function coordinatorOf(area: MappaArea): string {
  return `MCU${10001 + MAPPA_AREAS.indexOf(area)}`;
}

function at(date: string, hour: number, minute = 0): Date {
  return new Date(`${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`);
}

function minutesAfter(time: Date, minutes: number): Date {
  return new Date(time.getTime() + minutes * 60_000);
}

function earlier(a: Date, b: Date): Date {
  return a < b ? a : b;
}

/** The case's attributes on a day, replayed from its history: what a meeting that day was about. */
interface CaseStateOnDay {
  readonly category: number;
  readonly level: number;
  readonly leadAgency: string;
  readonly area: MappaArea;
}

/** The case's attributes as it opened, as the history records them (category, level, lead agency, area). */
export type OpeningState = Readonly<Record<string, string | null>>;

function replay(opening: OpeningState, changes: readonly ChangeInsert[]): CaseStateOnDay {
  const state: Record<string, string | null> = { ...opening };
  for (const change of changes) state[change.field] = change.valueAfter;
  return {
    category: Number(state[MappaCaseChangeField.CATEGORY]),
    level: Number(state[MappaCaseChangeField.LEVEL]),
    leadAgency: state[MappaCaseChangeField.LEAD_AGENCY] ?? 'PROBATION',
    area: state[MappaCaseChangeField.AREA] as MappaArea,
  };
}

/** The case on a meeting's day, before that day's decisions (which are the meeting's own outcome). */
function stateBefore(opening: OpeningState, history: readonly ChangeInsert[], date: string): CaseStateOnDay {
  return replay(
    opening,
    history.filter((change) => change.changedDate < date),
  );
}

/** The case just after the `index`th change of its history. */
function stateAfter(opening: OpeningState, history: readonly ChangeInsert[], index: number): CaseStateOnDay {
  return replay(opening, history.slice(0, index + 1));
}

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

interface MeetingContext {
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

/** The id of the `index`th meeting (0-based, oldest first) of a case: `MTG-<case number>-<nnn>`. */
export function meetingIdFor(caseId: string, index: number): string {
  return `MTG-${caseId.slice(3)}-${String(index + 1).padStart(3, '0')}`;
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

function buildMeeting(random: Random, context: MeetingContext, planned: PlannedMeeting, meetingId: string, nextDate: string | null): void {
  const { person, asOf, rows, chair, staff } = context;
  const state = stateBefore(context.opening, context.history, planned.date);
  const coordinator = coordinatorOf(state.area);
  const scheduledFor = at(planned.date, random.pick([9, 10, 11, 13, 14]), random.pick([0, 30]));
  const asOfEnd = at(asOf, 18);
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

  // Who is invited (B §5): the police and probation always; the prison for someone in custody, with
  // MAPPA F requested (B.6); the YOT and children's services for an under-18 (A.R25, B.10); the
  // duty-to-co-operate agencies the case needs, not at every meeting.
  const under18 = isUnder18(person.dateOfBirth, planned.date);
  const invitees: PrincipalAgency[] = ['police', 'probation'];
  if (person.supervision === 'CUSTODY' && planned.date >= person.offence.convictionDate) invitees.push('prison');
  if (under18) invitees.push('yot', 'children_social_care');
  for (const agency of context.dutyToCooperate) if (!invitees.includes(agency) && random.chance(0.8)) invitees.push(agency);

  const invitedAt = earlier(minutesAfter(createdAt, random.int(10, 2 * 24 * 60)), earlier(scheduledFor, asOfEnd));
  const minutes = held ? minutesTimes(random, planned, closedAt as Date, asOf) : null;
  const grantEnds = minutes?.distributedAt
    ? addDays(minutes.distributedAt.toISOString().slice(0, 10), GRANT_DAYS_AFTER_MINUTES)
    : addDays(planned.date, 30 + GRANT_DAYS_AFTER_MINUTES);
  const validUntil = earlier(at(grantEnds, 23, 59), new Date(invitedAt.getTime() + MAX_GRANT_DAYS * 86_400_000));

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
  rows.attendance.push(...attendees);
  if (!held) return;

  buildDisclosure(
    context,
    { meetingId, level: planned.level, under18, openedAt: openedAt as Date, closedAt: closedAt as Date, area: state.area },
    attendees,
  );

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
    recordedAt: closedAt as Date,
  });

  if (minutes !== null) {
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
      disclosureNotes: random.chance(0.2)
        ? (proposedNote ?? 'Synthetic: disclosure considered; no disclosure at this time.')
        : proposedNote,
      draftedByStaffId: coordinatorOf(state.area),
      draftedAt: minutes.draftedAt,
      approvedByStaffId: minutes.approvedAt ? chair.staffId : null,
      approvedAt: minutes.approvedAt,
      recipients: minutes.distributedAt ? recipients.filter((recipient) => !withheld.some((w) => w.staffId === recipient.staffId)) : null,
      withheldFrom: minutes.distributedAt ? withheld : null,
      distributedAt: minutes.distributedAt,
    });
  }

  // Actions: owned across the agencies present (and the lead), most done, some declined, some still open.
  const owners = attendees.filter((attendee) => attendee.invitationId !== null);
  const actionCount = owners.length === 0 ? 0 : random.int(1, 4);
  for (let k = 0; k < actionCount; k += 1) {
    const owner = random.pick(owners);
    const named = random.chance(0.6);
    const dueDate = addDays(planned.date, random.int(14, 56));
    const createdAt = closedAt as Date;
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

/* ------------------------------------------------------------------------------------------------
 * Referrals (MAPPA A) and screening
 * ---------------------------------------------------------------------------------------------- */

const REFERRAL_REASONS = [
  'Synthetic: escalating risk indicators since sentence; needs co-ordinated multi-agency management.',
  'Synthetic: release planning needs police, probation and housing acting together.',
  'Synthetic: new intelligence about contact with a previous victim.',
] as const;
const ADDED_VALUE = [
  'Synthetic: joint risk management plan and shared monitoring across agencies.',
  'Synthetic: co-ordinated victim safety planning and accommodation.',
] as const;
const REJECTION_REASONS = [
  'Synthetic: risk manageable by the lead agency at level 1; no added value from a MAPP meeting identified.',
  'Synthetic: the referral did not show the multi-agency actions needed; re-refer if the risk changes.',
] as const;

interface ReferralContext {
  readonly person: SyntheticPerson;
  readonly caseId: string;
  readonly dataset: SyntheticDatasetOptions;
  readonly opening: OpeningState;
  readonly rows: WorkflowRows;
}

function referrerOf(random: Random, person: SyntheticPerson, leadAgency: string, onDay: string): PrincipalAgency {
  // Most referrals come from probation; some from the police, the prison or the YOT.
  if (isUnder18(person.dateOfBirth, onDay)) return 'yot';
  const inCustody = person.supervision === 'CUSTODY' && onDay >= person.offence.convictionDate;
  return random.weighted<PrincipalAgency>([
    ['probation', leadAgency === 'POLICE' ? 25 : 70],
    ['police', leadAgency === 'POLICE' ? 70 : 12],
    ['prison', inCustody ? 25 : 0],
  ]);
}

interface ReferralShape {
  readonly referralId: string;
  readonly status: Exclude<ReferralStatus, ReferralStatus.WITHDRAWN>;
  readonly submittedDay: string | null;
  readonly screenedDay: string | null;
  readonly categorySought: number;
  readonly levelSought: number;
  readonly leadAgency: string;
  readonly area: MappaArea;
  readonly accepted: { readonly category: number; readonly level: number; readonly leadAgency: string } | null;
  readonly screenedByStaffId: string | null;
}

function pushReferral(random: Random, context: ReferralContext, shape: ReferralShape): void {
  const { person, dataset } = context;
  const anchorDay = shape.submittedDay ?? dataset.asOf;
  const agency = referrerOf(random, person, shape.leadAgency, anchorDay);
  // A YOT referral reaches the co-ordinator when a YOT manager endorses it (C.50): submission is the endorsement.
  const createdDay = agency === 'yot' ? addDays(anchorDay, -random.int(1, 5)) : anchorDay;
  const inCustody = person.supervision === 'CUSTODY' && anchorDay >= person.offence.convictionDate;
  const releaseDate = custodyReleaseDate(person, dataset.asOf) ?? person.sentence?.conditionalReleaseDate ?? null;
  const submittedAt = shape.submittedDay ? at(shape.submittedDay, 10, random.int(0, 59)) : null;
  const screenedAt = shape.screenedDay ? at(shape.screenedDay, 14, random.int(0, 59)) : null;
  const proposedInvitees: ProposedInvitee[] = random.chance(0.3)
    ? [{ agency: 'housing', role: 'dtc_attendee', reason: 'Synthetic: accommodation on release.' }]
    : [];
  context.rows.referrals.push({
    referralId: shape.referralId,
    pncId: person.pncId,
    area: shape.area,
    referringAgency: agency,
    referrerStaffId: `${STAFF_PREFIX[agency]}${random.int(10000, 99999)}`,
    referrerIssuer: DEV_ISSUER,
    categorySought: shape.categorySought,
    levelSought: shape.levelSought,
    subjectDateOfBirth: person.dateOfBirth,
    inCustody: inCustody && releaseDate !== null,
    expectedReleaseDate: inCustody ? releaseDate : null,
    reasons: random.pick(REFERRAL_REASONS),
    addedValue: random.pick(ADDED_VALUE),
    victimConcerns: random.chance(0.7) ? 'Synthetic: known victim lives in the same town.' : null,
    safeguardingConcerns: random.chance(0.4) ? 'Synthetic: children in the proposed household.' : null,
    proposedInvitees,
    status: shape.status,
    createdAt: at(createdDay, 9, random.int(0, 59)),
    submittedAt,
    screeningDueDate: shape.submittedDay ? addDays(shape.submittedDay, SCREENING_DAYS) : null,
    endorsedByStaffId: agency === 'yot' && submittedAt ? `YOT${random.int(10000, 99999)}` : null,
    endorsedByIssuer: agency === 'yot' && submittedAt ? DEV_ISSUER : null,
    endorsedAt: agency === 'yot' ? submittedAt : null,
    screenedAt,
    screenedByStaffId: screenedAt ? shape.screenedByStaffId : null,
    screenedByIssuer: screenedAt ? DEV_ISSUER : null,
    acceptedCategory: shape.accepted?.category ?? null,
    acceptedLevel: shape.accepted?.level ?? null,
    acceptedLeadAgency: shape.accepted?.leadAgency ?? null,
    rejectionReasons: shape.status === ReferralStatus.REJECTED ? random.pick(REJECTION_REASONS) : null,
    caseId: shape.accepted ? context.caseId : null,
  });
}

/**
 * The referrals of one case: an accepted MAPPA A behind every screening decision that put the case at
 * level 2 or 3 (dated the day of the decision, its category, level and lead agency), the screening
 * history row naming the co-ordinator who screened it; for level 1
 * cases, a few rejected referrals and a few still waiting (late ones for people released soon).
 */
export function buildReferrals(random: Random, context: ReferralContext, history: ChangeInsert[], currentLevel: number): void {
  const { person, caseId, dataset } = context;
  let count = 0;
  const nextId = () => `REF-${caseId.slice(3)}-${++count}`;
  history.forEach((change, index) => {
    if (change.decisionKind !== MappaDecisionKind.SCREENING_DECISION) return;
    const state = stateAfter(context.opening, history, index);
    if (state.level < 2) return;
    const screenedDay = change.changedDate;
    // Most are screened within the 10 days; a few take longer.
    const submittedDay = addDays(screenedDay, -(random.chance(0.9) ? random.int(1, SCREENING_DAYS) : random.int(SCREENING_DAYS + 1, 20)));
    const referralId = nextId();
    const screener = coordinatorOf(state.area);
    pushReferral(random, context, {
      referralId,
      status: ReferralStatus.ACCEPTED,
      submittedDay,
      screenedDay,
      categorySought: state.category,
      levelSought: random.chance(0.85) ? state.level : 5 - state.level,
      leadAgency: state.leadAgency,
      area: state.area,
      accepted: { category: state.category, level: state.level, leadAgency: state.leadAgency },
      screenedByStaffId: screener,
    });
    // The screening decision in the case history is this referral's, recorded by the co-ordinator who
    // screened it (its reference keeps the history's own SCR- numbering; the referral names the case).
    change.changedByStaffId = screener;
  });
  if (currentLevel !== 1) return;
  const state = stateAfter(context.opening, history, history.length - 1);
  const span = daysBetween(person.mappaStartDate, dataset.asOf);
  const release = custodyReleaseDate(person, dataset.asOf);
  const releaseSoon = release !== null && daysBetween(dataset.asOf, release) <= REFERRAL_MONTHS_BEFORE_RELEASE * 30;
  if (span >= 60 && random.chance(0.04)) {
    const screenedDay = addDays(person.mappaStartDate, random.int(30, span - 1));
    pushReferral(random, context, {
      referralId: nextId(),
      status: ReferralStatus.REJECTED,
      submittedDay: addDays(screenedDay, -random.int(1, SCREENING_DAYS)),
      screenedDay,
      categorySought: state.category,
      levelSought: 2,
      leadAgency: state.leadAgency,
      area: state.area,
      accepted: null,
      screenedByStaffId: coordinatorOf(state.area),
    });
  }
  // Still with the co-ordinator: a few, more among people released within six months (late referrals).
  if (random.chance(releaseSoon ? 0.2 : 0.005)) {
    const youth = isUnder18(person.dateOfBirth, dataset.asOf);
    const awaitingEndorsement = youth && random.chance(0.5);
    pushReferral(random, context, {
      referralId: nextId(),
      status: awaitingEndorsement ? ReferralStatus.AWAITING_ENDORSEMENT : ReferralStatus.SUBMITTED,
      submittedDay: awaitingEndorsement ? null : addDays(dataset.asOf, -random.int(0, SCREENING_DAYS - 1)),
      screenedDay: null,
      categorySought: state.category,
      levelSought: random.chance(0.85) ? 2 : 3,
      leadAgency: state.leadAgency,
      area: state.area,
      accepted: null,
      screenedByStaffId: null,
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Disclosure (issue 11, B §2): considered at every held meeting; at a minority a decision is proposed,
// about one recipient, and taken through consultation to its end as time allows by the dataset's day.

/** Of held meetings, the share at which a disclosure is proposed (most find it not necessary, with a reason). */
const DISCLOSURE_PROPOSED_SHARE = 0.1;

const RECIPIENT_WEIGHTS: readonly (readonly [RecipientKind, number])[] = [
  ['PARTNER', 26],
  ['EMPLOYER', 15],
  ['ACCOMMODATION', 14],
  ['SCHOOL', 11],
  ['VICTIM', 10],
  ['PROFESSIONAL', 8],
  ['WORSHIP', 4],
  ['LEISURE', 4],
  ['NEIGHBOUR_OR_FRIEND', 4],
  ['OTHER', 2],
  ['MEDIA', 2],
];

/** How the older decisions ended (a decision proposed more than a week before the dataset's day has run its course). */
const FINISHED_WEIGHTS: readonly (readonly [FinishedDecisionState, number])[] = [
  ['MADE', 50],
  ['DECIDED_NOT_DISCLOSE', 28],
  ['WITHDRAWN', 12],
  ['DECIDED_DISCLOSE', 4],
  ['CONSULTING', 6],
];

const NOT_NECESSARY_REASONS = [
  'Synthetic: no third party identified who needs to know; the risk is managed by licence conditions and supervision.',
  'Synthetic: no new relationship, employment or accommodation since the last review; disclosure not necessary now.',
  'Synthetic: the known victims are already protected by the safety plan; nothing to add by disclosure.',
  'Synthetic: the subject is in custody; disclosure to be reconsidered before release.',
] as const;

/** The items of a disclosure: the owners' record fields, each worded as the owner agreed it. */
function disclosureItems(random: Random, recipientKind: RecipientKind): FinishedDecisionItem[] {
  const items: FinishedDecisionItem[] = [
    {
      sourceAgency: 'police',
      fieldCoordinate: 'PoliceConviction.offenceDescription',
      wording: 'He has a conviction for a sexual offence against a child and is subject to notification requirements.',
    },
  ];
  if (random.chance(0.6))
    items.push({
      sourceAgency: 'probation',
      fieldCoordinate: 'ProbationLicence.conditions',
      wording: 'His licence forbids unsupervised contact with children under 16.',
    });
  if (recipientKind === 'VICTIM')
    items.push({
      sourceAgency: 'probation',
      fieldCoordinate: null,
      wording: 'He will live at an approved premises in the north of the county, away from your home.',
      victimIdentifying: true,
    });
  if (random.chance(0.3))
    items.push({
      sourceAgency: 'mappa_unit',
      fieldCoordinate: null,
      wording: 'He is managed by several agencies together and is closely supervised.',
    });
  return items;
}

interface HeldMeeting {
  readonly meetingId: string;
  readonly level: number;
  readonly under18: boolean;
  readonly openedAt: Date;
  readonly closedAt: Date;
  readonly area: MappaArea;
}

/**
 * The held meeting's disclosure consideration and, at some, the decision it proposed (linked to the
 * meeting, proposed by the lead attendee of police or probation while it sat, decided by its chair).
 * Its own random stream, per meeting, so the meeting data drawn before it is unchanged.
 */
function buildDisclosure(context: MeetingContext, meeting: HeldMeeting, attendees: readonly AttendanceInsert[]): void {
  const random = new SeededRandom(context.person.pncId, meeting.meetingId, 'disclosure');
  const { rows, chair, person } = context;
  const proposer = attendees.find(
    (attendee) => attendee.invitationId !== null && (attendee.agency === 'probation' || attendee.agency === 'police'),
  );
  const recordedAt = minutesAfter(
    meeting.openedAt,
    Math.min(30, Math.max(1, Math.floor((meeting.closedAt.getTime() - meeting.openedAt.getTime()) / 120_000))),
  );
  const consideration = {
    considerationId: `DCN-${meeting.meetingId.slice(4)}`,
    pncId: person.pncId,
    area: meeting.area,
    meetingId: meeting.meetingId,
    reviewedOn: meeting.closedAt.toISOString().slice(0, 10),
    recordedByStaffId: chair.staffId,
    recordedByIssuer: DEV_ISSUER,
    recordedAt,
  };
  if (!proposer || !random.chance(DISCLOSURE_PROPOSED_SHARE)) {
    rows.considerations.push({ ...consideration, outcome: 'NOT_NECESSARY', reason: random.pick(NOT_NECESSARY_REASONS), decisionId: null });
    return;
  }
  const recipientKind = random.weighted(RECIPIENT_WEIGHTS);
  // Timing: consulting a day after the meeting, decided four days after, made six (disclosure-history.ts).
  const sinceMeetingDays = (at(context.asOf, 18).getTime() - recordedAt.getTime()) / 86_400_000;
  const state: FinishedDecisionState =
    sinceMeetingDays >= 7 ? random.weighted(FINISHED_WEIGHTS) : sinceMeetingDays >= 1.5 ? 'CONSULTING' : 'PROPOSED';
  const decisionId = newDisclosureDecisionId('MAPPA', meeting.meetingId.slice(4));
  const disclosure = finishedDecisionRows({
    holder: 'MAPPA',
    decisionId,
    pncId: person.pncId,
    area: meeting.area,
    level: meeting.level === 3 ? 3 : 2,
    caseId: context.caseId,
    meetingId: meeting.meetingId,
    subjectUnder18: meeting.under18,
    recipientKind,
    recipientIsChild: recipientKind === 'VICTIM' && CHILD_VICTIM_OFFENCES.has(person.offence.code) && random.chance(0.5),
    recipientIsAdultAtRisk: recipientKind === 'ACCOMMODATION' && random.chance(0.25),
    state,
    proposedAt: minutesAfter(recordedAt, -5),
    proposer: { staffId: proposer.staffId, issuer: DEV_ISSUER, agency: proposer.agency },
    decisionMaker: { staffId: chair.staffId, issuer: DEV_ISSUER, agency: chair.agency },
    items: disclosureItems(random, recipientKind),
    representationsSought: recipientKind !== 'PARTNER' && recipientKind !== 'VICTIM' ? random.chance(0.8) : random.chance(0.3),
  });
  rows.disclosures.push(disclosure);
  rows.considerations.push({
    ...consideration,
    outcome: 'DECISION_PROPOSED',
    reason: `Synthetic: disclosure to a ${recipientKind.toLowerCase().replace(/_/g, ' ')} proposed to protect others.`,
    decisionId,
  });
}
