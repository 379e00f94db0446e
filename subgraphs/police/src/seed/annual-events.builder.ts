import {
  addDays,
  addMonths,
  daysBetween,
  NOTIFICATION_BREACH_YEARLY_SHARE,
  ORDER_YEARLY_SHARE,
  Random,
  SOPO_CUSTODY_SHARE_OF_LEVELS_2_AND_3,
  yearlyWindows,
} from '@mappa/shared';
import type { SyntheticDatasetOptions, SyntheticPerson } from '@mappa/shared';
import type { civilOrderBreachTable, civilOrderTable } from '../civil-order/civil-order.table';
import type { notificationBreachTable } from '../notification/notification.table';
import { SHPO_CONDITIONS } from './police-catalogue';

/** Of breaches of notification, the share ending in a caution or conviction (the rest: no further action, or still charged or pending). */
const BREACH_CAUTIONED_OR_CONVICTED_SHARE = 0.8;
/**
 * Orders made at conviction (above: 35% of registered sex offenders, on their conviction date spread
 * over about ten years) already give about 3.4% a year; orders on a later police application make up
 * the rest of the annual report's yearly SOPO/SHPO share.
 */
const ORDERS_AT_CONVICTION_YEARLY_SHARE = (0.35 * 365) / (4000 - 200);
/** Of people with a civil order, the yearly share breaching it (an assumption: the report counts only custody for levels 2-3). */
const ORDER_BREACH_YEARLY_SHARE = 0.04;
/** Of order breaches, the share that end in custody at level 1; at levels 2-3 the rate follows table 5 (`SOPO_CUSTODY_SHARE_OF_LEVELS_2_AND_3`). */
const ORDER_BREACH_CUSTODY_SHARE = 0.3;

/** Of the registered sex offenders at levels 2-3, about the share holding a SOPO/SHPO (35% at conviction, plus later applications). */
const ORDER_HOLDER_SHARE_AT_LEVELS_2_AND_3 = 0.4;

export type AnnualEvents = {
  breaches: (typeof notificationBreachTable.$inferInsert)[];
  orders: (typeof civilOrderTable.$inferInsert)[];
  orderBreaches: (typeof civilOrderBreachTable.$inferInsert)[];
};

/**
 * Issue 13: a registered sex offender's dated events over the event history, each yearly window drawn
 * at the annual report's yearly rate (`@mappa/shared` annual-report: tables 3, 4 and 5), so any
 * reporting year in the history has the report's proportions. A stream of its own.
 */
export function annualEvents(
  person: SyntheticPerson,
  dataset: SyntheticDatasetOptions,
  ordersAtConviction: readonly (typeof civilOrderTable.$inferInsert)[],
): AnnualEvents {
  const random = new Random(dataset.seed, person.index, 'police-annual');
  const events: AnnualEvents = { breaches: [], orders: [], orderBreaches: [] };
  const { pncId } = person;
  const court = `${person.address.town} Magistrates' Court`;
  // Active management at level 2 or 3 in the history (today, or an earlier episode) is when table 5 counts a custodial order breach.
  const atLevels2Or3 = person.level >= 2 || person.levelEpisode !== null;
  for (const window of yearlyWindows(dataset.asOf)) {
    const from = window.from > person.offence.convictionDate ? window.from : addDays(person.offence.convictionDate, 1);
    if (from > window.to) continue;
    const span = daysBetween(from, window.to);
    const dayIn = () => addDays(from, random.int(0, span));
    if (random.chance(NOTIFICATION_BREACH_YEARLY_SHARE / BREACH_CAUTIONED_OR_CONVICTED_SHARE)) {
      const breachDate = dayIn();
      const settled = random.chance(BREACH_CAUTIONED_OR_CONVICTED_SHARE);
      const outcomeDate = addDays(breachDate, random.int(7, 90));
      const decided = outcomeDate <= dataset.asOf;
      const outcome = !decided
        ? random.pick(['CHARGED', 'PENDING'] as const)
        : settled
          ? random.pick(['CAUTIONED', 'CONVICTED', 'CONVICTED'] as const)
          : 'NO_FURTHER_ACTION';
      events.breaches.push({
        pncId,
        breachDate,
        nature: random.pick([
          'FAILED_TO_NOTIFY_ADDRESS',
          'FAILED_TO_NOTIFY_TRAVEL',
          'FAILED_ANNUAL_VERIFICATION',
          'FALSE_INFORMATION',
        ] as const),
        outcome,
        outcomeDate: decided ? outcomeDate : null,
      });
    }
    for (const [type, share] of [
      ['SHPO', ORDER_YEARLY_SHARE.SOPO - ORDERS_AT_CONVICTION_YEARLY_SHARE],
      ['NOTIFICATION_ORDER', ORDER_YEARLY_SHARE.NOTIFICATION_ORDER],
      ['FOREIGN_TRAVEL_ORDER', ORDER_YEARLY_SHARE.FOREIGN_TRAVEL_ORDER],
    ] as const) {
      if (!random.chance(share)) continue;
      const madeDate = dayIn();
      events.orders.push({
        pncId,
        type,
        court,
        madeDate,
        startDate: madeDate,
        endDate:
          type === 'FOREIGN_TRAVEL_ORDER'
            ? addMonths(madeDate, 60)
            : random.chance(0.5)
              ? null
              : addMonths(madeDate, 12 * random.int(5, 15)),
        conditions: type === 'SHPO' ? SHPO_CONDITIONS.filter(() => random.chance(0.6)) : [],
      });
    }
  }
  // Breaches of an order in force (SOPO/SHPO), once the order exists.
  const preventionOrders = [...ordersAtConviction, ...events.orders].filter((order) => order.type === 'SHPO' || order.type === 'SOPO');
  const first = preventionOrders.map((order) => order.madeDate).sort()[0];
  if (first === undefined) return events;
  const order = preventionOrders.find((candidate) => candidate.madeDate === first);
  const custodyShare = atLevels2Or3
    ? Math.min(1, SOPO_CUSTODY_SHARE_OF_LEVELS_2_AND_3 / ORDER_HOLDER_SHARE_AT_LEVELS_2_AND_3 / ORDER_BREACH_YEARLY_SHARE)
    : ORDER_BREACH_CUSTODY_SHARE;
  for (const window of yearlyWindows(dataset.asOf)) {
    if (first > window.to || !random.chance(ORDER_BREACH_YEARLY_SHARE)) continue;
    const from = window.from > first ? window.from : addDays(first, 1);
    if (from > window.to) continue;
    const breachDate = addDays(from, random.int(0, daysBetween(from, window.to)));
    const outcomeDate = addDays(breachDate, random.int(14, 120));
    const decided = outcomeDate <= dataset.asOf;
    const outcome = !decided
      ? 'PENDING'
      : random.chance(custodyShare)
        ? 'CONVICTED_CUSTODY'
        : random.pick(['CAUTIONED', 'CONVICTED_NON_CUSTODIAL', 'NO_FURTHER_ACTION'] as const);
    events.orderBreaches.push({ pncId, orderType: order?.type ?? 'SHPO', breachDate, outcome, outcomeDate: decided ? outcomeDate : null });
  }
  return events;
}
