import { Field, Int, ObjectType } from 'type-graphql';
import { Access, MappaArea } from '@mappa/shared';
import { statisticsPolicies } from './statistics.policies';
import { StatisticsCount } from './statistics.type';

const readable = statisticsPolicies.disclosureStatistics;

@ObjectType({
  description:
    "Disclosure decisions of one recipient kind in the period, protected as every statistic is. Owner: the gateway statistics service, from the MAPPA unit's counts.",
})
export class DisclosureStatisticsByRecipientKind {
  @Access(readable)
  @Field(() => String, {
    description:
      'The recipient kind (SCHOOL, EMPLOYER, PARTNER, VICTIM, ACCOMMODATION, WORSHIP, MEDIA, PROFESSIONAL, LEISURE, NEIGHBOUR_OR_FRIEND, OTHER).',
  })
  recipientKind!: string;

  @Access(readable)
  @Field(() => StatisticsCount, { description: 'Decisions proposed in the period.' })
  proposed!: StatisticsCount;

  @Access(readable)
  @Field(() => StatisticsCount, { description: 'Disclosures made in the period.' })
  made!: StatisticsCount;

  @Access(readable)
  @Field(() => StatisticsCount, { description: 'Decisions not to disclose taken in the period.' })
  notMade!: StatisticsCount;

  @Access(readable)
  @Field(() => StatisticsCount, { description: 'Decisions withdrawn in the period.' })
  withdrawn!: StatisticsCount;
}

@ObjectType({
  description:
    "Meetings and disclosure decisions at one MAPPA level in the period. Owner: the gateway statistics service, from the MAPPA unit's counts.",
})
export class DisclosureStatisticsByLevel {
  @Access(readable)
  @Field(() => Int, { description: "The level, 2 or 3 (a meeting's: the level the case was managed at when it met)." })
  level!: number;

  @Access(readable)
  @Field(() => StatisticsCount, { description: 'Meetings held (closed) in the period at this level.' })
  meetingsHeld!: StatisticsCount;

  @Access(readable)
  @Field(() => StatisticsCount, { description: 'Of those, meetings at which disclosure was considered.' })
  meetingsConsidered!: StatisticsCount;

  @Access(readable)
  @Field(() => StatisticsCount, { description: 'Decisions proposed in the period.' })
  proposed!: StatisticsCount;

  @Access(readable)
  @Field(() => StatisticsCount, { description: 'Disclosures made in the period.' })
  made!: StatisticsCount;

  @Access(readable)
  @Field(() => StatisticsCount, { description: 'Decisions not to disclose taken in the period.' })
  notMade!: StatisticsCount;

  @Access(readable)
  @Field(() => StatisticsCount, { description: 'Decisions withdrawn in the period.' })
  withdrawn!: StatisticsCount;
}

@ObjectType({
  description:
    "Disclosure at levels 2 and 3 in one area, for a reporting year or one of its quarters (KPI 3: disclosure considered at every meeting; the SMB's monitoring, C §7). Each event counts in the period it happened in: a meeting when it closed, a decision when proposed, decided not to disclose, made or withdrawn. Counts only, protected as every statistic is (docs/statistics.md). Owner: the gateway statistics service, from the MAPPA unit's counts.",
})
export class DisclosureStatistics {
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
  @Field(() => StatisticsCount, { description: 'Level 2/3 meetings held (closed) in the period.' })
  meetingsHeld!: StatisticsCount;

  @Access(readable)
  @Field(() => StatisticsCount, { description: 'Of those, meetings at which disclosure was considered (KPI 3, target 100%).' })
  meetingsConsidered!: StatisticsCount;

  @Access(readable)
  @Field(() => StatisticsCount, { description: 'Decisions proposed in the period.' })
  proposed!: StatisticsCount;

  @Access(readable)
  @Field(() => StatisticsCount, { description: 'Disclosures made in the period (MADE).' })
  made!: StatisticsCount;

  @Access(readable)
  @Field(() => StatisticsCount, { description: 'Decisions not to disclose taken in the period (DECIDED NOT_DISCLOSE).' })
  notMade!: StatisticsCount;

  @Access(readable)
  @Field(() => StatisticsCount, { description: 'Decisions withdrawn in the period.' })
  withdrawn!: StatisticsCount;

  @Access(readable)
  @Field(() => [DisclosureStatisticsByRecipientKind], { description: 'The decisions by recipient kind, every kind listed.' })
  byRecipientKind!: DisclosureStatisticsByRecipientKind[];

  @Access(readable)
  @Field(() => [DisclosureStatisticsByLevel], { description: 'Meetings and decisions by level (2, 3).' })
  byLevel!: DisclosureStatisticsByLevel[];
}
