import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Access, BadUserInputError, changedFields, NotFoundError, parseInput } from '@mappa/shared';
import type { MappaArea, Principal } from '@mappa/shared';
import type { MappaContext } from '../mappa.context';
import { mappaPolicies } from '../mappa.policies';
import { actionIdSchema, createMeetingActionInputSchema, declineReasonSchema } from './meeting-action.input';
import { CreateMeetingActionInput, MeetingAction, MeetingActionStatus } from './meeting-action.type';
import { meetingIdSchema } from './meeting-minutes.input';
import { requireMeetingParty } from './meeting-minutes.party';
import { meetingEvidenceFor } from './meeting.actors';
import {
  actionsOfMeeting,
  actionWithSubject,
  insertMeetingAction,
  lockAction,
  openActionsOwnedBy,
  updateActionFrom,
} from './meeting-action.query';
import type { ActionWithSubject } from './meeting-action.query';
import type { MeetingActionRow, MeetingRow } from './meeting.table';
import { Meeting } from './meeting.type';

/** One answer for an unknown action and an action that is not the caller's (principle 9). */
const UNKNOWN_ACTION = 'No meeting action of yours has this id.';

const CREATED_FIELDS = [
  'meetingId',
  'ownerAgency',
  'ownerStaffId',
  'ownerIssuer',
  'dueDate',
  'text',
  'status',
  'createdByStaffId',
  'createdAt',
] as const satisfies readonly (keyof MeetingActionRow)[];
const RESPONSE_FIELDS = [
  'status',
  'declineReason',
  'respondedByStaffId',
  'respondedAt',
  'completedAt',
] as const satisfies readonly (keyof MeetingActionRow)[];

function toAction(row: ActionWithSubject): MeetingAction {
  return { ...row, status: row.status as MeetingActionStatus };
}

/**
 * The principal owns the action: their agency, and either their staff id from their identity provider
 * (when the action names one) or, for an action given to the agency as a whole, the meeting's area as
 * theirs: an agency's action goes to its people in the area the meeting was held for, never to every
 * officer of that agency in the country (principle 2).
 */
export function ownsAction(
  action: Pick<MeetingActionRow, 'ownerAgency' | 'ownerStaffId' | 'ownerIssuer'> & { readonly meetingArea: MappaArea },
  principal: Principal,
): boolean {
  if (action.ownerAgency !== principal.agency) return false;
  if (action.ownerStaffId === null) return action.meetingArea === principal.area;
  return action.ownerStaffId === principal.staffId && action.ownerIssuer === principal.issuer;
}

// myActions answers a bounded list (no request makes the unit read without limit): the soonest due first.
const DEFAULT_MY_ACTIONS = 50;
const MAX_MY_ACTIONS = 200;
const myActionsFirstSchema = z
  .number()
  .int()
  .min(1, 'first must be at least 1')
  .max(MAX_MY_ACTIONS, `first must be at most ${MAX_MY_ACTIONS}`);

/** The moves an owner makes, and what each sets (B.41). */
const MOVES = {
  accept: { from: MeetingActionStatus.PROPOSED, to: MeetingActionStatus.ACCEPTED },
  decline: { from: MeetingActionStatus.PROPOSED, to: MeetingActionStatus.DECLINED },
  complete: { from: MeetingActionStatus.ACCEPTED, to: MeetingActionStatus.COMPLETED },
} as const;

/** Actions of MAPP meetings (B.41, W3): recorded by the chair or co-ordinator, answered and completed by their owner. */
@Resolver(() => Meeting)
export class MeetingActionResolver {
  @Access(mappaPolicies.meetingActionAssignment)
  @Mutation(() => MeetingAction, {
    nullable: true,
    description:
      "Records an action of the meeting declared in x-mappa-case (B.41): owner agency (and staff id with its issuer, when known), due date and text; it starts PROPOSED. The meeting's chair or co-ordinator, while it is in session or once held; any other meeting is NOT_FOUND.",
  })
  async createMeetingAction(
    @Arg('input', () => CreateMeetingActionInput, { description: 'The meeting, the owner, the due date and the text.' })
    input: CreateMeetingActionInput,
    @Ctx() context: MappaContext,
  ): Promise<MeetingAction> {
    const values = parseInput(createMeetingActionInputSchema(context.today), input, 'input');
    const row = await context.db.transaction(async (tx) => {
      const { meeting } = await requireMeetingParty(context, tx, values.meetingId, ['CHAIR', 'COORDINATOR']);
      if (meeting.status !== 'IN_SESSION' && meeting.status !== 'HELD') {
        throw new BadUserInputError('Actions are recorded by a meeting in session or held.', [
          { path: 'input.meetingId', message: `meeting is ${meeting.status}` },
        ]);
      }
      const inserted = await insertMeetingAction(tx, {
        actionId: randomUUID(),
        meetingId: meeting.meetingId,
        ownerAgency: values.ownerAgency,
        ownerStaffId: values.ownerStaffId ?? null,
        ownerIssuer: values.ownerIssuer ?? null,
        dueDate: values.dueDate,
        text: values.text,
        status: MeetingActionStatus.PROPOSED,
        createdByStaffId: context.caller.principal.staffId,
        createdAt: new Date(),
      });
      if (!inserted) throw new Error('insert returned no row');
      await context.audit.recordChanges(
        tx,
        [meeting.pncId],
        changedFields(`MeetingAction:${inserted.actionId}`, null, inserted, CREATED_FIELDS),
      );
      return { ...inserted, subjectPncId: meeting.pncId, meetingArea: meeting.area };
    });
    context.log.info({ actionId: row.actionId }, 'meeting action recorded');
    return toAction(row);
  }

  @Access(mappaPolicies.meetingActionResponse)
  @Mutation(() => MeetingAction, {
    nullable: true,
    description:
      "The owner accepts a PROPOSED action, and owns its completion (B.41). Under CASE_MANAGEMENT; someone else's or an unknown action is NOT_FOUND.",
  })
  acceptAction(
    @Arg('actionId', () => ID, { description: 'The action.' }) actionId: string,
    @Ctx() context: MappaContext,
  ): Promise<MeetingAction> {
    return this.move(context, parseInput(actionIdSchema, actionId, 'actionId'), 'accept', null);
  }

  @Access(mappaPolicies.meetingActionResponse)
  @Mutation(() => MeetingAction, {
    nullable: true,
    description:
      "The owner declines a PROPOSED action, with the reason (minuted, B.41). Under CASE_MANAGEMENT; someone else's or an unknown action is NOT_FOUND.",
  })
  declineAction(
    @Arg('actionId', () => ID, { description: 'The action.' }) actionId: string,
    @Arg('reason', () => String, { description: 'Why (1-1000 characters).' }) reason: string,
    @Ctx() context: MappaContext,
  ): Promise<MeetingAction> {
    const validId = parseInput(actionIdSchema, actionId, 'actionId');
    return this.move(context, validId, 'decline', parseInput(declineReasonSchema, reason, 'reason'));
  }

  @Access(mappaPolicies.meetingActionResponse)
  @Mutation(() => MeetingAction, {
    nullable: true,
    description: "The owner completes an ACCEPTED action (B.41). Under CASE_MANAGEMENT; someone else's or an unknown action is NOT_FOUND.",
  })
  completeAction(
    @Arg('actionId', () => ID, { description: 'The action.' }) actionId: string,
    @Ctx() context: MappaContext,
  ): Promise<MeetingAction> {
    return this.move(context, parseInput(actionIdSchema, actionId, 'actionId'), 'complete', null);
  }

  @Access(mappaPolicies.meetingActionResponse)
  @Query(() => [MeetingAction], {
    nullable: true,
    description:
      "The caller's open actions (PROPOSED or ACCEPTED) across meetings, soonest due first, at most `first`: those owned by their staff id (from their identity provider), and those owned by their agency with no staff id from meetings of their own area. Under CASE_MANAGEMENT.",
  })
  async myActions(
    @Arg('first', () => Int, { defaultValue: DEFAULT_MY_ACTIONS, description: `How many of the soonest due (1-${MAX_MY_ACTIONS}).` })
    first: number,
    @Ctx() context: MappaContext,
  ): Promise<MeetingAction[]> {
    const limit = parseInput(myActionsFirstSchema, first, 'first');
    const rows = await openActionsOwnedBy(context.db, context.rowScope, context.caller.principal, limit);
    return rows.map(toAction);
  }

  @Access(mappaPolicies.meetingAction)
  @Query(() => [MeetingAction], {
    nullable: true,
    description:
      'The actions of the meeting declared in x-mappa-case, soonest due first: all of them for its chair, its co-ordinator and attending invitees; only their own for an invitee who has not signed attendance or has left (B.25). An unknown or other meeting is NOT_FOUND.',
  })
  async meetingActions(
    @Arg('meetingId', () => ID, { description: 'The meeting (as declared in x-mappa-case).' }) meetingId: string,
    @Ctx() context: MappaContext,
  ): Promise<MeetingAction[]> {
    const validMeetingId = parseInput(meetingIdSchema, meetingId, 'meetingId');
    const { meeting } = await requireMeetingParty(context, context.db, validMeetingId, ['COORDINATOR', 'CHAIR', 'INVITEE']);
    return this.readableActions(meeting, context);
  }

  @Access(mappaPolicies.meetingAction)
  @FieldResolver(() => [MeetingAction], {
    nullable: true,
    description:
      "The meeting's actions the caller may see, as `meetingActions`; empty when the meeting is not the one declared in x-mappa-case.",
  })
  async actions(@Root() meeting: MeetingRow, @Ctx() context: MappaContext): Promise<MeetingAction[]> {
    return this.readableActions(meeting, context);
  }

  private async readableActions(meeting: MeetingRow, context: MappaContext): Promise<MeetingAction[]> {
    const evidence = meetingEvidenceFor(context, meeting.meetingId);
    if (!evidence) return [];
    // B.25: not signed in, or left: the actions that are theirs and nothing else.
    const onlyOwn = evidence.standing === 'INVITEE' && !evidence.attending;
    const rows = await actionsOfMeeting(context.db, context.rowScope, meeting.meetingId, onlyOwn ? context.caller.principal : null);
    return rows.map(toAction);
  }

  /** One owner move, checked in code and, by the trigger, in the database; the row locked so two answers do not race. */
  private async move(context: MappaContext, actionId: string, move: keyof typeof MOVES, reason: string | null): Promise<MeetingAction> {
    const { from, to } = MOVES[move];
    const { principal } = context.caller;
    const row = await context.db.transaction(async (tx) => {
      // Locked on its own: PostgreSQL's FOR UPDATE OF takes no schema-qualified table, which a join would need.
      await lockAction(tx, actionId);
      const current = await actionWithSubject(tx, context.rowScope, actionId);
      // Ownership from the principal, never from purpose evidence: the owner works the action outside the meeting.
      if (!current || !ownsAction(current, principal)) throw new NotFoundError(UNKNOWN_ACTION);
      if (current.status !== from)
        throw new BadUserInputError(`Only a ${from} action can be ${to.toLowerCase()}.`, [
          { path: 'actionId', message: `action is ${current.status}` },
        ]);
      const now = context.now;
      const set =
        move === 'complete'
          ? { status: to, completedAt: now }
          : { status: to, declineReason: reason, respondedByStaffId: principal.staffId, respondedAt: now };
      const updated = await updateActionFrom(tx, actionId, from, set);
      if (!updated) throw new Error('update returned no row');
      await context.audit.recordChanges(
        tx,
        [current.subjectPncId],
        changedFields(`MeetingAction:${updated.actionId}`, current, updated, RESPONSE_FIELDS),
      );
      return { ...updated, subjectPncId: current.subjectPncId, meetingArea: current.meetingArea };
    });
    context.log.info({ actionId: row.actionId, status: row.status }, 'meeting action answered');
    return toAction(row);
  }
}
