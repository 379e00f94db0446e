import { Field, InputType, registerEnumType } from 'type-graphql';
import type { StatisticsOwner } from './statistics-dimensions';

/** What an ad-hoc table counts in each cell: people, or one owner's events in a period. */
export enum StatisticsMeasure {
  PEOPLE = 'PEOPLE',
  RELEASES = 'RELEASES',
  RECALLS = 'RECALLS',
  NOTIFICATION_BREACHES = 'NOTIFICATION_BREACHES',
  ORDER_BREACHES = 'ORDER_BREACHES',
  ORDERS_IMPOSED = 'ORDERS_IMPOSED',
}

registerEnumType(StatisticsMeasure, {
  name: 'StatisticsMeasure',
  description:
    "What an ad-hoc table counts: people (the default), or events in `period`, each counted in its person's cell (docs/statistics.md).",
  valuesConfig: {
    PEOPLE: { description: 'People (the MAPPA offenders kept by the filters).' },
    RELEASES: { description: 'Releases from custody in the period (prison: the last movement a release dated in the period).' },
    RECALLS: { description: 'Recalls to custody (licence revoked) dated in the period (probation).' },
    NOTIFICATION_BREACHES: { description: 'Breaches of the sex offender notification requirements dated in the period (police).' },
    ORDER_BREACHES: {
      description: 'Breaches of a civil order (SHPO, SOPO, SRO, notification or foreign travel order) dated in the period (police).',
    },
    ORDERS_IMPOSED: { description: 'Civil orders made by a court in the period (police).' },
  },
});

/** Where an event measure comes from: its owner and the count field of the owner's answer. */
export const EVENT_MEASURES: {
  readonly [M in Exclude<StatisticsMeasure, StatisticsMeasure.PEOPLE>]: { readonly owner: StatisticsOwner; readonly field: string };
} = {
  RELEASES: { owner: 'prison', field: 'releases' },
  RECALLS: { owner: 'probation', field: 'recalls' },
  NOTIFICATION_BREACHES: { owner: 'police', field: 'notificationBreaches' },
  ORDER_BREACHES: { owner: 'police', field: 'orderBreaches' },
  ORDERS_IMPOSED: { owner: 'police', field: 'ordersImposed' },
};

@InputType({ description: 'A period of days, both ends included (YYYY-MM-DD), for the event measures.' })
export class StatisticsPeriodInput {
  @Field(() => String, { description: 'The first day (YYYY-MM-DD).' })
  from!: string;

  @Field(() => String, { description: 'The last day (YYYY-MM-DD), on or after `from`.' })
  to!: string;
}
