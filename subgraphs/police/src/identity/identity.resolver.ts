import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Access } from '@mappa/shared';
import { policePolicies } from '../police.policies';
import type { PoliceContext } from '../police.context';
import { Alias, PoliceIdentity } from './identity.type';

@Resolver(() => PoliceIdentity)
export class PoliceIdentityResolver {
  @Access(policePolicies.identity)
  @FieldResolver(() => [Alias], {
    nullable: true,
    description:
      'Other names recorded for the person, in the order recorded. Nullable so that a reader granted only the minimal summary gets the names without them.',
  })
  aliases(@Root() identity: PoliceIdentity, @Ctx() context: PoliceContext) {
    return context.loaders.aliases.load(identity.pncId);
  }
}
