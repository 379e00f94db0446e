import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Access, subjectInScope, victimLiaisonOfficerStaffId } from '@mappa/shared';
import { probationPolicies } from '../probation.policies';
import { crnSchema, parseInput } from '@mappa/shared';
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
      'The offender whose probation case has this CRN. Null when probation holds no such case, or one outside the caller\'s row scope (answered the same way). A malformed CRN is BAD_USER_INPUT.',
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
    return { pncId: probationCase.pncId };
  }

  @Access(probationPolicies.offenderManagerContact)
  @FieldResolver(() => ProbationCase, {
    nullable: true,
    description: 'The nDelius probation case (CRN, offender manager, team, tier, status). Null when probation holds no case. Owner: probation.',
  })
  probationCase(@Root() offender: Offender, @Ctx() context: ProbationContext) {
    return context.loaders.probationCase.load(offender.pncId);
  }

  @Access(probationPolicies.licenceDates)
  @FieldResolver(() => [ProbationLicence], {
    nullable: true,
    description:
      'CVL licences, oldest first: the ACTIVE licence of someone on licence (with any variation) or the licence being prepared for someone due for release within six months. Empty when there is none; null when probation holds no case. Owner: probation.',
  })
  async licences(@Root() offender: Offender, @Ctx() context: ProbationContext) {
    return (await context.loaders.licences.load(offender.pncId))?.rows ?? null;
  }

  @Access(probationPolicies.riskOfSeriousHarm)
  @FieldResolver(() => ProbationRiskOfSeriousHarm, {
    nullable: true,
    description: 'The latest OASys risk of serious harm summary. Null when none is held (only CURRENT cases have one). Owner: probation.',
  })
  riskOfSeriousHarm(@Root() offender: Offender, @Ctx() context: ProbationContext) {
    return context.loaders.riskOfSeriousHarm.load(offender.pncId);
  }

  @Access(probationPolicies.riskManagementPlan)
  @FieldResolver(() => ProbationRiskManagementPlan, {
    nullable: true,
    description: 'The lead agency\'s risk management plan from the latest OASys assessment. Null when none is held (only CURRENT cases have one). Owner: probation.',
  })
  riskManagementPlan(@Root() offender: Offender, @Ctx() context: ProbationContext) {
    return context.loaders.riskManagementPlan.load(offender.pncId);
  }

  @Access(probationPolicies.victimContacts)
  @FieldResolver(() => [ProbationVictimContact], {
    nullable: true,
    description:
      'The caller\'s own victims in the Victim Contact Scheme for this offender (those allocated to the caller as victim liaison officer). The most restricted data in the federation. Null when the caller has none here, whether the offender has no victims, only other officers\' victims, or probation holds no case. Owner: probation.',
  })
  async victimContacts(@Root() offender: Offender, @Ctx() context: ProbationContext) {
    // Row scope: a victim contact is visible only to the VLO allocated to it (vloStaffId, a staff id
    // from probation's own identity provider: the same id from another provider is nobody's). The list
    // is filtered to the caller's own and is null when none are, never empty or shortened, so its
    // presence and length say nothing about other officers' victims (principle 9).
    const vloStaffId = victimLiaisonOfficerStaffId(context.rowScope);
    if (vloStaffId === null) return null;
    const own = ((await context.loaders.victimContacts.load(offender.pncId))?.rows ?? []).filter((contact) => contact.vloStaffId === vloStaffId);
    return own.length === 0 ? null : own;
  }

  @Access(probationPolicies.probationAddress)
  @FieldResolver(() => [ProbationAddress], {
    nullable: true,
    description: 'Addresses on the probation case: the MAIN one first, then any PROPOSED release address, then PREVIOUS ones. Null when probation holds no case. Owner: probation.',
  })
  async probationAddresses(@Root() offender: Offender, @Ctx() context: ProbationContext) {
    return (await context.loaders.addresses.load(offender.pncId))?.rows ?? null;
  }
}
