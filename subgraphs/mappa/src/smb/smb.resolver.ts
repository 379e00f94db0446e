import { randomUUID } from 'node:crypto';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { Access, BadUserInputError, changedFields, parseInput } from '@mappa/shared';
import type { MappaArea } from '@mappa/shared';
import type { MappaContext } from '../mappa.context';
import { mappaPolicies } from '../mappa.policies';
import { dateText } from '../disclosure/disclosure-statistics.resolver';
import { RecordSmbMeetingInput, recordSmbMeetingInputSchema } from './smb.input';
import { boardMembersSittingOn, insertBoardAttendance, insertBoardMeeting } from './smb.query';
import type { smbMeetingTable as SmbMeetingTable } from './smb.table';
import { SmbMeeting } from './smb.type';

const MEETING_FIELDS = [
  'area',
  'heldOn',
  'recordedByStaffId',
  'recordedByIssuer',
] as const satisfies readonly (keyof typeof SmbMeetingTable.$inferSelect)[];

/**
 * The Strategic Management Board register's write path (KPI 5): the MAPPA co-ordinator records their own
 * area's board meetings and who was present. The co-ordinator keeps the board's records (the unit works
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
}
