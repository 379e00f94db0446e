import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Access } from '@mappa/shared';
import type { MeetingEvidence } from '@mappa/shared';
import type { MappaContext } from '../mappa.context';
import { mappaPolicies } from '../mappa.policies';
import { Offender } from '../offender/offender.type';
import { caseById } from '../mappa-case/mappa-case.query';
import { coordinatesCase, meetingEvidenceFor } from './meeting.actors';
import { meetingIdSchema } from './meeting.input';
import { attendanceOfMeeting, invitationsOfMeeting, meetingWithSubjectCase } from './meeting.query';
import type { MeetingAttendanceRow, MeetingInvitationRow, MeetingRow } from './meeting.table';
import { Meeting, MeetingAttendance, MeetingInvitation } from './meeting.type';

/**
 * How the caller stands to a meeting they may read: vouched by the MAPPA unit under MAPPA_MEETING, or
 * the co-ordinator of its area reading the administrative record under CASE_MANAGEMENT (`ADMINISTRATION`).
 */
type Standing = MeetingEvidence['standing'] | 'ADMINISTRATION';

/** The caller's standing to a meeting they may read, or null when they may not (and then it is null to them, like an unknown one). */
async function standingTo(
  context: MappaContext,
  meeting: MeetingRow,
): Promise<{ standing: Standing; evidence: MeetingEvidence | null } | null> {
  const evidence = meetingEvidenceFor(context, meeting.meetingId);
  if (evidence) return evidence.pncId === meeting.pncId ? { standing: evidence.standing, evidence } : null;
  if (context.caller.declaredPurpose.purpose !== 'CASE_MANAGEMENT' || meeting.area !== context.caller.principal.area) return null;
  const mappaCase = await caseById(context.db, meeting.caseId);
  return mappaCase !== null && coordinatesCase(context, mappaCase) ? { standing: 'ADMINISTRATION', evidence: null } : null;
}

@Resolver(() => Meeting)
export class MeetingResolver {
  @Access(mappaPolicies.meetingRecord)
  @Query(() => Meeting, {
    nullable: true,
    description:
      "One MAPP meeting: the meeting pack. Under MAPPA_MEETING only the meeting declared in `x-mappa-case`, for its co-ordinator, chair and invitees as the MAPPA unit vouches them; `subject` (the offender, composed by the gateway from every agency under the caller's own policies) only while the caller is attending (B.25). Under CASE_MANAGEMENT the co-ordinator of the meeting's area reads the administrative record, without the subject. Null for an unknown meeting, another meeting, or no standing, all alike (principle 9).",
  })
  async meeting(
    @Arg('id', () => ID, { description: "The meeting's id." }) id: string,
    @Ctx() context: MappaContext,
  ): Promise<MeetingRow | null> {
    // A malformed id is no meeting's: the same null, not a different error (principle 9).
    if (!meetingIdSchema.safeParse(id).success) return null;
    const found = await meetingWithSubjectCase(context.db, id);
    if (!found || !(await standingTo(context, found.meeting))) return null;
    const { meeting, subjectCase } = found;
    // The pack's `subject { mappaCase }` then reads the case from the request's loader, not again from the database.
    context.loaders.mappaCase.prime(meeting.pncId, subjectCase);
    // A meeting is about its subject even when the answer does not name them (no subject served): the audit says whose record was read.
    context.audit.addSubject(meeting.pncId);
    return meeting;
  }

  @Access(mappaPolicies.meetingRecord)
  @FieldResolver(() => Offender, {
    nullable: true,
    description:
      "The meeting's subject, whose single offender view the gateway composes from every agency. Only under MAPPA_MEETING while the caller is attending (the chair and co-ordinator; an invitee once signed and until they leave, B.25), and for a subject under 18 only once the YOT and children's services are recorded as attending or consulted (A.R25, B.10); null otherwise.",
  })
  async subject(@Root() meeting: MeetingRow, @Ctx() context: MappaContext): Promise<Offender | null> {
    const evidence = meetingEvidenceFor(context, meeting.meetingId);
    if (!evidence || evidence.pncId !== meeting.pncId || !evidence.attending || !evidence.childSafeguardsMet) return null;
    return { pncId: meeting.pncId };
  }

  @Access(mappaPolicies.meetingInvitation)
  @FieldResolver(() => [MeetingInvitation], {
    nullable: true,
    description:
      "The meeting's invitations, oldest first: every one for its co-ordinator and chair; an invitee's own only, for an invitee.",
  })
  async invitations(@Root() meeting: MeetingRow, @Ctx() context: MappaContext): Promise<MeetingInvitationRow[] | null> {
    const standing = await standingTo(context, meeting);
    if (!standing) return null;
    const rows = await invitationsOfMeeting(context.db, meeting.meetingId);
    if (standing.standing !== 'INVITEE') return rows;
    return rows.filter((row) => row.invitationId === standing.evidence?.invitationId);
  }

  @Access(mappaPolicies.meetingAttendance)
  @FieldResolver(() => [MeetingAttendance], {
    nullable: true,
    description: "The meeting's signed attendance (MAPPA E), in signing order: for its co-ordinator and chair; null for anyone else.",
  })
  async attendance(@Root() meeting: MeetingRow, @Ctx() context: MappaContext): Promise<MeetingAttendanceRow[] | null> {
    const standing = await standingTo(context, meeting);
    if (!standing || standing.standing === 'INVITEE') return null;
    return attendanceOfMeeting(context.db, meeting.meetingId);
  }
}
