import { randomUUID } from 'node:crypto';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Access, BadUserInputError, changedFields, parseInput } from '@mappa/shared';
import type { DisclosureConsiderationRow, DisclosureDecisionRow } from '@mappa/shared';
import type { MappaContext } from '../mappa.context';
import { mappaPolicies } from '../mappa.policies';
import { isMinutesReader, meetingDay, minutesVersions } from '../meeting/meeting-minutes.query';
import { requireMeetingParty } from '../meeting/meeting-minutes.party';
import { meetingEvidenceFor } from '../meeting/meeting.actors';
import type { MeetingRow } from '../meeting/meeting.table';
import { Meeting } from '../meeting/meeting.type';
import { recordDisclosureConsiderationInputSchema } from './disclosure-consideration.input';
import { considerationsOf, decisionsOfMeeting, disclosureDecisionById, insertConsideration } from './disclosure-consideration.query';
import type { DisclosureConsiderationOutcome, MeetingDisclosureDecision } from './disclosure-consideration.type';
import {
  MeetingDisclosureConsideration,
  MeetingDisclosureSection,
  RecordDisclosureConsiderationInput,
} from './disclosure-consideration.type';

const CONSIDERATION_FIELDS = [
  'pncId',
  'area',
  'meetingId',
  'reviewedOn',
  'outcome',
  'reason',
  'decisionId',
  'recordedByStaffId',
  'recordedByIssuer',
  'recordedAt',
] as const satisfies readonly (keyof DisclosureConsiderationRow)[];

// One answer for a decision that does not exist and one of another meeting or subject: the chair learns nothing of other meetings' decisions.
const NOT_THIS_MEETINGS = 'not a disclosure decision proposed at this meeting';

/** A meeting's consideration (its meeting id is never null: only a level 1 review's is). */
function toConsideration(row: DisclosureConsiderationRow): MeetingDisclosureConsideration {
  return { ...row, meetingId: row.meetingId ?? '', outcome: row.outcome as DisclosureConsiderationOutcome };
}

function toDecisionSummary(row: DisclosureDecisionRow): MeetingDisclosureDecision {
  return {
    decisionId: row.decisionId,
    level: row.level,
    recipientKind: row.recipientKind,
    status: row.status,
    outcome: row.outcome,
    proposedAt: row.proposedAt,
  };
}

/**
 * Disclosure considered at every level 2/3 meeting (B §2 "Obligation to consider", agenda item 3,
 * L8792, L11131; KPI 3): the chair or co-ordinator records it while the meeting is in session, and the
 * meeting is not closed without it (`closeMeeting`, and the database). The minutes' readers see it as
 * the minutes' disclosure section.
 */
@Resolver(() => Meeting)
export class DisclosureConsiderationResolver {
  @Access(mappaPolicies.meetingDisclosureConsideration)
  @Mutation(() => MeetingDisclosureConsideration, {
    nullable: true,
    description:
      "Records that disclosure was considered at the meeting in session (B §2, agenda item 3; KPI 3): NOT_NECESSARY with the reason, or DECISION_PROPOSED naming a MAPPA disclosure decision about the meeting's subject proposed at this meeting (BAD_USER_INPUT for any other id). Never changed once recorded; a meeting may record several (one per decision proposed). Required before `closeMeeting`. The meeting's own chair or its area's co-ordinator, under MAPPA_MEETING for it; any other meeting is NOT_FOUND, exactly as an unknown id.",
  })
  async recordDisclosureConsideration(
    @Arg('input', () => RecordDisclosureConsiderationInput, { description: 'The meeting, the outcome and why.' })
    input: RecordDisclosureConsiderationInput,
    @Ctx() context: MappaContext,
  ): Promise<MeetingDisclosureConsideration> {
    const values = parseInput(recordDisclosureConsiderationInputSchema, input, 'input');
    const { principal } = context.caller;
    const row = await context.db.transaction(async (tx) => {
      // The meeting locked: a consideration and the closing of the meeting do not interleave.
      const { meeting } = await requireMeetingParty(context, tx, values.meetingId, ['CHAIR', 'COORDINATOR'], true);
      if (meeting.status !== 'IN_SESSION') {
        throw new BadUserInputError('Disclosure is considered while the meeting is in session.', [
          { path: 'input.meetingId', message: `meeting is ${meeting.status}` },
        ]);
      }
      if (values.decisionId != null) {
        const decision = await disclosureDecisionById(tx, values.decisionId);
        if (!decision || decision.meetingId !== meeting.meetingId || decision.pncId !== meeting.pncId) {
          throw new BadUserInputError('DECISION_PROPOSED names a disclosure decision proposed at this meeting.', [
            { path: 'input.decisionId', message: NOT_THIS_MEETINGS },
          ]);
        }
      }
      const inserted = await insertConsideration(tx, {
        considerationId: randomUUID(),
        pncId: meeting.pncId,
        area: meeting.area,
        meetingId: meeting.meetingId,
        reviewedOn: meetingDay(meeting),
        outcome: values.outcome,
        reason: values.reason,
        decisionId: values.decisionId ?? null,
        recordedByStaffId: principal.staffId,
        recordedByIssuer: principal.issuer,
        recordedAt: new Date(),
      });
      if (!inserted) throw new Error('insert returned no row');
      await context.audit.recordChanges(
        tx,
        [meeting.pncId],
        changedFields(`DisclosureConsideration:${inserted.considerationId}`, null, inserted, CONSIDERATION_FIELDS),
      );
      return inserted;
    });
    context.log.info({ outcome: row.outcome }, 'disclosure consideration recorded');
    return toConsideration(row);
  }

  @Access(mappaPolicies.meetingDisclosure)
  @FieldResolver(() => MeetingDisclosureSection, {
    nullable: true,
    description:
      'The minutes\' disclosure section ("Is a disclosure going to be made"): whether and how disclosure was considered, and the decisions linked to the meeting. For the readers of its minutes: the chair and co-ordinator always; anyone else only as a recipient of its distributed minutes (B.23-B.25). Null otherwise, and when the meeting is not the one declared in x-mappa-case.',
  })
  async disclosure(@Root() meeting: MeetingRow, @Ctx() context: MappaContext): Promise<MeetingDisclosureSection | null> {
    const evidence = meetingEvidenceFor(context, meeting.meetingId);
    if (!evidence || evidence.pncId !== meeting.pncId) return null;
    if (evidence.standing === 'INVITEE') {
      // As the minutes (meeting-minutes.resolver.ts): an invitee reads them only as a recipient of a distributed version.
      const versions = await minutesVersions(context.db, meeting.meetingId);
      if (!versions.some((version) => isMinutesReader(version, context.caller.principal))) return null;
    }
    const [considerations, decisions] = await Promise.all([
      considerationsOf(context.db, meeting.meetingId),
      decisionsOfMeeting(context.db, meeting.meetingId),
    ]);
    return {
      considered: considerations.length > 0,
      considerations: considerations.map(toConsideration),
      decisions: decisions.map(toDecisionSummary),
    };
  }
}
