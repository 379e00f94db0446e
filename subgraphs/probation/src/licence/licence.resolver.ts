import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Access } from '@mappa/shared';
import { probationPolicies } from '../probation.policies';
import type { ProbationContext } from '../probation.context';
import { factsOf, withFacts } from '../record/probation-record-facts';
import type { LicenceRow } from './licence.table';
import { ProbationLicence, ProbationLicenceCondition } from './licence.type';

@Resolver(() => ProbationLicence)
export class ProbationLicenceResolver {
  @Access(probationPolicies.licenceConditions)
  @FieldResolver(() => [ProbationLicenceCondition], {
    nullable: true,
    description: 'Conditions of the licence: standard first, then additional, then bespoke; licence-period conditions before PSS ones.',
  })
  async conditions(@Root() licence: LicenceRow, @Ctx() context: ProbationContext) {
    const conditions = await context.loaders.licenceConditions.load(String(licence.licenceId));
    const facts = factsOf(licence);
    // Each condition is decided on the case's facts and, when a victim asked for it, on that victim's.
    return facts
      ? conditions.map((condition) => withFacts(condition, { ...facts, victimReference: condition.victimReference }))
      : conditions;
  }
}
