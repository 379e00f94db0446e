import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Access, BadUserInputError, changedFields, NotFoundError, parseInput, pncIdSchema, subjectInScope } from '@mappa/shared';
import type { HomeOfficeContext } from '../home-office.context';
import { homeOfficePolicies } from '../home-office.policies';
import { homeOfficeSubjectFacts } from '../offender/offender.scope';
import { Offender } from '../offender/offender.type';
import { immigrationCaseOfDetainee, insertDetentionEvent, lockDetention, updateDetention } from './detention.query';
import type { DetentionRow } from './detention.table';
import { refusalOf, transition } from './detention.state';
import type { DetentionAction } from './detention.state';
import { ImmigrationDetention, ImmigrationReleaseRoute, ImmigrationRemovalType } from './detention.type';

// The same answer for an unknown person and one outside the caller's scope (principle 9).
const UNKNOWN_DETENTION = 'No immigration detention in your scope has this PNC ID.';

@Resolver(() => Offender)
export class DetentionResolver {
  @Access(homeOfficePolicies.detentionStatus)
  @FieldResolver(() => ImmigrationDetention, {
    nullable: true,
    description:
      'The period of immigration detention and how it ended; null when the Home Office has detained the person under immigration powers in no IRC. Owner: home-office.',
  })
  immigrationDetention(@Root() offender: Offender, @Ctx() context: HomeOfficeContext) {
    return context.loaders.detention.load(offender.pncId);
  }

  @Access(homeOfficePolicies.detentionTransition)
  @Mutation(() => ImmigrationDetention, {
    description:
      "Seed 000 §6: records that the MAPPA arrangements for release are in place (licence, notification requirements, the offender manager's risk management plan). The Home Office case owner; audited with the history of the detention.",
  })
  confirmDetentionReleaseArrangements(
    @Arg('pncId', () => ID, { description: 'PNC ID of the detained person.' }) pncId: string,
    @Ctx() context: HomeOfficeContext,
  ): Promise<DetentionRow> {
    return moveDetention(context, pncId, { kind: 'CONFIRM_ARRANGEMENTS' });
  }

  @Access(homeOfficePolicies.detentionTransition)
  @Mutation(() => ImmigrationDetention, {
    description:
      'Releases a detainee from immigration detention (C.73), only once the MAPPA arrangements are confirmed (seed 000 §6): otherwise BAD_USER_INPUT. The Home Office case owner.',
  })
  releaseFromImmigrationDetention(
    @Arg('pncId', () => ID, { description: 'PNC ID of the detained person.' }) pncId: string,
    @Arg('route', () => ImmigrationReleaseRoute, { description: 'How the person leaves detention: immigration bail or executive release.' })
    route: ImmigrationReleaseRoute,
    @Ctx() context: HomeOfficeContext,
  ): Promise<DetentionRow> {
    return moveDetention(context, pncId, { kind: 'RELEASE', route });
  }

  @Access(homeOfficePolicies.detentionTransition)
  @Mutation(() => ImmigrationDetention, {
    description:
      'Records deportation or administrative removal from the UK (C.73), which ends the case for probation. The Home Office case owner.',
  })
  removeFromUnitedKingdom(
    @Arg('pncId', () => ID, { description: 'PNC ID of the detained person.' }) pncId: string,
    @Arg('removalType', () => ImmigrationRemovalType, { description: 'Deportation or administrative removal.' })
    removalType: ImmigrationRemovalType,
    @Ctx() context: HomeOfficeContext,
  ): Promise<DetentionRow> {
    return moveDetention(context, pncId, { kind: 'REMOVE', removalType });
  }
}

const AUDITED_FIELDS = [
  'status',
  'arrangementsConfirmedDate',
  'arrangementsConfirmedByStaffId',
  'releasedDate',
  'releaseRoute',
  'releasedByStaffId',
  'removedDate',
  'removalType',
  'removedByStaffId',
] as const satisfies readonly (keyof DetentionRow)[];

/** One move of the state machine, in one transaction with its history row, by the caller. */
async function moveDetention(context: HomeOfficeContext, pncId: string, action: DetentionAction): Promise<DetentionRow> {
  const valid = parseInput(pncIdSchema, pncId, 'pncId');
  const { principal } = context.caller;
  const day = context.today;
  const updated = await context.db.transaction(async (tx) => {
    const row = await lockDetention(tx, valid);
    const immigrationCase = await immigrationCaseOfDetainee(tx, valid);
    if (!row || !immigrationCase || !subjectInScope(homeOfficeSubjectFacts(immigrationCase), context.rowScope))
      throw new NotFoundError(UNKNOWN_DETENTION);
    const refusal = refusalOf(row.status, action);
    if (refusal) throw new BadUserInputError(refusal, [{ path: 'pncId', message: `detention is ${row.status}` }]);
    const changes = transition(row, action, principal.staffId, day);
    const next = await updateDetention(tx, valid, changes);
    await insertDetentionEvent(tx, {
      pncId: valid,
      fromStatus: row.status,
      toStatus: changes.status,
      staffId: principal.staffId,
      issuer: principal.issuer,
    });
    // The evidence of the change, by its actor, commits with it in the Home Office's own audit chain, or neither does.
    await context.audit.recordChanges(tx, [valid], changedFields(`ImmigrationDetention:${valid}`, row, next!, AUDITED_FIELDS));
    return next!;
  });
  context.loaders.detention.clear(valid).prime(valid, updated);
  context.log.info({ action: action.kind }, 'immigration detention moved');
  return updated;
}
