import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Access } from '@mappa/shared';
import { policePolicies } from '../police.policies';
import type { PoliceContext } from '../police.context';
import { Alias, PoliceIdentity } from './identity.type';

@Resolver(() => PoliceIdentity)
export class PoliceIdentityResolver {
  @Access(policePolicies.identity)
  @FieldResolver(() => [Alias], { description: 'Other names recorded for the person, in the order recorded.' })
  aliases(@Root() identity: PoliceIdentity, @Ctx() context: PoliceContext) {
    return context.loaders.aliases.load(identity.pncId);
  }
}
