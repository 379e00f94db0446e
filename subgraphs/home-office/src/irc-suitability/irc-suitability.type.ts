import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Access, LocalDate } from '@mappa/shared';
import { homeOfficePolicies } from '../home-office.policies';

export enum IrcSuitabilityOutcome {
  SUITABLE_FOR_IRC = 'SUITABLE_FOR_IRC',
  UNSUITABLE_REMAIN_IN_PRISON = 'UNSUITABLE_REMAIN_IN_PRISON',
}
registerEnumType(IrcSuitabilityOutcome, {
  name: 'IrcSuitabilityOutcome',
  description: 'Whether a detainee may be transferred to an IRC, or is too high a risk and stays in prison (seed 000 §4).',
});

@ObjectType({
  description: "The Home Office's assessment of suitability for an immigration removal centre (seed 000 §4, §13). Owner: home-office.",
})
export class IrcSuitabilityAssessment {
  pncId!: string;

  @Access(homeOfficePolicies.ircSuitability)
  @Field(() => IrcSuitabilityOutcome, { description: 'The outcome.' })
  outcome!: IrcSuitabilityOutcome;

  @Access(homeOfficePolicies.ircSuitability)
  @Field(() => LocalDate, { description: 'Date assessed.' })
  assessedDate!: string;

  @Access(homeOfficePolicies.ircSuitability)
  @Field(() => Int, {
    nullable: true,
    description: 'The MAPPA level the assessment took into account, as the prison recorded it; null when not recorded.',
  })
  mappaLevelConsidered!: number | null;

  @Access(homeOfficePolicies.homeOfficeStaff)
  @Field(() => String, { nullable: true, description: 'Staff id of the DEPMU assessor.' })
  assessedByStaffId!: string;
}
