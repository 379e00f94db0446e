import { randomUUID } from 'node:crypto';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Access, BadUserInputError, changedFields, NotFoundError, parseInput, calendarDateOf } from '@mappa/shared';
import type { Database } from '@mappa/shared';
import type { MappaContext } from '../mappa.context';
import { mappaPolicies } from '../mappa.policies';
import { insertGrant, revokeGrant, unrevokedGrantsWithIds } from '../case-access-grant/case-access-grant.query';
import { caseById } from '../mappa-case/mappa-case.query';
import { MappaCaseStatus } from '../mappa-case/mappa-case.type';
import { jobcentreMayKnowCase, yotMayKnowCase } from '../offender/offender.scope';
import { coordinatesCase, coordinatesMeeting } from './meeting.actors';
import {
  allInvitationsOf,
  cancelScheduledMeeting,
  insertInvitation,
  insertMeeting,
  updateInvitation,
} from './meeting-administration.query';
import { invitationById, meetingById } from './meeting.query';
import {
  consultationNoteSchema,
  DEFAULT_DUE_WINDOW_DAYS,
  invitationIdSchema,
  InviteToMeetingInput,
  inviteToMeetingInputSchema,
  MAX_DIARY_PAGE,
  meetingDiaryArgsSchema,
  meetingIdSchema,
  meetingReasonSchema,
  ScheduleMeetingInput,
  scheduleMeetingInputSchema,
} from './meeting.input';
import { meetingAccessDays } from './meeting.rules';
import type { MeetingInvitationRow, MeetingRow } from './meeting.table';
import { Meeting, MeetingInvitation, MeetingStatus } from './meeting.type';
import { diaryPage } from './meeting-diary.query';
import { MeetingDiaryPage, MeetingDueStatus } from './meeting-diary.type';

// One answer for an unknown case or meeting and one outside the co-ordinator's scope (principle 9).
const UNKNOWN_CASE = 'No MAPPA case in your area has this case number.';
const UNKNOWN_MEETING = 'No MAPP meeting of yours has this id.';
const UNKNOWN_INVITATION = 'No invitation to a MAPP meeting of yours has this id.';
const DAY_MS = 86_400_000;

// What the audit proves of each record: every field it was made with, and each change.
const MEETING_FIELDS = [
  'caseId',
  'pncId',
  'area',
  'kind',
  'scheduledFor',
  'chairStaffId',
  'chairIssuer',
  'chairAgency',
  'status',
  'createdByStaffId',
] as const satisfies readonly (keyof MeetingRow)[];
const CANCELLATION_FIELDS = ['status', 'cancelledAt', 'cancellationReason'] as const satisfies readonly (keyof MeetingRow)[];
const INVITATION_FIELDS = [
  'meetingId',
  'inviteeAgency',
  'inviteeRole',
  'inviteeStaffId',
  'inviteeIssuer',
  'reason',
  'mappaFRequested',
  'policeAgreementReference',
  'grantId',
  'invitedAt',
  'invitedByStaffId',
] as const satisfies readonly (keyof MeetingInvitationRow)[];
const WITHDRAWAL_FIELDS = [
  'withdrawnAt',
  'withdrawnByStaffId',
  'withdrawalReason',
] as const satisfies readonly (keyof MeetingInvitationRow)[];
const CONSULTATION_FIELDS = ['consultedAt', 'consultationNote'] as const satisfies readonly (keyof MeetingInvitationRow)[];

/** The meeting, if the caller administers it as its co-ordinator; NOT_FOUND otherwise, exactly as for an unknown id. */
async function coordinatedMeeting(context: MappaContext, db: Database, meetingId: string, forUpdate = false): Promise<MeetingRow> {
  const meeting = await meetingById(db, meetingId, forUpdate);
  if (!meeting || !(await coordinatesMeeting(context, db, meeting))) throw new NotFoundError(UNKNOWN_MEETING);
  return meeting;
}

/** Revokes the live grants of a meeting's invitations (withdrawal, cancellation), with the audit of each. */
async function revokeInvitationGrants(
  context: MappaContext,
  tx: Database,
  invitations: readonly MeetingInvitationRow[],
  reason: string,
  now: Date,
): Promise<void> {
  if (invitations.length === 0) return;
  const live = await unrevokedGrantsWithIds(
    tx,
    invitations.map((invitation) => invitation.grantId),
  );
  for (const grant of live) {
    const revoked = await revokeGrant(tx, grant.grantId, context.caller.principal.staffId, reason, now);
    if (revoked)
      await context.audit.recordChanges(
        tx,
        [revoked.pncId],
        changedFields(`CaseAccessGrant:${revoked.grantId}`, grant, revoked, ['revokedAt', 'revokedByStaffId', 'revocationReason']),
      );
  }
}

@Resolver(() => Meeting)
export class MeetingAdministrationResolver {
  @Access(mappaPolicies.meetingAdministration)
  @Mutation(() => Meeting, {
    nullable: true,
    description:
      "Schedules a MAPP meeting (initial, review or professionals) for a level 2 or 3 active case in the co-ordinator's area, with its chair (B.52: police, probation or the MAPPA unit) and a future date. The co-ordinator under CASE_MANAGEMENT only; a case outside their area or row scope is NOT_FOUND, exactly as an unknown case number.",
  })
  async scheduleMeeting(
    @Arg('input', () => ScheduleMeetingInput, { description: 'The case, kind, date and chair.' }) input: ScheduleMeetingInput,
    @Ctx() context: MappaContext,
  ): Promise<MeetingRow> {
    const now = context.now;
    const values = parseInput(scheduleMeetingInputSchema(now), input, 'input');
    const mappaCase = await caseById(context.db, values.caseId);
    if (!mappaCase || !coordinatesCase(context, mappaCase)) throw new NotFoundError(UNKNOWN_CASE);
    if (mappaCase.status !== MappaCaseStatus.ACTIVE)
      throw new BadUserInputError('Meetings are for active MAPPA cases.', [{ path: 'input.caseId', message: 'MAPPA case is closed' }]);
    if (mappaCase.level < 2)
      throw new BadUserInputError('MAPP meetings are for level 2 and 3 cases; level 1 is managed by the lead agency.', [
        { path: 'input.caseId', message: 'case is at level 1' },
      ]);
    const row = await context.db.transaction(async (tx) => {
      const inserted = await insertMeeting(tx, {
        meetingId: randomUUID(),
        caseId: mappaCase.caseId,
        pncId: mappaCase.pncId,
        area: mappaCase.area,
        kind: values.kind,
        scheduledFor: values.scheduledFor,
        chairStaffId: values.chairStaffId,
        chairIssuer: values.chairIssuer,
        chairAgency: values.chairAgency,
        status: MeetingStatus.SCHEDULED,
        createdByStaffId: context.caller.principal.staffId,
        createdAt: now,
      });
      if (!inserted) throw new Error('insert returned no row');
      await context.audit.recordChanges(
        tx,
        [inserted.pncId],
        changedFields(`Meeting:${inserted.meetingId}`, null, inserted, MEETING_FIELDS),
      );
      return inserted;
    });
    context.log.info({ meetingId: row.meetingId, kind: row.kind }, 'MAPP meeting scheduled');
    return row;
  }

  @Access(mappaPolicies.meetingAdministration)
  @Query(() => MeetingDiaryPage, {
    nullable: true,
    description:
      "The co-ordinator's MAPP meeting diary: each level 2 or 3 active case of their area (in their row scope), in case number order, with when its next meeting is due (16 weeks after the last held meeting at level 2, 8 at level 3, else the case's next review date; A §5, B §5), whether that is OVERDUE, DUE within `dueWithinDays` or NOT_DUE, and its scheduled meetings. Under CASE_MANAGEMENT.",
  })
  async meetingDiary(
    @Arg('first', () => Int, { defaultValue: 50, description: `How many cases to return (1-${MAX_DIARY_PAGE}).` }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'The `endCursor` of the previous page.' }) after: string | null,
    @Arg('dueWithinDays', () => Int, {
      defaultValue: DEFAULT_DUE_WINDOW_DAYS,
      description: 'The window, in days from today, in which a meeting counts as DUE (0-366).',
    })
    dueWithinDays: number,
    @Arg('dueStatus', () => [MeetingDueStatus], { nullable: true, description: 'Only cases with one of these statuses (default: all).' })
    dueStatus: MeetingDueStatus[] | null,
    @Ctx() context: MappaContext,
  ): Promise<MeetingDiaryPage> {
    const args = parseInput(meetingDiaryArgsSchema, { first, after, dueWithinDays, dueStatus }, 'arguments');
    if (context.caller.declaredPurpose.purpose !== 'CASE_MANAGEMENT')
      throw new NotFoundError('The meeting diary is read under CASE_MANAGEMENT.');
    return diaryPage(
      context.db,
      context.rowScope,
      context.caller.principal.area,
      { ...args, after: args.after ?? null, dueStatus: args.dueStatus ?? null },
      new Date(),
    );
  }

  @Access(mappaPolicies.meetingAdministration)
  @Mutation(() => MeetingInvitation, {
    nullable: true,
    description:
      "Invites an agency (its single point of contact, with a role it holds) or one staff id to a scheduled or in-session meeting, with the reason (principle 5: duty-to-co-operate agencies only as needed). The invitation is the access: in the same transaction it creates the invitee's case grant for MAPPA_MEETING and this meeting, valid until the meeting's date plus MEETING_ACCESS_DAYS (default 28). Inviting the prison requests its MAPPA F (B.6); for a category 4 subject any agency but the police needs `policeAgreementReference` (C.65). The co-ordinator only; another meeting is NOT_FOUND, exactly as an unknown id.",
  })
  async inviteToMeeting(
    @Arg('input', () => InviteToMeetingInput, { description: 'The meeting, the invitee and why.' }) input: InviteToMeetingInput,
    @Ctx() context: MappaContext,
  ): Promise<MeetingInvitationRow> {
    const values = parseInput(inviteToMeetingInputSchema, input, 'input');
    const now = context.now;
    const row = await context.db.transaction(async (tx) => {
      const meeting = await coordinatedMeeting(context, tx, values.meetingId, true);
      if (meeting.status !== MeetingStatus.SCHEDULED && meeting.status !== MeetingStatus.IN_SESSION) {
        throw new BadUserInputError(`A ${meeting.status.toLowerCase()} meeting takes no invitations.`, [
          { path: 'input.meetingId', message: `meeting is ${meeting.status}` },
        ]);
      }
      const mappaCase = await caseById(tx, meeting.caseId);
      // C.65: a category 4 (counter-terrorism) subject's meeting is the police's to open to other agencies.
      if (mappaCase?.category === 4 && values.inviteeAgency !== 'police' && values.policeAgreementReference == null) {
        throw new BadUserInputError("For a category 4 subject, inviting any agency but the police needs the police's agreement (C.65).", [
          { path: 'input.policeAgreementReference', message: 'police agreement required for a category 4 subject' },
        ]);
      }
      // A.R26, principle 3: the YOT's interest is its own young people; a meeting about an adult another
      // agency leads would tell it that adult's MAPPA status, which row scope keeps from every YOT principal.
      if (values.inviteeAgency === 'yot' && mappaCase && !yotMayKnowCase(mappaCase, calendarDateOf(now))) {
        throw new BadUserInputError('The YOT is invited only to meetings about a case it leads or a subject under 18 (A.R26).', [
          { path: 'input.inviteeAgency', message: 'not a YOT-led case or a subject under 18' },
        ]);
      }
      // A.R31, A.R32: Jobcentre Plus's business is MAPPA J, which is for adults only.
      if (values.inviteeAgency === 'jobcentre_plus' && mappaCase && !jobcentreMayKnowCase(mappaCase, calendarDateOf(now))) {
        throw new BadUserInputError('Jobcentre Plus is invited only to meetings about someone 18 or over (A.R31).', [
          { path: 'input.inviteeAgency', message: 'the subject is not recorded as 18 or over' },
        ]);
      }
      // A.R38, C.71, C.72: the Home Office is invited about foreign national offenders only.
      if (values.inviteeAgency === 'home_office' && mappaCase?.foreignNational !== true) {
        throw new BadUserInputError('The Home Office is invited only to meetings about a foreign national offender (A.R38, C.71).', [
          { path: 'input.inviteeAgency', message: 'the subject is not recorded as a foreign national offender' },
        ]);
      }
      const validUntil = new Date(Math.max(meeting.scheduledFor.getTime(), now.getTime()) + meetingAccessDays() * DAY_MS);
      const invitationId = randomUUID();
      const byStaff = values.inviteeStaffId != null;
      const grant = await insertGrant(
        tx,
        {
          granteeStaffId: byStaff ? values.inviteeStaffId : null,
          granteeIssuer: byStaff ? values.inviteeIssuer : null,
          granteeAgency: byStaff ? null : values.inviteeAgency,
          granteeRole: byStaff ? null : values.inviteeRole,
          // Issue 12: an agency's holders of the role hold the invitation in the meeting's area only.
          granteeAreas: byStaff ? null : [meeting.area],
          pncId: meeting.pncId,
          purpose: 'MAPPA_MEETING',
          caseId: meeting.meetingId,
          validFrom: now,
          validUntil,
          reason: `Invitation ${invitationId} to MAPP meeting ${meeting.meetingId}`,
        },
        context.caller.principal.staffId,
        now,
      );
      const inserted = await insertInvitation(tx, {
        invitationId,
        meetingId: meeting.meetingId,
        inviteeAgency: values.inviteeAgency,
        inviteeRole: values.inviteeRole ?? null,
        inviteeStaffId: values.inviteeStaffId ?? null,
        inviteeIssuer: values.inviteeIssuer ?? null,
        reason: values.reason,
        // B.6: the prison's invitation asks for its MAPPA F report.
        mappaFRequested: values.inviteeAgency === 'prison',
        policeAgreementReference: values.policeAgreementReference ?? null,
        grantId: grant.grantId,
        invitedAt: now,
        invitedByStaffId: context.caller.principal.staffId,
      });
      if (!inserted) throw new Error('insert returned no row');
      await context.audit.recordChanges(
        tx,
        [meeting.pncId],
        [
          ...changedFields(`MeetingInvitation:${inserted.invitationId}`, null, inserted, INVITATION_FIELDS),
          ...changedFields(`CaseAccessGrant:${grant.grantId}`, null, grant, [
            'granteeStaffId',
            'granteeIssuer',
            'granteeAgency',
            'granteeRole',
            'granteeAreas',
            'pncId',
            'purpose',
            'caseId',
            'validFrom',
            'validUntil',
            'reason',
            'createdByStaffId',
          ]),
        ],
      );
      return inserted;
    });
    context.log.info(
      { meetingId: row.meetingId, invitationId: row.invitationId, inviteeAgency: row.inviteeAgency },
      'invited to MAPP meeting',
    );
    return row;
  }

  @Access(mappaPolicies.meetingAdministration)
  @Mutation(() => MeetingInvitation, {
    nullable: true,
    description:
      "Withdraws an invitation, with the reason, and in the same transaction revokes the case grant it created: the invitee's access ends with the next request. Once only (BAD_USER_INPUT after). The co-ordinator only; another meeting's invitation is NOT_FOUND, exactly as an unknown id.",
  })
  async withdrawInvitation(
    @Arg('invitationId', () => ID, { description: 'The invitation to withdraw.' }) invitationId: string,
    @Arg('reason', () => String, { description: 'Why it is withdrawn (1-500 characters).' }) reason: string,
    @Ctx() context: MappaContext,
  ): Promise<MeetingInvitationRow> {
    const validId = parseInput(invitationIdSchema, invitationId, 'invitationId');
    const validReason = parseInput(meetingReasonSchema, reason, 'reason');
    const now = context.now;
    return context.db.transaction(async (tx) => {
      const invitation = await invitationById(tx, validId, true);
      const meeting = invitation ? await meetingById(tx, invitation.meetingId) : null;
      if (!invitation || !meeting || !(await coordinatesMeeting(context, tx, meeting))) throw new NotFoundError(UNKNOWN_INVITATION);
      if (invitation.withdrawnAt !== null)
        throw new BadUserInputError('This invitation is withdrawn already.', [
          { path: 'invitationId', message: 'invitation is withdrawn already' },
        ]);
      const withdrawn = await updateInvitation(tx, validId, {
        withdrawnAt: now,
        withdrawnByStaffId: context.caller.principal.staffId,
        withdrawalReason: validReason,
      });
      if (!withdrawn) throw new Error('update returned no row');
      await context.audit.recordChanges(
        tx,
        [meeting.pncId],
        changedFields(`MeetingInvitation:${validId}`, invitation, withdrawn, WITHDRAWAL_FIELDS),
      );
      await revokeInvitationGrants(context, tx, [invitation], `Invitation withdrawn: ${validReason}`.slice(0, 500), now);
      return withdrawn;
    });
  }

  @Access(mappaPolicies.meetingAdministration)
  @Mutation(() => MeetingInvitation, {
    nullable: true,
    description:
      "Records that an invited agency was consulted in place of attending (A.R25, B.10: for a meeting about someone under 18, the YOT and children's services each attend or are consulted). Once per invitation; not for a withdrawn invitation or a held or cancelled meeting. The co-ordinator only; another meeting's invitation is NOT_FOUND, exactly as an unknown id.",
  })
  async recordConsultation(
    @Arg('invitationId', () => ID, { description: 'The invitation of the consulted agency.' }) invitationId: string,
    @Arg('note', () => String, { description: 'What the consultation recorded (1-2000 characters).' }) note: string,
    @Ctx() context: MappaContext,
  ): Promise<MeetingInvitationRow> {
    const validId = parseInput(invitationIdSchema, invitationId, 'invitationId');
    const validNote = parseInput(consultationNoteSchema, note, 'note');
    return context.db.transaction(async (tx) => {
      const invitation = await invitationById(tx, validId, true);
      const meeting = invitation ? await meetingById(tx, invitation.meetingId) : null;
      if (!invitation || !meeting || !(await coordinatesMeeting(context, tx, meeting))) throw new NotFoundError(UNKNOWN_INVITATION);
      const problem =
        invitation.withdrawnAt !== null
          ? 'invitation is withdrawn'
          : invitation.consultedAt !== null
            ? 'consultation is recorded already'
            : meeting.status === MeetingStatus.HELD || meeting.status === MeetingStatus.CANCELLED
              ? `meeting is ${meeting.status}`
              : null;
      if (problem)
        throw new BadUserInputError(`No consultation can be recorded: ${problem}.`, [{ path: 'invitationId', message: problem }]);
      const consulted = await updateInvitation(tx, validId, { consultedAt: new Date(), consultationNote: validNote });
      if (!consulted) throw new Error('update returned no row');
      await context.audit.recordChanges(
        tx,
        [meeting.pncId],
        changedFields(`MeetingInvitation:${validId}`, invitation, consulted, CONSULTATION_FIELDS),
      );
      return consulted;
    });
  }

  @Access(mappaPolicies.meetingAdministration)
  @Mutation(() => Meeting, {
    nullable: true,
    description:
      'Cancels a scheduled meeting, with the reason, and in the same transaction revokes the case grants of all its invitations. Only a SCHEDULED meeting (BAD_USER_INPUT otherwise). The co-ordinator only; another meeting is NOT_FOUND, exactly as an unknown id.',
  })
  async cancelMeeting(
    @Arg('meetingId', () => ID, { description: 'The meeting to cancel.' }) meetingId: string,
    @Arg('reason', () => String, { description: 'Why it is cancelled (1-500 characters).' }) reason: string,
    @Ctx() context: MappaContext,
  ): Promise<MeetingRow> {
    const validId = parseInput(meetingIdSchema, meetingId, 'meetingId');
    const validReason = parseInput(meetingReasonSchema, reason, 'reason');
    const now = context.now;
    return context.db.transaction(async (tx) => {
      const meeting = await coordinatedMeeting(context, tx, validId, true);
      if (meeting.status !== MeetingStatus.SCHEDULED)
        throw new BadUserInputError(`Only a scheduled meeting is cancelled; this one is ${meeting.status}.`, [
          { path: 'meetingId', message: `meeting is ${meeting.status}` },
        ]);
      const cancelled = await cancelScheduledMeeting(tx, validId, now, validReason);
      if (!cancelled) throw new Error('update returned no row');
      await context.audit.recordChanges(tx, [meeting.pncId], changedFields(`Meeting:${validId}`, meeting, cancelled, CANCELLATION_FIELDS));
      const invitations = await allInvitationsOf(tx, validId);
      await revokeInvitationGrants(context, tx, invitations, `Meeting cancelled: ${validReason}`.slice(0, 500), now);
      return cancelled;
    });
  }
}
