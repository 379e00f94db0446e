import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { Access } from '@mappa/shared';
import { policePolicies } from '../police.policies';

/*
 * The police's part of the ad-hoc statistics join (issue 13): @inaccessible, composed into the
 * supergraph but not in the schema clients see, asked only by the gateway's statistics service.
 *
 * Columnar (issue 13, 1,000,000 offenders): one object of parallel lists, entry i of every list being
 * the same person, instead of one object per person; each field's policy is checked once per answer,
 * with the same policy and audit as before.
 */
@Directive('@federation__inaccessible')
@ObjectType({
  description:
    'The people the police holds in an area, under pseudonyms for one query, with the dimensions it lets be aggregated, as parallel columns (entry i of each is one person; for the gateway statistics service only). Owner: police.',
})
export class PoliceStatisticsSubjects {
  @Access(policePolicies.statisticsSubjects)
  @Field(() => [String], { description: "HMAC of the subject key under the query's own secret." })
  pseudonym!: string[];

  @Access(policePolicies.statisticsSubjects)
  @Field(() => [String], { description: 'MALE, FEMALE or NOT_KNOWN.' })
  gender!: string[];

  @Access(policePolicies.statisticsSubjects)
  @Field(() => [String], {
    description: 'The age band today (UNDER_18, AGE_18_TO_25, AGE_26_TO_35, AGE_36_TO_50, AGE_51_AND_OVER), never the date of birth.',
  })
  ageBand!: string[];

  @Access(policePolicies.statisticsSubjects)
  @Field(() => [String], {
    description: 'The census group of the self-defined ethnicity (WHITE, MIXED, ASIAN, BLACK, OTHER, NOT_STATED), never the 18+1 code.',
  })
  ethnicityGroup!: string[];

  @Access(policePolicies.statisticsSubjects)
  @Field(() => [[String]], {
    description: 'The types of the civil orders in force today (SHPO, SOPO, SRO, NOTIFICATION_ORDER, FOREIGN_TRAVEL_ORDER), or [NONE].',
  })
  orderTypes!: string[][];

  @Access(policePolicies.statisticsSubjects)
  @Field(() => [Int], { nullable: true, description: 'Civil orders made in the period; null without a period.' })
  ordersImposed!: number[] | null;

  @Access(policePolicies.statisticsSubjects)
  @Field(() => [Int], { nullable: true, description: 'Breaches of a civil order dated in the period; null without a period.' })
  orderBreaches!: number[] | null;

  @Access(policePolicies.statisticsSubjects)
  @Field(() => [Int], {
    nullable: true,
    description: 'Breaches of the notification requirements dated in the period; null without a period.',
  })
  notificationBreaches!: number[] | null;
}
