import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { Access, BadUserInputError, MappaArea } from '@mappa/shared';
import type { StatisticsContext } from './statistics.context';
import { statisticsPolicies } from './statistics.policies';
import { DisclosureStatistics } from './disclosure-statistics.type';

/** The MAPPA unit's disclosure statistics for the co-ordinator and the board, behind the statistics path (issue 11, issue 13). */
@Resolver()
export class DisclosureStatisticsResolver {
  @Access(statisticsPolicies.disclosureStatistics)
  @Query(() => DisclosureStatistics, {
    nullable: true,
    description:
      "Disclosure at levels 2 and 3 in an area for the reporting year from 1 April `year`, or one quarter of it (KPI 3, C §7): meetings held and those at which disclosure was considered, decisions proposed, made, not made and withdrawn, by recipient kind and by level. Counts only, protected like every statistic (1-4 withheld with secondary suppression, every count rounded to a multiple of 5 by its cell key; docs/statistics.md). The area's MAPPA co-ordinator and SMB lay advisers under STATISTICS; another area is null (principle 9).",
  })
  async disclosureStatistics(
    @Arg('area', () => MappaArea, { description: 'The area.' }) area: MappaArea,
    @Arg('year', () => Int, { description: 'The reporting year: 1 April of this year to 31 March of the next.' }) year: number,
    @Arg('quarter', () => Int, {
      nullable: true,
      description: 'A quarter of the reporting year (1: April-June ... 4: January-March); none for the whole year.',
    })
    quarter: number | null,
    @Ctx() context: StatisticsContext,
  ): Promise<DisclosureStatistics | null> {
    if (!Number.isInteger(year) || year < 2000 || year > 2100)
      throw new BadUserInputError('a reporting year is 2000 to 2100', [{ path: 'year', message: 'out of range' }]);
    if (quarter !== null && quarter !== undefined && (quarter < 1 || quarter > 4))
      throw new BadUserInputError('a quarter is 1 to 4', [{ path: 'quarter', message: 'out of range' }]);
    if (context.caller.declaredPurpose.purpose !== 'STATISTICS' || context.caller.principal.area !== area) return null;
    return context.statistics.disclosure(context.caller, context.requestId, area, year, quarter ?? null, (detail) =>
      context.audit.recordStatistics(detail),
    );
  }
}
