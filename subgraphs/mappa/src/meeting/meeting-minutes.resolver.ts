import { randomUUID } from 'node:crypto';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Access, BadUserInputError, changedFields, NotFoundError, parseInput } from '@mappa/shared';
import type { AuditedChange, Database, InputIssue } from '@mappa/shared';
import { grantsWithIds, insertGrantRow, revokeGrant } from '../case-access-grant/case-access-grant.query';
import type { CaseAccessGrantRow } from '../case-access-grant/case-access-grant.table';
import { meetingAccessAfterMinutesDays } from '../config';
import type { MappaContext } from '../mappa.context';
import { mappaPolicies } from '../mappa.policies';
import { approveMinutesInputSchema, draftMinutesInputSchema, meetingIdSchema, minutesVersionSchema } from './meeting-minutes.input';
import type { RecipientValues } from './meeting-minutes.input';
import { requireMeetingParty } from './meeting-minutes.party';
import { meetingEvidenceFor } from './meeting.actors';
import {
  defaultRecipients,
  insertMinutesVersion,
  isMinutesReader,
  meetingLevel,
  minutesDueDate,
  minutesVersion,
  minutesVersions,
  sameRecipient,
  updateMinutesVersion,
} from './meeting-minutes.query';
import { updateInvitation } from './meeting-administration.query';
import { standingInvitationsOf } from './meeting.query';
import { ApproveMinutesInput, DraftMinutesInput, MeetingMinutes } from './meeting-minutes.type';
import type { MeetingMinutesRow, MeetingRow, MinutesRecipient } from './meeting.table';
import { Meeting } from './meeting.type';

const DAY_MS = 86_400_000;
const UNKNOWN_VERSION = 'This meeting has no such version of its minutes.';

// What the audit proves of a version: its content when drafted, the decision when approved, its distribution.
const DRAFT_FIELDS = [
  'status',
  'dueDate',
  'summary',
  'riskAssessment',
  'riskManagementPlan',
  'disclosureConsidered',
  'disclosureNotes',
  'draftedByStaffId',
  'draftedAt',
] as const satisfies readonly (keyof MeetingMinutesRow)[];
const APPROVAL_FIELDS = [
  'status',
  'approvedByStaffId',
  'approvedAt',
  'recipients',
  'withheldFrom',
  'distributedAt',
] as const satisfies readonly (keyof MeetingMinutesRow)[];
const GRANT_FIELDS = [
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
  'createdAt',
  'revokedAt',
  'revokedByStaffId',
  'revocationReason',
] as const satisfies readonly (keyof CaseAccessGrantRow)[];

const record = (row: MeetingMinutesRow) => `MeetingMinutes:${row.meetingId}/${row.version}`;

function toMinutes(row: MeetingMinutesRow): MeetingMinutes {
  return { ...row, status: row.status as MeetingMinutes['status'] };
}

function toRecipient(values: RecipientValues): MinutesRecipient {
  return {
    agency: values.agency,
    staffId: values.staffId ?? null,
    issuer: values.issuer ?? null,
    role: values.role ?? null,
    reason: values.reason,
  };
}

/**
 * The chair's distribution decision applied to the defaults (B.23): each withheld entry must be a
 * default recipient (BAD_USER_INPUT otherwise, listing every one), added entries must not be one;
 * part-attendees outside the information-sharing agreement are withheld whatever the input (B.25).
 */
function distribution(
  defaults: Awaited<ReturnType<typeof defaultRecipients>>,
  withhold: readonly RecipientValues[],
  additional: readonly RecipientValues[],
) {
  const issues: InputIssue[] = [];
  withhold.forEach((entry, index) => {
    if (!defaults.recipients.some((recipient) => sameRecipient(recipient, toRecipient(entry)))) {
      issues.push({
        path: `input.withhold.${index}`,
        message: 'not a default recipient of these minutes (attendees, and invitees who did not attend)',
      });
    }
  });
  additional.forEach((entry, index) => {
    if (defaults.recipients.some((recipient) => sameRecipient(recipient, toRecipient(entry))))
      issues.push({ path: `input.additionalRecipients.${index}`, message: 'a default recipient already' });
    // B.25 is the guidance's rule, not the chair's choice: a withheld-by-rule attendee cannot be added back.
    if (defaults.withheldByRule.some((withheld) => sameRecipient(withheld, toRecipient(entry)))) {
      issues.push({
        path: `input.additionalRecipients.${index}`,
        message: 'a part-attendee outside the information-sharing agreement receives the agreed actions only (B.25)',
      });
    }
  });
  if (issues.length > 0) throw new BadUserInputError('The distribution decision does not fit the default recipients.', issues);
  const withheld = withhold.map(toRecipient);
  return {
    recipients: [
      ...defaults.recipients.filter((recipient) => !withheld.some((entry) => sameRecipient(entry, recipient))),
      ...additional.map(toRecipient),
    ],
    withheldFrom: [...withheld, ...defaults.withheldByRule],
  };
}

/**
 * The minutes of a MAPP meeting (MAPPA B, B §6, B.22-B.27): drafted in versions by the co-ordinator,
 * approved by the chair with the distribution decision once the meeting is held, distributed by the
 * co-ordinator (which re-issues each invitee's access to run a set time after distribution), and read
 * by the chair, the co-ordinator and the recipients.
 */
@Resolver(() => Meeting)
export class MeetingMinutesResolver {
  @Access(mappaPolicies.minutesDrafting)
  @Mutation(() => MeetingMinutes, {
    nullable: true,
    description:
      "Drafts the next version of a meeting's minutes (MAPPA B): a new DRAFT; an earlier draft becomes SUPERSEDED; an approved version stays until the chair approves the correction (B.22). Its due date is the day the meeting was held plus 10 working days at level 2, 5 at level 3 (B §6; weekends skipped, bank holidays not modelled). The co-ordinator of the meeting declared in x-mappa-case, once it is in session or held; any other meeting is NOT_FOUND.",
  })
  async draftMinutes(
    @Arg('input', () => DraftMinutesInput, { description: 'The meeting and the content of the version.' }) input: DraftMinutesInput,
    @Ctx() context: MappaContext,
  ): Promise<MeetingMinutes> {
    const values = parseInput(draftMinutesInputSchema, input, 'input');
    const row = await context.db.transaction(async (tx) => {
      // The meeting row locked: two drafts of one meeting take consecutive versions, one after the other.
      const { meeting } = await requireMeetingParty(context, tx, values.meetingId, ['COORDINATOR'], true);
      if (meeting.status !== 'IN_SESSION' && meeting.status !== 'HELD') {
        throw new BadUserInputError('Minutes are drafted once the meeting is in session or held.', [
          { path: 'input.meetingId', message: `meeting is ${meeting.status}` },
        ]);
      }
      const [latest] = await minutesVersions(tx, meeting.meetingId);
      const changes: AuditedChange[] = [];
      if (latest?.status === 'DRAFT') {
        const superseded = await updateMinutesVersion(tx, latest.meetingId, latest.version, { status: 'SUPERSEDED' });
        if (superseded) changes.push(...changedFields(record(superseded), latest, superseded, ['status']));
      }
      const inserted = await insertMinutesVersion(tx, {
        meetingId: meeting.meetingId,
        version: (latest?.version ?? 0) + 1,
        status: 'DRAFT',
        dueDate: minutesDueDate(meeting, await meetingLevel(tx, meeting)),
        summary: values.summary,
        riskAssessment: values.riskAssessment ?? null,
        riskManagementPlan: values.riskManagementPlan ?? null,
        disclosureConsidered: values.disclosureConsidered,
        disclosureNotes: values.disclosureNotes ?? null,
        draftedByStaffId: context.caller.principal.staffId,
        draftedAt: new Date(),
      });
      if (!inserted) throw new Error('insert returned no row');
      await context.audit.recordChanges(
        tx,
        [meeting.pncId],
        [...changes, ...changedFields(record(inserted), null, inserted, DRAFT_FIELDS)],
      );
      return inserted;
    });
    context.log.info({ version: row.version }, 'meeting minutes drafted');
    return toMinutes(row);
  }

  @Access(mappaPolicies.minutesApproval)
  @Mutation(() => MeetingMinutes, {
    nullable: true,
    description:
      "Approves the latest draft of a meeting's minutes with the distribution decision (B.22, B.24): the default recipients (attendees, invitees who did not attend, B.23) less those the chair withholds, plus those the chair adds, each with why; part-attendees outside the information-sharing agreement are withheld (agreed actions only, B.25). An earlier approved version becomes SUPERSEDED. The meeting's own chair, once the meeting is HELD (the database refuses it before too); any other meeting is NOT_FOUND.",
  })
  async approveMinutes(
    @Arg('input', () => ApproveMinutesInput, { description: 'The version approved and the distribution decision.' })
    input: ApproveMinutesInput,
    @Ctx() context: MappaContext,
  ): Promise<MeetingMinutes> {
    const values = parseInput(approveMinutesInputSchema, input, 'input');
    const row = await context.db.transaction(async (tx) => {
      const { meeting } = await requireMeetingParty(context, tx, values.meetingId, ['CHAIR'], true);
      if (meeting.status !== 'HELD')
        throw new BadUserInputError('Minutes are approved once the meeting is held (B.22).', [
          { path: 'input.meetingId', message: `meeting is ${meeting.status}` },
        ]);
      const versions = await minutesVersions(tx, meeting.meetingId);
      const target = versions.find((version) => version.version === values.version);
      if (!target) throw new NotFoundError(UNKNOWN_VERSION);
      if (target.status !== 'DRAFT' || versions[0]?.version !== target.version) {
        throw new BadUserInputError('Only the latest draft is approved; an approved version is never edited (B.22).', [
          { path: 'input.version', message: `version ${target.version} is ${target.status}` },
        ]);
      }
      const decided = distribution(await defaultRecipients(tx, meeting.meetingId), values.withhold, values.additionalRecipients);
      const changes: AuditedChange[] = [];
      for (const earlier of versions.filter((version) => version.status === 'APPROVED')) {
        const superseded = await updateMinutesVersion(tx, earlier.meetingId, earlier.version, { status: 'SUPERSEDED' });
        if (superseded) changes.push(...changedFields(record(superseded), earlier, superseded, ['status']));
      }
      const approved = await updateMinutesVersion(tx, target.meetingId, target.version, {
        status: 'APPROVED',
        approvedByStaffId: context.caller.principal.staffId,
        approvedAt: new Date(),
        recipients: decided.recipients,
        withheldFrom: decided.withheldFrom,
      });
      if (!approved) throw new Error('update returned no row');
      await context.audit.recordChanges(
        tx,
        [meeting.pncId],
        [...changes, ...changedFields(record(approved), target, approved, APPROVAL_FIELDS)],
      );
      return approved;
    });
    context.log.info({ version: row.version }, 'meeting minutes approved');
    return toMinutes(row);
  }

  @Access(mappaPolicies.minutesDrafting)
  @Mutation(() => MeetingMinutes, {
    nullable: true,
    description:
      "Distributes an approved version of the minutes to the recipients the chair decided on, and in the same transaction re-issues each standing invitation's access: its case grant is revoked and a new one runs until MEETING_ACCESS_AFTER_MINUTES_DAYS (default 28) days after distribution. Once per version. The co-ordinator of the meeting declared in x-mappa-case; any other meeting is NOT_FOUND.",
  })
  async distributeMinutes(
    @Arg('meetingId', () => ID, { description: 'The meeting (as declared in x-mappa-case).' }) meetingId: string,
    @Arg('version', () => Int, { description: 'The approved version distributed.' }) version: number,
    @Ctx() context: MappaContext,
  ): Promise<MeetingMinutes> {
    const validMeetingId = parseInput(meetingIdSchema, meetingId, 'meetingId');
    const validVersion = parseInput(minutesVersionSchema, version, 'version');
    const now = context.now;
    const accessUntil = new Date(now.getTime() + meetingAccessAfterMinutesDays() * DAY_MS);
    const row = await context.db.transaction(async (tx) => {
      const { meeting } = await requireMeetingParty(context, tx, validMeetingId, ['COORDINATOR'], true);
      const target = await minutesVersion(tx, meeting.meetingId, validVersion);
      if (!target) throw new NotFoundError(UNKNOWN_VERSION);
      if (target.status !== 'APPROVED' || target.distributedAt !== null) {
        throw new BadUserInputError('Only an approved version not yet distributed is distributed.', [
          { path: 'version', message: target.distributedAt ? 'distributed already' : `version is ${target.status}` },
        ]);
      }
      const distributed = await updateMinutesVersion(tx, target.meetingId, target.version, { distributedAt: now });
      if (!distributed) throw new Error('update returned no row');
      const grantChanges = await reissueInvitationGrants(tx, context, meeting, now, accessUntil);
      await context.audit.recordChanges(
        tx,
        [meeting.pncId],
        [...changedFields(record(distributed), target, distributed, ['distributedAt']), ...grantChanges],
      );
      return distributed;
    });
    context.log.info({ version: row.version }, 'meeting minutes distributed');
    return toMinutes(row);
  }

  @Access(mappaPolicies.meetingMinutes)
  @Query(() => [MeetingMinutes], {
    nullable: true,
    description:
      'The minutes of the meeting declared in x-mappa-case, newest version first: every version for its chair and co-ordinator; for anyone else the distributed version they are a recipient of (B.23, B.24), and nothing for those withheld or outside the information-sharing agreement (B.25). An unknown or other meeting is NOT_FOUND.',
  })
  async meetingMinutes(
    @Arg('meetingId', () => ID, { description: 'The meeting (as declared in x-mappa-case).' }) meetingId: string,
    @Ctx() context: MappaContext,
  ): Promise<MeetingMinutes[]> {
    const validMeetingId = parseInput(meetingIdSchema, meetingId, 'meetingId');
    const { meeting } = await requireMeetingParty(context, context.db, validMeetingId, ['COORDINATOR', 'CHAIR', 'INVITEE']);
    return this.readableMinutes(meeting, context);
  }

  @Access(mappaPolicies.meetingMinutes)
  @FieldResolver(() => [MeetingMinutes], {
    nullable: true,
    description:
      "The meeting's minutes the caller may read, newest version first (as `meetingMinutes`); empty when the meeting is not the one declared in x-mappa-case.",
  })
  async minutes(@Root() meeting: MeetingRow, @Ctx() context: MappaContext): Promise<MeetingMinutes[]> {
    if (!meetingEvidenceFor(context, meeting.meetingId)) return [];
    return this.readableMinutes(meeting, context);
  }

  private async readableMinutes(meeting: MeetingRow, context: MappaContext): Promise<MeetingMinutes[]> {
    const evidence = meetingEvidenceFor(context, meeting.meetingId);
    if (!evidence) return [];
    const versions = await minutesVersions(context.db, meeting.meetingId);
    if (evidence.standing === 'CHAIR' || evidence.standing === 'COORDINATOR') return versions.map(toMinutes);
    return versions.filter((version) => isMinutesReader(version, context.caller.principal)).map(toMinutes);
  }
}

/**
 * Re-issues the case grant of every standing invitation of `meeting` to run until `accessUntil`: the
 * old grant revoked with why, a new one with the same grantee, and the invitation pointed at it.
 * Returns the audit changes.
 */
async function reissueInvitationGrants(
  tx: Database,
  context: MappaContext,
  meeting: MeetingRow,
  now: Date,
  accessUntil: Date,
): Promise<AuditedChange[]> {
  const staffId = context.caller.principal.staffId;
  const invitations = await standingInvitationsOf(tx, meeting.meetingId);
  if (invitations.length === 0) return [];
  const oldGrants = await grantsWithIds(
    tx,
    invitations.map((invitation) => invitation.grantId),
  );
  const changes: AuditedChange[] = [];
  for (const invitation of invitations) {
    const old = oldGrants.find((grant) => grant.grantId === invitation.grantId);
    if (!old) throw new Error('an invitation names a grant that does not exist');
    if (old.revokedAt === null) {
      const revoked = await revokeGrant(
        tx,
        old.grantId,
        staffId,
        'Minutes distributed: access re-issued to run until the set period after distribution',
        now,
      );
      if (revoked)
        changes.push(
          ...changedFields(`CaseAccessGrant:${revoked.grantId}`, old, revoked, ['revokedAt', 'revokedByStaffId', 'revocationReason']),
        );
    }
    const fresh = await insertGrantRow(tx, {
      grantId: randomUUID(),
      granteeStaffId: old.granteeStaffId,
      granteeIssuer: old.granteeIssuer,
      granteeAgency: old.granteeAgency,
      granteeRole: old.granteeRole,
      granteeAreas: old.granteeAreas,
      pncId: meeting.pncId,
      purpose: 'MAPPA_MEETING',
      caseId: meeting.meetingId,
      validFrom: now,
      validUntil: accessUntil,
      reason: `Invitation ${invitation.invitationId}: access until the set period after the minutes were distributed`,
      createdByStaffId: staffId,
      createdAt: now,
    });
    if (!fresh) throw new Error('insert returned no row');
    changes.push(...changedFields(`CaseAccessGrant:${fresh.grantId}`, null, fresh, GRANT_FIELDS));
    const pointed = await updateInvitation(tx, invitation.invitationId, { grantId: fresh.grantId });
    if (pointed) changes.push(...changedFields(`MeetingInvitation:${pointed.invitationId}`, invitation, pointed, ['grantId']));
  }
  return changes;
}
