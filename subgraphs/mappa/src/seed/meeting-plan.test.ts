import { addDays, daysBetween, Random } from '@mappa/shared';
import { planMeetings, reviewIntervalDays } from './meeting-plan';
import type { LevelSegment } from './meeting-plan';

const AS_OF = '2026-11-01';

describe("planMeetings (the seed's MAPP meeting diary of one case)", () => {
  it('A §5, B §5: a case screened to level 3 has an initial meeting within weeks, then reviews every 8 weeks falling on its next review date minus whole intervals', () => {
    for (let seed = 0; seed < 50; seed += 1) {
      const nextReviewDate = addDays(AS_OF, 20);
      const segments: LevelSegment[] = [
        { level: 3, start: '2025-06-02', startedAtMeeting: false, end: null, endedAtMeeting: false, next: null },
      ];
      const meetings = planMeetings(new Random(seed), segments, { active: true, nextReviewDate, asOf: AS_OF });
      const held = meetings.filter((meeting) => meeting.status === 'HELD' || meeting.status === 'CANCELLED');
      expect(held[0]?.kind).toBe('INITIAL');
      expect(daysBetween('2025-06-02', held[0]!.date)).toBeGreaterThanOrEqual(10);
      expect(daysBetween('2025-06-02', held[0]!.date)).toBeLessThanOrEqual(25);
      for (const review of held.slice(1)) {
        expect(review.kind).toBe('REVIEW');
        expect(daysBetween(review.date, nextReviewDate) % reviewIntervalDays(3)).toBe(0);
      }
      for (const [previous, next] of meetings.slice(0, -1).map((meeting, index) => [meeting, meetings[index + 1]!] as const)) {
        expect(daysBetween(previous.date, next.date)).toBeLessThanOrEqual(reviewIntervalDays(3) + 7);
      }
      // Only the diary's next meeting is after the dataset's day, and it is on the next review date.
      for (const meeting of meetings)
        if (meeting.date > AS_OF) expect(meeting).toMatchObject({ status: 'SCHEDULED', date: nextReviewDate, decision: null });
      expect(held.every((meeting) => meeting.status === 'CANCELLED' || meeting.decision === 'LEVEL_RETAINED')).toBe(true);
    }
  });

  it('A.R16: a stretch a meeting ended closes with that meeting and its decision; the next stretch needs no initial meeting', () => {
    const segments: LevelSegment[] = [
      { level: 2, start: '2024-01-10', startedAtMeeting: false, end: '2025-03-03', endedAtMeeting: true, next: 3 },
      { level: 3, start: '2025-03-03', startedAtMeeting: true, end: '2026-02-02', endedAtMeeting: true, next: 1 },
      { level: 1, start: '2026-02-02', startedAtMeeting: true, end: null, endedAtMeeting: false, next: null },
    ];
    const meetings = planMeetings(new Random(7), segments, { active: true, nextReviewDate: addDays(AS_OF, 100), asOf: AS_OF });
    const changed = meetings.find((meeting) => meeting.date === '2025-03-03');
    expect(changed).toMatchObject({ status: 'HELD', level: 2, decision: 'LEVEL_CHANGED', levelAfter: 3 });
    expect(meetings.find((meeting) => meeting.date === '2026-02-02')).toMatchObject({
      status: 'HELD',
      level: 3,
      decision: 'MOVED_TO_LEVEL_1',
      levelAfter: 1,
    });
    expect(meetings.filter((meeting) => meeting.kind === 'INITIAL')).toHaveLength(1);
    // Level 1 has no MAPP meeting.
    expect(meetings.every((meeting) => meeting.date <= '2026-02-02')).toBe(true);
  });

  it('a closed case closed by a meeting ends with CASE_CLOSED and schedules nothing', () => {
    const segments: LevelSegment[] = [
      { level: 2, start: '2019-05-01', startedAtMeeting: false, end: '2020-09-14', endedAtMeeting: true, next: 'CLOSED' },
    ];
    const meetings = planMeetings(new Random(3), segments, { active: false, nextReviewDate: null, asOf: '2020-09-14' });
    expect(meetings.at(-1)).toMatchObject({ date: '2020-09-14', decision: 'CASE_CLOSED', levelAfter: null });
    expect(meetings.every((meeting) => meeting.status === 'HELD')).toBe(true);
  });
});
