import type { MappaArea, SyntheticDatasetOptions, SyntheticPerson, Random } from '@mappa/shared';
import { addDays, addMonths, custodyReleaseDate, daysBetween, Agency } from '@mappa/shared';
import { MappaCaseChangeField, MappaCaseEndReason, MappaCaseStatus, MappaDecisionKind } from '../mappa-case/mappa-case.type';
import type { MappaLeadAgency } from '../mappa-case/mappa-case.type';
import { planMeetings, reviewIntervalDays } from './meeting-plan';
import {
  caseIdFor,
  counterTerrorismRestricted,
  historyRows,
  levelChangeKind,
  levelSegments,
  meetingOffset,
  openingKind,
  otherArea,
} from './mappa-case-history.builder';
import type { CaseState, PlannedChange, SeededCase } from './mappa-case-history.builder';

/** At most this long at levels 2-3 for a case that could be managed at level 1 (not category 3). */
const MAX_YEARS_AT_LEVEL_2_OR_3 = 2;

/** The person's current, ACTIVE case and its history, ending in exactly the SyntheticPerson's category, level, lead agency and area. */
export function buildCurrentCase(
  person: SyntheticPerson,
  dataset: SyntheticDatasetOptions,
  random: Random,
  workflowRandom: Random,
): SeededCase {
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
export function buildEarlierCase(person: SyntheticPerson, random: Random, workflowRandom: Random): SeededCase | null {
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
