import { eq } from 'drizzle-orm';
import { NotFoundError } from '@mappa/shared';
import type { Database, MeetingEvidence, MeetingStanding, Principal } from '@mappa/shared';
import type { MappaContext } from '../mappa.context';
import { meetingTable } from './meeting.table';
import type { MeetingRow } from './meeting.table';

/*
 * How the minutes, decision and action resolvers tell who a caller is to a meeting. Under
 * MAPPA_MEETING the gateway vouches the caller's standing (purpose evidence, looked up from the MAPPA
 * unit's own records for the meeting declared in x-mappa-case); the resolvers never take a meeting
 * id on trust. The chair's and co-ordinator's standing is checked once more against the meeting row
 * itself, so a stale or mistaken assertion cannot make anyone else its chair.
 */

/** One answer for an unknown meeting, a meeting not declared, and a meeting the caller is no party to (principle 9). */
export const UNKNOWN_MEETING = 'No MAPP meeting you are party to has this id.';

/**
 * The caller's vouched standing at `meetingId`, or null: only under MAPPA_MEETING, for the meeting
 * declared in x-mappa-case, while the evidence is valid.
 */
export function meetingEvidenceFor(context: MappaContext, meetingId: string, now: Date = new Date()): MeetingEvidence | null {
  const { declaredPurpose, purposeEvidence } = context.caller;
  if (declaredPurpose.purpose !== 'MAPPA_MEETING' || declaredPurpose.caseId !== meetingId) return null;
  if (purposeEvidence?.kind !== 'MEETING' || purposeEvidence.meetingId !== meetingId) return null;
  if (Date.parse(purposeEvidence.validUntil) <= now.getTime()) return null;
  return purposeEvidence;
}

/** Whether the principal is the meeting's chair as the meeting row names them (staff id and its issuer). */
export function isChairOf(meeting: MeetingRow, principal: Principal): boolean {
  return meeting.chairStaffId === principal.staffId && meeting.chairIssuer === principal.issuer && principal.roles.includes('mappa_chair');
}

/** Whether the principal is a MAPPA co-ordinator of the meeting's area. */
export function isCoordinatorOf(meeting: MeetingRow, principal: Principal): boolean {
  return principal.agency === 'mappa_unit' && principal.roles.includes('mappa_coordinator') && principal.area === meeting.area;
}

/** The meeting row, read FOR UPDATE when `lock` (serialising the versions and decisions of one meeting). */
export async function meetingRow(db: Database, meetingId: string, lock = false): Promise<MeetingRow | null> {
  const query = db.select().from(meetingTable).where(eq(meetingTable.meetingId, meetingId));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

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
export async function requireMeetingParty(context: MappaContext, db: Database, meetingId: string, standings: readonly MeetingStanding[], lock = false): Promise<MeetingParty> {
  const evidence = meetingEvidenceFor(context, meetingId);
  if (!evidence || !standings.includes(evidence.standing)) throw new NotFoundError(UNKNOWN_MEETING);
  const meeting = await meetingRow(db, meetingId, lock);
  if (!meeting || meeting.pncId !== evidence.pncId) throw new NotFoundError(UNKNOWN_MEETING);
  const { principal } = context.caller;
  if (evidence.standing === 'CHAIR' && !isChairOf(meeting, principal)) throw new NotFoundError(UNKNOWN_MEETING);
  if (evidence.standing === 'COORDINATOR' && !isCoordinatorOf(meeting, principal)) throw new NotFoundError(UNKNOWN_MEETING);
  return { meeting, evidence };
}
