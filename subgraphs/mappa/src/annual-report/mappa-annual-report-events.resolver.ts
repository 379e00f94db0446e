import { Arg, Ctx, Directive, Int, Query, Resolver } from 'type-graphql';
import { z } from 'zod';
import { Access, MappaArea, parseInput, readsPublishedStatistics, statisticsSecretSchema } from '@mappa/shared';
import type { MappaContext } from '../mappa.context';
import { mappaPolicies } from '../mappa.policies';
import { annualReportOf } from './mappa-annual-report-events.query';
import { MappaStatisticsAnnualReportEvents } from './mappa-annual-report-events.type';

const eventsSchema = z.object({
  area: z.enum(MappaArea).nullable(),
  year: z.number().int().min(2000).max(2100),
  querySecret: statisticsSecretSchema,
  keySecret: statisticsSecretSchema,
});

/**
 * The MAPPA unit's whole part of the annual report (tables 1, 2, 5 and 7-9) for the gateway's statistics
 * service (issue 13), in one request; @inaccessible. An area other than the caller's, or any purpose but STATISTICS, is answered with
 * nothing (principle 9); no area is England and Wales, for any published-tables caller.
 */
@Resolver()
export class MappaAnnualReportEventsResolver {
  @Access(mappaPolicies.statisticsPublished)
  @Directive('@federation__inaccessible')
  @Query(() => MappaStatisticsAnnualReportEvents, {
    nullable: true,
    description:
      "Annual report tables 1, 2 and 7-9 raw, and table 2's people under pseudonyms for table 5 (the gateway statistics service only).",
  })
  async mappaStatisticsAnnualReportEvents(
    @Arg('area', () => MappaArea, { nullable: true, description: "The area (the caller's own); null for England and Wales." })
    area: MappaArea | null,
    @Arg('year', () => Int, { description: 'The reporting year starting 1 April of this year.' }) year: number,
    @Arg('querySecret', () => String, { description: "This report's own pseudonym secret, from the gateway." }) querySecret: string,
    @Arg('keySecret', () => String, { description: "The product's record-key secret, from the gateway." }) keySecret: string,
    @Ctx() context: MappaContext,
  ): Promise<MappaStatisticsAnnualReportEvents | null> {
    const values = parseInput(eventsSchema, { area: area ?? null, year, querySecret, keySecret }, 'annualReportEvents');
    if (!readsPublishedStatistics(context.caller, values.area)) return null;
    context.log.info({ area: values.area ?? 'ENGLAND_AND_WALES', year: values.year }, 'annual report event statistics read');
    return annualReportOf(context.db, values.area, values.year, values.querySecret, values.keySecret);
  }
}
