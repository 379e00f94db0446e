import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Access, LocalDate, RiskLevel } from '@mappa/shared';
import { policePolicies } from '../police.policies';

export enum PoliceRiskTool {
  RM2000 = 'RM2000',
  ARMS = 'ARMS',
}

registerEnumType(PoliceRiskTool, {
  name: 'PoliceRiskTool',
  description: 'The police risk tool used: Risk Matrix 2000 (RM2000) or the Active Risk Management System (ARMS).',
});

@ObjectType({ description: "The police's own risk assessment of the person. Owner: police." })
export class PoliceRiskAssessment {
  @Access(policePolicies.policeRisk)
  @Field(() => PoliceRiskTool, { description: 'The assessment tool used.' })
  tool!: PoliceRiskTool;

  @Access(policePolicies.policeRisk)
  @Field(() => RiskLevel, { description: 'Risk level the tool gave.' })
  level!: RiskLevel;

  @Access(policePolicies.policeRisk)
  @Field(() => LocalDate, { description: 'Date of the assessment.' })
  assessedDate!: string;

  @Access(policePolicies.policeStaff)
  @Field(() => String, { nullable: true, description: 'Staff id of the assessing officer.' })
  assessorStaffId!: string;
}
