import { Field, Float, ID, ObjectType } from 'type-graphql';
import { LocalDate, RiskLevel } from '@mappa/shared';

@ObjectType({ description: 'Risk of serious harm to each group of people, in one setting (community or custody). Owner: probation.' })
export class ProbationRiskToGroups {
  @Field(() => RiskLevel, { description: 'Risk to children.' })
  children!: RiskLevel;

  @Field(() => RiskLevel, { description: 'Risk to the public.' })
  public!: RiskLevel;

  @Field(() => RiskLevel, { description: 'Risk to a known adult (e.g. a partner or former partner).' })
  knownAdult!: RiskLevel;

  @Field(() => RiskLevel, { description: 'Risk to staff.' })
  staff!: RiskLevel;

  @Field(() => RiskLevel, { description: 'Risk to prisoners.' })
  prisoners!: RiskLevel;
}

@ObjectType({ description: 'One actuarial predictor score and its band. Owner: probation.' })
export class ProbationPredictorScore {
  @Field(() => Float, { description: 'The score, a percentage likelihood (two decimal places).' })
  score!: number;

  @Field(() => RiskLevel, { description: 'The band the score falls in (LOW, MEDIUM, HIGH, or VERY_HIGH where the predictor has one).' })
  band!: RiskLevel;
}

@ObjectType({ description: 'OASys actuarial predictors of reoffending and harm. Owner: probation.' })
export class ProbationRiskPredictors {
  @Field(() => ProbationPredictorScore, {
    description: 'OGRS: Offender Group Reconviction Scale, two-year proven reoffending. Bands: LOW <50, MEDIUM 50-74, HIGH 75-89, VERY_HIGH 90+.',
  })
  ogrs!: ProbationPredictorScore;

  @Field(() => ProbationPredictorScore, {
    description: 'RSR: Risk of Serious Recidivism, two-year serious reoffending. Bands: LOW <3, MEDIUM 3-6.89, HIGH 6.9+.',
  })
  rsr!: ProbationPredictorScore;

  @Field(() => ProbationPredictorScore, {
    nullable: true,
    description: 'OSP-C: OASys Sexual reoffending Predictor, contact offences (bands LOW, MEDIUM, HIGH, VERY_HIGH). Null when the person has no sexual offence.',
  })
  ospContact!: ProbationPredictorScore | null;

  @Field(() => ProbationPredictorScore, {
    nullable: true,
    description: 'OSP-I: OASys Sexual reoffending Predictor, indecent image offences (bands LOW, MEDIUM, HIGH). Null when the person has no sexual offence.',
  })
  ospIndecent!: ProbationPredictorScore | null;

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
  @Field(() => ID, { description: 'OASys assessment id the summary comes from.' })
  assessmentId!: number;

  @Field(() => LocalDate, { description: 'Date the assessment was completed.' })
  assessedDate!: string;

  @Field(() => RiskLevel, { description: 'Overall risk of serious harm: the highest level across every group, in the community and in custody.' })
  overallRiskLevel!: RiskLevel;

  @Field(() => String, { description: 'Who is at risk (synthetic narrative).' })
  whoIsAtRisk!: string;

  @Field(() => String, { description: 'The nature of the risk (synthetic narrative).' })
  natureOfRisk!: string;

  @Field(() => String, { description: 'When the risk is likely to be greatest (synthetic narrative).' })
  riskImminence!: string;

  @Field(() => String, { description: 'Circumstances likely to increase the risk (synthetic narrative).' })
  riskIncreaseFactors!: string;

  @Field(() => String, { description: 'Factors likely to reduce the risk (synthetic narrative).' })
  riskMitigationFactors!: string;

  @Field(() => String, { description: 'Analysis of the risk factors (synthetic narrative).' })
  analysisOfRiskFactors!: string;
}
