import { Directive, Field, ObjectType } from 'type-graphql';
import { Access } from '@mappa/shared';
import { yotPolicies } from '../yot.policies';

/*
 * The YOT's part of the ad-hoc statistics join (issue 13): @inaccessible, composed into the
 * supergraph but not in the schema clients see, asked only by the gateway's statistics service.
 */
@Directive('@federation__inaccessible')
@ObjectType({
  description:
    'One young person the YOT holds in an area, under a pseudonym for one query, with the dimension it lets be aggregated (for the gateway statistics service only). Owner: yot.',
})
export class YotStatisticsSubject {
  @Access(yotPolicies.statisticsSubjects)
  @Field(() => String, { description: "HMAC of the subject key under the query's own secret." })
  pseudonym!: string;

  @Access(yotPolicies.statisticsSubjects)
  @Field(() => String, { description: 'YOT_MANAGED (open or in breach), TRANSITIONING (to probation at 18) or CLOSED.' })
  youthJustice!: string;
}
