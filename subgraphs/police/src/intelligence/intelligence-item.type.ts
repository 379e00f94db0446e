import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDate } from '@mappa/shared';

@ObjectType({
  description:
    'A graded police intelligence item (3x5x2). Originator-controlled: outside the police it is shared only as its sanitised summary. Owner: police.',
})
export class IntelligenceItem {
  @Field(() => ID, { description: 'Intelligence reference.' })
  reference!: string;

  @Field(() => LocalDate, { description: 'Date recorded.' })
  recordedDate!: string;

  @Field(() => String, { description: 'Source evaluation: 1 reliable, 2 untested, 3 not reliable.' })
  sourceEvaluation!: string;

  @Field(() => String, { description: 'Intelligence assessment, A (known directly) to E (suspected false).' })
  intelligenceAssessment!: string;

  @Field(() => String, { description: 'Handling code: P (may be shared lawfully) or C (conditions apply; see originator).' })
  handlingCode!: string;

  @Field(() => String, { description: 'Force that originated the item and controls its onward sharing.' })
  originatorForce!: string;

  @Field(() => String, { description: 'The intelligence text, as recorded.' })
  text!: string;

  @Field(() => String, { description: 'A sanitised summary safe to share with partner agencies when the originator agrees.' })
  sanitisedSummary!: string;
}
