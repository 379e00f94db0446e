import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { Access } from '@mappa/shared';
import { mappaPolicies } from '../mappa.policies';

/*
 * The MAPPA unit's part of the statistics path (issue 13). These types and the queries returning them
 * are @inaccessible: composed into the supergraph but not in the schema clients see, and asked only by
 * the gateway's statistics service, which suppresses and rounds before anything leaves the product.
 */

@Directive('@federation__inaccessible')
@ObjectType({
  description:
    "One MAPPA offender of an area as the ad-hoc statistics join sees them: a pseudonym for this query alone and the MAPPA unit's dimensions (for the gateway statistics service only). Owner: mappa (MAPPA Co-ordination Unit).",
})
export class MappaStatisticsSubject {
  @Access(mappaPolicies.statisticsSubjects)
  @Field(() => String, { description: "HMAC of the subject key under the query's own secret." })
  pseudonym!: string;

  @Access(mappaPolicies.statisticsSubjects)
  @Field(() => Int, { description: 'The record key (0-4095) for cell-key rounding.' })
  recordKey!: number;

  @Access(mappaPolicies.statisticsSubjects)
  @Field(() => Int, { description: 'The MAPPA category.' })
  category!: number;

  @Access(mappaPolicies.statisticsSubjects)
  @Field(() => Int, { description: 'The MAPPA level.' })
  level!: number;

  @Access(mappaPolicies.statisticsSubjects)
  @Field(() => String, { description: 'The lead agency.' })
  leadAgency!: string;
}
