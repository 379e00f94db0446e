import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { Access } from '@mappa/shared';
import { mappaPolicies } from '../mappa.policies';

@Directive('@federation__inaccessible')
@ObjectType({
  description:
    'One raw cell of the disclosure statistics as the MAPPA unit counts it, with its cell key (for the gateway statistics service only, which fixes the period, suppresses and rounds). Owner: mappa (MAPPA Co-ordination Unit).',
})
export class MappaDisclosureCell {
  @Access(mappaPolicies.disclosureStatistics)
  @Field(() => String, {
    description: 'What is counted: PROPOSED, MADE, NOT_MADE, WITHDRAWN (decisions) or CONSIDERED, NOT_CONSIDERED (meetings held).',
  })
  measure!: string;

  @Access(mappaPolicies.disclosureStatistics)
  @Field(() => String, { description: "The decisions' recipient kind; empty for meetings." })
  recipientKind!: string;

  @Access(mappaPolicies.disclosureStatistics)
  @Field(() => Int, { description: "The level, 2 or 3 (a meeting's: the level the case was managed at when it met)." })
  level!: number;

  @Access(mappaPolicies.disclosureStatistics)
  @Field(() => Int, { description: 'How many.' })
  count!: number;

  @Access(mappaPolicies.disclosureStatistics)
  @Field(() => Int, { description: "The cell key: the sum of the subjects' record keys, modulo 4096." })
  key!: number;
}
