import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Access, subjectInScope, crnSchema, parseInput } from '@mappa/shared';
import { allWithFacts, caseFactsFor, caseFactsOf, withFacts } from '../record/probation-record-facts';
import { probationPolicies } from '../probation.policies';
import { ProbationAddress } from '../address/probation-address.type';
import { ProbationCase } from '../case/probation-case.type';
import { ProbationLicence } from '../licence/licence.type';
import type { ProbationContext } from '../probation.context';
import { ProbationRiskOfSeriousHarm } from '../risk/risk-of-serious-harm.type';
import { ProbationRiskManagementPlan } from '../risk-management-plan/risk-management-plan.type';
import { ProbationVictimContact } from '../victim/victim-contact.type';
import { probationSubjectFacts } from './offender.scope';
import { Offender } from './offender.type';

@Resolver(() => Offender)
export class OffenderResolver {
  @Access(probationPolicies.caseReference)
  @Query(() => Offender, {
    nullable: true,
    description:
      "The offender whose probation case has this CRN. Null when probation holds no such case, or one outside the caller's row scope (answered the same way). A malformed CRN is BAD_USER_INPUT.",
  })
  async offenderByCrn(
    @Arg('crn', () => ID, { description: 'Probation case reference number (CRN), e.g. `X123456`.' }) crn: string,
    @Ctx() context: ProbationContext,
  ): Promise<Offender | null> {
    const validCrn = parseInput(crnSchema, crn, 'crn');
    const probationCase = await context.loaders.probationCaseByCrn.load(validCrn);
    // A case outside the caller's row scope is answered exactly like an unknown CRN (principle 9).
    if (!probationCase || !subjectInScope(probationSubjectFacts(probationCase), context.rowScope)) return null;
    // The offender's own fields look the case up by PNC ID: hand them the row already read.
    context.loaders.probationCase.prime(probationCase.pncId, probationCase);
    // The lookup is granted to some readers on a condition of the case (a VLO's own victims'
    // offender, AP staff's resident): the answer carries the case's facts, so it is decided like the case.
    return withFacts({ pncId: probationCase.pncId }, caseFactsOf(probationCase, context));
  }

  @Access(probationPolicies.offenderManagerContact)
  @FieldResolver(() => ProbationCase, {
    nullable: true,
    description:
      'The nDelius probation case (CRN, offender manager, team, tier, status). Null when probation holds no case. Owner: probation.',
  })
  async probationCase(@Root() offender: Offender, @Ctx() context: ProbationContext) {
    // Each record carries the facts its grants' conditions decide on (record/probation-record-facts.ts).
    const probationCase = await context.loaders.probationCase.load(offender.pncId);
    return probationCase ? withFacts(probationCase, caseFactsOf(probationCase, context)) : null;
  }

  @Access(probationPolicies.licenceRecords)
  @FieldResolver(() => [ProbationLicence], {
    nullable: true,
    description:
      'CVL licences, oldest first: the ACTIVE licence of someone on licence (with any variation) or the licence being prepared for someone due for release within six months. Empty when there is none; null when probation holds no case. Owner: probation.',
  })
  async licences(@Root() offender: Offender, @Ctx() context: ProbationContext) {
    const [held, facts] = await Promise.all([context.loaders.licences.load(offender.pncId), caseFactsFor(context, offender.pncId)]);
    return facts ? allWithFacts(held?.rows, facts) : null;
  }

  @Access(probationPolicies.riskOfSeriousHarm)
  @FieldResolver(() => ProbationRiskOfSeriousHarm, {
    nullable: true,
    description: 'The latest OASys risk of serious harm summary. Null when none is held (only CURRENT cases have one). Owner: probation.',
  })
  async riskOfSeriousHarm(@Root() offender: Offender, @Ctx() context: ProbationContext) {
    const [summary, facts] = await Promise.all([
      context.loaders.riskOfSeriousHarm.load(offender.pncId),
      caseFactsFor(context, offender.pncId),
    ]);
    return summary && facts ? withFacts(summary, facts) : null;
  }

  @Access(probationPolicies.riskManagementPlanRecord)
  @FieldResolver(() => ProbationRiskManagementPlan, {
    nullable: true,
    description:
      "The lead agency's risk management plan from the latest OASys assessment. Null when none is held (only CURRENT cases have one). Owner: probation.",
  })
  async riskManagementPlan(@Root() offender: Offender, @Ctx() context: ProbationContext) {
    const [plan, facts] = await Promise.all([
      context.loaders.riskManagementPlan.load(offender.pncId),
      caseFactsFor(context, offender.pncId),
    ]);
    return plan && facts ? withFacts(plan, facts) : null;
  }

  @Access(probationPolicies.victimContacts)
  @FieldResolver(() => [ProbationVictimContact], {
    nullable: true,
    description:
      "The caller's own victims in the Victim Contact Scheme for this offender (those allocated to the caller as victim liaison officer). The most restricted data in the federation. Null when the caller has none here, whether the offender has no victims, only other officers' victims, or probation holds no case. Owner: probation.",
  })
  async victimContacts(@Root() offender: Offender, @Ctx() context: ProbationContext) {
    // Each victim is visible only to the VLO allocated to it: the grant's `victimLiaisonForVictim`
    // condition decides per victim and drops the others, and a list left with none is null, never
    // empty or shortened-looking, so its presence and length say nothing about other officers'
    // victims (principle 9). A case with no victims answers null alike.
    const [held, facts] = await Promise.all([context.loaders.victimContacts.load(offender.pncId), caseFactsFor(context, offender.pncId)]);
    if (!held || !facts || held.rows.length === 0) return null;
    return held.rows.map((contact) => withFacts(contact, { ...facts, victimReference: contact.victimReference }));
  }

  @Access(probationPolicies.probationAddress)
  @FieldResolver(() => [ProbationAddress], {
    nullable: true,
    description:
      'Addresses on the probation case: the MAIN one first, then any PROPOSED release address, then PREVIOUS ones. Null when probation holds no case. Owner: probation.',
  })
  async probationAddresses(@Root() offender: Offender, @Ctx() context: ProbationContext) {
    // Each address carries its case's facts: the approved premises staff's grant decides per address
    // (`approvedPremisesAddressOfResident`), as the Responsible Authority's does on its status.
    const [held, facts] = await Promise.all([context.loaders.addresses.load(offender.pncId), caseFactsFor(context, offender.pncId)]);
    return held && facts ? allWithFacts(held.rows, facts) : null;
  }
}
