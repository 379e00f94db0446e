import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { Access } from '@mappa/shared';
import { mappaPolicies } from '../mappa.policies';

/*
 * The MAPPA unit's part of the statistics path (issue 13). These types and the queries returning them
 * are @inaccessible: composed into the supergraph but not in the schema clients see, and asked only by
 * the gateway's statistics service, which suppresses and rounds before anything leaves the product.
 *
 * Columnar (issue 13, 1,000,000 offenders): one object whose fields are parallel lists, entry i of each
 * being the same person, instead of one object per person. Each field's policy is then checked once per
 * answer, not once per person, and the answer carries no field names per person; the policy and the
 * audit of the query are the same as they were.
 */

@Directive('@federation__inaccessible')
@ObjectType({
  description:
    "The MAPPA offenders of an area as the ad-hoc statistics join sees them, as parallel columns (entry i of every column is one person): a pseudonym for this query alone and the MAPPA unit's dimensions (for the gateway statistics service only). Owner: mappa (MAPPA Co-ordination Unit).",
})
export class MappaStatisticsSubjects {
  @Access(mappaPolicies.statisticsSubjects)
  @Field(() => [String], { description: "Each person's HMAC of the subject key under the query's own secret." })
  pseudonym!: string[];

  @Access(mappaPolicies.statisticsSubjects)
  @Field(() => [Int], { description: "Each person's record key (0-4095) for cell-key rounding." })
  recordKey!: number[];

  @Access(mappaPolicies.statisticsSubjects)
  @Field(() => [Int], { description: "Each person's MAPPA category." })
  category!: number[];

  @Access(mappaPolicies.statisticsSubjects)
  @Field(() => [Int], { description: "Each person's MAPPA level." })
  level!: number[];

  @Access(mappaPolicies.statisticsSubjects)
  @Field(() => [String], { description: "Each person's lead agency." })
  leadAgency!: string[];
}

@Directive('@federation__inaccessible')
@ObjectType({
  description:
    "The MAPPA offenders of an area counted by the unit, one entry per category, level and lead agency held (at most 27), as parallel columns: how many people and the sum of their record keys (for the gateway statistics service only, when every dimension of a table is the unit's own). Owner: mappa (MAPPA Co-ordination Unit).",
})
export class MappaStatisticsGroups {
  @Access(mappaPolicies.statisticsSubjects)
  @Field(() => [Int], { description: "Each group's MAPPA category." })
  category!: number[];

  @Access(mappaPolicies.statisticsSubjects)
  @Field(() => [Int], { description: "Each group's MAPPA level." })
  level!: number[];

  @Access(mappaPolicies.statisticsSubjects)
  @Field(() => [String], { description: "Each group's lead agency." })
  leadAgency!: string[];

  @Access(mappaPolicies.statisticsSubjects)
  @Field(() => [Int], { description: 'How many people each group holds.' })
  people!: number[];

  @Access(mappaPolicies.statisticsSubjects)
  @Field(() => [Int], { description: "The sum of each group's people's record keys, modulo 4096, for cell-key rounding." })
  recordKey!: number[];
}
