import { Directive, Field, ObjectType } from 'type-graphql';
import { Access } from '@mappa/shared';
import { probationPolicies } from '../probation.policies';

/*
 * Probation's part of annual report table 5 (issue 13): @inaccessible, composed into the supergraph but
 * not in the schema clients see, asked only by the gateway's statistics service. Columnar (parallel
 * lists, not an object per person): each field's policy is checked once per answer (issue 13).
 */
@Directive('@federation__inaccessible')
@ObjectType({
  description:
    'The people returned to custody on recall in the reporting year, under pseudonyms for one report, as parallel columns: entry i of each column is one person (for the gateway statistics service only). Owner: probation.',
})
export class ProbationStatisticsRecalls {
  @Access(probationPolicies.statisticsPublished)
  @Field(() => [String], { description: "Each person's HMAC of the subject key under the report's own secret." })
  pseudonym!: string[];

  @Access(probationPolicies.statisticsPublished)
  @Field(() => [String], { description: "The reason of each person's latest recall in the year (RECALL_REASONS)." })
  reason!: string[];
}
