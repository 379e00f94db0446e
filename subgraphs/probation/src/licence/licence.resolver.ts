import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Access } from '@mappa/shared';
import { probationPolicies } from '../probation.policies';
import type { ProbationContext } from '../probation.context';
import type { LicenceRow } from './licence.table';
import { ProbationLicence, ProbationLicenceCondition } from './licence.type';

@Resolver(() => ProbationLicence)
export class ProbationLicenceResolver {
  @Access(probationPolicies.licenceConditions)
  @FieldResolver(() => [ProbationLicenceCondition], {
    nullable: true,
    description: 'Conditions of the licence: standard first, then additional, then bespoke; licence-period conditions before PSS ones.',
  })
  conditions(@Root() licence: LicenceRow, @Ctx() context: ProbationContext) {
    return context.loaders.licenceConditions.load(String(licence.licenceId));
  }
}
