import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Access, LocalDate, MappaArea } from '@mappa/shared';
import { yotPolicies } from '../yot.policies';

export enum YotTransitionStatus {
  NOT_STARTED = 'NOT_STARTED',
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
}

registerEnumType(YotTransitionStatus, {
  name: 'YotTransitionStatus',
  description: 'How far the transfer to adult (probation) services has got.',
  valuesConfig: {
    NOT_STARTED: { description: 'Not started: more than six months before the 18th birthday; no meeting set.' },
    PLANNED: { description: 'Planned: a transition meeting with probation is booked.' },
    IN_PROGRESS: { description: 'In progress: the transition meeting has been held and the transfer is being made.' },
  },
});

@ObjectType({ description: "The plan to transfer the young person's case to the Probation Service at 18. Owner: yot." })
export class YotAdultTransition {
  @Access(yotPolicies.adultTransition)
  @Field(() => LocalDate, { description: "Planned transfer date: the young person's 18th birthday." })
  plannedTransferDate!: string;

  @Access(yotPolicies.adultTransition)
  @Field(() => MappaArea, { description: 'Probation area that will take the case.' })
  receivingProbationArea!: MappaArea;

  @Access(yotPolicies.adultTransition)
  @Field(() => YotTransitionStatus, { description: 'How far the transition has got.' })
  status!: YotTransitionStatus;

  @Access(yotPolicies.adultTransition)
  @Field(() => LocalDate, {
    nullable: true,
    description: 'Date of the YOT-probation transition meeting (held or booked); null when none is set yet.',
  })
  transitionMeetingDate!: string | null;
}
