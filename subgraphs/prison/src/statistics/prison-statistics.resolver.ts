import { Arg, Ctx, Directive, Int, Query, Resolver } from 'type-graphql';
import { z } from 'zod';
import {
  Access,
  MappaArea,
  parseInput,
  readsAreaStatistics,
  releaseWithinDaysSchema,
  statisticsPeriodSchema,
  statisticsSecretSchema,
} from '@mappa/shared';
import type { PrisonContext } from '../prison.context';
import { prisonPolicies } from '../prison.policies';
import { statisticsSubjectsOf } from './prison-statistics.query';
import { PrisonStatisticsSubjects } from './prison-statistics.type';

const subjectsSchema = z.object({
  area: z.enum(MappaArea),
  querySecret: statisticsSecretSchema,
  period: statisticsPeriodSchema,
  releaseWithinDays: releaseWithinDaysSchema.nullable(),
});

/** The prison's statistics for the gateway's statistics service (issue 13); another area or purpose is answered with nothing (principle 9). */
@Resolver()
export class PrisonStatisticsResolver {
  @Access(prisonPolicies.statisticsSubjects)
  @Directive('@federation__inaccessible')
  @Query(() => PrisonStatisticsSubjects, {
    nullable: true,
    description:
      'The prisoners the prison records for an area under pseudonyms for one query, with its aggregable dimensions (the gateway statistics service only).',
  })
  async prisonStatisticsSubjects(
    @Arg('area', () => MappaArea, { description: "The area (the caller's own)." }) area: MappaArea,
    @Arg('querySecret', () => String, { description: "This query's own pseudonym secret, from the gateway." }) querySecret: string,
    @Arg('from', () => String, {
      nullable: true,
      description: 'The first day of the period the event counts cover (YYYY-MM-DD); none without an event measure.',
    })
    from: string | null,
    @Arg('to', () => String, { nullable: true, description: 'The last day of that period (YYYY-MM-DD).' }) to: string | null,
    @Arg('releaseWithinDays', () => Int, {
      nullable: true,
      description: 'How many days ahead "release within" looks (1-3650); none without that dimension.',
    })
    releaseWithinDays: number | null,
    @Ctx() context: PrisonContext,
  ): Promise<PrisonStatisticsSubjects | null> {
    const values = parseInput(
      subjectsSchema,
      { area, querySecret, period: { from: from ?? null, to: to ?? null }, releaseWithinDays: releaseWithinDays ?? null },
      'subjects',
    );
    if (!readsAreaStatistics(context.caller, values.area)) return null;
    context.log.info({ area: values.area }, 'statistics subjects read');
    return statisticsSubjectsOf(context.db, values.area, values.querySecret, values.period, values.releaseWithinDays, context.today);
  }
}
