import { z } from 'zod';
import { isoDateSchema } from '../validation/identifiers';

/** The longest period an event measure may span: ten years of days. */
export const STATISTICS_PERIOD_MAX_DAYS = 3653;

/**
 * The period of an ad-hoc query's event measures as an owner receives it: both ends or neither (no
 * event measure asked), the first day on or before the last, at most ten years long.
 */
export const statisticsPeriodSchema = z
  .object({ from: isoDateSchema.nullable(), to: isoDateSchema.nullable() })
  .refine((period) => (period.from === null) === (period.to === null), { message: 'a period has both ends or neither', path: ['to'] })
  .refine(
    (period) =>
      period.from === null ||
      period.to === null ||
      (period.from <= period.to && Date.parse(period.to) - Date.parse(period.from) <= STATISTICS_PERIOD_MAX_DAYS * 86_400_000),
    {
      message: `a period runs forward, at most ${STATISTICS_PERIOD_MAX_DAYS} days`,
      path: ['to'],
    },
  );

/** The number of days ahead a "release within N days" dimension looks: 1 to 3,650. */
export const releaseWithinDaysSchema = z.number().int().min(1).max(3650);

/** A period of days (both ends included) for an owner's event counts, or none (no event measure asked). */
export type StatisticsPeriod = z.infer<typeof statisticsPeriodSchema>;
