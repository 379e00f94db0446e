import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Access, LocalDate } from '@mappa/shared';
import { mappaPolicies } from '../mappa.policies';
import { Meeting } from './meeting.type';

/** Where a case stands against its review cadence (A §5, B §5). */
export enum MeetingDueStatus {
  OVERDUE = 'OVERDUE',
  DUE = 'DUE',
  NOT_DUE = 'NOT_DUE',
}

registerEnumType(MeetingDueStatus, {
  name: 'MeetingDueStatus',
  description:
    'Where a level 2 or 3 case stands against its review cadence (level 2 at least every 16 weeks, level 3 every 8; A §5, B §5).',
  valuesConfig: {
    OVERDUE: { description: "The next meeting's due date has passed and no meeting is scheduled or in session." },
    DUE: { description: "The next meeting is due within the diary's window (or is past due with a meeting scheduled)." },
    NOT_DUE: { description: "The next meeting is due after the diary's window." },
  },
});

@ObjectType({
  description: "One level 2 or 3 active case in the co-ordinator's MAPP meeting diary. Owner: mappa (MAPPA Co-ordination Unit).",
})
export class MeetingDiaryEntry {
  @Access(mappaPolicies.meetingAdministration)
  @Field(() => ID, { description: 'The MAPPA case (case number).' })
  caseId!: string;

  @Access(mappaPolicies.meetingAdministration)
  @Field(() => ID, { description: "PNC ID of the case's subject." })
  pncId!: string;

  @Access(mappaPolicies.meetingAdministration)
  @Field(() => Int, { description: 'The MAPPA level (2 or 3), which sets the cadence.' })
  level!: number;

  @Access(mappaPolicies.meetingAdministration)
  @Field(() => LocalDate, { nullable: true, description: "The date of the case's last HELD meeting; null if none was held." })
  lastHeldOn!: string | null;

  @Access(mappaPolicies.meetingAdministration)
  @Field(() => LocalDate, {
    description:
      "When the next meeting is due: the last held meeting plus 16 weeks (level 2) or 8 weeks (level 3), else the case's next review date.",
  })
  nextMeetingDue!: string;

  @Access(mappaPolicies.meetingAdministration)
  @Field(() => MeetingDueStatus, { description: 'Overdue, due within the window, or not yet due.' })
  dueStatus!: MeetingDueStatus;

  @Access(mappaPolicies.meetingAdministration)
  @Field(() => [Meeting], { description: "The case's meetings scheduled or in session, earliest first." })
  scheduledMeetings!: Meeting[];
}

@ObjectType({ description: 'A page of the MAPP meeting diary, in case number order. Owner: mappa (MAPPA Co-ordination Unit).' })
export class MeetingDiaryPage {
  @Access(mappaPolicies.meetingAdministration)
  @Field(() => [MeetingDiaryEntry], { description: 'The cases on this page.' })
  entries!: MeetingDiaryEntry[];

  @Access(mappaPolicies.meetingAdministration)
  @Field(() => Int, { description: 'How many cases match the filter in all.' })
  totalCount!: number;

  @Access(mappaPolicies.meetingAdministration)
  @Field(() => Boolean, { description: 'Whether more cases follow.' })
  hasNextPage!: boolean;

  @Access(mappaPolicies.meetingAdministration)
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on an empty page.' })
  endCursor!: string | null;
}
