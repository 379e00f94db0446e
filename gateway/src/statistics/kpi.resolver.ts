import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { Access, BadUserInputError, MappaArea, readsAreaKpis } from '@mappa/shared';
import type { StatisticsContext } from './statistics.context';
import { statisticsPolicies } from './statistics.policies';
import { MappaKpis } from './kpi.type';

/** The MAPPA KPIs for the board (issue 13, C §7.2), served inside the gateway process like the annual report. */
@Resolver()
export class KpiResolver {
  @Access(statisticsPolicies.kpis)
  @Query(() => MappaKpis, {
    nullable: true,
    description:
      "The MAPPA KPIs of an area for the reporting year from 1 April `year`, or one quarter of it (C §7.2): each as met / not met / total, protected like every statistic (1-4 withheld with secondary suppression, every count rounded to a multiple of 5), and a percentage from the published counts only (docs/statistics.md). Analysts, the co-ordinator, the chair and SMB lay advisers under STATISTICS, for their own area; analysts, the co-ordinator and the chair also for any other area (C.95: areas see each other's KPI compliance); another area is null for a lay adviser.",
  })
  async mappaKpis(
    @Arg('area', () => MappaArea, { description: 'The area.' }) area: MappaArea,
    @Arg('year', () => Int, { description: 'The reporting year: 1 April of this year to 31 March of the next.' }) year: number,
    @Arg('quarter', () => Int, {
      nullable: true,
      description: 'A quarter of the reporting year (1: April-June ... 4: January-March); none for the whole year.',
    })
    quarter: number | null,
    @Ctx() context: StatisticsContext,
  ): Promise<MappaKpis | null> {
    if (!Number.isInteger(year) || year < 2000 || year > 2100)
      throw new BadUserInputError('a reporting year is 2000 to 2100', [{ path: 'year', message: 'out of range' }]);
    if (quarter !== null && quarter !== undefined && (quarter < 1 || quarter > 4))
      throw new BadUserInputError('a quarter is 1 to 4', [{ path: 'quarter', message: 'out of range' }]);
    // C.95: an analyst, the co-ordinator or the chair may compare with other areas; a lay adviser has their own board's.
    if (!readsAreaKpis(context.caller, area)) return null;
    return context.statistics.kpis(context.caller, context.requestId, area, year, quarter ?? null, (detail) =>
      context.audit.recordStatistics(detail),
    );
  }
}
