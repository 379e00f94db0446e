import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { Access } from '@mappa/shared';
import { mappaPolicies } from '../mappa.policies';

/*
 * The MAPPA unit's part of annual report tables 5 and 7-9 (issue 13): @inaccessible, asked only by the
 * gateway's statistics service, which joins, suppresses and rounds before anything leaves the product.
 * Per-person answers are columns (parallel lists), never an object per person: see MappaStatisticsCohort.
 */

@Directive('@federation__inaccessible')
@ObjectType({
  description:
    'One raw cell of an annual report table the MAPPA unit counts (for the gateway statistics service only). Owner: mappa (MAPPA Co-ordination Unit).',
})
export class MappaStatisticsTableCell {
  @Access(mappaPolicies.statisticsPublished)
  @Field(() => String, {
    description: 'The table: OFFENDERS_ON_31_MARCH, LEVEL_2_3_IN_YEAR, SFO_CHARGES, SFO_SERIOUS_CASE_REVIEWS or SFO_OUTCOMES.',
  })
  table!: string;

  @Access(mappaPolicies.statisticsPublished)
  @Field(() => String, {
    description: 'The row value: the category (tables 1, 2 and SFO_CHARGES), the review decision or PENDING, or the outcome.',
  })
  row!: string;

  @Access(mappaPolicies.statisticsPublished)
  @Field(() => String, { description: 'The column value: the MAPPA level (on 31 March, the highest in the year, or at the charge).' })
  column!: string;

  @Access(mappaPolicies.statisticsPublished)
  @Field(() => Int, { description: 'How many people (tables 1, 2) or notifications.' })
  count!: number;

  @Access(mappaPolicies.statisticsPublished)
  @Field(() => Int, { description: "The cell key: the sum of the people's record keys, modulo 4096." })
  key!: number;
}

@Directive('@federation__inaccessible')
@ObjectType({
  description:
    'The people managed at level 2 or 3 in the reporting year, under pseudonyms for one report, as parallel columns: entry i of every column is one person (for the gateway statistics service only). Owner: mappa (MAPPA Co-ordination Unit).',
})
export class MappaStatisticsCohort {
  @Access(mappaPolicies.statisticsPublished)
  @Field(() => [String], { description: "Each person's HMAC of the subject key under the report's own secret." })
  pseudonym!: string[];

  @Access(mappaPolicies.statisticsPublished)
  @Field(() => [Int], { description: "Each person's record key (0-4095) for cell-key rounding." })
  recordKey!: number[];

  @Access(mappaPolicies.statisticsPublished)
  @Field(() => [Int], { description: "Each person's category at the end of their time in the year." })
  category!: number[];

  @Access(mappaPolicies.statisticsPublished)
  @Field(() => [Int], { description: "Each person's highest level managed at in the year (2 or 3)." })
  level!: number[];
}

@Directive('@federation__inaccessible')
@ObjectType({
  description:
    "The MAPPA unit's part of annual report tables 1, 2, 5 and 7-9 (for the gateway statistics service only). Owner: mappa (MAPPA Co-ordination Unit).",
})
export class MappaStatisticsAnnualReportEvents {
  @Access(mappaPolicies.statisticsPublished)
  @Field(() => [MappaStatisticsTableCell], {
    description:
      'Tables 1 and 2 (offenders on 31 March; managed at level 2 or 3 in the year) and 7-9 (serious further offence charges, serious case review decisions and outcomes).',
  })
  cells!: MappaStatisticsTableCell[];

  @Access(mappaPolicies.statisticsPublished)
  @Field(() => MappaStatisticsCohort, {
    description:
      "Table 2's people, for table 5, as parallel columns: one policy check per column rather than one object per person (issue 13: some 30,000 people an area at 1,000,000 offenders).",
  })
  level2Or3InYear!: MappaStatisticsCohort;
}
