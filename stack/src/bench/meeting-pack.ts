// The meeting pack (issue 10) against the single offender view beside it.
import { insertMeetingInSession, isUnder18, todayOf } from '@mappa/shared';
import type { Database, syntheticPerson } from '@mappa/shared';
import { percentile, send } from './load';
import { CHUNK } from './workload';
import type { Measurement, Workload } from './workload';

// Issue 10: the meeting pack's p99 at most this many times the single offender view's, for the same attendee at the same concurrency.
export const MEETING_PACK_P99_GOAL = 1.2;
// Meetings the attendee is signed in to, one subject each, so the pack's requests spread over people as the view's do.
export const BENCH_MEETINGS = 20;

/**
 * BENCHMARK ONLY: meetings in session about `BENCH_MEETINGS` adults of the area at level 2 or 3 (no
 * counter-terrorism restriction: the officer is not cleared), each with the police PPU invited and
 * the officer signed in (MAPPA E), written straight into the bench database.
 */
export async function benchMeetings(
  db: Database,
  people: readonly ReturnType<typeof syntheticPerson>[],
  issuer: string,
  officerStaffId: string,
) {
  const today = todayOf();
  const subjects = people
    .filter((person) => person.level >= 2 && person.category !== 4 && !person.restrictedAccess && !isUnder18(person.dateOfBirth, today))
    .slice(0, BENCH_MEETINGS);
  if (subjects.length === 0) throw new Error("no one for the meeting pack's meetings; seed more offenders");
  return Promise.all(
    subjects.map((person) =>
      insertMeetingInSession(db, {
        pncId: person.pncId,
        chair: { staffId: 'BENCHCHAIR', issuer, agency: 'probation' },
        issuer,
        invitees: [{ agency: 'police', role: 'ppu_officer', staffId: officerStaffId, signed: true }],
      }),
    ),
  );
}

/** Throws before measuring unless the pack really serves its subject to the attendee: a null subject would be a cheap answer. */
export async function expectPackServed(workload: Workload): Promise<void> {
  const { body } = await send(workload, 0);
  const subject = (body.data as { meeting?: { subject?: { pncId?: string } | null } | null } | null | undefined)?.meeting?.subject;
  if (!subject?.pncId) throw new Error(`${workload.name}: the pack served no subject (${JSON.stringify(body.errors ?? [])})`);
}

/** The full report's heading for the pack's section (a quick traced run titles its own copy apart). */
export const MEETING_PACK_HEADING = '## The meeting pack';
/** Under the full report's pack section: how to run just the pack against the view. */
export const QUICK_RUN_NOTE = `
To measure just these two quickly: \`npm run bench -- --only pack --offenders 10000\` (its own database,
seeded once); add \`--trace\` for each side's critical path, hop by hop, in the last section below.
`;

/**
 * The report's meeting-pack section: the pack's p99 against the single offender view's, with the goal.
 * A p99 is the tail, which a pause of the machine moves most: beside the run's ratio, the ratio round
 * by round (its spread is the noise) and the CPU per request, which other load hardly moves.
 */
export function meetingPackSection(pack: Measurement, view: Measurement, concurrency: number, heading = MEETING_PACK_HEADING): string {
  const p99Of = (latenciesMs: readonly number[]) =>
    percentile(
      [...latenciesMs].sort((a, b) => a - b),
      99,
    );
  const packP99 = p99Of(pack.latenciesMs);
  const viewP99 = p99Of(view.latenciesMs);
  const ratio = packP99 / viewP99;
  const perRound = pack.rounds.map((round, r) => p99Of(round.latenciesMs) / p99Of(view.rounds[r]!.latenciesMs)).sort((a, b) => a - b);
  const spread = `${percentile(perRound, 50).toFixed(2)} (${perRound[0]?.toFixed(2) ?? '–'}–${perRound.at(-1)?.toFixed(2) ?? '–'})`;
  const cpuPerRequest = (measurement: Measurement) => (measurement.cpuMs / Math.max(1, measurement.latenciesMs.length)).toFixed(1);
  return `
${heading}

The meeting pack (\`MEETING_PACK\`: \`meeting(id)\` with its subject's single offender view) for a signed-in
attendee (a police PPU officer) beside the single offender view of the same subject with the same
selection under the same meeting, at concurrency ${concurrency}, alternating in chunks of ${CHUNK} requests.
Goal: p99 at most ${MEETING_PACK_P99_GOAL}× the view's.

| p99 ms pack | p99 ms view | ratio pack/view | p99 ratio per round: median (min–max) | CPU ms per request pack / view | within ${MEETING_PACK_P99_GOAL}× |
|---:|---:|---:|---:|---:|:--|
| ${packP99.toFixed(1)} | ${viewP99.toFixed(1)} | ${ratio.toFixed(2)} | ${spread} | ${cpuPerRequest(pack)} / ${cpuPerRequest(view)} | ${ratio <= MEETING_PACK_P99_GOAL ? 'yes' : 'no'} |
${heading === MEETING_PACK_HEADING ? QUICK_RUN_NOTE : ''}`;
}
