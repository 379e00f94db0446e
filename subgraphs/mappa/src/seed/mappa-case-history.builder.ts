import type { MappaArea, SyntheticPerson, Random } from '@mappa/shared';
import { addDays, daysBetween, Agency, MAPPA_AREAS } from '@mappa/shared';
import type { mappaCaseChangeTable, mappaCaseTable } from '../mappa-case/mappa-case.table';
import { MappaCaseChangeField, MappaDecisionKind } from '../mappa-case/mappa-case.type';
import type { MappaLeadAgency } from '../mappa-case/mappa-case.type';
import type { LevelSegment, PlannedMeeting } from './meeting-plan';
import { meetingIdFor } from './mappa-catalogue';

// A MAPPA case's history: the planned changes replayed into rows, its level stretches and its meetings' decisions.
export type CaseInsert = typeof mappaCaseTable.$inferInsert;
export type ChangeInsert = typeof mappaCaseChangeTable.$inferInsert;

/** A case's attributes that its history tracks, as the text the history records. */
export type CaseState = Record<MappaCaseChangeField, string | null>;

/** One change to plan: set `field` to `value`, `offset` days after the case opened, by this kind of decision. */
export interface PlannedChange {
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
export function caseIdFor(person: SyntheticPerson, current: boolean): string {
  return `MC-${String(person.index * 2 + (current ? 1 : 0)).padStart(7, '0')}`;
}

/** Principle 7 (rule R-2): category 4, or a restricted-access ViSOR record, puts the person behind the counter-terrorism gate. */
export function counterTerrorismRestricted(person: SyntheticPerson): boolean {
  return person.category === 4 || person.restrictedAccess;
}

export function otherArea(random: Random, area: MappaArea): MappaArea {
  const others = MAPPA_AREAS.filter((candidate) => candidate !== area);
  return random.pick(others);
}

/** Who recorded a change: the co-ordinator for screening, a police or probation chair for a meeting, else the lead agency. */
export function staffIdFor(random: Random, kind: MappaDecisionKind, leadAgency: string | null): string {
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
export function historyRows(
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
export function openingKind(category: number, level: number): MappaDecisionKind {
  return level >= 2 || category === 3 ? MappaDecisionKind.SCREENING_DECISION : MappaDecisionKind.LEAD_AGENCY_REVIEW;
}

/** At most this long at levels 2-3 for a case that could be managed at level 1 (not category 3). */
/** A case with its history, the state it opened in, and its MAPP meetings. */
export interface SeededCase {
  readonly row: CaseInsert;
  readonly history: ChangeInsert[];
  readonly opening: CaseState;
  readonly meetings: PlannedMeeting[];
}

/**
 * The stretches of a case at each level, from its opening level and its planned level changes. A
 * level change from level 2 or 3 is always a MAPP meeting's decision (`levelChangeKind`).
 */
export function levelSegments(
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
export function meetingOffset(meetings: readonly PlannedMeeting[], startDate: string, offset: number): number {
  const held = meetings.filter((meeting) => meeting.status === 'HELD');
  const day = addDays(startDate, offset);
  const chosen = [...held].reverse().find((meeting) => meeting.date <= day) ?? held[0];
  return chosen ? daysBetween(startDate, chosen.date) : offset;
}

/**
 * The history's MAPP meeting decisions name the meeting that took them, and its chair recorded them.
 */
export function referenceMeetings(
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

/** Going up from level 1 follows a referral and screening; any other move is a MAPP meeting's decision. */
export function levelChangeKind(from: number, to: number): MappaDecisionKind {
  return from === 1 && to > 1 ? MappaDecisionKind.SCREENING_DECISION : MappaDecisionKind.MAPP_MEETING;
}

/** The value a case's history gave `field` at the end of `day` (the opening value before any change). */
export function valueOn(history: readonly ChangeInsert[], opening: CaseState, field: MappaCaseChangeField, day: string): string | null {
  let value = opening[field];
  for (const change of history) if (change.field === field && change.changedDate <= day) value = change.valueAfter;
  return value;
}
