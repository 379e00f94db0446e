import { Field, Int, ObjectType } from 'type-graphql';
import { Access } from '@mappa/shared';
import { statisticsPolicies } from './statistics.policies';

@ObjectType({
  description:
    'Annual report table 6: registered sex offenders per 100,000 residents aged ten or over (C §7.3). Worked out from the published (rounded) count of category 1 offenders on 31 March, so it tells no more than table 1; withheld when that count is. Owner: the gateway statistics service.',
})
export class RegisteredSexOffenderRate {
  @Access(statisticsPolicies.publishedTables)
  @Field(() => Int, {
    nullable: true,
    description: 'Registered sex offenders per 100,000 residents aged ten or over, to the nearest whole number; null when withheld.',
  })
  rate!: number | null;

  @Access(statisticsPolicies.publishedTables)
  @Field(() => Boolean, { description: 'Whether the rate is withheld (the count it is worked out from is).' })
  suppressed!: boolean;

  @Access(statisticsPolicies.publishedTables)
  @Field(() => Int, {
    description: 'The residents aged ten or over the rate is per: the population estimate times the share aged ten or over.',
  })
  populationAgedTenOrOver!: number;

  @Access(statisticsPolicies.publishedTables)
  @Field(() => String, { description: 'Where the population figure comes from.' })
  populationSource!: string;
}
