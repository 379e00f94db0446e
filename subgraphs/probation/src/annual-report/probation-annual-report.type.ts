import { Directive, Field, ObjectType } from 'type-graphql';
import { Access } from '@mappa/shared';
import { probationPolicies } from '../probation.policies';

/*
 * Probation's part of annual report table 5 (issue 13): @inaccessible, composed into the supergraph but
 * not in the schema clients see, asked only by the gateway's statistics service.
 */
@Directive('@federation__inaccessible')
@ObjectType({
  description:
    'One person returned to custody on recall in the reporting year, under a pseudonym for one report (for the gateway statistics service only). Owner: probation.',
})
export class ProbationStatisticsRecall {
  @Access(probationPolicies.statisticsPublished)
  @Field(() => String, { description: "HMAC of the subject key under the report's own secret." })
  pseudonym!: string;

  @Access(probationPolicies.statisticsPublished)
  @Field(() => String, { description: 'The reason of their latest recall in the year (RECALL_REASONS).' })
  reason!: string;
}
