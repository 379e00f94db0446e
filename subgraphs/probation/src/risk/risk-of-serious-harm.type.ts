import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Access, LocalDate, RiskLevel } from '@mappa/shared';
import { probationPolicies } from '../probation.policies';

@ObjectType({ description: 'Risk of serious harm to each group of people, in one setting (community or custody). Owner: probation.' })
export class ProbationRiskToGroups {
  @Access(probationPolicies.riskSummary)
  @Field(() => RiskLevel, { nullable: true, description: 'Risk to children.' })
  children!: RiskLevel | null;

  @Access(probationPolicies.riskSummary)
  @Field(() => RiskLevel, { nullable: true, description: 'Risk to the public.' })
  public!: RiskLevel | null;

  @Access(probationPolicies.riskSummary)
  @Field(() => RiskLevel, { nullable: true, description: 'Risk to a known adult (e.g. a partner or former partner).' })
  knownAdult!: RiskLevel | null;

  @Access(probationPolicies.riskToStaff)
  @Field(() => RiskLevel, { nullable: true, description: 'Risk to staff.' })
  staff!: RiskLevel | null;

  @Access(probationPolicies.riskSummary)
  @Field(() => RiskLevel, { nullable: true, description: 'Risk to prisoners.' })
  prisoners!: RiskLevel | null;
}

@ObjectType({ description: 'One actuarial predictor score and its band. Owner: probation.' })
export class ProbationPredictorScore {
  @Access(probationPolicies.riskAssessment)
  @Field(() => Float, { description: 'The score, a percentage likelihood (two decimal places).' })
  score!: number;

  @Access(probationPolicies.riskAssessment)
  @Field(() => RiskLevel, { description: 'The band the score falls in (LOW, MEDIUM, HIGH, or VERY_HIGH where the predictor has one).' })
  band!: RiskLevel;
}

@ObjectType({ description: 'OASys actuarial predictors of reoffending and harm. Owner: probation.' })
export class ProbationRiskPredictors {
  @Access(probationPolicies.riskAssessment)
  @Field(() => ProbationPredictorScore, {
    description:
      'OGRS: Offender Group Reconviction Scale, two-year proven reoffending. Bands: LOW <50, MEDIUM 50-74, HIGH 75-89, VERY_HIGH 90+.',
  })
  ogrs!: ProbationPredictorScore;

  @Access(probationPolicies.riskAssessment)
  @Field(() => ProbationPredictorScore, {
    description: 'RSR: Risk of Serious Recidivism, two-year serious reoffending. Bands: LOW <3, MEDIUM 3-6.89, HIGH 6.9+.',
  })
  rsr!: ProbationPredictorScore;

  @Access(probationPolicies.riskAssessment)
  @Field(() => ProbationPredictorScore, {
    nullable: true,
    description:
      'OSP-C: OASys Sexual reoffending Predictor, contact offences (bands LOW, MEDIUM, HIGH, VERY_HIGH). Null when the person has no sexual offence.',
  })
  ospContact!: ProbationPredictorScore | null;

  @Access(probationPolicies.riskAssessment)
  @Field(() => ProbationPredictorScore, {
    nullable: true,
    description:
      'OSP-I: OASys Sexual reoffending Predictor, indecent image offences (bands LOW, MEDIUM, HIGH). Null when the person has no sexual offence.',
  })
  ospIndecent!: ProbationPredictorScore | null;

  @Access(probationPolicies.riskAssessment)
  @Field(() => ProbationPredictorScore, {
    description: 'OVP: OASys Violence Predictor, two-year violent reoffending. Bands: LOW <30, MEDIUM 30-59, HIGH 60-79, VERY_HIGH 80+.',
  })
  ovp!: ProbationPredictorScore;
}

@ObjectType({
  description:
    'The latest OASys risk of serious harm summary (as ARNS exposes it). Held for CURRENT cases. The narrative fields are restricted to named probation roles. Owner: probation.',
})
export class ProbationRiskOfSeriousHarm {
  @Access(probationPolicies.riskAssessment)
  @Field(() => ID, { nullable: true, description: 'OASys assessment id the summary comes from.' })
  assessmentId!: number | null;

  @Access(probationPolicies.riskAssessment)
  @Field(() => LocalDate, { nullable: true, description: 'Date the assessment was completed.' })
  assessedDate!: string | null;

  @Access(probationPolicies.riskSummary)
  @Field(() => RiskLevel, {
    nullable: true,
    description: 'Overall risk of serious harm: the highest level across every group, in the community and in custody.',
  })
  overallRiskLevel!: RiskLevel | null;

  @Access(probationPolicies.riskNarrative)
  @Field(() => String, { nullable: true, description: 'Who is at risk (synthetic narrative).' })
  whoIsAtRisk!: string | null;

  @Access(probationPolicies.riskNarrative)
  @Field(() => String, { nullable: true, description: 'The nature of the risk (synthetic narrative).' })
  natureOfRisk!: string | null;

  @Access(probationPolicies.riskNarrative)
  @Field(() => String, { nullable: true, description: 'When the risk is likely to be greatest (synthetic narrative).' })
  riskImminence!: string | null;

  @Access(probationPolicies.riskNarrative)
  @Field(() => String, { nullable: true, description: 'Circumstances likely to increase the risk (synthetic narrative).' })
  riskIncreaseFactors!: string | null;

  @Access(probationPolicies.riskNarrative)
  @Field(() => String, { nullable: true, description: 'Factors likely to reduce the risk (synthetic narrative).' })
  riskMitigationFactors!: string | null;

  @Access(probationPolicies.riskNarrative)
  @Field(() => String, { nullable: true, description: 'Analysis of the risk factors (synthetic narrative).' })
  analysisOfRiskFactors!: string | null;
}
