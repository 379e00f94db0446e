import { sql } from 'drizzle-orm';
import type { SubgraphSeed, Database, MappaArea, SyntheticDatasetOptions, SyntheticPerson } from '@mappa/shared';
import {
  addDays,
  addMonths,
  addWorkingDays,
  custodyReleaseDate,
  daysBetween,
  Agency,
  insertFinishedDecisions,
  insertInChunks,
  MAPPA_AREAS,
  Random,
  SFO_CHARGE_YEARLY_SHARE,
  SFO_CONVICTED_SHARE,
  SFO_MONTHS_TO_TRIAL,
  SFO_SCR_SHARE,
  yearlyWindows,
} from '@mappa/shared';
import { caseAccessGrantTable } from '../case-access-grant/case-access-grant.table';
import { mappaCaseChangeTable, mappaCaseTable } from '../mappa-case/mappa-case.table';
import { MappaCaseChangeField, MappaCaseEndReason, MappaCaseStatus, MappaDecisionKind } from '../mappa-case/mappa-case.type';
import type { MappaLeadAgency } from '../mappa-case/mappa-case.type';
import {
  meetingActionTable,
  meetingAttendanceTable,
  meetingDecisionTable,
  meetingInvitationTable,
  meetingMinutesTable,
  meetingTable,
} from '../meeting/meeting.table';
import { referralTable } from '../referral/referral.table';
import { sfoNotificationTable } from '../sfo-notification/sfo-notification.table';
import { smbAttendanceTable, smbMeetingTable, smbMemberTable } from '../smb/smb.table';
import { smbRows } from './smb.seed';
import { planMeetings, reviewIntervalDays } from './meeting-plan';
import type { LevelSegment, PlannedMeeting } from './meeting-plan';
import { buildMeetings, buildReferrals, emptyWorkflowRows, meetingIdFor } from './workflow.seed';
import * as disclosureTables from '../disclosure/disclosure.table';
import {
  disclosureConsiderationTable,
  disclosureConsultationTable,
  disclosureDecisionTable,
  disclosureItemAgreementTable,
  disclosureItemTable,
  disclosureTransitionTable,
} from '../disclosure/disclosure.table';
import type { WorkflowRows } from './workflow.seed';

type CaseInsert = typeof mappaCaseTable.$inferInsert;
type ChangeInsert = typeof mappaCaseChangeTable.$inferInsert;

/** A case's attributes that its history tracks, as the text the history records. */
type CaseState = Record<MappaCaseChangeField, string | null>;

/** One change to plan: set `field` to `value`, `offset` days after the case opened, by this kind of decision. */
interface PlannedChange {
  readonly field: MappaCaseChangeField;
  readonly value: string;
  readonly offset: number;
  readonly kind: MappaDecisionKind;
}

const DECISION_PREFIX: Record<MappaDecisionKind, string> = {
  [MappaDecisionKind.SCREENING_DECISION]: 'SCR',
  [MappaDecisionKind.MAPP_MEETING]: 'MTG',
  [MappaDecisionKind.LEAD_AGENCY_REVIEW]: 'LAR',
};
const STAFF_PREFIX: Record<MappaLeadAgency, string> = { [Agency.POLICE]: 'PPU', [Agency.PROBATION]: 'NPS', [Agency.YOT]: 'YOT' };

/**
 * Case numbers come from the person's index so they are the same whichever batch seeds the person:
 * `2n` is an earlier, closed case and `2n + 1` the current one, so earlier cases number lower.
 */
function caseIdFor(person: SyntheticPerson, current: boolean): string {
  return `MC-${String(person.index * 2 + (current ? 1 : 0)).padStart(7, '0')}`;
}

/** Principle 7 (rule R-2): category 4, or a restricted-access ViSOR record, puts the person behind the counter-terrorism gate. */
function counterTerrorismRestricted(person: SyntheticPerson): boolean {
  return person.category === 4 || person.restrictedAccess;
}

function otherArea(random: Random, area: MappaArea): MappaArea {
  const others = MAPPA_AREAS.filter((candidate) => candidate !== area);
  return random.pick(others);
}

/** Who recorded a change: the co-ordinator for screening, a police or probation chair for a meeting, else the lead agency. */
function staffIdFor(random: Random, kind: MappaDecisionKind, leadAgency: string | null): string {
  const leadPrefix =
    leadAgency === Agency.POLICE ? STAFF_PREFIX.POLICE : leadAgency === Agency.YOT ? STAFF_PREFIX.YOT : STAFF_PREFIX.PROBATION;
  const prefix =
    kind === MappaDecisionKind.SCREENING_DECISION
      ? 'MCU'
      : kind === MappaDecisionKind.MAPP_MEETING
        ? random.pick(['PPU', 'NPS'])
        : leadPrefix;
  return `${prefix}${random.int(10000, 99999)}`;
}

/**
 * Replays planned changes (ordered by date, ties in planning order) over the opening state, so every
 * change's "before" is the value the previous change left, and the last "after" is the case as it is now.
 */
function historyRows(
  random: Random,
  caseId: string,
  startDate: string,
  opening: CaseState,
  planned: readonly PlannedChange[],
): ChangeInsert[] {
  const state: CaseState = { ...opening };
  const ordered = planned
    .map((change, order) => ({ change, order }))
    .sort((a, b) => a.change.offset - b.change.offset || a.order - b.order);
  return ordered.map(({ change }, position) => {
    const sequence = position + 1;
    const valueBefore = state[change.field];
    state[change.field] = change.value;
    return {
      caseId,
      sequence,
      field: change.field,
      valueBefore,
      valueAfter: change.value,
      changedDate: addDays(startDate, change.offset),
      changedByStaffId: staffIdFor(random, change.kind, state.LEAD_AGENCY),
      decisionKind: change.kind,
      decisionReference: `${DECISION_PREFIX[change.kind]}-${caseId.slice(3)}-${sequence}`,
    };
  });
}

/** Opening a case at level 2 or 3, or in category 3, is a screening decision; otherwise the lead agency records it. */
function openingKind(category: number, level: number): MappaDecisionKind {
  return level >= 2 || category === 3 ? MappaDecisionKind.SCREENING_DECISION : MappaDecisionKind.LEAD_AGENCY_REVIEW;
}

/** At most this long at levels 2-3 for a case that could be managed at level 1 (not category 3). */
const MAX_YEARS_AT_LEVEL_2_OR_3 = 2;

/** A case with its history, the state it opened in, and its MAPP meetings. */
interface SeededCase {
  readonly row: CaseInsert;
  readonly history: ChangeInsert[];
  readonly opening: CaseState;
  readonly meetings: PlannedMeeting[];
}

/**
 * The stretches of a case at each level, from its opening level and its planned level changes. A
 * level change from level 2 or 3 is always a MAPP meeting's decision (`levelChangeKind`).
 */
function levelSegments(
  openingLevel: number,
  startDate: string,
  changes: readonly PlannedChange[],
  ending: { date: string; atMeeting: boolean } | null,
): LevelSegment[] {
  const levelChanges = changes.filter((change) => change.field === MappaCaseChangeField.LEVEL).sort((a, b) => a.offset - b.offset);
  const segments: LevelSegment[] = [];
  let level = openingLevel;
  let start = startDate;
  let startedAtMeeting = false;
  for (const change of levelChanges) {
    const date = addDays(startDate, change.offset);
    const atMeeting = change.kind === MappaDecisionKind.MAPP_MEETING;
    segments.push({ level, start, startedAtMeeting, end: date, endedAtMeeting: atMeeting, next: Number(change.value) });
    level = Number(change.value);
    start = date;
    startedAtMeeting = atMeeting;
  }
  segments.push({
    level,
    start,
    startedAtMeeting,
    end: ending?.date ?? null,
    endedAtMeeting: ending?.atMeeting ?? false,
    next: ending ? 'CLOSED' : null,
  });
  return segments;
}

/**
 * A MAPP meeting's decision other than the level (category 2 to 3) is taken at a meeting that was
 * held: moves the planned day to the latest held meeting on or before it (or the first one).
 */
function meetingOffset(meetings: readonly PlannedMeeting[], startDate: string, offset: number): number {
  const held = meetings.filter((meeting) => meeting.status === 'HELD');
  const day = addDays(startDate, offset);
  const chosen = [...held].reverse().find((meeting) => meeting.date <= day) ?? held[0];
  return chosen ? daysBetween(startDate, chosen.date) : offset;
}

/**
 * The history's MAPP meeting decisions name the meeting that took them, and its chair recorded them.
 */
function referenceMeetings(
  history: ChangeInsert[],
  caseId: string,
  meetings: readonly PlannedMeeting[],
  chairOf: (meetingId: string) => string | undefined,
): void {
  for (const change of history) {
    if (change.decisionKind !== MappaDecisionKind.MAPP_MEETING) continue;
    const index = meetings.findIndex((meeting) => meeting.status === 'HELD' && meeting.date === change.changedDate);
    if (index < 0) throw new Error(`seed: no held meeting on ${change.changedDate} for a MAPP meeting decision of ${caseId}`);
    const meetingId = meetingIdFor(caseId, index);
    change.decisionReference = meetingId;
    change.changedByStaffId = chairOf(meetingId) ?? change.changedByStaffId;
  }
}

/** The person's current, ACTIVE case and its history, ending in exactly the SyntheticPerson's category, level, lead agency and area. */
function currentCase(person: SyntheticPerson, dataset: SyntheticDatasetOptions, random: Random, workflowRandom: Random): SeededCase {
  const caseId = caseIdFor(person, true);
  const leadAgency = Agency[person.leadAgency];
  const span = daysBetween(person.mappaStartDate, dataset.asOf);
  const opening: { category: number; level: number; leadAgency: MappaLeadAgency; area: MappaArea } = {
    category: person.category,
    level: person.level,
    leadAgency,
    area: person.area,
  };
  const changes: PlannedChange[] = [];

  // Category 3 straight from category 2: the licence ended, and the MAPP meeting reviewing the case
  // before exit kept it under active management; the police then take the lead.
  const fromCategory2 =
    person.category === 3 && person.supervision === 'NONE' && person.offence.schedule15 && span >= 180 && random.chance(0.6);
  if (fromCategory2) {
    const offset = random.int(Math.ceil(span * 0.4), span - 1);
    opening.category = 2;
    opening.leadAgency = Agency.PROBATION;
    changes.push({ field: MappaCaseChangeField.CATEGORY, value: '3', offset, kind: MappaDecisionKind.MAPP_MEETING });
    changes.push({ field: MappaCaseChangeField.LEAD_AGENCY, value: leadAgency, offset, kind: MappaDecisionKind.LEAD_AGENCY_REVIEW });
  } else if (leadAgency === Agency.POLICE && (person.category === 1 || person.category === 3) && span >= 365 && random.chance(0.5)) {
    // A community sentence supervised by probation ended; the police lead from then on.
    opening.leadAgency = Agency.PROBATION;
    changes.push({
      field: MappaCaseChangeField.LEAD_AGENCY,
      value: leadAgency,
      offset: random.int(180, span - 1),
      kind: MappaDecisionKind.LEAD_AGENCY_REVIEW,
    });
  }

  // A few cases transferred in from another area.
  if (span >= 90 && random.chance(0.03)) {
    opening.area = otherArea(random, person.area);
    changes.push({
      field: MappaCaseChangeField.AREA,
      value: person.area,
      offset: random.int(30, span - 1),
      kind: MappaDecisionKind.LEAD_AGENCY_REVIEW,
    });
  }

  // Levels: most level 2-3 cases started at level 1 and were referred (MAPPA A) and screened up;
  // some escalated at a meeting; a few level 1 cases stepped down at a meeting.
  // For someone in custody at level 2 or 3, the current level held at least since the fourth-last review:
  // the prison wrote MAPPA F reports for up to four meetings at that level's cadence (prison seed).
  const levelSpan =
    person.supervision === 'CUSTODY' && person.level >= 2
      ? Math.min(span, daysBetween(person.mappaStartDate, addDays(person.nextReviewDate, -4 * reviewIntervalDays(person.level))))
      : span;
  if (levelSpan >= 60) {
    const level = (value: number, offset: number, kind: MappaDecisionKind) =>
      changes.push({ field: MappaCaseChangeField.LEVEL, value: String(value), offset, kind });
    const first = random.int(30, Math.floor(levelSpan / 2));
    let offsets = [first, random.int(first + 1, levelSpan - 1)];
    // Category 3 exists only at levels 2 and 3, so neither does its history (nor a category 2 case about to become one).
    const minimumLevel = opening.category === 3 || fromCategory2 ? 2 : 1;
    let path = chooseLevelPath(random, person.level, minimumLevel);
    // A case that can be managed at level 1 is not kept at level 2 or 3 for years: it was screened up
    // within the last two years (A §5 reviews step cases down when the added value is gone). This also
    // keeps the meeting history, and the seed, to a realistic size.
    if (minimumLevel === 1 && person.level >= 2 && levelSpan - 30 > MAX_YEARS_AT_LEVEL_2_OR_3 * 365) {
      if (path.length === 1) path = [1, person.level];
      if (path[0] === 1) {
        const window = MAX_YEARS_AT_LEVEL_2_OR_3 * 365;
        offsets = offsets.map((offset) => levelSpan - Math.round(((levelSpan - offset) * window) / (levelSpan - 30)));
        if ((offsets[1] ?? 0) <= (offsets[0] ?? 0)) offsets[1] = Math.min(levelSpan - 1, (offsets[0] ?? 0) + 1);
      }
    }
    // Issue 13: someone at level 1 today who was raised to level 2 or 3 for a stretch in the event
    // history (the person's `levelEpisode`, which probation's recalls also follow) has that stretch as
    // the case's only level changes: screened up at its start, stepped down at a MAPP meeting at its end.
    // The draws above are taken either way, so the rest of this stream is unchanged.
    if (person.levelEpisode !== null) path = [1];
    const [openingLevel = person.level, ...laterLevels] = path;
    opening.level = openingLevel;
    let from = openingLevel;
    laterLevels.forEach((to, step) => {
      level(to, offsets[step] ?? span, levelChangeKind(from, to));
      from = to;
    });
  }

  const episode = person.levelEpisode;
  if (episode !== null) {
    opening.level = 1;
    changes.push({
      field: MappaCaseChangeField.LEVEL,
      value: String(episode.level),
      offset: daysBetween(person.mappaStartDate, episode.from),
      kind: MappaDecisionKind.SCREENING_DECISION,
    });
    changes.push({
      field: MappaCaseChangeField.LEVEL,
      value: '1',
      offset: daysBetween(person.mappaStartDate, episode.to),
      kind: MappaDecisionKind.MAPP_MEETING,
    });
  }

  const openingState: CaseState = {
    CATEGORY: String(opening.category),
    LEVEL: String(opening.level),
    LEAD_AGENCY: opening.leadAgency,
    AREA: opening.area,
    STATUS: null,
  };
  const openingChange: PlannedChange = {
    field: MappaCaseChangeField.STATUS,
    value: MappaCaseStatus.ACTIVE,
    offset: 0,
    kind: openingKind(opening.category, opening.level),
  };
  const meetings = planMeetings(workflowRandom, levelSegments(opening.level, person.mappaStartDate, changes, null), {
    active: true,
    nextReviewDate: person.nextReviewDate,
    asOf: dataset.asOf,
  });
  // The category 2 to 3 decision (and the lead agency change that goes with it) at a meeting held that day.
  const planned = changes.map((change) =>
    fromCategory2 && (change.field === MappaCaseChangeField.CATEGORY || change.field === MappaCaseChangeField.LEAD_AGENCY)
      ? { ...change, offset: meetingOffset(meetings, person.mappaStartDate, change.offset) }
      : change,
  );
  return {
    opening: openingState,
    meetings,
    row: {
      caseId,
      pncId: person.pncId,
      category: person.category,
      level: person.level,
      leadAgency,
      area: person.area,
      startDate: person.mappaStartDate,
      nextReviewDate: person.nextReviewDate,
      status: MappaCaseStatus.ACTIVE,
      endDate: null,
      endReason: null,
      counterTerrorismRestricted: counterTerrorismRestricted(person),
      subjectDateOfBirth: person.dateOfBirth,
      // A.R38, C.72: as the MAPPA A records it, the same fact the police hold as nationality.
      foreignNational: person.nationality !== 'British',
      // W7: the release date the prison holds for the person (the same rule as the prison seed).
      custodyReleaseDate: custodyReleaseDate(person, dataset.asOf),
    },
    history: historyRows(random, caseId, person.mappaStartDate, openingState, [openingChange, ...planned]),
  };
}

/** The levels a case went through, oldest first, ending at `current`; a single entry means it never changed. */
function chooseLevelPath(random: Random, current: number, minimum: number): readonly number[] {
  if (current === 1) return random.chance(0.03) ? [2, 1] : [1];
  if (current === 2) {
    if (minimum >= 2) return random.chance(0.15) ? [3, 2] : [2];
    return random.weighted([
      ['screened-up', 70],
      ['opened', 30],
    ] as const) === 'screened-up'
      ? [1, 2]
      : [2];
  }
  if (minimum >= 2) return random.chance(0.5) ? [2, 3] : [3];
  return random.weighted([
    [0, 40],
    [1, 30],
    [2, 30],
  ] as const) === 0
    ? [1, 3]
    : random.chance(0.5)
      ? [1, 2, 3]
      : [3];
}

/** Going up from level 1 follows a referral and screening; any other move is a MAPP meeting's decision. */
function levelChangeKind(from: number, to: number): MappaDecisionKind {
  return from === 1 && to > 1 ? MappaDecisionKind.SCREENING_DECISION : MappaDecisionKind.MAPP_MEETING;
}

/** How an earlier case can have ended, by the category it was in. */
const EARLIER_CASE_ENDINGS = {
  licence: {
    category: 2,
    lead: Agency.PROBATION,
    reason: MappaCaseEndReason.LICENCE_EXPIRED,
    closedBy: MappaDecisionKind.LEAD_AGENCY_REVIEW,
  },
  sentence: {
    category: 2,
    lead: Agency.PROBATION,
    reason: MappaCaseEndReason.SENTENCE_EXPIRED,
    closedBy: MappaDecisionKind.LEAD_AGENCY_REVIEW,
  },
  notification: {
    category: 1,
    lead: Agency.POLICE,
    reason: MappaCaseEndReason.NOTIFICATION_EXPIRED,
    closedBy: MappaDecisionKind.LEAD_AGENCY_REVIEW,
  },
  category3: { category: 3, lead: Agency.POLICE, reason: MappaCaseEndReason.NO_LONGER_REQUIRED, closedBy: MappaDecisionKind.MAPP_MEETING },
} as const;
const EARLIER_CASE_WEIGHTS = [
  ['licence', 45],
  ['sentence', 10],
  ['notification', 30],
  ['category3', 15],
] as const;

/**
 * Some adults were MAPPA offenders before, for an earlier conviction: a CLOSED case that ended
 * before the current one began, and started after their first PNC record and 18th birthday.
 */
function earlierCase(person: SyntheticPerson, random: Random, workflowRandom: Random): SeededCase | null {
  if (person.isYouth || !random.chance(0.06)) return null;
  const endDate = addDays(person.mappaStartDate, -random.int(180, 1500));
  const startDate = addMonths(endDate, -random.int(12, 84));
  const adulthood = addMonths(person.dateOfBirth, 18 * 12);
  const firstPncRecord = `${person.pncId.slice(0, 4)}-07-01`;
  if (startDate <= adulthood || startDate <= firstPncRecord) return null;
  const option = EARLIER_CASE_ENDINGS[random.weighted(EARLIER_CASE_WEIGHTS)];
  const level = option.category === 3 ? 2 : random.chance(0.9) ? 1 : 2;
  const area = random.chance(0.9) ? person.area : otherArea(random, person.area);
  const caseId = caseIdFor(person, false);
  const openingState: CaseState = {
    CATEGORY: String(option.category),
    LEVEL: String(level),
    LEAD_AGENCY: option.lead,
    AREA: area,
    STATUS: null,
  };
  const changes: PlannedChange[] = [
    { field: MappaCaseChangeField.STATUS, value: MappaCaseStatus.ACTIVE, offset: 0, kind: openingKind(option.category, level) },
    { field: MappaCaseChangeField.STATUS, value: MappaCaseStatus.CLOSED, offset: daysBetween(startDate, endDate), kind: option.closedBy },
  ];
  // A level 2 case was reviewed at MAPP meetings until it closed (by a meeting's decision, for category 3).
  const meetings = planMeetings(
    workflowRandom,
    levelSegments(level, startDate, [], { date: endDate, atMeeting: option.closedBy === MappaDecisionKind.MAPP_MEETING }),
    {
      active: false,
      nextReviewDate: null,
      asOf: endDate,
    },
  );
  return {
    opening: openingState,
    meetings,
    row: {
      caseId,
      pncId: person.pncId,
      category: option.category,
      level,
      leadAgency: option.lead,
      area,
      startDate,
      nextReviewDate: null,
      status: MappaCaseStatus.CLOSED,
      endDate,
      endReason: option.reason,
      counterTerrorismRestricted: counterTerrorismRestricted(person),
      subjectDateOfBirth: person.dateOfBirth,
      // A.R38, C.72: as the MAPPA A records it, the same fact the police hold as nationality.
      foreignNational: person.nationality !== 'British',
    },
    history: historyRows(random, caseId, startDate, openingState, changes),
  };
}

/** The value a case's history gave `field` at the end of `day` (the opening value before any change). */
function valueOn(history: readonly ChangeInsert[], opening: CaseState, field: MappaCaseChangeField, day: string): string | null {
  let value = opening[field];
  for (const change of history) if (change.field === field && change.changedDate <= day) value = change.valueAfter;
  return value;
}

const SFO_OFFENCE_GROUPS = [
  ['MURDER', 10],
  ['ATTEMPTED_MURDER', 10],
  ['MANSLAUGHTER', 5],
  ['RAPE', 35],
  ['OTHER_SERIOUS_SEXUAL', 25],
  ['ARSON_ENDANGERING_LIFE', 10],
  ['KIDNAP', 5],
] as const;

/**
 * Issue 13: MAPPA N notifications of serious further offence charges for someone under probation
 * supervision in the community (licence or community order), over the event history at the model's
 * yearly rate (`SFO_CHARGE_YEARLY_SHARE`: seed 004 publishes no SFO table, so an assumption). A charge
 * older than the usual wait for trial has an outcome; the SMB chair decided on a review within ten
 * days. A stream of its own, so adding it changed no other MAPPA data.
 */
function sfoNotifications(
  person: SyntheticPerson,
  dataset: SyntheticDatasetOptions,
  seeded: SeededCase,
): (typeof sfoNotificationTable.$inferInsert)[] {
  if (person.isYouth || (person.supervision !== 'LICENCE' && person.supervision !== 'COMMUNITY_ORDER')) return [];
  const random = new Random(dataset.seed, person.index, 'mappa-sfo');
  const rows: (typeof sfoNotificationTable.$inferInsert)[] = [];
  const caseId = seeded.row.caseId;
  for (const window of yearlyWindows(dataset.asOf)) {
    const happened = random.chance(SFO_CHARGE_YEARLY_SHARE);
    const offset = random.int(0, 364);
    const from = window.from > seeded.row.startDate ? window.from : addDays(seeded.row.startDate, 1);
    // The MAPPA N is sent within five working days of the charge, before the dataset's day.
    const to = addDays(window.to, -10);
    if (!happened || from > to) continue;
    const chargeDate = addDays(from, offset % (daysBetween(from, to) + 1));
    const notifiedDate = addWorkingDays(chargeDate, random.int(1, 5));
    const scrDecisionDate = addDays(notifiedDate, random.int(3, 10));
    const trialDue = addMonths(chargeDate, SFO_MONTHS_TO_TRIAL + random.int(-4, 6));
    const decided = trialDue <= dataset.asOf;
    rows.push({
      notificationId: `MN-${caseId.slice(3)}-${rows.length + 1}`,
      caseId,
      pncId: person.pncId,
      chargeDate,
      notifiedDate,
      categoryAtCharge: Number(valueOn(seeded.history, seeded.opening, MappaCaseChangeField.CATEGORY, chargeDate)),
      levelAtCharge: Number(valueOn(seeded.history, seeded.opening, MappaCaseChangeField.LEVEL, chargeDate)),
      offenceGroup: random.weighted(SFO_OFFENCE_GROUPS),
      outcome: !decided ? 'AWAITING_TRIAL' : random.chance(SFO_CONVICTED_SHARE) ? 'CONVICTED_SFO' : 'OTHER_OUTCOME',
      outcomeDate: decided ? trialDue : null,
      scrDecision: scrDecisionDate > dataset.asOf ? null : random.chance(SFO_SCR_SHARE) ? 'SCR_COMMISSIONED' : 'SCR_NOT_REQUIRED',
      scrDecisionDate: scrDecisionDate > dataset.asOf ? null : scrDecisionDate,
    });
  }
  return rows;
}

/** Writes the MAPPA unit's rows for a batch of synthetic people: every person gets exactly one ACTIVE case. */
export async function seedMappa(db: Database, people: readonly SyntheticPerson[], dataset: SyntheticDatasetOptions): Promise<void> {
  const cases: CaseInsert[] = [];
  const changes: ChangeInsert[] = [];
  const sfos: (typeof sfoNotificationTable.$inferInsert)[] = [];
  const rows: WorkflowRows = emptyWorkflowRows();
  for (const person of people) {
    // A stream of its own per agency: adding a MAPPA detail never changes another agency's data.
    const random = new Random(dataset.seed, person.index, 'mappa');
    // The workflow's own stream: its details never shift the case data drawn from the first.
    const workflowRandom = new Random(dataset.seed, person.index, 'mappa-workflow');
    const current = currentCase(person, dataset, random, workflowRandom);
    const earlier = earlierCase(person, random, workflowRandom);
    for (const seeded of earlier ? [earlier, current] : [current]) {
      const caseId = seeded.row.caseId;
      buildReferrals(workflowRandom, { person, caseId, dataset, opening: seeded.opening, rows }, seeded.history, seeded.row.level);
      const meetingsBefore = rows.meetings.length;
      buildMeetings(
        workflowRandom,
        {
          person,
          caseId,
          asOf: dataset.asOf,
          opening: seeded.opening,
          history: seeded.history,
          nextReviewDate: seeded.row.nextReviewDate ?? null,
          rows,
        },
        seeded.meetings,
      );
      const chairs = new Map(rows.meetings.slice(meetingsBefore).map((meeting) => [meeting.meetingId, meeting.chairStaffId]));
      referenceMeetings(seeded.history, caseId, seeded.meetings, (meetingId) => chairs.get(meetingId));
      cases.push(seeded.row);
      changes.push(...seeded.history);
    }
    sfos.push(...sfoNotifications(person, dataset, current));
  }
  await insertInChunks(db, mappaCaseTable, cases);
  // Children after parents; tables with no foreign key between them go in parallel (each insert is one
  // statement per chunk, and each chunk is in its final state: see workflow.seed.ts). The meetings go in
  // one history load after their disclosure considerations and the decisions some proposed (B §2), so a
  // held meeting is never without its consideration (the close rule); that load runs beside the others.
  await Promise.all([
    insertInChunks(db, mappaCaseChangeTable, changes),
    insertInChunks(db, sfoNotificationTable, sfos),
    (async () => {
      // KPI 5: the areas' board registers (no foreign key to the cases). They belong to the dataset, not
      // to this batch of people: every batch writes the same rows, and only the first one's are kept.
      const smb = smbRows(dataset);
      const once = { ignoreExisting: true };
      await Promise.all([insertInChunks(db, smbMemberTable, smb.members, once), insertInChunks(db, smbMeetingTable, smb.meetings, once)]);
      await insertInChunks(db, smbAttendanceTable, smb.attendance, once);
    })(),
    insertInChunks(db, referralTable, rows.referrals),
    db.transaction(async (tx) => {
      await tx.execute(sql`set local mappa.loading_history = 'on'`);
      await insertFinishedDecisions(tx, disclosureTables, rows.disclosures);
      await insertInChunks(tx, disclosureConsiderationTable, rows.considerations);
      await insertInChunks(tx, meetingTable, rows.meetings);
    }),
  ]);
  await Promise.all([insertInChunks(db, meetingInvitationTable, rows.invitations), insertInChunks(db, caseAccessGrantTable, rows.grants)]);
  // Minutes, decisions and actions are finished history, inserted in their final state: the workflow
  // triggers (0008) let that through only for a transaction that declares itself a history load.
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local mappa.loading_history = 'on'`);
    await insertInChunks(tx, meetingAttendanceTable, rows.attendance);
    await insertInChunks(tx, meetingMinutesTable, rows.minutes);
    await insertInChunks(tx, meetingDecisionTable, rows.decisions);
    await insertInChunks(tx, meetingActionTable, rows.actions);
  });
}

/**
 * How the MAPPA unit's synthetic data is written, cleared and recognised. Clearing removes every
 * MAPPA row (history goes with its case), case access grants, referrals and meetings with everything
 * that hangs off them included: they name subjects of the dataset being replaced. TRUNCATE
 * (`defineSubgraph`), because grants refuse row deletes and TRUNCATE fires no row triggers.
 */
export const mappaSeed: SubgraphSeed = {
  write: seedMappa,
  tables: [
    disclosureConsiderationTable,
    disclosureTransitionTable,
    disclosureConsultationTable,
    disclosureItemAgreementTable,
    disclosureItemTable,
    disclosureDecisionTable,
    meetingActionTable,
    meetingDecisionTable,
    meetingMinutesTable,
    meetingAttendanceTable,
    meetingInvitationTable,
    meetingTable,
    referralTable,
    sfoNotificationTable,
    smbAttendanceTable,
    smbMeetingTable,
    smbMemberTable,
    mappaCaseTable,
    caseAccessGrantTable,
  ],
  seededWhenRowsIn: mappaCaseTable,
};
