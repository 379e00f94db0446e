import { MAPPA_AREAS } from '@mappa/shared';
import type { FinishedDecisionRows, MappaArea, PrincipalAgency, Role } from '@mappa/shared';
import type { disclosureConsiderationTable } from '../disclosure/disclosure.table';
import type { caseAccessGrantTable } from '../case-access-grant/case-access-grant.table';
import type { mappaCaseChangeTable } from '../mappa-case/mappa-case.table';
import { MappaCaseChangeField } from '../mappa-case/mappa-case.type';
import type {
  meetingActionTable,
  meetingAttendanceTable,
  meetingDecisionTable,
  meetingInvitationTable,
  meetingMinutesTable,
  meetingTable,
} from '../meeting/meeting.table';
import type { referralTable } from '../referral/referral.table';

// The vocabulary, row types and date and case-state helpers the MAPPA unit's workflow builders share.

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
export type ChangeInsert = typeof mappaCaseChangeTable.$inferInsert;
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
export const MAX_GRANT_DAYS = 90;
/** The co-ordinator screens a MAPPA A within 10 days of receiving it (A §5 timescales). */
export const SCREENING_DAYS = 10;
/** Referrals for people in custody are due at least 6 months before release (A §5 timescales). */
export const REFERRAL_MONTHS_BEFORE_RELEASE = 6;

/** The staff ids of each agency start with their own prefix, as the case history's do. */
export const STAFF_PREFIX: Record<PrincipalAgency, string> = {
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
export const INVITEE_ROLE: Record<PrincipalAgency, Role> = {
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

export const CHILD_VICTIM_OFFENCES = new Set(['SX03005', 'SX03020', 'SX03031']);

/** The co-ordinator of an area: one per area, so the unit's records name the same person throughout. */
export function coordinatorOf(area: MappaArea): string {
  return `MCU${10001 + MAPPA_AREAS.indexOf(area)}`;
}

/** The moment `hour:minute` UTC on `date`. */
export function at(date: string, hour: number, minute = 0): Date {
  return new Date(`${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`);
}

/** `minutes` after `time`. */
export function minutesAfter(time: Date, minutes: number): Date {
  return new Date(time.getTime() + minutes * 60_000);
}

/** The earlier of two moments. */
export function earlier(a: Date, b: Date): Date {
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
export function stateBefore(opening: OpeningState, history: readonly ChangeInsert[], date: string): CaseStateOnDay {
  return replay(
    opening,
    history.filter((change) => change.changedDate < date),
  );
}

/** The case just after the `index`th change of its history. */
export function stateAfter(opening: OpeningState, history: readonly ChangeInsert[], index: number): CaseStateOnDay {
  return replay(opening, history.slice(0, index + 1));
}

/** The id of the `index`th meeting (0-based, oldest first) of a case: `MTG-<case number>-<nnn>`. */
export function meetingIdFor(caseId: string, index: number): string {
  return `MTG-${caseId.slice(3)}-${String(index + 1).padStart(3, '0')}`;
}
