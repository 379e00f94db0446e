import { addDays } from '@mappa/shared';
import type { Random } from '@mappa/shared';
import type { MeetingDecisionKind, MeetingKind, MeetingStatus } from '../meeting/meeting.table';

/** Levels 2 and 3 are reviewed at least every 16 and 8 weeks (A §5, B §5); level 1 has no MAPP meeting. */
export function reviewIntervalDays(level: number): number {
  return level === 3 ? 56 : 112;
}

/** A stretch of a case at one level: from the day it took the level (or opened) to the day it left it (or closed). */
export interface LevelSegment {
  readonly level: number;
  readonly start: string;
  /** Reached by a MAPP meeting's decision: that meeting is the last of the previous segment. */
  readonly startedAtMeeting: boolean;
  /** Null while the case is still at this level. */
  readonly end: string | null;
  /** Left by a MAPP meeting's decision (re-grading, moving to level 1, closure) held on `end`. */
  readonly endedAtMeeting: boolean;
  /** The level after `end`, or CLOSED; null while current. */
  readonly next: number | 'CLOSED' | null;
}

/** A meeting to generate: its date, and the level decision a held one ends with. */
export interface PlannedMeeting {
  readonly date: string;
  readonly kind: MeetingKind;
  readonly status: MeetingStatus;
  /** The level the case was at when the meeting sat (its decision's "before"). */
  readonly level: number;
  readonly decision: MeetingDecisionKind | null;
  readonly levelAfter: number | null;
}

interface CaseTimes {
  readonly active: boolean;
  readonly nextReviewDate: string | null;
  readonly asOf: string;
}

/**
 * The MAPP meetings of one case, oldest first. Each stretch at level 2 or 3 starts with an initial
 * meeting soon after the screening that put the case there (none when a meeting re-graded it: that
 * meeting is the previous stretch's last), then reviews at the level's cadence. The current stretch's
 * reviews fall on the case's next review date minus whole intervals, the dates the prison's MAPPA F
 * reports were written for, and the next one is scheduled on the next review date for most cases.
 * A stretch left by a meeting ends with that meeting and its decision.
 */
export function planMeetings(random: Random, segments: readonly LevelSegment[], times: CaseTimes): PlannedMeeting[] {
  const meetings: PlannedMeeting[] = [];
  segments.forEach((segment, index) => {
    if (segment.level < 2) return;
    const interval = reviewIntervalDays(segment.level);
    const current = segment.end === null;
    const held = (date: string, kind: MeetingKind): PlannedMeeting => ({
      date,
      kind,
      status: 'HELD',
      level: segment.level,
      decision: 'LEVEL_RETAINED',
      levelAfter: segment.level,
    });
    const dates: string[] = [];
    // The initial meeting follows the screening within a few weeks; a re-grading meeting needs none.
    const initial = segment.startedAtMeeting ? null : addDays(segment.start, random.int(10, 25));
    const floor = addDays(initial ?? segment.start, 7);

    if (current) {
      if (!times.active || times.nextReviewDate === null) return;
      if (initial !== null && initial > times.asOf) {
        // Screened in the last few weeks: the initial meeting is still to come.
        meetings.push({ date: initial, kind: 'INITIAL', status: 'SCHEDULED', level: segment.level, decision: null, levelAfter: null });
        return;
      }
      for (let k = 1; ; k += 1) {
        const date = addDays(times.nextReviewDate, -k * interval);
        if (date <= floor) break;
        dates.unshift(date);
      }
    } else {
      const end = segment.end as string;
      // The meeting that ended the stretch is always there; reviews before it at the cadence.
      const last = segment.endedAtMeeting ? end : addDays(end, -random.int(14, interval - 1));
      if (segment.endedAtMeeting || last > floor) dates.push(last);
      for (let k = 1; ; k += 1) {
        const date = addDays(last, -k * interval);
        if (date <= floor) break;
        dates.unshift(date);
      }
    }
    // A stretch too short for its initial meeting before it ended has only the meeting that ended it.
    const initialFits =
      initial !== null && (current || initial < (segment.end as string)) && (dates.length === 0 || initial < (dates[0] as string));
    const all = initialFits ? [initial, ...dates] : dates;
    all.forEach((date, position) => meetings.push(held(date, position === 0 && !segment.startedAtMeeting ? 'INITIAL' : 'REVIEW')));

    if (!current && segment.endedAtMeeting) {
      // The stretch's last meeting decided the case left the level.
      const lastMeeting = meetings.pop() as PlannedMeeting;
      const next = segment.next;
      const decision: MeetingDecisionKind = next === 'CLOSED' ? 'CASE_CLOSED' : next === 1 ? 'MOVED_TO_LEVEL_1' : 'LEVEL_CHANGED';
      meetings.push({ ...lastMeeting, decision, levelAfter: typeof next === 'number' ? next : null });
    }
    if (current && index === segments.length - 1 && times.nextReviewDate !== null) {
      // A few are overdue: the last review was cancelled and its date moved past the cadence.
      if (all.length >= 3 && random.chance(0.06)) {
        const cancelled = meetings.pop() as PlannedMeeting;
        meetings.push({ ...cancelled, status: 'CANCELLED', decision: null, levelAfter: null });
      }
      // Most have the next one in the diary already.
      if (random.chance(0.9))
        meetings.push({
          date: times.nextReviewDate,
          kind: 'REVIEW',
          status: 'SCHEDULED',
          level: segment.level,
          decision: null,
          levelAfter: null,
        });
    }
  });
  return meetings;
}
