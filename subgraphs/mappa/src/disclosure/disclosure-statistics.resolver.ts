import { Arg, Ctx, Directive, Query, Resolver } from 'type-graphql';
import { z } from 'zod';
import {
  Access,
  BadUserInputError,
  isoDateSchema,
  LocalDate,
  MappaArea,
  parseInput,
  statisticsSecretSchema,
  storedDateOf,
} from '@mappa/shared';
import type { MappaContext } from '../mappa.context';
import { mappaPolicies } from '../mappa.policies';
import { disclosureCellsOf } from './disclosure-statistics.query';
import { MappaDisclosureCell } from './disclosure-statistics.type';

const periodSchema = z
  .object({ area: z.enum(MappaArea), from: isoDateSchema, to: isoDateSchema, keySecret: statisticsSecretSchema })
  .superRefine((period, context) => {
    if (period.to < period.from) context.addIssue({ code: 'custom', path: ['to'], message: 'the period ends on or after it starts' });
  });

/** Who reads an area's disclosure statistics: its MAPPA co-ordinator and the lay advisers of its Strategic Management Board (the MAPPA unit's), under STATISTICS. */
function readsStatisticsOf(context: MappaContext, area: MappaArea): boolean {
  const { principal, declaredPurpose } = context.caller;
  return (
    declaredPurpose.purpose === 'STATISTICS' &&
    principal.agency === 'mappa_unit' &&
    principal.area === area &&
    (principal.roles.includes('mappa_coordinator') || principal.roles.includes('lay_adviser'))
  );
}

/**
 * The disclosure statistics' raw cells, for the gateway's statistics service only (@inaccessible): the
 * gateway fixes the period to a reporting year or quarter and publishes them suppressed and rounded by
 * cell key, so that no two periods a client could ask for differ by one decision.
 */
@Resolver()
export class DisclosureStatisticsResolver {
  @Access(mappaPolicies.disclosureStatistics)
  @Directive('@federation__inaccessible')
  @Query(() => [MappaDisclosureCell], {
    nullable: true,
    description: "The MAPPA unit's disclosure statistics cells of an area and period, raw (the gateway statistics service only).",
  })
  async mappaStatisticsDisclosure(
    @Arg('area', () => MappaArea, { description: "The area (the caller's own)." }) area: MappaArea,
    @Arg('from', () => LocalDate, { description: 'The first day of the period (YYYY-MM-DD).' }) from: string,
    @Arg('to', () => LocalDate, { description: 'The last day of the period, included (YYYY-MM-DD).' }) to: string,
    @Arg('keySecret', () => String, { description: "The product's record-key secret, from the gateway." }) keySecret: string,
    @Ctx() context: MappaContext,
  ): Promise<MappaDisclosureCell[] | null> {
    const values = parseInput(periodSchema, { area, from: dateText(from), to: dateText(to), keySecret }, 'period');
    if (!readsStatisticsOf(context, values.area)) return null;
    context.log.info({ area: values.area }, 'disclosure statistics read');
    return disclosureCellsOf(context.db, values.area, values.from, values.to, values.keySecret);
  }
}

/** The LocalDate scalar's value as text (it parses to a string, kept as given). */
export function dateText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return storedDateOf(value);
  throw new BadUserInputError('a date is YYYY-MM-DD', [{ path: 'period', message: 'not a date' }]);
}
