import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { Access } from '@mappa/shared';
import { probationPolicies } from '../probation.policies';

/*
 * The probation service's part of the ad-hoc statistics join (issue 13): @inaccessible, composed into the
 * supergraph but not in the schema clients see, asked only by the gateway's statistics service.
 *
 * Columnar (issue 13, 1,000,000 offenders): one object of parallel lists, entry i of every list being
 * the same person, instead of one object per person; each field's policy is checked once per answer,
 * with the same policy and audit as before.
 */
@Directive('@federation__inaccessible')
@ObjectType({
  description:
    'The people the probation service holds in an area, under pseudonyms for one query, with the dimensions it lets be aggregated, as parallel columns (entry i of each is one person; for the gateway statistics service only). Owner: probation.',
})
export class ProbationStatisticsSubjects {
  @Access(probationPolicies.statisticsSubjects)
  @Field(() => [String], { description: "HMAC of the subject key under the query's own secret." })
  pseudonym!: string[];

  @Access(probationPolicies.statisticsSubjects)
  @Field(() => [String], {
    description: 'CUSTODY, LICENCE, COMMUNITY_ORDER or NONE for a current case; NOT_CURRENT for a previously known one.',
  })
  supervisionType!: string[];

  @Access(probationPolicies.statisticsSubjects)
  @Field(() => [String], { description: 'The overall risk of serious harm level of the latest OASys summary, or NOT_ASSESSED.' })
  riskOfSeriousHarm!: string[];

  @Access(probationPolicies.statisticsSubjects)
  @Field(() => [String], { description: 'The type of the licence in force (AP, PSS, AP_PSS), or NO_LICENCE.' })
  licenceType!: string[];

  @Access(probationPolicies.statisticsSubjects)
  @Field(() => [[String]], {
    description:
      'The types of the additional and bespoke conditions of the licence in force (e.g. EXCLUSION_ZONE, CURFEW, NON_CONTACT), never their wording; [NONE] without one.',
  })
  licenceConditions!: string[][];

  @Access(probationPolicies.statisticsSubjects)
  @Field(() => [Int], { nullable: true, description: 'Recalls to custody dated in the period; null without a period.' })
  recalls!: number[] | null;
}
