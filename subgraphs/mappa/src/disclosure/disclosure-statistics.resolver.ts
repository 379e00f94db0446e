import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { z } from 'zod';
import { Access, BadUserInputError, isoDateSchema, LocalDate, MappaArea, parseInput } from '@mappa/shared';
import type { MappaContext } from '../mappa.context';
import { mappaPolicies } from '../mappa.policies';
import { disclosureStatisticsOf } from './disclosure-statistics.query';
import { DisclosureStatistics } from './disclosure-statistics.type';

const periodSchema = z
  .object({ area: z.enum(MappaArea), from: isoDateSchema, to: isoDateSchema })
  .superRefine((period, context) => {
    if (period.to < period.from) context.addIssue({ code: 'custom', path: ['to'], message: 'the period ends on or after it starts' });
  });

/** Who reads an area's statistics: its MAPPA co-ordinator and the lay advisers of its Strategic Management Board (the MAPPA unit's), under STATISTICS. */
function readsStatisticsOf(context: MappaContext, area: MappaArea): boolean {
  const { principal, declaredPurpose } = context.caller;
  return (
    declaredPurpose.purpose === 'STATISTICS' &&
    principal.agency === 'mappa_unit' &&
    principal.area === area &&
    (principal.roles.includes('mappa_coordinator') || principal.roles.includes('lay_adviser'))
  );
}

@Resolver()
export class DisclosureStatisticsResolver {
  @Access(mappaPolicies.disclosureStatistics)
  @Query(() => DisclosureStatistics, {
    nullable: true,
    description:
      'Disclosure at levels 2 and 3 in an area and period (KPI 3, C §7): meetings held and those at which disclosure was considered, decisions proposed, made, not made and withdrawn, by recipient kind and by level. Counts only, never a person or an id; counts of 1 to 4 are suppressed (null, `suppressed` true), and so is the next smallest where one suppressed count could be worked out from the total (C.93). The area\'s MAPPA co-ordinator and SMB lay advisers under STATISTICS; another area is null (principle 9).',
  })
  async disclosureDecisions(
    @Arg('area', () => MappaArea, { description: 'The area.' }) area: MappaArea,
    @Arg('from', () => LocalDate, { description: 'The first day of the period (YYYY-MM-DD).' }) from: string,
    @Arg('to', () => LocalDate, { description: 'The last day of the period, included (YYYY-MM-DD).' }) to: string,
    @Ctx() context: MappaContext,
  ): Promise<DisclosureStatistics | null> {
    const values = parseInput(periodSchema, { area, from: dateText(from), to: dateText(to) }, 'period');
    if (!readsStatisticsOf(context, values.area)) return null;
    context.log.info({ area: values.area }, 'disclosure statistics read');
    return disclosureStatisticsOf(context.db, values.area, values.from, values.to);
  }
}

/** The LocalDate scalar's value as text (it parses to a string, kept as given). */
export function dateText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  throw new BadUserInputError('a date is YYYY-MM-DD', [{ path: 'period', message: 'not a date' }]);
}
