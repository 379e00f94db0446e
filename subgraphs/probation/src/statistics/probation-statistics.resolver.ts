import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Directive, Info, Query, Resolver } from 'type-graphql';
import { z } from 'zod';
import {
  Access,
  MappaArea,
  parseInput,
  readsAreaStatistics,
  selectedFieldsOf,
  statisticsPeriodSchema,
  statisticsSecretSchema,
} from '@mappa/shared';
import type { ProbationContext } from '../probation.context';
import { probationPolicies } from '../probation.policies';
import { statisticsSubjectsOf } from './probation-statistics.query';
import { ProbationStatisticsSubjects } from './probation-statistics.type';

const subjectsSchema = z.object({ area: z.enum(MappaArea), querySecret: statisticsSecretSchema, period: statisticsPeriodSchema });

/** The probation service's statistics for the gateway's statistics service (issue 13); another area or purpose is answered with nothing (principle 9). */
@Resolver()
export class ProbationStatisticsResolver {
  @Access(probationPolicies.statisticsSubjects)
  @Directive('@federation__inaccessible')
  @Query(() => ProbationStatisticsSubjects, {
    nullable: true,
    description:
      'The people the probation service holds in an area under pseudonyms for one query, with its aggregable dimensions (the gateway statistics service only).',
  })
  async probationStatisticsSubjects(
    @Arg('area', () => MappaArea, { description: "The area (the caller's own)." }) area: MappaArea,
    @Arg('querySecret', () => String, { description: "This query's own pseudonym secret, from the gateway." }) querySecret: string,
    @Arg('from', () => String, {
      nullable: true,
      description: 'The first day of the period the event counts cover (YYYY-MM-DD); none without an event measure.',
    })
    from: string | null,
    @Arg('to', () => String, { nullable: true, description: 'The last day of that period (YYYY-MM-DD).' }) to: string | null,
    @Ctx() context: ProbationContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ProbationStatisticsSubjects | null> {
    const values = parseInput(subjectsSchema, { area, querySecret, period: { from: from ?? null, to: to ?? null } }, 'subjects');
    if (!readsAreaStatistics(context.caller, values.area)) return null;
    context.log.info({ area: values.area }, 'statistics subjects read');
    return statisticsSubjectsOf(context.db, values.area, values.querySecret, values.period, selectedFieldsOf(info));
  }
}
