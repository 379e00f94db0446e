import { NotFoundError } from '@mappa/shared';
import type { Database, MeetingEvidence, MeetingStanding } from '@mappa/shared';
import type { MappaContext } from '../mappa.context';
import { chairsMeeting, coordinatesMeeting, meetingEvidenceFor } from './meeting.actors';
import { meetingById } from './meeting.query';
import type { MeetingRow } from './meeting.table';

/*
 * How the minutes, decision and action resolvers tell who a caller is to a meeting (under
 * MAPPA_MEETING, from the purpose evidence the gateway vouches; meeting.actors.ts). The chair's and
 * co-ordinator's standing is checked once more against the meeting row itself, so a stale or mistaken
 * assertion cannot make anyone else its chair, or a co-ordinator of another area its co-ordinator.
 */

/** One answer for an unknown meeting, a meeting not declared, and a meeting the caller is no party to (principle 9). */
export const UNKNOWN_MEETING = 'No MAPP meeting you are party to has this id.';

/** A caller who stands at a meeting, with the meeting. */
export interface MeetingParty {
  readonly meeting: MeetingRow;
  readonly evidence: MeetingEvidence;
}

/**
 * The meeting when the caller stands at it in one of `standings` (vouched, and for the chair and
 * co-ordinator confirmed against the meeting row); NOT_FOUND otherwise, exactly as for an unknown id.
 * Read in `db` (a transaction, with `lock`, when the caller then writes).
 */
export async function requireMeetingParty(
  context: MappaContext,
  db: Database,
  meetingId: string,
  standings: readonly MeetingStanding[],
  lock = false,
): Promise<MeetingParty> {
  const evidence = meetingEvidenceFor(context, meetingId);
  if (!evidence || !standings.includes(evidence.standing)) throw new NotFoundError(UNKNOWN_MEETING);
  const meeting = await meetingById(db, meetingId, lock);
  if (!meeting || meeting.pncId !== evidence.pncId) throw new NotFoundError(UNKNOWN_MEETING);
  if (evidence.standing === 'CHAIR' && !chairsMeeting(context, meeting)) throw new NotFoundError(UNKNOWN_MEETING);
  if (
    evidence.standing === 'COORDINATOR' &&
    !((await coordinatesMeeting(context, db, meeting)) && context.caller.principal.area === meeting.area)
  )
    throw new NotFoundError(UNKNOWN_MEETING);
  return { meeting, evidence };
}
