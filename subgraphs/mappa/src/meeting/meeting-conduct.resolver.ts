import { randomUUID } from 'node:crypto';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { Access, BadUserInputError, changedFields, NotFoundError, parseInput } from '@mappa/shared';
import type { Database, Role } from '@mappa/shared';
import type { MappaContext } from '../mappa.context';
import { mappaPolicies } from '../mappa.policies';
import { chairsMeeting, invitationOfCaller } from './meeting.actors';
import {
  attendanceOfForUpdate,
  attendanceSignedBy,
  closeMeetingInSession,
  insertAttendance,
  markAttendanceLeft,
  openScheduledMeeting,
} from './meeting-conduct.query';
import { meetingById } from './meeting.query';
import { meetingIdSchema, SignAttendanceInput, signAttendanceInputSchema } from './meeting.input';
import { childSafeguardFactsOf, childSafeguardsOf } from './meeting.rules';
import { disclosureConsidered } from '../disclosure/disclosure-consideration.query';
import type { MeetingAttendanceRow, MeetingRow } from './meeting.table';
import { Meeting, MeetingAttendance, MeetingStatus } from './meeting.type';

// One answer for an unknown meeting and one the caller does not chair or is not invited to (principle 9).
const UNKNOWN_MEETING = 'No MAPP meeting of yours has this id.';

const OPENING_FIELDS = ['status', 'openedAt', 'confidentialityStatementReadAt'] as const satisfies readonly (keyof MeetingRow)[];
const CLOSING_FIELDS = ['status', 'closedAt'] as const satisfies readonly (keyof MeetingRow)[];
const ATTENDANCE_FIELDS = [
  'meetingId',
  'invitationId',
  'staffId',
  'issuer',
  'agency',
  'role',
  'extent',
  'grade',
  'informationSharingAgreement',
  'signedAt',
] as const satisfies readonly (keyof MeetingAttendanceRow)[];

function wrongStatus(meeting: MeetingRow, action: string, needed: MeetingStatus): BadUserInputError {
  return new BadUserInputError(`A ${meeting.status.toLowerCase().replace('_', ' ')} meeting cannot be ${action}; it must be ${needed}.`, [
    { path: 'meetingId', message: `meeting is ${meeting.status}` },
  ]);
}

/** The meeting, locked, when the caller is its chair (vouched CHAIR, and the recorded chair); NOT_FOUND otherwise. */
async function chairedMeeting(context: MappaContext, tx: Database, meetingId: string): Promise<MeetingRow> {
  const meeting = await meetingById(tx, meetingId, true);
  if (!meeting || !chairsMeeting(context, meeting)) throw new NotFoundError(UNKNOWN_MEETING);
  return meeting;
}

/** The children rule (A.R25, B.10) for one step of the chair's; BAD_USER_INPUT naming the missing agencies. */
async function requireChildSafeguards(tx: Database, meeting: MeetingRow, step: 'open' | 'close'): Promise<void> {
  const facts = await childSafeguardFactsOf(tx, meeting.meetingId);
  if (!facts) throw new Error('meeting vanished');
  const safeguards = childSafeguardsOf(facts);
  const missing = step === 'open' ? safeguards.notInvited : safeguards.notAttendingOrConsulted;
  if (missing.length > 0) {
    const needs = step === 'open' ? 'invited' : 'recorded as attending or consulted';
    throw new BadUserInputError(
      `The subject is under 18 on the meeting day (or their date of birth is unknown): the YOT and children's services must be ${needs} (A.R25, B.10).`,
      [{ path: 'meetingId', message: `not ${needs}: ${missing.join(', ')}` }],
    );
  }
}

@Resolver(() => Meeting)
export class MeetingConductResolver {
  @Access(mappaPolicies.meetingConduct)
  @Mutation(() => Meeting, {
    nullable: true,
    description:
      "Opens a scheduled meeting (SCHEDULED → IN_SESSION), recording that the chair read the confidentiality statement (MAPPA D; `confidentialityStatementRead` must be true). For a subject under 18 on the meeting day (or of unknown date of birth) only with live invitations of the YOT and children's services (A.R25, B.10). The meeting's chair only, under MAPPA_MEETING for it; any other meeting is NOT_FOUND, exactly as an unknown id.",
  })
  async openMeeting(
    @Arg('meetingId', () => ID, { description: 'The meeting, as declared in `x-mappa-case`.' }) meetingId: string,
    @Arg('confidentialityStatementRead', () => Boolean, {
      description: 'That the chair read the confidentiality statement (MAPPA D) to the meeting.',
    })
    confidentialityStatementRead: boolean,
    @Ctx() context: MappaContext,
  ): Promise<MeetingRow> {
    const validId = parseInput(meetingIdSchema, meetingId, 'meetingId');
    // Input first: its errors depend on the input alone, never on whether the meeting exists.
    if (!confidentialityStatementRead) {
      throw new BadUserInputError('A meeting opens with the confidentiality statement (MAPPA D) read.', [
        { path: 'confidentialityStatementRead', message: 'the confidentiality statement must be read' },
      ]);
    }
    return context.db.transaction(async (tx) => {
      const meeting = await chairedMeeting(context, tx, validId);
      if (meeting.status !== MeetingStatus.SCHEDULED) throw wrongStatus(meeting, 'opened', MeetingStatus.SCHEDULED);
      await requireChildSafeguards(tx, meeting, 'open');
      const now = context.now;
      const opened = await openScheduledMeeting(tx, validId, now);
      if (!opened) throw new Error('update returned no row');
      await context.audit.recordChanges(tx, [meeting.pncId], changedFields(`Meeting:${validId}`, meeting, opened, OPENING_FIELDS));
      return opened;
    });
  }

  @Access(mappaPolicies.meetingConduct)
  @Mutation(() => Meeting, {
    nullable: true,
    description:
      'Closes a meeting in session (IN_SESSION → HELD); a meeting is closed once (BAD_USER_INPUT after, and the database refuses it too). For a subject under 18, only when the YOT and children\'s services are each recorded as attending or consulted (A.R25, B.10). Only once disclosure was considered (`recordDisclosureConsideration`, B §2, KPI 3; BAD_USER_INPUT "disclosure not considered" otherwise, and the database refuses it too). The meeting\'s chair only, under MAPPA_MEETING for it; any other meeting is NOT_FOUND, exactly as an unknown id.',
  })
  async closeMeeting(
    @Arg('meetingId', () => ID, { description: 'The meeting, as declared in `x-mappa-case`.' }) meetingId: string,
    @Ctx() context: MappaContext,
  ): Promise<MeetingRow> {
    const validId = parseInput(meetingIdSchema, meetingId, 'meetingId');
    return context.db.transaction(async (tx) => {
      const meeting = await chairedMeeting(context, tx, validId);
      if (meeting.status !== MeetingStatus.IN_SESSION) throw wrongStatus(meeting, 'closed', MeetingStatus.IN_SESSION);
      await requireChildSafeguards(tx, meeting, 'close');
      // B §2, KPI 3: disclosure is considered at every level 2/3 meeting, "not necessary" with a reason included (the database refuses it too).
      if (!(await disclosureConsidered(tx, meeting.meetingId))) {
        throw new BadUserInputError(
          'Disclosure must be considered at every meeting before it closes (B §2): record it with recordDisclosureConsideration, "not necessary" with the reason if so.',
          [{ path: 'meetingId', message: 'disclosure not considered' }],
        );
      }
      const closed = await closeMeetingInSession(tx, validId, new Date());
      if (!closed) throw new Error('update returned no row');
      await context.audit.recordChanges(tx, [meeting.pncId], changedFields(`Meeting:${validId}`, meeting, closed, CLOSING_FIELDS));
      return closed;
    });
  }

  @Access(mappaPolicies.meetingAttendanceSigning)
  @Mutation(() => MeetingAttendance, {
    nullable: true,
    description:
      "Signs the caller's attendance of a meeting in session (MAPPA E), accepting its confidentiality statement (B.54): their agency and role as their identity provider vouches them, whole or part attendance, and whether their agency is party to the information-sharing agreement (B.25). Once per person. An invitee of the meeting only, under MAPPA_MEETING for it; any other meeting is NOT_FOUND, exactly as an unknown id.",
  })
  async signAttendance(
    @Arg('input', () => SignAttendanceInput, { description: 'The meeting and the terms of attendance.' }) input: SignAttendanceInput,
    @Ctx() context: MappaContext,
  ): Promise<MeetingAttendanceRow> {
    const values = parseInput(signAttendanceInputSchema, input, 'input');
    const { principal } = context.caller;
    return context.db.transaction(async (tx) => {
      const meeting = await meetingById(tx, values.meetingId, true);
      const invitation = meeting ? await invitationOfCaller(context, tx, meeting) : null;
      if (!meeting || !invitation) throw new NotFoundError(UNKNOWN_MEETING);
      if (meeting.status !== MeetingStatus.IN_SESSION) throw wrongStatus(meeting, 'signed in to', MeetingStatus.IN_SESSION);
      if (await attendanceSignedBy(tx, meeting.meetingId, principal))
        throw new BadUserInputError('You have signed attendance of this meeting already.', [
          { path: 'input.meetingId', message: 'attendance signed already' },
        ]);
      // The role the caller attends in: the invited one, else their first role (their token's order).
      const role: Role =
        invitation.inviteeRole !== null && principal.roles.includes(invitation.inviteeRole) ? invitation.inviteeRole : principal.roles[0]!;
      const signed = await insertAttendance(tx, {
        attendanceId: randomUUID(),
        meetingId: meeting.meetingId,
        invitationId: invitation.invitationId,
        staffId: principal.staffId,
        issuer: principal.issuer,
        agency: principal.agency,
        role,
        extent: values.extent,
        grade: values.grade ?? null,
        informationSharingAgreement: values.informationSharingAgreement,
        signedAt: new Date(),
      });
      if (!signed) throw new Error('insert returned no row');
      await context.audit.recordChanges(
        tx,
        [meeting.pncId],
        changedFields(`MeetingAttendance:${signed.attendanceId}`, null, signed, ATTENDANCE_FIELDS),
      );
      return signed;
    });
  }

  @Access(mappaPolicies.meetingAttendanceSigning)
  @Mutation(() => MeetingAttendance, {
    nullable: true,
    description:
      "Records that the caller left the meeting, once: from then on they see only the meeting's actions that are theirs (B.25). BAD_USER_INPUT when they have not signed attendance or have left already. An invitee of the meeting only, under MAPPA_MEETING for it; any other meeting is NOT_FOUND, exactly as an unknown id.",
  })
  async leaveMeeting(
    @Arg('meetingId', () => ID, { description: 'The meeting, as declared in `x-mappa-case`.' }) meetingId: string,
    @Ctx() context: MappaContext,
  ): Promise<MeetingAttendanceRow> {
    const validId = parseInput(meetingIdSchema, meetingId, 'meetingId');
    const { principal } = context.caller;
    return context.db.transaction(async (tx) => {
      const meeting = await meetingById(tx, validId);
      const invitation = meeting ? await invitationOfCaller(context, tx, meeting) : null;
      if (!meeting || !invitation) throw new NotFoundError(UNKNOWN_MEETING);
      const attendance = await attendanceOfForUpdate(tx, validId, principal);
      if (!attendance)
        throw new BadUserInputError('You have not signed attendance of this meeting.', [
          { path: 'meetingId', message: 'attendance not signed' },
        ]);
      if (attendance.leftAt !== null)
        throw new BadUserInputError('You have left this meeting already.', [{ path: 'meetingId', message: 'left already' }]);
      const left = await markAttendanceLeft(tx, validId, principal, new Date());
      if (!left) throw new Error('update returned no row');
      await context.audit.recordChanges(
        tx,
        [meeting.pncId],
        changedFields(`MeetingAttendance:${left.attendanceId}`, attendance, left, ['leftAt']),
      );
      return left;
    });
  }
}
