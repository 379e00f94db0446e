import { Field, ID, ObjectType } from 'type-graphql';
import { Access, LocalDate } from '@mappa/shared';
import { probationPolicies } from '../probation.policies';

@ObjectType({
  description:
    "The lead agency's risk management plan from the latest OASys assessment. Held for CURRENT cases. The text is restricted to named probation roles and MAPPA meetings. Every section is nullable so that a reader granted only some of them (the victims' VLO reads victim safety planning alone, B.15) gets those. Owner: probation.",
})
export class ProbationRiskManagementPlan {
  @Access(probationPolicies.riskManagementPlan)
  @Field(() => ID, {
    nullable: true,
    description: 'OASys assessment id the plan belongs to (the same assessment as the risk of serious harm summary).',
  })
  assessmentId!: number;

  @Access(probationPolicies.riskManagementPlan)
  @Field(() => LocalDate, { nullable: true, description: 'Date the assessment was started.' })
  initiationDate!: string;

  @Access(probationPolicies.riskManagementPlan)
  @Field(() => LocalDate, { nullable: true, description: 'Date the plan was completed (signed and locked).' })
  dateCompleted!: string;

  @Access(probationPolicies.riskManagementPlan)
  @Field(() => String, { nullable: true, description: 'Key information about the current situation (synthetic text).' })
  keyInformationCurrentSituation!: string;

  @Access(probationPolicies.riskManagementPlan)
  @Field(() => String, { nullable: true, description: 'Further considerations about the current situation (synthetic text).' })
  furtherConsiderationsCurrentSituation!: string;

  @Access(probationPolicies.riskManagementPlan)
  @Field(() => String, {
    nullable: true,
    description: 'Supervision arrangements: who sees the person, how often and where (synthetic text).',
  })
  supervision!: string;

  @Access(probationPolicies.riskManagementPlan)
  @Field(() => String, {
    nullable: true,
    description: 'Monitoring and control measures: licence conditions, curfews, tagging, police visits (synthetic text).',
  })
  monitoringAndControl!: string;

  @Access(probationPolicies.riskManagementPlan)
  @Field(() => String, {
    nullable: true,
    description: 'Interventions and treatment: programmes and services to reduce the risk (synthetic text).',
  })
  interventionsAndTreatment!: string;

  @Access(probationPolicies.victimSafetyPlanning)
  @Field(() => String, {
    nullable: true,
    description: 'Victim safety planning: measures protecting known and potential victims (synthetic text).',
  })
  victimSafetyPlanning!: string | null;

  @Access(probationPolicies.riskManagementPlan)
  @Field(() => String, {
    nullable: true,
    description: 'Contingency plans: what happens if the risk escalates or the plan breaks down (synthetic text).',
  })
  contingencyPlans!: string;
}
