import { Field, ID, ObjectType } from 'type-graphql';
import { Access, LocalDate } from '@mappa/shared';
import { policePolicies } from '../police.policies';

@ObjectType({
  description:
    'A graded police intelligence item (3x5x2). Originator-controlled: outside the police it is shared only as its sanitised summary. Owner: police.',
})
export class IntelligenceItem {
  @Access(policePolicies.intelligence)
  @Field(() => ID, { nullable: true, description: 'Intelligence reference.' })
  reference!: string;

  @Access(policePolicies.intelligenceSummary)
  @Field(() => LocalDate, { description: 'Date recorded.' })
  recordedDate!: string;

  @Access(policePolicies.intelligence)
  @Field(() => String, { nullable: true, description: 'Source evaluation: 1 reliable, 2 untested, 3 not reliable.' })
  sourceEvaluation!: string;

  @Access(policePolicies.intelligence)
  @Field(() => String, { nullable: true, description: 'Intelligence assessment, A (known directly) to E (suspected false).' })
  intelligenceAssessment!: string;

  @Access(policePolicies.intelligence)
  @Field(() => String, {
    nullable: true,
    description: 'Handling code: P (may be shared lawfully) or C (conditions apply; see originator).',
  })
  handlingCode!: string;

  @Access(policePolicies.intelligence)
  @Field(() => String, { nullable: true, description: 'Force that originated the item and controls its onward sharing.' })
  originatorForce!: string;

  @Access(policePolicies.intelligence)
  @Field(() => String, { nullable: true, description: 'The intelligence text, as recorded.' })
  text!: string;

  @Access(policePolicies.intelligenceSummary)
  @Field(() => String, { description: 'A sanitised summary safe to share with partner agencies when the originator agrees.' })
  sanitisedSummary!: string;
}
