import { Arg, Ctx, Directive, Query, Resolver } from 'type-graphql';
import { z } from 'zod';
import { Access, isoDateSchema, LocalDate, MappaArea, parseInput, readsAreaKpis, statisticsSecretSchema } from '@mappa/shared';
import type { PrisonContext } from '../prison.context';
import { prisonPolicies } from '../prison.policies';
import { mappaFProvidedOf, prisonKpiCellsOf } from './prison-kpi.query';
import { PrisonKpiCell, PrisonMappaFProvided } from './prison-kpi.type';

const kpisSchema = z
  .object({ area: z.enum(MappaArea), from: isoDateSchema, to: isoDateSchema, keySecret: statisticsSecretSchema })
  .superRefine((period, context) => {
    if (period.to < period.from) context.addIssue({ code: 'custom', path: ['to'], message: 'the period ends on or after it starts' });
  });
const providedSchema = z
  .object({ area: z.enum(MappaArea), from: isoDateSchema, to: isoDateSchema, querySecret: statisticsSecretSchema })
  .superRefine((period, context) => {
    if (period.to < period.from) context.addIssue({ code: 'custom', path: ['to'], message: 'the period ends on or after it starts' });
  });

/** The prison's part of the MAPPA KPIs (C §7.2 KPI 7), raw, for the gateway's statistics service (@inaccessible). Another area, or any purpose but STATISTICS, is answered with nothing. */
@Resolver()
export class PrisonKpiResolver {
  @Access(prisonPolicies.statisticsKpis)
  @Directive('@federation__inaccessible')
  @Query(() => [PrisonKpiCell], {
    nullable: true,
    description: "The prison's KPI cells (MAPPA F on time) of an area and period, raw (the gateway statistics service only).",
  })
  async prisonStatisticsKpis(
    @Arg('area', () => MappaArea, { description: "The area (the caller's own)." }) area: MappaArea,
    @Arg('from', () => LocalDate, { description: 'The first day of the period.' }) from: string,
    @Arg('to', () => LocalDate, { description: 'The last day of the period (included).' }) to: string,
    @Arg('keySecret', () => String, { description: "The product's record-key secret, from the gateway." }) keySecret: string,
    @Ctx() context: PrisonContext,
  ): Promise<PrisonKpiCell[] | null> {
    const values = parseInput(kpisSchema, { area, from: String(from), to: String(to), keySecret }, 'kpis');
    // C.95: another area's KPIs too, for an analyst, the co-ordinator or the chair.
    if (!readsAreaKpis(context.caller, values.area)) return null;
    context.log.info({ area: values.area }, 'KPI statistics read');
    return prisonKpiCellsOf(context.db, values.area, values.from, values.to, values.keySecret);
  }

  @Access(prisonPolicies.statisticsKpis)
  @Directive('@federation__inaccessible')
  @Query(() => PrisonMappaFProvided, {
    nullable: true,
    description:
      'The meetings of an area and period the prison provided a MAPPA F to, as meeting pseudonyms, for KPI 7 as one figure (the gateway statistics service only).',
  })
  async prisonStatisticsMappaFProvided(
    @Arg('area', () => MappaArea, { description: "The area (the caller's own)." }) area: MappaArea,
    @Arg('from', () => LocalDate, { description: 'The first day of the period.' }) from: string,
    @Arg('to', () => LocalDate, { description: 'The last day of the period (included).' }) to: string,
    @Arg('querySecret', () => String, { description: "This query's pseudonym secret, from the gateway." }) querySecret: string,
    @Ctx() context: PrisonContext,
  ): Promise<PrisonMappaFProvided | null> {
    const values = parseInput(providedSchema, { area, from: String(from), to: String(to), querySecret }, 'kpis');
    if (!readsAreaKpis(context.caller, values.area)) return null;
    return mappaFProvidedOf(context.db, values.area, values.from, values.to, values.querySecret);
  }
}
