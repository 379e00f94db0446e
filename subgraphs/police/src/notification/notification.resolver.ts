import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Access } from '@mappa/shared';
import { policePolicies } from '../police.policies';
import type { PoliceContext } from '../police.context';
import type { NotificationRow } from './notification.table';
import { NotificationBreach, SexOffenderNotification } from './notification.type';

@Resolver(() => SexOffenderNotification)
export class SexOffenderNotificationResolver {
  @Access(policePolicies.notification)
  @FieldResolver(() => [NotificationBreach], { description: 'Breaches of the requirements, oldest first.' })
  breaches(@Root() notification: NotificationRow, @Ctx() context: PoliceContext) {
    return context.loaders.notificationBreaches.load(notification.pncId);
  }
}
