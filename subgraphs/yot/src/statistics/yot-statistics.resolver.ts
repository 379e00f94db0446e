import { Arg, Ctx, Directive, Query, Resolver } from 'type-graphql';
import { z } from 'zod';
import { Access, MappaArea, parseInput, readsAreaStatistics, statisticsSecretSchema } from '@mappa/shared';
import type { YotContext } from '../yot.context';
import { yotPolicies } from '../yot.policies';
import { statisticsSubjectsOf } from './yot-statistics.query';
import { YotStatisticsSubjects } from './yot-statistics.type';

const subjectsSchema = z.object({ area: z.enum(MappaArea), querySecret: statisticsSecretSchema });

/** The YOT's statistics for the gateway's statistics service (issue 13); another area or purpose is answered with nothing (principle 9). */
@Resolver()
export class YotStatisticsResolver {
  @Access(yotPolicies.statisticsSubjects)
  @Directive('@federation__inaccessible')
  @Query(() => YotStatisticsSubjects, {
    nullable: true,
    description:
      'The young people the YOT holds in an area under pseudonyms for one query, with its aggregable dimension (the gateway statistics service only).',
  })
  async yotStatisticsSubjects(
    @Arg('area', () => MappaArea, { description: "The area (the caller's own)." }) area: MappaArea,
    @Arg('querySecret', () => String, { description: "This query's own pseudonym secret, from the gateway." }) querySecret: string,
    @Ctx() context: YotContext,
  ): Promise<YotStatisticsSubjects | null> {
    const values = parseInput(subjectsSchema, { area, querySecret }, 'subjects');
    if (!readsAreaStatistics(context.caller, values.area)) return null;
    context.log.info({ area: values.area }, 'statistics subjects read');
    return statisticsSubjectsOf(context.db, values.area, values.querySecret);
  }
}
