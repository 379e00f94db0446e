import { Field, Int, ObjectType } from 'type-graphql';
import { Access, LocalDate, MappaArea } from '@mappa/shared';
import { mappaPolicies } from '../mappa.policies';

@ObjectType({ description: 'A count in a statistical answer: the number, or null with `suppressed` true when it is 1 to 4 (or would let a suppressed count be worked out), so that no individual can be singled out (C.93). Owner: mappa (MAPPA Co-ordination Unit).' })
export class StatisticalCount {
  @Access(mappaPolicies.disclosureStatistics)
  @Field(() => Int, { nullable: true, description: 'The count; null when suppressed.' })
  count!: number | null;

  @Access(mappaPolicies.disclosureStatistics)
  @Field(() => Boolean, { description: 'Whether the count is withheld as too small to show.' })
  suppressed!: boolean;
}

@ObjectType({ description: 'Disclosure decisions of one recipient kind in the period. Owner: mappa (MAPPA Co-ordination Unit).' })
export class DisclosureStatisticsByRecipientKind {
  @Access(mappaPolicies.disclosureStatistics)
  @Field(() => String, { description: 'The recipient kind (SCHOOL, EMPLOYER, PARTNER, VICTIM, ACCOMMODATION, WORSHIP, MEDIA, PROFESSIONAL, LEISURE, NEIGHBOUR_OR_FRIEND, OTHER).' })
  recipientKind!: string;

  @Access(mappaPolicies.disclosureStatistics)
  @Field(() => StatisticalCount, { description: 'Decisions proposed in the period.' })
  proposed!: StatisticalCount;

  @Access(mappaPolicies.disclosureStatistics)
  @Field(() => StatisticalCount, { description: 'Disclosures made in the period.' })
  made!: StatisticalCount;

  @Access(mappaPolicies.disclosureStatistics)
  @Field(() => StatisticalCount, { description: 'Decisions not to disclose taken in the period.' })
  notMade!: StatisticalCount;

  @Access(mappaPolicies.disclosureStatistics)
  @Field(() => StatisticalCount, { description: 'Decisions withdrawn in the period.' })
  withdrawn!: StatisticalCount;
}

@ObjectType({ description: 'Meetings and disclosure decisions at one MAPPA level in the period. Owner: mappa (MAPPA Co-ordination Unit).' })
export class DisclosureStatisticsByLevel {
  @Access(mappaPolicies.disclosureStatistics)
  @Field(() => Int, { description: 'The level, 2 or 3 (a meeting\'s: the level the case was managed at when it met).' })
  level!: number;

  @Access(mappaPolicies.disclosureStatistics)
  @Field(() => StatisticalCount, { description: 'Meetings held in the period at this level.' })
  meetingsHeld!: StatisticalCount;

  @Access(mappaPolicies.disclosureStatistics)
  @Field(() => StatisticalCount, { description: 'Of those, meetings at which disclosure was considered.' })
  meetingsConsidered!: StatisticalCount;

  @Access(mappaPolicies.disclosureStatistics)
  @Field(() => StatisticalCount, { description: 'Decisions proposed in the period.' })
  proposed!: StatisticalCount;

  @Access(mappaPolicies.disclosureStatistics)
  @Field(() => StatisticalCount, { description: 'Disclosures made in the period.' })
  made!: StatisticalCount;

  @Access(mappaPolicies.disclosureStatistics)
  @Field(() => StatisticalCount, { description: 'Decisions not to disclose taken in the period.' })
  notMade!: StatisticalCount;

  @Access(mappaPolicies.disclosureStatistics)
  @Field(() => StatisticalCount, { description: 'Decisions withdrawn in the period.' })
  withdrawn!: StatisticalCount;
}

@ObjectType({
  description:
    'Disclosure at levels 2 and 3 in one area and period (KPI 3: disclosure considered at every meeting; the SMB\'s monitoring, C §7). Each event counts in the period it happened in: a meeting when it closed, a decision when proposed, decided not to disclose, made or withdrawn. Counts only, small ones suppressed (C.93). Owner: mappa (MAPPA Co-ordination Unit).',
})
export class DisclosureStatistics {
  @Access(mappaPolicies.disclosureStatistics)
  @Field(() => MappaArea, { description: 'The area.' })
  area!: MappaArea;

  @Access(mappaPolicies.disclosureStatistics)
  @Field(() => LocalDate, { description: 'The first day of the period.' })
  from!: string;

  @Access(mappaPolicies.disclosureStatistics)
  @Field(() => LocalDate, { description: 'The last day of the period (included).' })
  to!: string;

  @Access(mappaPolicies.disclosureStatistics)
  @Field(() => StatisticalCount, { description: 'Level 2/3 meetings held (closed) in the period.' })
  meetingsHeld!: StatisticalCount;

  @Access(mappaPolicies.disclosureStatistics)
  @Field(() => StatisticalCount, { description: 'Of those, meetings at which disclosure was considered (KPI 3, target 100%).' })
  meetingsConsidered!: StatisticalCount;

  @Access(mappaPolicies.disclosureStatistics)
  @Field(() => StatisticalCount, { description: 'Decisions proposed in the period.' })
  proposed!: StatisticalCount;

  @Access(mappaPolicies.disclosureStatistics)
  @Field(() => StatisticalCount, { description: 'Disclosures made in the period (MADE).' })
  made!: StatisticalCount;

  @Access(mappaPolicies.disclosureStatistics)
  @Field(() => StatisticalCount, { description: 'Decisions not to disclose taken in the period (DECIDED NOT_DISCLOSE).' })
  notMade!: StatisticalCount;

  @Access(mappaPolicies.disclosureStatistics)
  @Field(() => StatisticalCount, { description: 'Decisions withdrawn in the period.' })
  withdrawn!: StatisticalCount;

  @Access(mappaPolicies.disclosureStatistics)
  @Field(() => [DisclosureStatisticsByRecipientKind], { description: 'The decisions by recipient kind, every kind listed.' })
  byRecipientKind!: DisclosureStatisticsByRecipientKind[];

  @Access(mappaPolicies.disclosureStatistics)
  @Field(() => [DisclosureStatisticsByLevel], { description: 'Meetings and decisions by level (2, 3).' })
  byLevel!: DisclosureStatisticsByLevel[];
}
