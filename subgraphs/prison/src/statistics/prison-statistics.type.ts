import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { Access } from '@mappa/shared';
import { prisonPolicies } from '../prison.policies';

/*
 * The prison's part of the ad-hoc statistics join (issue 13): @inaccessible, composed into the
 * supergraph but not in the schema clients see, asked only by the gateway's statistics service.
 *
 * Columnar (issue 13, 1,000,000 offenders): one object of parallel lists, entry i of every list being
 * the same person, instead of one object per person; each field's policy is checked once per answer,
 * with the same policy and audit as before.
 */
@Directive('@federation__inaccessible')
@ObjectType({
  description:
    'The prisoners the prison records for an area, under pseudonyms for one query, with the dimensions it lets be aggregated, as parallel columns (entry i of each is one person; for the gateway statistics service only). Owner: prison.',
})
export class PrisonStatisticsSubjects {
  @Access(prisonPolicies.statisticsSubjects)
  @Field(() => [String], { description: "HMAC of the subject key under the query's own secret." })
  pseudonym!: string[];

  @Access(prisonPolicies.statisticsSubjects)
  @Field(() => [String], {
    description: 'In custody SENTENCED, INDETERMINATE_SENTENCE, RECALL or REMAND (remanded or convicted unsentenced); RELEASED once out.',
  })
  custodyStatus!: string[];

  @Access(prisonPolicies.statisticsSubjects)
  @Field(() => [String], {
    nullable: 'itemsAndList',
    description:
      'In custody: WITHIN when the release date is at most the asked number of days from today (or past), LATER, or NO_RELEASE_DATE; NOT_IN_CUSTODY once out. Null when no number of days was asked. Never the date.',
  })
  releaseWithin!: (string | null)[] | null;

  @Access(prisonPolicies.statisticsSubjects)
  @Field(() => [Int], {
    nullable: true,
    description: 'Releases from custody dated in the period (0 or 1: the last movement); null without a period.',
  })
  releases!: number[] | null;
}
