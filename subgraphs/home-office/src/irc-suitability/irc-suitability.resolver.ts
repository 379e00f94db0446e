import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Access } from '@mappa/shared';
import type { HomeOfficeContext } from '../home-office.context';
import { homeOfficePolicies } from '../home-office.policies';
import { Offender } from '../offender/offender.type';
import { IrcSuitabilityAssessment } from './irc-suitability.type';

@Resolver(() => Offender)
export class IrcSuitabilityResolver {
  @Access(homeOfficePolicies.ircSuitability)
  @FieldResolver(() => IrcSuitabilityAssessment, {
    nullable: true,
    description: 'The latest assessment of suitability for an immigration removal centre; null when none. Owner: home-office.',
  })
  ircSuitabilityAssessment(@Root() offender: Offender, @Ctx() context: HomeOfficeContext) {
    return context.loaders.ircSuitability.load(offender.pncId);
  }
}
