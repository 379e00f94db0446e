import { Field, Int, ObjectType } from 'type-graphql';
import { Access, MappaArea } from '@mappa/shared';
import { statisticsPolicies } from './statistics.policies';
import { StatisticsCount } from './statistics.type';

const readable = statisticsPolicies.kpis;

@ObjectType({
  description:
    'A KPI, or one group of it (an invited agency): units that met the standard out of all units, each count protected as every statistic is (docs/statistics.md). Owner: the gateway statistics service.',
})
export class KpiFigure {
  @Access(readable)
  @Field(() => StatisticsCount, { description: 'How many met the standard (the numerator).' })
  met!: StatisticsCount;

  @Access(readable)
  @Field(() => StatisticsCount, { description: 'How many did not.' })
  notMet!: StatisticsCount;

  @Access(readable)
  @Field(() => StatisticsCount, { description: 'How many there were (the denominator), rounded from the raw total.' })
  total!: StatisticsCount;

  @Access(readable)
  @Field(() => Int, {
    nullable: true,
    description:
      'The whole percentage `met` is of `total`, worked out from the published (rounded) counts only; null when either is withheld or the published total is under 10, so it never says more than the counts.',
  })
  percentage!: number | null;
}

@ObjectType({ description: 'One group of a KPI. Owner: the gateway statistics service.' })
export class KpiGroup extends KpiFigure {
  @Access(readable)
  @Field(() => String, { description: 'The group: the invited agency (police, probation, prison, yot, children_social_care, ...).' })
  group!: string;
}

@ObjectType({
  description: "One MAPPA KPI of an area and period (C §7.2). Owner: the gateway statistics service, from the MAPPA unit's counts.",
})
export class Kpi extends KpiFigure {
  @Access(readable)
  @Field(() => String, { description: "Which KPI (docs/statistics.md gives each one's definition and source fields)." })
  kpi!: string;

  @Access(readable)
  @Field(() => Int, { description: 'The target percentage the guidance sets (31.21).' })
  target!: number;

  @Access(readable)
  @Field(() => [KpiGroup], { description: 'The KPI by group (attendance: by invited agency); empty for a KPI without groups.' })
  groups!: KpiGroup[];
}

@ObjectType({
  description: 'The MAPPA KPIs of an area for a reporting year or one of its quarters (C §7.2). Owner: the gateway statistics service.',
})
export class MappaKpis {
  @Access(readable)
  @Field(() => MappaArea, { description: 'The area.' })
  area!: MappaArea;

  @Access(readable)
  @Field(() => Int, { description: 'The reporting year: from 1 April of this year to 31 March of the next.' })
  year!: number;

  @Access(readable)
  @Field(() => Int, {
    nullable: true,
    description: 'The quarter of the reporting year (1: April-June ... 4: January-March); null for the whole year.',
  })
  quarter!: number | null;

  @Access(readable)
  @Field(() => [Kpi], { description: "Every KPI the product counts, in the guidance's order." })
  kpis!: Kpi[];
}
