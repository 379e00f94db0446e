import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { Access, BadUserInputError, NotFoundError, parseInput } from '@mappa/shared';
import type { Database } from '@mappa/shared';
import type { MappaContext } from '../mappa.context';
import { mappaPolicies } from '../mappa.policies';
import { mappaSubjectInScope } from '../offender/offender.scope';
import { LEAD_AGENCY_OF } from './mappa-case-lead-agency.condition';
import { ChangeMappaLevelInput, changeMappaLevelInputSchema } from './mappa-case-level.input';
import { applyCaseDecision, nextReviewAfterChange } from './mappa-case-change';
import { MeetingStatus } from '../meeting/meeting.type';
import { LeadAgencyReviewOccasion, ReviewMappaLevelInput, reviewMappaLevelInputSchema } from './mappa-case-lead-agency-review.input';
import { caseById, latestTransferAndLevelChange, meetingWithoutConsensusFacts } from './mappa-case.query';
import type { MappaCaseRow } from './mappa-case.table';
import { MappaCase, MappaCaseChangeField, MappaCaseStatus, MappaDecisionKind } from './mappa-case.type';

// The same answer for an unknown case number and for a case outside the caller's scope (principle 9).
const UNKNOWN_CASE = 'No MAPPA case in your area has this case number.';

/**
 * B.44: the reference of a lead-agency decision after a meeting without consensus: a meeting of this
 * case that was held, recorded no level decision, and has not had its lead-agency decision yet.
 */
async function meetingWithoutConsensus(tx: Database, mappaCase: MappaCaseRow, meetingId: string): Promise<string> {
  const reference = `LAR-MTG-${meetingId}`;
  const { meetingStatus, decided, used } = await meetingWithoutConsensusFacts(tx, mappaCase.caseId, meetingId, reference);
  if (meetingStatus !== MeetingStatus.HELD || decided || used) {
    throw new BadUserInputError(
      'The lead agency sets the level only after a held meeting of this case that reached no level decision, once (B.44).',
      [{ path: 'input.meetingId', message: 'not a held meeting of this case without a level decision' }],
    );
  }
  return reference;
}

/** C.6: the reference of the receiving lead agency's review: the case's latest transfer, with no level change since. */
async function transferAwaitingReview(tx: Database, mappaCase: MappaCaseRow): Promise<string> {
  const latest = await latestTransferAndLevelChange(tx, mappaCase.caseId);
  const area = latest.area == null ? null : Number(latest.area);
  if (area === null || Number(latest.level ?? 0) > area) {
    throw new BadUserInputError(
      'The receiving lead agency reviews the level once after a transfer; this case has no transfer awaiting review (C.6).',
      [{ path: 'input.occasion', message: 'no transfer awaiting a level review' }],
    );
  }
  return `LAR-TRF-${area}`;
}

@Resolver(() => MappaCase)
export class MappaCaseLevelResolver {
  // A.R16: who may run this is the policy's alone (`mappa.levelChange`: co-ordinator and chair of the
  // MAPPA unit, police or probation, never prison); a denied caller's resolver never runs.
  @Access(mappaPolicies.levelChange)
  @Mutation(() => MappaCase, {
    nullable: true,
    description:
      "Changes the MAPPA level of an active case in the caller's area by a screening decision (MAPPA_SCREENING) or a MAPP meeting decision (MAPPA_MEETING), and records the change, with its decision and reason, in the case history in the same transaction. The co-ordinator and chair only; never prison (A.R16). A case outside the caller's area is NOT_FOUND, exactly as an unknown case number.",
  })
  async changeMappaLevel(
    @Arg('input', () => ChangeMappaLevelInput, { description: 'The case, its new level, and the decision that sets it.' })
    input: ChangeMappaLevelInput,
    @Ctx() context: MappaContext,
  ): Promise<MappaCaseRow> {
    const { caller } = context;
    const values = parseInput(changeMappaLevelInputSchema(caller.declaredPurpose.purpose), input, 'input');
    const today = context.today;
    const updated = await context.db.transaction(async (tx) => {
      // FOR UPDATE: two decisions on one case are recorded one after the other, each with its own
      // position in the history and the right "before" value.
      const current = await caseById(tx, values.caseId, true);
      // The caller's row scope (own area, principle 7): a case outside it is answered as an unknown one.
      if (!current || !mappaSubjectInScope(current, context.rowScope)) throw new NotFoundError(UNKNOWN_CASE);
      if (current.status !== MappaCaseStatus.ACTIVE)
        throw new BadUserInputError('Only an active MAPPA case changes level.', [{ path: 'input.caseId', message: 'case is closed' }]);
      if (current.level === values.level)
        throw new BadUserInputError(`The case is at level ${values.level} already.`, [{ path: 'input.level', message: 'unchanged level' }]);
      // Category 3 is for cases that need active multi-agency management (the table's check says so too).
      if (current.category === 3 && values.level < 2) {
        throw new BadUserInputError('A category 3 case is managed at level 2 or 3; ending it is a case closure.', [
          { path: 'input.level', message: 'category 3 needs level 2 or 3' },
        ]);
      }
      const { row } = await applyCaseDecision(
        tx,
        context,
        current,
        { level: values.level, nextReviewDate: nextReviewAfterChange(current.nextReviewDate, values.level, today) },
        [{ field: MappaCaseChangeField.LEVEL, valueBefore: String(current.level), valueAfter: String(values.level) }],
        { decisionKind: values.decisionKind, decisionReference: values.decisionReference, reason: values.reason, changedDate: today },
      );
      return row;
    });
    // The answer's `history` and any later `mappaCase` in this request must see the change.
    context.loaders.mappaCase.clear(updated.pncId).prime(updated.pncId, updated);
    context.loaders.mappaCaseHistory.clear(updated.caseId);
    context.log.info({ decisionKind: values.decisionKind }, 'MAPPA level changed');
    return updated;
  }

  // B.44, C.6, A.R21: the lead agency's own setting or review of the level, on the two occasions the
  // guidance gives it; who in the lead agency is the policy's (`mappa.leadAgencyLevelReview`), and which
  // agency leads is the case's. The database refuses any other lead-agency level change (migration 0014).
  @Access(mappaPolicies.leadAgencyLevelReview)
  @Mutation(() => MappaCase, {
    nullable: true,
    description:
      "The lead agency sets or reviews the MAPPA level of an active level 2 or 3 case of the caller's area, under CASE_MANAGEMENT: after a held MAPP meeting of the case that reached no level decision (B.44: no consensus, once per meeting), or after the case transferred into the area (C.6, once per transfer). Never raises a level 1 case (A.R19: a referral the co-ordinator screens), never takes a category 3 case below level 2. Recorded in the case history with its reason and reference (`LAR-MTG-<meeting>` or `LAR-TRF-<history position of the transfer>`), audited, in one transaction. The lead agency's case managers only (senior probation officer, PPU officer, YOT manager, of the agency that leads the case); another agency's case is NOT_FOUND, exactly as an unknown case number.",
  })
  async reviewMappaLevel(
    @Arg('input', () => ReviewMappaLevelInput, { description: 'The case, its new level, the occasion and why.' })
    input: ReviewMappaLevelInput,
    @Ctx() context: MappaContext,
  ): Promise<MappaCaseRow> {
    const values = parseInput(reviewMappaLevelInputSchema, input, 'input');
    const today = context.today;
    const updated = await context.db.transaction(async (tx) => {
      const current = await caseById(tx, values.caseId, true);
      // Row scope, and the case's lead agency must be the caller's: any other case is answered as an unknown one (principle 9).
      if (
        !current ||
        !mappaSubjectInScope(current, context.rowScope) ||
        LEAD_AGENCY_OF[context.caller.principal.agency] !== current.leadAgency
      )
        throw new NotFoundError(UNKNOWN_CASE);
      if (current.status !== MappaCaseStatus.ACTIVE)
        throw new BadUserInputError('Only an active MAPPA case changes level.', [{ path: 'input.caseId', message: 'case is closed' }]);
      if (current.level < 2) {
        throw new BadUserInputError('A level 1 case goes to level 2 or 3 only by a referral the MAPPA co-ordinator screens (A.R19).', [
          { path: 'input.caseId', message: 'case is at level 1' },
        ]);
      }
      if (current.level === values.level)
        throw new BadUserInputError(`The case is at level ${values.level} already.`, [{ path: 'input.level', message: 'unchanged level' }]);
      if (current.category === 3 && values.level < 2) {
        throw new BadUserInputError("A category 3 case is managed at level 2 or 3; ending it is a meeting's decision.", [
          { path: 'input.level', message: 'category 3 needs level 2 or 3' },
        ]);
      }
      const decisionReference =
        values.occasion === LeadAgencyReviewOccasion.NO_MEETING_CONSENSUS
          ? await meetingWithoutConsensus(tx, current, values.meetingId!)
          : await transferAwaitingReview(tx, current);
      const { row } = await applyCaseDecision(
        tx,
        context,
        current,
        { level: values.level, nextReviewDate: nextReviewAfterChange(current.nextReviewDate, values.level, today) },
        [{ field: MappaCaseChangeField.LEVEL, valueBefore: String(current.level), valueAfter: String(values.level) }],
        { decisionKind: MappaDecisionKind.LEAD_AGENCY_REVIEW, decisionReference, reason: values.reason, changedDate: today },
      );
      return row;
    });
    context.loaders.mappaCase.clear(updated.pncId).prime(updated.pncId, updated);
    context.loaders.mappaCaseHistory.clear(updated.caseId);
    context.log.info({ occasion: values.occasion }, 'MAPPA level reviewed by the lead agency');
    return updated;
  }
}
