import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Access, parseInput, pncIdSchema, yotReferenceSchema } from '@mappa/shared';
import { YotAdultTransition } from '../adult-transition/adult-transition.type';
import { AssetPlusAssessment } from '../asset-plus/asset-plus.type';
import { YotConsentRecord } from '../consent/consent-record.type';
import { LookedAfterStatus } from '../looked-after/looked-after.type';
import { YotMappaHNotification } from '../mappa-h/mappa-h-notification.type';
import { yotPolicies } from '../yot.policies';
import type { YotContext } from '../yot.context';
import { YouthCase } from '../youth-case/youth-case.type';
import { YouthOrder } from '../youth-order/youth-order.type';
import { yotCaseInScope, yotKnowsSubject } from './offender.reference';
import { Offender } from './offender.type';

@Resolver(() => Offender)
export class OffenderResolver {
  @Access(yotPolicies.youthCase)
  @Query(() => Offender, {
    nullable: true,
    description:
      'The offender whose youth offending team case has this YOT reference. Null when the YOT holds no such case (including a young person who has turned 18 and moved to probation). A malformed reference is BAD_USER_INPUT.',
  })
  async offenderByYotReference(
    @Arg('yotReference', () => ID, { description: 'YOT case reference, `YOT-AAA-NNNNNN`, e.g. `YOT-LON-000123`.' }) yotReference: string,
    @Ctx() context: YotContext,
  ): Promise<Offender | null> {
    const validReference = parseInput(yotReferenceSchema, yotReference, 'yotReference');
    const youthCase = await context.loaders.youthCaseByReference.load(validReference);
    // Out of the caller's row scope answers exactly as a reference the YOT does not hold: null, no error (principle 9).
    if (!youthCase || !(await yotCaseInScope(context, youthCase))) return null;
    // The same row answers `youthCase` by PNC ID later in this request, without a second SELECT.
    context.loaders.youthCase.prime(youthCase.pncId, youthCase);
    return { pncId: youthCase.pncId };
  }

  @Access(yotPolicies.youthCase)
  @FieldResolver(() => YouthCase, {
    nullable: true,
    description: "The young person's case with the youth offending team; null when the YOT holds none. Owner: yot.",
  })
  youthCase(@Root() offender: Offender, @Ctx() context: YotContext) {
    return context.loaders.youthCase.load(offender.pncId);
  }

  @Access(yotPolicies.auditSubject)
  @Query(() => Offender, {
    nullable: true,
    description:
      "A.R12, OQ 20: the young person, for the YOT's own information governance under AUDIT, to reach who completed and countersigned their AssetPlus assessment. Null when the YOT holds no case for the PNC ID. A malformed PNC ID is BAD_USER_INPUT.",
  })
  async yotAuditSubject(
    @Arg('pncId', () => ID, { description: 'PNC ID of the person, e.g. `2008/0545166T`.' }) pncId: string,
    @Ctx() context: YotContext,
  ): Promise<Offender | null> {
    const valid = parseInput(pncIdSchema, pncId, 'pncId');
    return (await yotKnowsSubject(context, valid)) ? { pncId: valid } : null;
  }

  @Access(yotPolicies.assetPlus)
  @FieldResolver(() => AssetPlusAssessment, {
    nullable: true,
    description: 'The latest AssetPlus assessment; null when the YOT holds none. Owner: yot.',
  })
  assetPlusAssessment(@Root() offender: Offender, @Ctx() context: YotContext) {
    return context.loaders.assetPlus.load(offender.pncId);
  }

  @Access(yotPolicies.youthOrders)
  @FieldResolver(() => [YouthOrder], {
    nullable: true,
    description: 'Youth court orders the YOT supervises or supervised (referral orders, YROs, DTOs), oldest first. Owner: yot.',
  })
  youthOrders(@Root() offender: Offender, @Ctx() context: YotContext) {
    return context.loaders.youthOrders.load(offender.pncId);
  }

  @Access(yotPolicies.lookedAfter)
  @FieldResolver(() => LookedAfterStatus, {
    nullable: true,
    description:
      "Looked-after status and parental responsibility, supplied by children's social care (read-only for the YOT); null when children's social care has supplied none. Owner: yot.",
  })
  lookedAfterStatus(@Root() offender: Offender, @Ctx() context: YotContext) {
    return context.loaders.lookedAfter.load(offender.pncId);
  }

  @Access(yotPolicies.consent)
  @FieldResolver(() => [YotConsentRecord], {
    nullable: true,
    description: 'Consent and Fraser competence records, oldest first. Owner: yot.',
  })
  consentRecords(@Root() offender: Offender, @Ctx() context: YotContext) {
    return context.loaders.consentRecords.load(offender.pncId);
  }

  @Access(yotPolicies.mappaH)
  @FieldResolver(() => YotMappaHNotification, {
    nullable: true,
    description:
      'The MAPPA H notification the YOT sent the MAPPA Co-ordinator; the only YOT content the co-ordinator may see (A.R10). Null when none was sent. Owner: yot.',
  })
  mappaHNotification(@Root() offender: Offender, @Ctx() context: YotContext) {
    return context.loaders.mappaHNotification.load(offender.pncId);
  }

  @Access(yotPolicies.adultTransition)
  @FieldResolver(() => YotAdultTransition, {
    nullable: true,
    description: 'The plan to transfer the case to the Probation Service at 18. Owner: yot.',
  })
  adultTransition(@Root() offender: Offender, @Ctx() context: YotContext) {
    return context.loaders.adultTransition.load(offender.pncId);
  }
}
