import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import {
  Access,
  BadUserInputError,
  changedFields,
  mayKnowRestrictedSubject,
  NotFoundError,
  parseInput,
  policeForceOf,
  policeForceOfPrincipal,
  subjectInScope,
} from '@mappa/shared';
import { policeSubjectFacts } from '../offender/offender.scope';
import type { PoliceContext } from '../police.context';
import { policePolicies } from '../police.policies';
import { intelligenceItemByReference } from './intelligence-item.query';
import type { IntelligenceItemRow } from './intelligence-item.table';
import {
  agreementIdSchema,
  recordIntelligenceSharingAgreementSchema,
  withdrawalReasonSchema,
} from './intelligence-sharing-agreement.input';
import {
  insertIntelligenceSharingAgreement,
  intelligenceSharingAgreementById,
  withdrawIntelligenceSharingAgreementRow,
} from './intelligence-sharing-agreement.query';
import type { IntelligenceSharingAgreementRow } from './intelligence-sharing-agreement.table';
import { IntelligenceSharingAgreement, RecordIntelligenceSharingAgreementInput } from './intelligence-sharing-agreement.type';
import type { IntelligenceSharedWith } from './intelligence-sharing-agreement.type';
import { NotOriginatorError } from './intelligence-not-originator.error';

// One message for "no such item" and "not yours to know", so an answer never tells an item outside
// the caller's row scope from an unknown reference (principle 9).
const UNKNOWN_ITEM = 'No intelligence item you may know has this reference.';
const UNKNOWN_AGREEMENT = 'No intelligence sharing agreement you may know has this id.';

// What the audit proves of an agreement: every field it was made with, and what withdrawing it sets.
const AGREEMENT_FIELDS = [
  'itemReference',
  'sharedWith',
  'sharedWithArea',
  'agreedByStaffId',
  'agreedByIssuer',
  'agreedByForce',
  'agreedAt',
  'rationale',
] as const satisfies readonly (keyof IntelligenceSharingAgreementRow)[];
const WITHDRAWAL_FIELDS = [
  'withdrawnAt',
  'withdrawnByStaffId',
  'withdrawalReason',
] as const satisfies readonly (keyof IntelligenceSharingAgreementRow)[];

const toAgreement = (row: IntelligenceSharingAgreementRow): IntelligenceSharingAgreement => ({
  ...row,
  sharedWith: row.sharedWith as IntelligenceSharedWith,
});

/**
 * The item, when the caller is an officer of the force that originated it. The originator reaches its
 * own items wherever the person now lives (people move; the item stays the originating force's),
 * except a counter-terrorism restricted subject, which an uncleared officer never knows (principle 7).
 * An officer of another force who may know the person (their row scope: the summary already shows
 * the item exists) is refused, FORBIDDEN; to anyone else the item does not exist (principle 9).
 */
async function itemOfOriginator(context: PoliceContext, reference: string): Promise<IntelligenceItemRow> {
  const item = await intelligenceItemByReference(context.db, reference);
  const person = item ? await context.loaders.person.load(item.pncId) : null;
  if (!item || !person || (person.counterTerrorismRestricted && !mayKnowRestrictedSubject(context.caller)))
    throw new NotFoundError(UNKNOWN_ITEM);
  if (item.originatorForce === policeForceOfPrincipal(context.caller.principal)) return item;
  if (subjectInScope(policeSubjectFacts(person), context.rowScope)) throw new NotOriginatorError();
  throw new NotFoundError(UNKNOWN_ITEM);
}

@Resolver(() => IntelligenceSharingAgreement)
export class IntelligenceSharingAgreementResolver {
  @Access(policePolicies.intelligenceSharing)
  @Mutation(() => IntelligenceSharingAgreement, {
    nullable: true,
    description:
      "Records the originating force's agreement to share one of its intelligence items (principle 4, principle 10): the full item with the officers of another force (POLICE_FORCE, naming its area), or a handling code C item's sanitised summary with the MAPPA partners the summary is granted to (MAPPA_PARTNERS). A PPU or counter-terrorism officer of the originating force under CASE_MANAGEMENT only: an officer of another force who may know the person is FORBIDDEN (`reason: NOT_ORIGINATING_FORCE`); an item the caller may not know is NOT_FOUND, exactly as an unknown reference. Recorded with its audit evidence in one transaction. Invalid input is BAD_USER_INPUT with every issue.",
  })
  async recordIntelligenceSharingAgreement(
    @Arg('input', () => RecordIntelligenceSharingAgreementInput, { description: 'The item, who it is shared with, and why.' })
    input: RecordIntelligenceSharingAgreementInput,
    @Ctx() context: PoliceContext,
  ): Promise<IntelligenceSharingAgreement> {
    // Input first: its errors depend on the input alone, never on whether the item exists.
    const values = parseInput(recordIntelligenceSharingAgreementSchema, input, 'input');
    const item = await itemOfOriginator(context, values.reference);
    if (
      values.sharedWith === 'POLICE_FORCE' &&
      values.sharedWithArea != null &&
      policeForceOf(values.sharedWithArea) === item.originatorForce
    ) {
      throw new BadUserInputError('The originating force reads its own item; an agreement names another force.', [
        { path: 'input.sharedWithArea', message: 'the area of the originating force' },
      ]);
    }
    const { principal } = context.caller;
    // The agreement and the evidence of it commit together, or neither does.
    const row = await context.db.transaction(async (tx) => {
      const inserted = await insertIntelligenceSharingAgreement(tx, {
        itemReference: item.reference,
        sharedWith: values.sharedWith,
        sharedWithArea: values.sharedWithArea ?? null,
        agreedByStaffId: principal.staffId,
        agreedByIssuer: principal.issuer,
        agreedByForce: item.originatorForce,
        agreedAt: new Date(),
        rationale: values.rationale,
      });
      await context.audit.recordChanges(
        tx,
        [item.pncId],
        changedFields(`IntelligenceSharingAgreement:${inserted!.agreementId}`, null, inserted!, AGREEMENT_FIELDS),
      );
      return inserted!;
    });
    context.log.info({ agreementId: row.agreementId, sharedWith: row.sharedWith }, 'intelligence sharing agreed');
    return toAgreement(row);
  }

  @Access(policePolicies.intelligenceSharing)
  @Mutation(() => IntelligenceSharingAgreement, {
    nullable: true,
    description:
      "Withdraws an originating force's agreement to share an intelligence item: from the next request it opens nothing. The agreement is kept, with who withdrew it, when and why. As for recording one: the originating force's officers only (FORBIDDEN for another force's officer who may know the person; NOT_FOUND for an agreement the caller may not know, exactly as an unknown id). Withdrawing twice is BAD_USER_INPUT.",
  })
  async withdrawIntelligenceSharingAgreement(
    @Arg('agreementId', () => ID, { description: 'The agreement to withdraw.' }) agreementId: string,
    @Arg('reason', () => String, { description: 'Why it is withdrawn (1-500 characters).' }) reason: string,
    @Ctx() context: PoliceContext,
  ): Promise<IntelligenceSharingAgreement> {
    const validId = parseInput(agreementIdSchema, agreementId, 'agreementId');
    const validReason = parseInput(withdrawalReasonSchema, reason, 'reason');
    const agreement = await intelligenceSharingAgreementById(context.db, validId);
    if (!agreement) throw new NotFoundError(UNKNOWN_AGREEMENT);
    const item = await itemOfOriginator(context, agreement.itemReference).catch((error: unknown) => {
      throw error instanceof NotFoundError ? new NotFoundError(UNKNOWN_AGREEMENT) : error;
    });
    const withdrawn = await context.db.transaction(async (tx) => {
      const after = await withdrawIntelligenceSharingAgreementRow(tx, validId, {
        withdrawnAt: new Date(),
        withdrawnByStaffId: context.caller.principal.staffId,
        withdrawalReason: validReason,
      });
      if (after)
        await context.audit.recordChanges(
          tx,
          [item.pncId],
          changedFields(`IntelligenceSharingAgreement:${after.agreementId}`, agreement, after, WITHDRAWAL_FIELDS),
        );
      return after;
    });
    if (!withdrawn)
      throw new BadUserInputError('This intelligence sharing agreement is withdrawn already.', [
        { path: 'agreementId', message: 'agreement is withdrawn already' },
      ]);
    context.log.info({ agreementId: withdrawn.agreementId }, 'intelligence sharing withdrawn');
    return toAgreement(withdrawn);
  }
}
