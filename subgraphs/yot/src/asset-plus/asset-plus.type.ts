import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Access, LocalDate, RiskLevel } from '@mappa/shared';
import { yotPolicies } from '../yot.policies';

export enum YotReoffendingLikelihood {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
}

export enum YotInterventionLevel {
  STANDARD = 'STANDARD',
  ENHANCED = 'ENHANCED',
  INTENSIVE = 'INTENSIVE',
}

registerEnumType(YotReoffendingLikelihood, {
  name: 'YotReoffendingLikelihood',
  description: 'AssetPlus likelihood of reoffending band: LOW, MEDIUM or HIGH.',
});

registerEnumType(YotInterventionLevel, {
  name: 'YotInterventionLevel',
  description: 'How intensively the YOT intervenes, set from the AssetPlus judgements.',
  valuesConfig: {
    STANDARD: { description: 'Low likelihood of reoffending and low risk of serious harm.' },
    ENHANCED: { description: 'Medium likelihood of reoffending or medium risk of serious harm.' },
    INTENSIVE: { description: 'High likelihood of reoffending or high / very high risk of serious harm.' },
  },
});

@ObjectType({
  description:
    'The latest AssetPlus assessment: the single youth justice assessment that follows the child through the system, covering risk of serious harm, safety and wellbeing, and reoffending. Owner: yot.',
})
export class AssetPlusAssessment {
  @Access(yotPolicies.assetPlusContent)
  @Field(() => RiskLevel, { description: 'Risk of serious harm (RoSH) judgement: LOW, MEDIUM, HIGH or VERY_HIGH.' })
  roshLevel!: RiskLevel;

  @Access(yotPolicies.assetPlusContent)
  @Field(() => RiskLevel, { description: "Concern for the young person's own safety and wellbeing: LOW, MEDIUM, HIGH or VERY_HIGH." })
  safetyAndWellbeingLevel!: RiskLevel;

  @Access(yotPolicies.assetPlusContent)
  @Field(() => YotReoffendingLikelihood, { description: 'Likelihood of reoffending band.' })
  reoffendingLikelihood!: YotReoffendingLikelihood;

  @Access(yotPolicies.assetPlusContent)
  @Field(() => YotInterventionLevel, { description: 'Intervention level the assessment sets.' })
  interventionLevel!: YotInterventionLevel;

  @Access(yotPolicies.assetPlusContent)
  @Field(() => LocalDate, { description: 'Date the assessment was completed.' })
  assessedDate!: string;

  @Access(yotPolicies.yotStaff)
  @Field(() => String, { description: 'Staff id of the YOT practitioner who completed the assessment.' })
  assessorStaffId!: string;

  @Access(yotPolicies.assetPlusContent)
  @Field(() => LocalDate, {
    nullable: true,
    description: 'Date a YOT manager countersigned the assessment; null while awaiting countersignature.',
  })
  countersignedDate!: string | null;

  @Access(yotPolicies.yotStaff)
  @Field(() => String, { nullable: true, description: 'Staff id of the countersigning YOT manager; null while awaiting countersignature.' })
  countersigningManagerStaffId!: string | null;

  @Access(yotPolicies.assetPlusContent)
  @Field(() => String, {
    nullable: true,
    description: 'Name of the countersigning YOT manager (synthetic); null while awaiting countersignature.',
  })
  countersigningManagerName!: string | null;

  @Access(yotPolicies.assetPlusContent)
  @Field(() => LocalDate, { description: 'Date the assessment is next due for review.' })
  nextReviewDate!: string;
}
