import { Arg, Ctx, Directive, Int, Query, Resolver } from 'type-graphql';
import { z } from 'zod';
import { Access, MappaArea, parseInput, readsPublishedStatistics, statisticsSecretSchema } from '@mappa/shared';
import type { ProbationContext } from '../probation.context';
import { probationPolicies } from '../probation.policies';
import { returnedToCustodyOnRecallOf } from './probation-annual-report.query';
import { ProbationStatisticsRecalls } from './probation-annual-report.type';

const annualReportSchema = z.object({
  area: z.enum(MappaArea).nullable(),
  year: z.number().int().min(2000).max(2100),
  querySecret: statisticsSecretSchema,
});

/**
 * Probation's part of the annual report for the gateway's statistics service (issue 13); another area
 * or purpose is answered with nothing (principle 9); no area is England and Wales.
 */
@Resolver()
export class ProbationAnnualReportResolver {
  @Access(probationPolicies.statisticsPublished)
  @Directive('@federation__inaccessible')
  @Query(() => ProbationStatisticsRecalls, {
    nullable: true,
    description:
      'Table 5: the people returned to custody on recall in the reporting year, under pseudonyms, with the reason (the gateway statistics service only).',
  })
  async probationStatisticsReturnsToCustody(
    @Arg('area', () => MappaArea, { nullable: true, description: "The area (the caller's own); null for England and Wales." })
    area: MappaArea | null,
    @Arg('year', () => Int, { description: 'The reporting year starting 1 April of this year.' }) year: number,
    @Arg('querySecret', () => String, { description: "This report's own pseudonym secret, from the gateway." }) querySecret: string,
    @Ctx() context: ProbationContext,
  ): Promise<ProbationStatisticsRecalls | null> {
    const values = parseInput(annualReportSchema, { area: area ?? null, year, querySecret }, 'annualReport');
    if (!readsPublishedStatistics(context.caller, values.area)) return null;
    context.log.info({ area: values.area ?? 'ENGLAND_AND_WALES', year: values.year }, 'annual report statistics read');
    return returnedToCustodyOnRecallOf(context.db, values.area, values.year, values.querySecret);
  }
}
