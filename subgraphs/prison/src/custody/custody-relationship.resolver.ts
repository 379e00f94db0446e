import { Ctx, Field, ID, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import { Access, subjectInScope } from '@mappa/shared';
import { prisonSubjectFacts } from '../offender/offender.scope';
import type { PrisonContext } from '../prison.context';
import { prisonPolicies } from '../prison.policies';
import { prisonersInCustodyAtOrGranted } from './custody-relationship.query';

/** The relationships the prison holds (the shared `CASE_RELATIONSHIPS` it answers for, `HOLDER_OF`). */
export enum CustodyRelationshipKind {
  HELD_IN_CUSTODY = 'HELD_IN_CUSTODY',
}

registerEnumType(CustodyRelationshipKind, {
  name: 'CustodyRelationship',
  description:
    "How the caller stands to a person the prison holds: HELD_IN_CUSTODY (in custody now at the establishment the caller's token names; a caller whose token names none holds no one).",
});

@ObjectType({ description: "One relationship of the caller's, with the people it holds for. Owner: prison." })
export class CustodyRelationshipEntry {
  @Access(prisonPolicies.custodyRelationships)
  @Field(() => CustodyRelationshipKind, { description: 'The relationship.' })
  relationship!: CustodyRelationshipKind;

  @Access(prisonPolicies.custodyRelationships)
  @Field(() => [ID], { description: "PNC IDs of the people the caller stands in this relationship to (within the caller's row scope)." })
  pncIds!: string[];
}

@Resolver()
export class CustodyRelationshipResolver {
  @Access(prisonPolicies.custodyRelationships)
  @Query(() => [CustodyRelationshipEntry], {
    description:
      "The caller's own custody relationships, which the gateway vouches to the police for their ViSOR partner condition (issue 12, A.R5): the people in custody now (NOMIS IN) at the establishment the caller's token names (or granted to them), within their prison row scope; none for a token that names no establishment (an area holds more than the gateway vouches for). Released or transferred people drop out on the next request.",
  })
  async myCustodyRelationships(@Ctx() context: PrisonContext): Promise<CustodyRelationshipEntry[]> {
    const scope = context.rowScope;
    const { principal } = scope;
    // Only a caller whose token names an establishment holds anyone in custody (A.R5, OQ 14: prison scope
    // follows custody). An area would not do: it holds more people than the gateway vouches for
    // (MAX_CASE_RELATIONSHIP_SUBJECTS), so the answer would depend on the area's size; fail closed instead.
    if (principal.establishment === undefined) return [{ relationship: CustodyRelationshipKind.HELD_IN_CUSTODY, pncIds: [] }];
    const rows = await prisonersInCustodyAtOrGranted(context.db, principal.establishment, scope.grantedPncIds);
    const held = rows.filter((row) => subjectInScope(prisonSubjectFacts(row), scope)).map((row) => row.pncId);
    return [{ relationship: CustodyRelationshipKind.HELD_IN_CUSTODY, pncIds: [...new Set(held)].sort() }];
  }
}
