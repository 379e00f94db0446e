import { Field, Int, ObjectType } from 'type-graphql';
import { Access, LocalDate } from '@mappa/shared';
import { prisonPolicies } from '../prison.policies';

@ObjectType({
  description:
    "The prison's notification of a sentenced foreign national to the Home Office (C.70: form CCD/LIT within 5 days of sentencing), with its MAPPA nominal answer (seed 000 §7). The prison's record of what it sent. Owner: prison.",
})
export class PrisonHomeOfficeNotification {
  @Access(prisonPolicies.homeOfficeNotification)
  @Field(() => LocalDate, { description: 'Date the prison sent the notification.' })
  sentDate!: string;

  @Access(prisonPolicies.homeOfficeNotification)
  @Field(() => LocalDate, { description: 'Date of sentencing, from which the 5 days run.' })
  sentencedDate!: string;

  @Access(prisonPolicies.homeOfficeNotification)
  @Field(() => String, { description: 'Nationality as the prisoner declared it.' })
  nationality!: string;

  @Access(prisonPolicies.homeOfficeNotification)
  @Field(() => Boolean, { description: 'The answer to the form\'s "MAPPA nominal" question.' })
  mappaNominal!: boolean;

  @Access(prisonPolicies.homeOfficeNotification)
  @Field(() => Int, { nullable: true, description: 'The MAPPA category notified; null when not a nominal.' })
  mappaCategory!: number | null;

  @Access(prisonPolicies.homeOfficeNotification)
  @Field(() => String, { description: 'NOMIS code of the establishment that sent it.' })
  sendingEstablishmentCode!: string;
}
