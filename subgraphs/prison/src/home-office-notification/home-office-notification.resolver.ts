import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Access } from '@mappa/shared';
import { prisonNumberOf } from '../offender/offender.resolver';
import { Offender } from '../offender/offender.type';
import type { PrisonContext } from '../prison.context';
import { prisonPolicies } from '../prison.policies';
import { PrisonHomeOfficeNotification } from './home-office-notification.type';

@Resolver(() => Offender)
export class HomeOfficeNotificationResolver {
  @Access(prisonPolicies.homeOfficeNotification)
  @FieldResolver(() => PrisonHomeOfficeNotification, {
    nullable: true,
    description:
      'The notification the prison sent the Home Office about a sentenced foreign national (C.70); null when it sent none. Owner: prison.',
  })
  async homeOfficeNotification(@Root() offender: Offender, @Ctx() context: PrisonContext) {
    const prisonNumber = await prisonNumberOf(offender, context);
    return prisonNumber === null ? null : context.loaders.homeOfficeNotification.load(prisonNumber);
  }
}
