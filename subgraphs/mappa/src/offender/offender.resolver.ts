import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Access } from '@mappa/shared';
import type { MappaContext } from '../mappa.context';
import { mappaPolicies } from '../mappa.policies';
import { MappaCase } from '../mappa-case/mappa-case.type';
import { Offender } from './offender.type';

@Resolver(() => Offender)
export class OffenderResolver {
  @Access(mappaPolicies.levelAndLeadAgency)
  @FieldResolver(() => MappaCase, {
    nullable: true,
    description:
      'The person\'s current MAPPA case (the ACTIVE one; when none is active, the most recently closed) with its history. Null when the MAPPA Co-ordination Unit holds no case for the person. Owner: mappa.',
  })
  mappaCase(@Root() offender: Offender, @Ctx() context: MappaContext) {
    return context.loaders.mappaCase.load(offender.pncId);
  }
}
