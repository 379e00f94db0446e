import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { Access, MappaArea } from '@mappa/shared';
import { StatisticsDimension } from './statistics-dimensions';
import { StatisticsMeasure, StatisticsPeriodInput } from './statistics-measures';
import type { StatisticsContext } from './statistics.context';
import { statisticsPolicies } from './statistics.policies';
import { AnnualReport, StatisticsFilterInput, StatisticsTable } from './statistics.type';

/** Whether the caller may have `area`'s statistics: their own token's area, under STATISTICS (the roles are the policy's). */
function ownArea(context: StatisticsContext, area: MappaArea): boolean {
  return context.caller.declaredPurpose.purpose === 'STATISTICS' && context.caller.principal.area === area;
}

/**
 * The statistics path's client-facing queries (issue 13), served inside the gateway process. Another
 * area is answered with null and no error, exactly as when the owners answer nothing (principle 9).
 */
@Resolver()
export class StatisticsResolver {
  @Access(statisticsPolicies.publishedTables)
  @Query(() => AnnualReport, {
    nullable: true,
    description:
      'The MAPPA annual report tables of an area for the reporting year from 1 April `year` (C §7.3): counts only, 1-4 withheld with secondary suppression, every count rounded to a multiple of 5 (docs/statistics.md). Analysts, the co-ordinator, the chair and SMB lay advisers under STATISTICS, for their own area; another area is null.',
  })
  async annualReport(
    @Arg('area', () => MappaArea, { description: 'The area.' }) area: MappaArea,
    @Arg('year', () => Int, { description: 'The reporting year: 1 April of this year to 31 March of the next.' }) year: number,
    @Ctx() context: StatisticsContext,
  ): Promise<AnnualReport | null> {
    if (!ownArea(context, area)) return null;
    return context.statistics.annualReport(context.caller, context.requestId, area, year, (detail) =>
      context.audit.recordStatistics(detail),
    );
  }

  @Access(statisticsPolicies.publishedTables)
  @Query(() => AnnualReport, {
    nullable: true,
    description:
      "The national MAPPA annual report tables (England and Wales, the sum of every area) for the reporting year from 1 April `year`: each table protected as a table of its own from the raw national counts, as the area tables are (docs/statistics.md). The published tables' callers under STATISTICS, whatever their area.",
  })
  async nationalAnnualReport(
    @Arg('year', () => Int, { description: 'The reporting year: 1 April of this year to 31 March of the next.' }) year: number,
    @Ctx() context: StatisticsContext,
  ): Promise<AnnualReport | null> {
    if (context.caller.declaredPurpose.purpose !== 'STATISTICS') return null;
    return context.statistics.annualReport(context.caller, context.requestId, null, year, (detail) =>
      context.audit.recordStatistics(detail),
    );
  }

  @Access(statisticsPolicies.adHocAggregate)
  @Query(() => StatisticsTable, {
    nullable: true,
    description:
      "An ad-hoc two-way table of the area's MAPPA offenders (active cases) by two dimensions, with filters; dimensions of several agencies are joined inside the product by a pseudonym for this query alone. Counts only, protected as the annual report, and every count withheld when the filters leave fewer than the minimum group size. Analysts, the co-ordinator and the chair under STATISTICS, for their own area; another area is null.",
  })
  async statisticsAggregate(
    @Arg('area', () => MappaArea, { description: 'The area.' }) area: MappaArea,
    @Arg('rows', () => StatisticsDimension, { description: 'The row dimension.' }) rows: StatisticsDimension,
    @Arg('columns', () => StatisticsDimension, { description: 'The column dimension (not the row dimension).' })
    columns: StatisticsDimension,
    @Arg('filters', () => [StatisticsFilterInput], { nullable: true, description: 'Keep only people matching every filter.' })
    filters: StatisticsFilterInput[] | null,
    @Arg('measure', () => StatisticsMeasure, {
      defaultValue: StatisticsMeasure.PEOPLE,
      description: 'What each cell counts: people (the default) or events in `period`.',
    })
    measure: StatisticsMeasure,
    @Arg('period', () => StatisticsPeriodInput, {
      nullable: true,
      description: 'The period of an event measure (required with one, refused without).',
    })
    period: StatisticsPeriodInput | null,
    @Arg('releaseWithinDays', () => Int, {
      nullable: true,
      description: 'How many days ahead RELEASE_WITHIN_DAYS looks (1-3650; required with that dimension, refused without).',
    })
    releaseWithinDays: number | null,
    @Ctx() context: StatisticsContext,
  ): Promise<StatisticsTable | null> {
    if (!ownArea(context, area)) return null;
    return context.statistics.aggregate(
      context.caller,
      context.requestId,
      area,
      rows,
      columns,
      filters ?? [],
      { measure, period: period ?? null, releaseWithinDays: releaseWithinDays ?? null },
      (detail) => context.audit.recordStatistics(detail),
    );
  }
}
