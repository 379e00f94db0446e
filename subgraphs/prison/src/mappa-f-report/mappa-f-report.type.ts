import { Field, ObjectType } from 'type-graphql';
import { Access, LocalDate } from '@mappa/shared';
import { prisonPolicies } from '../prison.policies';

@ObjectType({
  description:
    'A MAPPA F report: the prison\'s report ("intelligence report") to a MAPP meeting. Mandatory for every level 2 or 3 meeting about a person in custody, whether or not the prison attends. Owner: prison (the establishment holding the records).',
})
export class PrisonMappaFReport {
  @Access(prisonPolicies.mappaFReport)
  @Field(() => String, { description: 'Code of the establishment that wrote the report, e.g. `WDI`.' })
  establishmentCode!: string;

  @Access(prisonPolicies.mappaFReport)
  @Field(() => LocalDate, { description: 'Date the report was completed and sent to the MAPPA unit.' })
  reportDate!: string;

  @Access(prisonPolicies.mappaFReport)
  @Field(() => LocalDate, { description: 'Date of the MAPP meeting the report was written for.' })
  meetingDate!: string;

  @Access(prisonPolicies.mappaFReportAuthor)
  @Field(() => String, { description: 'Staff id of the author (usually the prison offender manager), e.g. `POM48213`.' })
  authorStaffId!: string;

  @Access(prisonPolicies.mappaFReport)
  @Field(() => Boolean, { description: 'True when the prison said it would attend the meeting (in person, by video or by phone).' })
  prisonAttending!: boolean;

  @Access(prisonPolicies.mappaFReport)
  @Field(() => String, {
    description: 'Behaviour in custody over the period: conduct, adjudications, work and education (synthetic text).',
  })
  behaviourInCustody!: string;

  @Access(prisonPolicies.mappaFReport)
  @Field(() => [String], {
    description: 'Accredited programmes and interventions completed in custody, e.g. `Kaizen`, `Horizon`; empty when none.',
  })
  programmesCompleted!: string[];

  @Access(prisonPolicies.mappaFReport)
  @Field(() => String, {
    nullable: true,
    description: 'Concerns about contacts, visits, mail or phone calls (synthetic text); null when none.',
  })
  contactConcerns!: string | null;

  @Access(prisonPolicies.mappaFReport)
  @Field(() => String, { description: 'Risk factors the prison has observed (synthetic text).' })
  riskFactorsObserved!: string;
}
