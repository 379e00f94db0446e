import type { Database, MeetingEvidence } from '@mappa/shared';
import type { MappaContext } from '../mappa.context';
import { caseById } from '../mappa-case/mappa-case.query';
import type { MappaCaseRow } from '../mappa-case/mappa-case.table';
import { mappaSubjectInScope } from '../offender/offender.scope';
import { invitationById } from './meeting.query';
import type { MeetingInvitationRow, MeetingRow } from './meeting.table';

/*
 * Who stands how to a meeting. Under MAPPA_MEETING the MAPPA unit's answer, vouched by the gateway as
 * the caller's purpose evidence, says so (co-ordinator, chair or invitee of the meeting declared in
 * x-mappa-case); under CASE_MANAGEMENT, before a meeting can be declared, the co-ordinator is checked
 * here: the MAPPA unit's co-ordinator for the case's area, within their row scope (principle 7).
 * Each check answers null for "no such meeting" and "not yours" alike (principle 9).
 */

/** The meeting evidence for `meetingId`, when the request declares that meeting under MAPPA_MEETING and carries it. */
export function meetingEvidenceFor(context: MappaContext, meetingId: string): MeetingEvidence | null {
  const { declaredPurpose, purposeEvidence } = context.caller;
  if (declaredPurpose.purpose !== 'MAPPA_MEETING' || declaredPurpose.caseId !== meetingId) return null;
  if (purposeEvidence?.kind !== 'MEETING' || purposeEvidence.meetingId !== meetingId) return null;
  if (Date.parse(purposeEvidence.validUntil) <= Date.now()) return null;
  return purposeEvidence;
}

/** Under CASE_MANAGEMENT: the caller is the MAPPA unit's co-ordinator and the case is in their area and row scope. */
export function coordinatesCase(context: MappaContext, mappaCase: MappaCaseRow): boolean {
  const { principal } = context.caller;
  return (
    context.caller.declaredPurpose.purpose === 'CASE_MANAGEMENT' &&
    principal.agency === 'mappa_unit' &&
    principal.roles.includes('mappa_coordinator') &&
    mappaCase.area === principal.area &&
    mappaSubjectInScope(mappaCase, context.rowScope)
  );
}

/**
 * Whether the caller administers this meeting as its co-ordinator: under MAPPA_MEETING vouched so for
 * the declared meeting; under CASE_MANAGEMENT the co-ordinator of the meeting's case's area (the
 * meeting's own area too, so a transferred case's old meetings stay with the area that held them).
 */
export async function coordinatesMeeting(context: MappaContext, db: Database, meeting: MeetingRow): Promise<boolean> {
  const evidence = meetingEvidenceFor(context, meeting.meetingId);
  if (evidence)
    return (
      evidence.standing === 'COORDINATOR' &&
      evidence.pncId === meeting.pncId &&
      context.caller.principal.roles.includes('mappa_coordinator')
    );
  const mappaCase = await caseById(db, meeting.caseId);
  return mappaCase !== null && meeting.area === context.caller.principal.area && coordinatesCase(context, mappaCase);
}

/** Whether the caller chairs this meeting: vouched CHAIR for it, and its recorded chair (staff id and issuer). */
export function chairsMeeting(context: MappaContext, meeting: MeetingRow): boolean {
  const evidence = meetingEvidenceFor(context, meeting.meetingId);
  const { principal } = context.caller;
  return (
    evidence !== null &&
    evidence.standing === 'CHAIR' &&
    evidence.pncId === meeting.pncId &&
    principal.staffId === meeting.chairStaffId &&
    principal.issuer === meeting.chairIssuer &&
    principal.agency === meeting.chairAgency
  );
}

/** Whether an invitation names the caller: their staff id from their identity provider, or their agency and one of their roles. */
export function invitationNames(context: MappaContext, invitation: MeetingInvitationRow): boolean {
  const { principal } = context.caller;
  if (invitation.inviteeStaffId !== null)
    return (
      invitation.inviteeStaffId === principal.staffId &&
      invitation.inviteeIssuer === principal.issuer &&
      invitation.inviteeAgency === principal.agency
    );
  return (
    invitation.inviteeAgency === principal.agency && invitation.inviteeRole !== null && principal.roles.includes(invitation.inviteeRole)
  );
}

/** The caller's live invitation to this meeting, when they are vouched INVITEE with it; else null. */
export async function invitationOfCaller(context: MappaContext, db: Database, meeting: MeetingRow): Promise<MeetingInvitationRow | null> {
  const evidence = meetingEvidenceFor(context, meeting.meetingId);
  if (!evidence || evidence.standing !== 'INVITEE' || evidence.invitationId === null || evidence.pncId !== meeting.pncId) return null;
  const invitation = await invitationById(db, evidence.invitationId);
  if (!invitation || invitation.meetingId !== meeting.meetingId || invitation.withdrawnAt !== null || !invitationNames(context, invitation))
    return null;
  return invitation;
}
