import { Arg, Ctx, Directive, Int, Query, Resolver } from 'type-graphql';
import { z } from 'zod';
import { Access, MappaArea, parseInput, readsPublishedStatistics, statisticsSecretSchema } from '@mappa/shared';
import type { PoliceContext } from '../police.context';
import { policePolicies } from '../police.policies';
import { annualReportCellsOf, sentToCustodyForBreachOfOrderOf } from './police-annual-report.query';
import { PoliceStatisticsAnnualReport } from './police-annual-report.type';

const annualReportSchema = z.object({
  area: z.enum(MappaArea).nullable(),
  year: z.number().int().min(2000).max(2100),
  querySecret: statisticsSecretSchema,
  keySecret: statisticsSecretSchema,
});

/**
 * The police's part of the annual report for the gateway's statistics service (issue 13); another area
 * or purpose is answered with nothing (principle 9); no area is England and Wales.
 */
@Resolver()
export class PoliceAnnualReportResolver {
  @Access(policePolicies.statisticsPublished)
  @Directive('@federation__inaccessible')
  @Query(() => PoliceStatisticsAnnualReport, {
    nullable: true,
    description:
      "Annual report tables 3 and 4 raw, and table 5's returns to custody under pseudonyms (the gateway statistics service only).",
  })
  async policeStatisticsAnnualReport(
    @Arg('area', () => MappaArea, { nullable: true, description: "The area (the caller's own); null for England and Wales." })
    area: MappaArea | null,
    @Arg('year', () => Int, { description: 'The reporting year starting 1 April of this year.' }) year: number,
    @Arg('querySecret', () => String, { description: "This report's own pseudonym secret, from the gateway." }) querySecret: string,
    @Arg('keySecret', () => String, { description: "The product's record-key secret, from the gateway." }) keySecret: string,
    @Ctx() context: PoliceContext,
  ): Promise<PoliceStatisticsAnnualReport | null> {
    const values = parseInput(annualReportSchema, { area: area ?? null, year, querySecret, keySecret }, 'annualReport');
    if (!readsPublishedStatistics(context.caller, values.area)) return null;
    context.log.info({ area: values.area ?? 'ENGLAND_AND_WALES', year: values.year }, 'annual report statistics read');
    const [cells, sentToCustodyForBreachOfOrder] = await Promise.all([
      annualReportCellsOf(context.db, values.area, values.year, values.keySecret),
      sentToCustodyForBreachOfOrderOf(context.db, values.area, values.year, values.querySecret),
    ]);
    return { cells, sentToCustodyForBreachOfOrder };
  }
}
