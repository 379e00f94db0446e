import { Directive, Field, ObjectType } from 'type-graphql';
import { Access } from '@mappa/shared';
import { yotPolicies } from '../yot.policies';

/*
 * The YOT's part of the ad-hoc statistics join (issue 13): @inaccessible, composed into the
 * supergraph but not in the schema clients see, asked only by the gateway's statistics service.
 *
 * Columnar (issue 13, 1,000,000 offenders): one object of parallel lists, entry i of every list being
 * the same person, instead of one object per person; each field's policy is checked once per answer,
 * with the same policy and audit as before.
 */
@Directive('@federation__inaccessible')
@ObjectType({
  description:
    'The young people the YOT holds in an area, under pseudonyms for one query, with the dimension it lets be aggregated, as parallel columns (entry i of each is one person; for the gateway statistics service only). Owner: yot.',
})
export class YotStatisticsSubjects {
  @Access(yotPolicies.statisticsSubjects)
  @Field(() => [String], { description: "HMAC of the subject key under the query's own secret." })
  pseudonym!: string[];

  @Access(yotPolicies.statisticsSubjects)
  @Field(() => [String], { description: 'YOT_MANAGED (open or in breach), TRANSITIONING (to probation at 18) or CLOSED.' })
  youthJustice!: string[];
}
