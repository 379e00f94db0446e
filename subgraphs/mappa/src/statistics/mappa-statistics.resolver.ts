import { Arg, Ctx, Directive, Int, Query, Resolver } from 'type-graphql';
import { z } from 'zod';
import { Access, MappaArea, parseInput, readsAreaStatistics, readsPublishedStatistics, statisticsSecretSchema } from '@mappa/shared';
import type { MappaContext } from '../mappa.context';
import { mappaPolicies } from '../mappa.policies';
import { annualReportCellsOf, statisticsSubjectsOf } from './mappa-statistics.query';
import { MappaStatisticsCell, MappaStatisticsSubject } from './mappa-statistics.type';

const annualReportSchema = z.object({
  area: z.enum(MappaArea).nullable(),
  year: z.number().int().min(2000).max(2100),
  keySecret: statisticsSecretSchema,
});
const subjectsSchema = z.object({ area: z.enum(MappaArea), querySecret: statisticsSecretSchema, keySecret: statisticsSecretSchema });

/**
 * The MAPPA unit's statistics for the gateway's statistics service (issue 13): raw cells and
 * pseudonymous rows that never reach a client (the queries are @inaccessible). Another area, or any
 * purpose but STATISTICS, is answered with nothing (principle 9).
 */
@Resolver()
export class MappaStatisticsResolver {
  @Access(mappaPolicies.statisticsPublished)
  @Directive('@federation__inaccessible')
  @Query(() => [MappaStatisticsCell], {
    nullable: true,
    description: 'The annual report tables 1 and 2 of an area and reporting year, raw (the gateway statistics service only).',
  })
  async mappaStatisticsAnnualReport(
    @Arg('area', () => MappaArea, { nullable: true, description: "The area (the caller's own); null for England and Wales." })
    area: MappaArea | null,
    @Arg('year', () => Int, { description: 'The reporting year starting 1 April of this year.' }) year: number,
    @Arg('keySecret', () => String, { description: "The product's record-key secret, from the gateway." }) keySecret: string,
    @Ctx() context: MappaContext,
  ): Promise<MappaStatisticsCell[] | null> {
    const values = parseInput(annualReportSchema, { area: area ?? null, year, keySecret }, 'annualReport');
    if (!readsPublishedStatistics(context.caller, values.area)) return null;
    context.log.info({ area: values.area ?? 'ENGLAND_AND_WALES', year: values.year }, 'annual report statistics read');
    return annualReportCellsOf(context.db, values.area, values.year, values.keySecret);
  }

  @Access(mappaPolicies.statisticsSubjects)
  @Directive('@federation__inaccessible')
  @Query(() => [MappaStatisticsSubject], {
    nullable: true,
    description:
      "The MAPPA offenders of an area under pseudonyms for one query, with the unit's dimensions (the gateway statistics service only).",
  })
  async mappaStatisticsSubjects(
    @Arg('area', () => MappaArea, { description: "The area (the caller's own)." }) area: MappaArea,
    @Arg('querySecret', () => String, { description: "This query's own pseudonym secret, from the gateway." }) querySecret: string,
    @Arg('keySecret', () => String, { description: "The product's record-key secret, from the gateway." }) keySecret: string,
    @Ctx() context: MappaContext,
  ): Promise<MappaStatisticsSubject[] | null> {
    const values = parseInput(subjectsSchema, { area, querySecret, keySecret }, 'subjects');
    if (!readsAreaStatistics(context.caller, values.area)) return null;
    context.log.info({ area: values.area }, 'statistics subjects read');
    return statisticsSubjectsOf(context.db, values.area, values.querySecret, values.keySecret);
  }
}
