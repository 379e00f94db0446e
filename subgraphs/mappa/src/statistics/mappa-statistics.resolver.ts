import { Arg, Ctx, Directive, Query, Resolver } from 'type-graphql';
import { z } from 'zod';
import { Access, MappaArea, parseInput, readsAreaStatistics, statisticsSecretSchema } from '@mappa/shared';
import type { MappaContext } from '../mappa.context';
import { mappaPolicies } from '../mappa.policies';
import { statisticsGroupsOf, statisticsSubjectsOf } from './mappa-statistics.query';
import { MappaStatisticsGroups, MappaStatisticsSubjects } from './mappa-statistics.type';

const subjectsSchema = z.object({ area: z.enum(MappaArea), querySecret: statisticsSecretSchema, keySecret: statisticsSecretSchema });
const groupsSchema = z.object({ area: z.enum(MappaArea), keySecret: statisticsSecretSchema });

/**
 * The MAPPA unit's ad-hoc statistics for the gateway's statistics service (issue 13): pseudonymous rows that never reach a client (the queries are @inaccessible). Another area, or any
 * purpose but STATISTICS, is answered with nothing (principle 9).
 */
@Resolver()
export class MappaStatisticsResolver {
  @Access(mappaPolicies.statisticsSubjects)
  @Directive('@federation__inaccessible')
  @Query(() => MappaStatisticsSubjects, {
    nullable: true,
    description:
      "The MAPPA offenders of an area under pseudonyms for one query, with the unit's dimensions, as parallel columns (the gateway statistics service only).",
  })
  async mappaStatisticsSubjects(
    @Arg('area', () => MappaArea, { description: "The area (the caller's own)." }) area: MappaArea,
    @Arg('querySecret', () => String, { description: "This query's own pseudonym secret, from the gateway." }) querySecret: string,
    @Arg('keySecret', () => String, { description: "The product's record-key secret, from the gateway." }) keySecret: string,
    @Ctx() context: MappaContext,
  ): Promise<MappaStatisticsSubjects | null> {
    const values = parseInput(subjectsSchema, { area, querySecret, keySecret }, 'subjects');
    if (!readsAreaStatistics(context.caller, values.area)) return null;
    context.log.info({ area: values.area }, 'statistics subjects read');
    return statisticsSubjectsOf(context.db, values.area, values.querySecret, values.keySecret);
  }

  @Access(mappaPolicies.statisticsSubjects)
  @Directive('@federation__inaccessible')
  @Query(() => MappaStatisticsGroups, {
    nullable: true,
    description:
      "The MAPPA offenders of an area counted by category, level and lead agency (at most 27 groups), with each group's record-key sum (the gateway statistics service only, for a table whose every dimension is the unit's own).",
  })
  async mappaStatisticsGroups(
    @Arg('area', () => MappaArea, { description: "The area (the caller's own)." }) area: MappaArea,
    @Arg('keySecret', () => String, { description: "The product's record-key secret, from the gateway." }) keySecret: string,
    @Ctx() context: MappaContext,
  ): Promise<MappaStatisticsGroups | null> {
    const values = parseInput(groupsSchema, { area, keySecret }, 'groups');
    if (!readsAreaStatistics(context.caller, values.area)) return null;
    context.log.info({ area: values.area }, 'statistics groups read');
    return statisticsGroupsOf(context.db, values.area, values.keySecret);
  }
}
