import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Access, DateTimeISO } from '@mappa/shared';
import { mappaPolicies } from '../mappa.policies';

/** PROPOSED → ACCEPTED | DECLINED; ACCEPTED → COMPLETED (B.41); enforced in code and by the minutes migration's trigger. */
export enum MeetingActionStatus {
  PROPOSED = 'PROPOSED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  COMPLETED = 'COMPLETED',
}

registerEnumType(MeetingActionStatus, {
  name: 'MeetingActionStatus',
  description: 'Where a meeting action stands (B.41). Only PROPOSED → ACCEPTED or DECLINED, and ACCEPTED → COMPLETED, happen.',
  valuesConfig: {
    PROPOSED: { description: 'Recorded by the meeting; the owner has not answered.' },
    ACCEPTED: { description: 'The owner accepted it and owns its completion.' },
    DECLINED: { description: 'The owner declined it, with the reason (minuted).' },
    COMPLETED: { description: 'The owner completed it.' },
  },
});

@ObjectType({
  description:
    'An action from a MAPP meeting (B.41, W3): owned by an agency (and a staff id when known), due by a date. Owner: mappa (MAPPA Co-ordination Unit).',
})
export class MeetingAction {
  @Access(mappaPolicies.meetingAction)
  @Field(() => ID, { description: "The action's id (opaque)." })
  actionId!: string;

  @Access(mappaPolicies.meetingAction)
  @Field(() => ID, { description: 'The meeting that recorded it.' })
  meetingId!: string;

  @Access(mappaPolicies.meetingAction)
  @Field(() => String, { description: "PNC ID of the meeting's subject." })
  subjectPncId!: string;

  @Access(mappaPolicies.meetingAction)
  @Field(() => String, { description: 'The owning agency.' })
  ownerAgency!: string;

  @Access(mappaPolicies.meetingAction)
  @Field(() => String, { nullable: true, description: 'The owning staff id; null when the agency owns it.' })
  ownerStaffId!: string | null;

  @Access(mappaPolicies.meetingAction)
  @Field(() => String, { nullable: true, description: 'The identity provider that issues `ownerStaffId`; null with it.' })
  ownerIssuer!: string | null;

  @Access(mappaPolicies.meetingAction)
  @Field(() => String, { description: 'When it is due (YYYY-MM-DD).' })
  dueDate!: string;

  @Access(mappaPolicies.meetingAction)
  @Field(() => String, { description: 'What is to be done.' })
  text!: string;

  @Access(mappaPolicies.meetingAction)
  @Field(() => MeetingActionStatus, { description: 'Proposed, accepted, declined or completed.' })
  status!: MeetingActionStatus;

  @Access(mappaPolicies.meetingAction)
  @Field(() => String, { nullable: true, description: 'Why the owner declined it (minuted, B.41); null unless declined.' })
  declineReason!: string | null;

  @Access(mappaPolicies.meetingAction)
  @Field(() => String, { description: 'Staff id of the chair or co-ordinator who recorded it.' })
  createdByStaffId!: string;

  @Access(mappaPolicies.meetingAction)
  @Field(() => DateTimeISO, { description: 'When it was recorded.' })
  createdAt!: Date;

  @Access(mappaPolicies.meetingAction)
  @Field(() => String, { nullable: true, description: 'Staff id of who accepted or declined it; null before.' })
  respondedByStaffId!: string | null;

  @Access(mappaPolicies.meetingAction)
  @Field(() => DateTimeISO, { nullable: true, description: 'When it was accepted or declined; null before.' })
  respondedAt!: Date | null;

  @Access(mappaPolicies.meetingAction)
  @Field(() => DateTimeISO, { nullable: true, description: 'When it was completed; null before.' })
  completedAt!: Date | null;
}

@InputType({ description: 'An action of the meeting: its owner, due date and text.' })
export class CreateMeetingActionInput {
  @Field(() => ID, { description: 'The meeting (as declared in x-mappa-case).' })
  meetingId!: string;

  @Field(() => String, { description: 'The owning agency.' })
  ownerAgency!: string;

  @Field(() => String, { nullable: true, description: 'The owning staff id, when known, with `ownerIssuer`.' })
  ownerStaffId?: string | null;

  @Field(() => String, { nullable: true, description: 'The identity provider that issues `ownerStaffId`.' })
  ownerIssuer?: string | null;

  @Field(() => String, { description: 'When it is due (YYYY-MM-DD), today or later.' })
  dueDate!: string;

  @Field(() => String, { description: 'What is to be done (1-2000 characters).' })
  text!: string;
}
