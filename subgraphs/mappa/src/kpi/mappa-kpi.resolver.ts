import { Arg, Ctx, Directive, Query, Resolver } from 'type-graphql';
import { z } from 'zod';
import { Access, isoDateSchema, LocalDate, MappaArea, parseInput, readsAreaKpis, statisticsSecretSchema } from '@mappa/shared';
import { dateText } from '../disclosure/disclosure-statistics.resolver';
import type { MappaContext } from '../mappa.context';
import { mappaPolicies } from '../mappa.policies';
import { kpiCellsOf, prisonInvitationsOf } from './mappa-kpi.query';
import { MappaKpiCell, MappaPrisonInvitations } from './mappa-kpi.type';

const kpisSchema = z
  .object({ area: z.enum(MappaArea), from: isoDateSchema, to: isoDateSchema, keySecret: statisticsSecretSchema })
  .superRefine((period, context) => {
    if (period.to < period.from) context.addIssue({ code: 'custom', path: ['to'], message: 'the period ends on or after it starts' });
  });
const invitationsSchema = kpisSchema.and(z.object({ querySecret: statisticsSecretSchema }));

/**
 * The KPIs the MAPPA unit counts (C §7.2), raw, for the gateway's statistics service (the query is
 * @inaccessible). Another area, or any purpose but STATISTICS, is answered with nothing (principle 9).
 */
@Resolver()
export class MappaKpiResolver {
  @Access(mappaPolicies.statisticsKpis)
  @Directive('@federation__inaccessible')
  @Query(() => [MappaKpiCell], {
    nullable: true,
    description: "The MAPPA unit's KPI cells of an area and period, raw (the gateway statistics service only).",
  })
  async mappaStatisticsKpis(
    @Arg('area', () => MappaArea, { description: "The area (the caller's own)." }) area: MappaArea,
    @Arg('from', () => LocalDate, { description: 'The first day of the period.' }) from: string,
    @Arg('to', () => LocalDate, { description: 'The last day of the period (included).' }) to: string,
    @Arg('keySecret', () => String, { description: "The product's record-key secret, from the gateway." }) keySecret: string,
    @Ctx() context: MappaContext,
  ): Promise<MappaKpiCell[] | null> {
    const values = parseInput(kpisSchema, { area, from: dateText(from), to: dateText(to), keySecret }, 'kpis');
    // C.95: another area's KPIs too, for an analyst, the co-ordinator or the chair.
    if (!readsAreaKpis(context.caller, values.area)) return null;
    context.log.info({ area: values.area }, 'KPI statistics read');
    return kpiCellsOf(context.db, values.area, values.from, values.to, values.keySecret, context.today);
  }

  @Access(mappaPolicies.statisticsKpis)
  @Directive('@federation__inaccessible')
  @Query(() => MappaPrisonInvitations, {
    nullable: true,
    description:
      "The prison's invitations to the area's held MAPP meetings in a period, with whether each was attended, by meeting pseudonym, for KPI 7 as one figure (the gateway statistics service only).",
  })
  async mappaStatisticsPrisonInvitations(
    @Arg('area', () => MappaArea, { description: "The area (the caller's own)." }) area: MappaArea,
    @Arg('from', () => LocalDate, { description: 'The first day of the period.' }) from: string,
    @Arg('to', () => LocalDate, { description: 'The last day of the period (included).' }) to: string,
    @Arg('keySecret', () => String, { description: "The product's record-key secret, from the gateway." }) keySecret: string,
    @Arg('querySecret', () => String, { description: "This query's pseudonym secret, from the gateway." }) querySecret: string,
    @Ctx() context: MappaContext,
  ): Promise<MappaPrisonInvitations | null> {
    const values = parseInput(invitationsSchema, { area, from: dateText(from), to: dateText(to), keySecret, querySecret }, 'kpis');
    // C.95: as the KPI cells, another area's too for an analyst, the co-ordinator or the chair.
    if (!readsAreaKpis(context.caller, values.area)) return null;
    return prisonInvitationsOf(context.db, values.area, values.from, values.to, values.keySecret, values.querySecret);
  }
}
