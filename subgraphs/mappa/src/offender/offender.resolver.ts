import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Access, parseInput, pncIdSchema } from '@mappa/shared';
import type { MappaContext } from '../mappa.context';
import { mappaPolicies } from '../mappa.policies';
import { MappaCase } from '../mappa-case/mappa-case.type';
import { mappaKnowsSubject } from './offender.reference';
import { Offender } from './offender.type';

@Resolver(() => Offender)
export class OffenderResolver {
  @Access(mappaPolicies.auditSubject)
  @Query(() => Offender, {
    nullable: true,
    description:
      "A.R12, OQ 20: the person, for the MAPPA unit's own information governance under AUDIT, to reach who recorded each change to their MAPPA case. Null when the unit holds no case for the PNC ID. A malformed PNC ID is BAD_USER_INPUT.",
  })
  async mappaAuditSubject(
    @Arg('pncId', () => ID, { description: 'PNC ID of the person, e.g. `2008/0545166T`.' }) pncId: string,
    @Ctx() context: MappaContext,
  ): Promise<Offender | null> {
    const valid = parseInput(pncIdSchema, pncId, 'pncId');
    return (await mappaKnowsSubject(context, valid)) ? { pncId: valid } : null;
  }

  @Access(mappaPolicies.levelAndLeadAgency)
  @FieldResolver(() => MappaCase, {
    nullable: true,
    description:
      "The person's current MAPPA case (the ACTIVE one; when none is active, the most recently closed) with its history. Null when the MAPPA Co-ordination Unit holds no case for the person. Owner: mappa.",
  })
  mappaCase(@Root() offender: Offender, @Ctx() context: MappaContext) {
    return context.loaders.mappaCase.load(offender.pncId);
  }
}
