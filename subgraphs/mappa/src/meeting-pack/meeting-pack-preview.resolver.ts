import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Access, NotFoundError } from '@mappa/shared';
import type { Caller } from '@mappa/shared';
import type { MappaContext } from '../mappa.context';
import { mappaPolicies } from '../mappa.policies';
import { mappaSubjectInScope } from '../offender/offender.scope';
import type { MeetingRow } from '../meeting/meeting.table';
import { previewMeetingPack } from './meeting-pack-preview';
import { meetingFacts } from './meeting-pack-preview.query';
import { MeetingPackPreview } from './meeting-pack-preview.type';
import type { MeetingPackFieldDecision, MeetingPackStanding, MeetingPackWithholding } from './meeting-pack-preview.type';

// One answer for an unknown meeting and one the caller does not co-ordinate or chair (principle 9).
const UNKNOWN_MEETING = 'No meeting with this id that you co-ordinate or chair.';

/**
 * Whether the caller previews this meeting: the gateway vouches (purpose evidence) that they stand to
 * it as its co-ordinator or chair, and the MAPPA unit's own records agree (the area's co-ordinator, or
 * the chair by staff id and issuer). Both, deny by default: the evidence is looked up per request and
 * the records are read here anyway, so neither alone opens the preview.
 */
function previews(caller: Caller, meeting: MeetingRow, now: Date): boolean {
  const evidence = caller.purposeEvidence;
  if (
    evidence?.kind !== 'MEETING' ||
    evidence.meetingId !== meeting.meetingId ||
    evidence.pncId !== meeting.pncId ||
    Date.parse(evidence.validUntil) <= now.getTime()
  )
    return false;
  const { principal } = caller;
  if (evidence.standing === 'COORDINATOR')
    return principal.agency === 'mappa_unit' && principal.roles.includes('mappa_coordinator') && principal.area === meeting.area;
  if (evidence.standing === 'CHAIR')
    return (
      principal.roles.includes('mappa_chair') && principal.staffId === meeting.chairStaffId && principal.issuer === meeting.chairIssuer
    );
  return false;
}

@Resolver(() => MeetingPackPreview)
export class MeetingPackPreviewResolver {
  @Access(mappaPolicies.meetingPackPreview)
  @Query(() => MeetingPackPreview, {
    nullable: true,
    description:
      "What the meeting pack (the one `meeting(id)` query every attendee sends) would give each live invitee of a meeting and its chair: each field of its subject RECEIVED, REFUSED (with the refusing policy) or OWNER_DECIDES_PER_RECORD, and whether the subject is served to them at all (attendance, counter-terrorism clearance, a child's safeguards). Decided from the field policies composed into the supergraph, as the gateway and each owner decide them; never a value. " +
      "The meeting's co-ordinator or chair under MAPPA_MEETING with that meeting in `x-mappa-case`; any other meeting, unknown or not theirs, is NOT_FOUND alike.",
  })
  async meetingPackPreview(
    @Arg('meetingId', () => ID, { description: 'The meeting, as in `x-mappa-case`.' }) meetingId: string,
    @Ctx() context: MappaContext,
  ): Promise<MeetingPackPreview> {
    const now = context.now;
    // Only the meeting the request is about: its evidence names that one meeting.
    if (context.caller.declaredPurpose.caseId !== meetingId) throw new NotFoundError(UNKNOWN_MEETING);
    const facts = await meetingFacts(context.db, meetingId, now);
    if (!facts || !previews(context.caller, facts.meeting, now) || !mappaSubjectInScope(facts.mappaCase, context.rowScope))
      throw new NotFoundError(UNKNOWN_MEETING);
    // Reading about the subject is audited against it, as every read is.
    context.audit.addSubject(facts.meeting.pncId);
    const attendees = previewMeetingPack(facts, now).map((attendee) => ({
      ...attendee,
      standing: attendee.standing as MeetingPackStanding,
      subjectWithheldBecause: attendee.subjectWithheldBecause.map((reason) => reason as MeetingPackWithholding),
      fields: attendee.fields.map((field) => ({
        ...field,
        decision: field.decision as MeetingPackFieldDecision,
        conditions: [...field.conditions],
      })),
    }));
    return { meetingId, attendees };
  }
}
