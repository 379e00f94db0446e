import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Access, LocalDate } from '@mappa/shared';
import { prisonPolicies } from '../prison.policies';

export enum PrisonAdjudicationFinding {
  PROVED = 'PROVED',
  NOT_PROVED = 'NOT_PROVED',
  DISMISSED = 'DISMISSED',
}

registerEnumType(PrisonAdjudicationFinding, {
  name: 'PrisonAdjudicationFinding',
  description:
    'Finding of an adjudication hearing: PROVED (guilty beyond reasonable doubt), NOT_PROVED, or DISMISSED (e.g. charge laid wrongly or out of time).',
});

@ObjectType({
  description: 'A prison adjudication: a disciplinary charge under Prison Rules 1999 rule 51, its finding and punishment. Owner: prison.',
})
export class PrisonAdjudication {
  @Access(prisonPolicies.adjudication)
  @Field(() => ID, { description: 'Adjudication number, e.g. `1500012`.' })
  adjudicationNumber!: number;

  @Access(prisonPolicies.adjudication)
  @Field(() => String, { description: 'Code of the establishment where the incident happened, e.g. `LEI`.' })
  establishmentCode!: string;

  @Access(prisonPolicies.adjudication)
  @Field(() => LocalDate, { description: 'Date of the incident.' })
  incidentDate!: string;

  @Access(prisonPolicies.adjudication)
  @Field(() => LocalDate, { description: 'Date of the hearing that reached the finding.' })
  hearingDate!: string;

  @Access(prisonPolicies.adjudication)
  @Field(() => String, { description: 'Paragraph of rule 51 charged, `51:N`, e.g. `51:1`.' })
  chargeCode!: string;

  @Access(prisonPolicies.adjudication)
  @Field(() => String, { description: 'Charge wording, e.g. `Commits any assault`.' })
  charge!: string;

  @Access(prisonPolicies.adjudication)
  @Field(() => PrisonAdjudicationFinding, { description: 'Finding of the hearing.' })
  finding!: PrisonAdjudicationFinding;

  @Access(prisonPolicies.adjudication)
  @Field(() => String, {
    nullable: true,
    description: 'Punishment awarded, e.g. `Loss of privileges for 14 days`; null unless the charge was PROVED.',
  })
  punishment!: string | null;
}
