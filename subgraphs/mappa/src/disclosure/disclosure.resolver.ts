import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import {
  Access,
  BadUserInputError,
  disclosureResolver,
  insertDisclosureProposal,
  isUnder18,
  NotFoundError,
  parseInput,
  proposeMeetingDisclosureSchema,
  ProposeDisclosureInput,
} from '@mappa/shared';
import type { DisclosureProposalView } from '@mappa/shared';
import type { MappaContext } from '../mappa.context';
import { mappaPolicies } from '../mappa.policies';
import { caseById } from '../mappa-case/mappa-case.query';
import { invitationOfCaller } from '../meeting/meeting.actors';
import { meetingDay } from '../meeting/meeting-minutes.query';
import { requireMeetingParty, UNKNOWN_MEETING } from '../meeting/meeting-minutes.party';
import { mappaDisclosureRules } from './disclosure.rules';

/*
 * Disclosure decisions at levels 2 and 3 (issue 11), the meeting's: proposed at a meeting, then taken
 * through the shared workflow under DISCLOSURE_DECISION with the decision id in x-mappa-case.
 */

const { resolver: MappaDisclosureDecisionResolver, types } = disclosureResolver(mappaDisclosureRules, {
  record: mappaPolicies.disclosureRecord,
  proposal: mappaPolicies.disclosureProposal,
  proposing: mappaPolicies.disclosureProposing,
});

export { MappaDisclosureDecisionResolver };

/** The agencies whose attending invitees may propose (shared-spec "Who does what"). */
const PROPOSING_INVITEE_AGENCIES = ['police', 'probation', 'prison', 'yot'];

@Resolver()
export class MappaDisclosureProposalResolver {
  @Access(mappaPolicies.disclosureProposing)
  @Mutation(() => types.DisclosureProposal, {
    nullable: true,
    description:
      "Proposes a disclosure at the meeting declared in x-mappa-case (B §2: considered at every level 2/3 meeting), recording that disclosure was considered: by its chair, its area's co-ordinator, or an attending invitee of the police, probation, prison or YOT; the meeting not cancelled. The level and case are the meeting's case's; a subject under 18 (or of unknown age) today needs a senior YOT member and children's services consulted (B.10). Every later step is under DISCLOSURE_DECISION with the returned decision id. Any other meeting is NOT_FOUND.",
  })
  async proposeDisclosure(
    @Arg('input', () => ProposeDisclosureInput, {
      description: 'The proposal: recipient, purpose, lawful basis, alternatives and guidance for the recipient.',
    })
    input: ProposeDisclosureInput,
    @Ctx() context: MappaContext,
  ): Promise<DisclosureProposalView> {
    const { meetingId, ...content } = parseInput(proposeMeetingDisclosureSchema, input, 'input');
    const proposal = await context.db.transaction(async (tx) => {
      const { meeting, evidence } = await requireMeetingParty(context, tx, meetingId, ['CHAIR', 'COORDINATOR', 'INVITEE'], true);
      const { principal } = context.caller;
      if (principal.area !== meeting.area) throw new NotFoundError(UNKNOWN_MEETING);
      if (evidence.standing === 'INVITEE') {
        const invitation = await invitationOfCaller(context, tx, meeting);
        if (!invitation || !evidence.attending || !PROPOSING_INVITEE_AGENCIES.includes(principal.agency))
          throw new NotFoundError(UNKNOWN_MEETING);
      }
      if (meeting.status === 'CANCELLED')
        throw new BadUserInputError('A cancelled meeting proposes nothing.', [
          { path: 'input.meetingId', message: 'meeting is CANCELLED' },
        ]);
      const mappaCase = await caseById(tx, meeting.caseId);
      if (!mappaCase) throw new Error('a meeting names a case that does not exist');
      if (mappaCase.level < 2)
        throw new BadUserInputError("A level 1 case's disclosure is its lead agency's.", [
          { path: 'input.meetingId', message: `case is at level ${mappaCase.level}` },
        ]);
      const today = context.today;
      return insertDisclosureProposal(
        tx,
        context,
        mappaDisclosureRules,
        {
          pncId: meeting.pncId,
          area: meeting.area,
          level: mappaCase.level,
          caseId: mappaCase.caseId,
          meetingId: meeting.meetingId,
          // B.10: an unknown date of birth counts as under 18.
          subjectUnder18: mappaCase.subjectDateOfBirth === null || isUnder18(mappaCase.subjectDateOfBirth, today),
          reviewedOn: meetingDay(meeting),
        },
        content,
      );
    });
    context.log.info({ status: proposal.status }, 'disclosure proposed');
    return proposal;
  }
}
