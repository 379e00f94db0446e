import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { Access } from '@mappa/shared';
import { policePolicies } from '../police.policies';

/*
 * The police's part of the annual report (issue 13): @inaccessible, composed into the supergraph but
 * not in the schema clients see, asked only by the gateway's statistics service.
 */

@Directive('@federation__inaccessible')
@ObjectType({
  description: 'One raw cell of an annual report table the police count (for the gateway statistics service only). Owner: police.',
})
export class PoliceStatisticsCell {
  @Access(policePolicies.statisticsPublished)
  @Field(() => String, { description: 'The table: NOTIFICATION_BREACH or CIVIL_ORDERS_IMPOSED.' })
  table!: string;

  @Access(policePolicies.statisticsPublished)
  @Field(() => String, {
    description:
      'The row: CAUTIONED or CONVICTED (NOTIFICATION_BREACH); SOPO_OR_SHPO, NOTIFICATION_ORDER or FOREIGN_TRAVEL_ORDER (CIVIL_ORDERS_IMPOSED).',
  })
  row!: string;

  @Access(policePolicies.statisticsPublished)
  @Field(() => Int, { description: 'How many people (NOTIFICATION_BREACH) or orders (CIVIL_ORDERS_IMPOSED).' })
  count!: number;

  @Access(policePolicies.statisticsPublished)
  @Field(() => Int, { description: "The cell key: the sum of the people's record keys, modulo 4096." })
  key!: number;
}

@Directive('@federation__inaccessible')
@ObjectType({ description: "The police's part of annual report tables 3-5 (for the gateway statistics service only). Owner: police." })
export class PoliceStatisticsAnnualReport {
  @Access(policePolicies.statisticsPublished)
  @Field(() => [PoliceStatisticsCell], { description: 'Tables 3 and 4, raw.' })
  cells!: PoliceStatisticsCell[];

  @Access(policePolicies.statisticsPublished)
  @Field(() => [String], {
    description: 'Table 5: pseudonyms (for this report alone) of the people sent to custody for breach of a civil order in the year.',
  })
  sentToCustodyForBreachOfOrder!: string[];
}
