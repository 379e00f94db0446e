import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { PoliceContext } from '../police.context';
import { Alias, PoliceIdentity } from './identity.type';

@Resolver(() => PoliceIdentity)
export class PoliceIdentityResolver {
  @FieldResolver(() => [Alias], { description: 'Other names recorded for the person, in the order recorded.' })
  aliases(@Root() identity: PoliceIdentity, @Ctx() context: PoliceContext) {
    return context.loaders.aliases.load(identity.pncId);
  }
}
