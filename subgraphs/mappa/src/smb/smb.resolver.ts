import { randomUUID } from 'node:crypto';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { Access, BadUserInputError, changedFields, NotFoundError, parseInput } from '@mappa/shared';
import type { MappaArea } from '@mappa/shared';
import type { MappaContext } from '../mappa.context';
import { mappaPolicies } from '../mappa.policies';
import { dateText } from '../disclosure/disclosure-statistics.resolver';
import {
  AddSmbMemberInput,
  addSmbMemberInputSchema,
  EndSmbMembershipInput,
  endSmbMembershipInputSchema,
  RecordSmbMeetingInput,
  recordSmbMeetingInputSchema,
} from './smb.input';
import {
  boardMemberForUpdate,
  boardMembersSittingOn,
  boardSpellsFrom,
  endBoardMemberSpell,
  insertBoardAttendance,
  insertBoardMeeting,
  insertBoardMember,
  lastBoardMeetingOn,
  lastPresentOn,
  lockBoardRegister,
} from './smb.query';
import type { smbMeetingTable as SmbMeetingTable, smbMemberTable as SmbMemberTable } from './smb.table';
import { SmbMeeting, SmbMember } from './smb.type';

const MEETING_FIELDS = [
  'area',
  'heldOn',
  'recordedByStaffId',
  'recordedByIssuer',
] as const satisfies readonly (keyof typeof SmbMeetingTable.$inferSelect)[];

const MEMBER_FIELDS = [
  'area',
  'agency',
  'role',
  'staffId',
  'joinedOn',
  'leftOn',
] as const satisfies readonly (keyof typeof SmbMemberTable.$inferSelect)[];

/** At most this many lay advisers sit on a board at once: the Secretary of State appoints two per area (A §6, [L5982-6003]). */
const LAY_ADVISERS_PER_BOARD = 2;

/** One answer for a member id that is unknown and one of another area's board (principle 9). */
const UNKNOWN_MEMBER = 'No such member of your board.';

/** The most spells of `spells` running on one day from `from` on (each spell runs from its joinedOn to its leftOn, or on). */
function mostSittingAtOnce(spells: readonly { joinedOn: string; leftOn: string | null }[], from: string): number {
  // The count only rises on a day a spell starts, so the days to look at are `from` and the later starts.
  const days = [from, ...spells.map((spell) => spell.joinedOn).filter((day) => day > from)];
  return Math.max(
    0,
    ...days.map((day) => spells.filter((spell) => spell.joinedOn <= day && (spell.leftOn === null || spell.leftOn >= day)).length),
  );
}

/**
 * The Strategic Management Board register's write path (KPI 5): the MAPPA co-ordinator records their own
 * area's board members (a spell each: `addSmbMember`, `endSmbMembership`), its meetings and who was present. The co-ordinator keeps the board's records (the unit works
 * for the Responsible Authority, is accountable to the board and sits on it: A §6, [L3003-3006, L5585]);
 * the policy admits them alone, under CASE_MANAGEMENT (the unit's administration), and the area is the
 * one of their token, so no other area's board can be written.
 */
@Resolver()
export class SmbRegisterResolver {
  @Access(mappaPolicies.smbRegister)
  @Mutation(() => SmbMeeting, {
    description:
      "Records a meeting of the co-ordinator's own area's Strategic Management Board and the members present (KPI 5). The MAPPA co-ordinator under CASE_MANAGEMENT.",
  })
  async recordSmbMeeting(
    @Arg('input', () => RecordSmbMeetingInput, { description: 'The board meeting: the day it was held and the members present.' })
    input: RecordSmbMeetingInput,
    @Ctx() context: MappaContext,
  ): Promise<SmbMeeting> {
    const values = parseInput(
      recordSmbMeetingInputSchema,
      { heldOn: dateText(input.heldOn), presentMemberIds: input.presentMemberIds },
      'input',
    );
    const { principal } = context.caller;
    const area = principal.area as MappaArea;
    if (values.heldOn > context.today)
      throw new BadUserInputError('a board meeting is recorded once held', [{ path: 'input.heldOn', message: 'in the future' }]);
    return context.db.transaction(async (tx) => {
      // After any member's join or leave of this area being written now, so "who sat that day" holds at commit.
      await lockBoardRegister(tx, area);
      // The members sitting on the area's board that day: joined on or before it, not left before it.
      const seats = new Set(await boardMembersSittingOn(tx, area, values.heldOn));
      // One answer for an unknown id and another area's member (principle 9).
      if (values.presentMemberIds.some((memberId) => !seats.has(memberId))) {
        throw new BadUserInputError("every member present must sit on your area's board that day", [
          { path: 'input.presentMemberIds', message: 'not a member of your board that day' },
        ]);
      }
      const meeting = await insertBoardMeeting(tx, {
        smbMeetingId: `SMBM-${randomUUID()}`,
        area,
        heldOn: values.heldOn,
        recordedByStaffId: principal.staffId,
        recordedByIssuer: principal.issuer,
      });
      await insertBoardAttendance(tx, meeting!.smbMeetingId, values.presentMemberIds);
      // No subject: the board register names no offender.
      await context.audit.recordChanges(tx, [], changedFields(`SmbMeeting:${meeting!.smbMeetingId}`, null, meeting!, MEETING_FIELDS));
      return {
        smbMeetingId: meeting!.smbMeetingId,
        area,
        heldOn: values.heldOn,
        present: values.presentMemberIds.length,
        members: seats.size,
      };
    });
  }
  @Access(mappaPolicies.smbRegister)
  @Mutation(() => SmbMember, {
    description:
      "Adds a member to the co-ordinator's own area's Strategic Management Board: a seat (agency and role) held by one staff id from the day they joined (KPI 5 counts their attendance from then). One spell at a time for a person, one chair at a time (police, probation or prison), at most two lay advisers; the co-ordinator and lay advisers sit for mappa_unit. The day joined is not in the future and falls after the board's last recorded meeting. The MAPPA co-ordinator under CASE_MANAGEMENT.",
  })
  async addSmbMember(
    @Arg('input', () => AddSmbMemberInput, { description: 'The seat, the staff id and the day they joined.' })
    input: AddSmbMemberInput,
    @Ctx() context: MappaContext,
  ): Promise<SmbMember> {
    const values = parseInput(
      addSmbMemberInputSchema,
      { agency: input.agency, role: input.role, staffId: input.staffId, joinedOn: dateText(input.joinedOn) },
      'input',
    );
    const { principal } = context.caller;
    const area = principal.area as MappaArea;
    if (values.joinedOn > context.today)
      throw new BadUserInputError('a member is added once they have joined', [{ path: 'input.joinedOn', message: 'in the future' }]);
    return context.db.transaction(async (tx) => {
      await lockBoardRegister(tx, area);
      // KPI 5 counts a member absent from every meeting held while they sat: a spell reaching back over a
      // meeting already recorded (whose attendance cannot name them) would count them absent from it.
      const lastMeeting = await lastBoardMeetingOn(tx, area);
      if (lastMeeting !== null && values.joinedOn <= lastMeeting) {
        throw new BadUserInputError("a member joins after the board's last recorded meeting", [
          { path: 'input.joinedOn', message: 'on or before the last recorded board meeting' },
        ]);
      }
      const running = await boardSpellsFrom(tx, area, values.joinedOn);
      // One seat at a time for a person: a spell of the same staff id still running then would overlap.
      if (running.some((spell) => spell.staffId === values.staffId))
        throw new BadUserInputError('this person sits on your board then already', [
          { path: 'input.staffId', message: 'overlapping spell' },
        ]);
      // A §6 [L5772-5799]: the board has one chair (a rotating chair hands over, one spell after another).
      if (values.role === 'CHAIR' && running.some((spell) => spell.role === 'CHAIR'))
        throw new BadUserInputError('your board has a chair then already', [{ path: 'input.role', message: 'overlapping chair' }]);
      if (
        values.role === 'LAY_ADVISER' &&
        mostSittingAtOnce(
          running.filter((spell) => spell.role === 'LAY_ADVISER'),
          values.joinedOn,
        ) >= LAY_ADVISERS_PER_BOARD
      ) {
        throw new BadUserInputError(`a board has at most ${LAY_ADVISERS_PER_BOARD} lay advisers at once`, [
          { path: 'input.role', message: 'too many lay advisers' },
        ]);
      }
      const member = await insertBoardMember(tx, {
        memberId: `SMB-${randomUUID()}`,
        area,
        agency: values.agency,
        role: values.role,
        staffId: values.staffId,
        joinedOn: values.joinedOn,
        leftOn: null,
      });
      // No subject: the board register names no offender.
      await context.audit.recordChanges(tx, [], changedFields(`SmbMember:${member!.memberId}`, null, member!, MEMBER_FIELDS));
      return { ...member!, area };
    });
  }

  @Access(mappaPolicies.smbRegister)
  @Mutation(() => SmbMember, {
    description:
      "Ends a member's spell on the co-ordinator's own area's Strategic Management Board on the last day they sat (KPI 5 counts the meetings held up to it). Once per spell; not in the future, not before they joined, not before a meeting they are recorded present at. A member of another area's board is NOT_FOUND, exactly as an unknown id. The MAPPA co-ordinator under CASE_MANAGEMENT.",
  })
  async endSmbMembership(
    @Arg('input', () => EndSmbMembershipInput, { description: 'The member and the last day they sat.' })
    input: EndSmbMembershipInput,
    @Ctx() context: MappaContext,
  ): Promise<SmbMember> {
    const values = parseInput(endSmbMembershipInputSchema, { memberId: input.memberId, leftOn: dateText(input.leftOn) }, 'input');
    const area = context.caller.principal.area as MappaArea;
    return context.db.transaction(async (tx) => {
      await lockBoardRegister(tx, area);
      const before = await boardMemberForUpdate(tx, values.memberId);
      // Principle 9: another area's member is answered as an unknown one, before anything about it is checked.
      if (!before || before.area !== area) throw new NotFoundError(UNKNOWN_MEMBER);
      if (before.leftOn !== null)
        throw new BadUserInputError("this member's spell has ended already", [{ path: 'input.memberId', message: 'spell ended' }]);
      const issues: { path: string; message: string }[] = [];
      if (values.leftOn > context.today) issues.push({ path: 'input.leftOn', message: 'in the future' });
      if (values.leftOn < before.joinedOn) issues.push({ path: 'input.leftOn', message: 'before they joined' });
      const present = await lastPresentOn(tx, values.memberId);
      // Their recorded attendance stands: a spell ending before a meeting they attended would contradict it.
      if (present !== null && values.leftOn < present) issues.push({ path: 'input.leftOn', message: 'before a meeting they attended' });
      if (issues.length > 0) throw new BadUserInputError('the last day of a spell is not valid', issues);
      const after = await endBoardMemberSpell(tx, values.memberId, values.leftOn);
      await context.audit.recordChanges(tx, [], changedFields(`SmbMember:${values.memberId}`, before, after!, MEMBER_FIELDS));
      return { ...after!, area };
    });
  }
}
