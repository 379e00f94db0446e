import { eq } from 'drizzle-orm';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { Access, BadUserInputError, NotFoundError, parseInput } from '@mappa/shared';
import type { MappaContext } from '../mappa.context';
import { mappaPolicies } from '../mappa.policies';
import { mappaSubjectInScope } from '../offender/offender.scope';
import { ChangeMappaLevelInput, changeMappaLevelInputSchema } from './mappa-case-level.input';
import { applyCaseDecision, nextReviewAfterChange } from './mappa-case-change';
import { mappaCaseTable } from './mappa-case.table';
import type { MappaCaseRow } from './mappa-case.table';
import { MappaCase, MappaCaseChangeField, MappaCaseStatus } from './mappa-case.type';

// The same answer for an unknown case number and for a case outside the caller's scope (principle 9).
const UNKNOWN_CASE = 'No MAPPA case in your area has this case number.';

@Resolver(() => MappaCase)
export class MappaCaseLevelResolver {
  // A.R16: who may run this is the policy's alone (`mappa.levelChange`: co-ordinator and chair of the
  // MAPPA unit, police or probation, never prison); a denied caller's resolver never runs.
  @Access(mappaPolicies.levelChange)
  @Mutation(() => MappaCase, {
    nullable: true,
    description:
      'Changes the MAPPA level of an active case in the caller\'s area by a screening decision (MAPPA_SCREENING) or a MAPP meeting decision (MAPPA_MEETING), and records the change, with its decision and reason, in the case history in the same transaction. The co-ordinator and chair only; never prison (A.R16). A case outside the caller\'s area is NOT_FOUND, exactly as an unknown case number.',
  })
  async changeMappaLevel(@Arg('input', () => ChangeMappaLevelInput, { description: 'The case, its new level, and the decision that sets it.' }) input: ChangeMappaLevelInput, @Ctx() context: MappaContext): Promise<MappaCaseRow> {
    const { caller } = context;
    const values = parseInput(changeMappaLevelInputSchema(caller.declaredPurpose.purpose), input, 'input');
    const today = new Date().toISOString().slice(0, 10);
    const updated = await context.db.transaction(async (tx) => {
      // FOR UPDATE: two decisions on one case are recorded one after the other, each with its own
      // position in the history and the right "before" value.
      const [current] = await tx.select().from(mappaCaseTable).where(eq(mappaCaseTable.caseId, values.caseId)).for('update');
      // The caller's row scope (own area, principle 7): a case outside it is answered as an unknown one.
      if (!current || !mappaSubjectInScope(current, context.rowScope)) throw new NotFoundError(UNKNOWN_CASE);
      if (current.status !== MappaCaseStatus.ACTIVE) throw new BadUserInputError('Only an active MAPPA case changes level.', [{ path: 'input.caseId', message: 'case is closed' }]);
      if (current.level === values.level) throw new BadUserInputError(`The case is at level ${values.level} already.`, [{ path: 'input.level', message: 'unchanged level' }]);
      // Category 3 is for cases that need active multi-agency management (the table's check says so too).
      if (current.category === 3 && values.level < 2) {
        throw new BadUserInputError('A category 3 case is managed at level 2 or 3; ending it is a case closure.', [{ path: 'input.level', message: 'category 3 needs level 2 or 3' }]);
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
}
