import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Access, DateTimeISO } from '@mappa/shared';
import { mappaPolicies } from '../mappa.policies';

/** MAPPA B versions: DRAFT → APPROVED (chair, meeting held) or SUPERSEDED; APPROVED → SUPERSEDED by a corrected version. */
export enum MeetingMinutesStatus {
  DRAFT = 'DRAFT',
  APPROVED = 'APPROVED',
  SUPERSEDED = 'SUPERSEDED',
}

registerEnumType(MeetingMinutesStatus, {
  name: 'MeetingMinutesStatus',
  description:
    'Where a version of the minutes (MAPPA B) stands. An approved version is never edited: a correction is a new version the chair approves (B.22).',
  valuesConfig: {
    DRAFT: { description: 'Drafted by the co-ordination unit; not yet approved by the chair.' },
    APPROVED: { description: 'Approved by the chair, with the distribution decision (B.24, B.25).' },
    SUPERSEDED: { description: 'Replaced by a later version.' },
  },
});

@ObjectType({
  description:
    'One person, or an agency (and role), the chair decided receives, or is withheld, the minutes (B.23, B.24, B.25, B.27). Owner: mappa (MAPPA Co-ordination Unit).',
})
export class MinutesRecipient {
  @Access(mappaPolicies.meetingMinutes)
  @Field(() => String, { description: 'The agency (`police`, `prison`, `health`…).' })
  agency!: string;

  @Access(mappaPolicies.meetingMinutes)
  @Field(() => String, { nullable: true, description: 'One staff id of the agency; null for the agency (and role).' })
  staffId!: string | null;

  @Access(mappaPolicies.meetingMinutes)
  @Field(() => String, { nullable: true, description: 'The identity provider that issues `staffId`; null with it.' })
  issuer!: string | null;

  @Access(mappaPolicies.meetingMinutes)
  @Field(() => String, { nullable: true, description: 'The role within the agency; null for every role of it or for a staff id.' })
  role!: string | null;

  @Access(mappaPolicies.meetingMinutes)
  @Field(() => String, {
    nullable: true,
    description:
      'Why the chair withheld the minutes from a default recipient, or sent them beyond the defaults (B.24, B.27); null for a default recipient.',
  })
  reason!: string | null;
}

@InputType({
  description: "A person (staff id and issuer) or an agency (and optional role) in the chair's distribution decision, with why.",
})
export class MinutesRecipientInput {
  @Field(() => String, { description: 'The agency.' })
  agency!: string;

  @Field(() => String, { nullable: true, description: 'One staff id of the agency, with `issuer`.' })
  staffId?: string | null;

  @Field(() => String, { nullable: true, description: 'The identity provider that issues `staffId`.' })
  issuer?: string | null;

  @Field(() => String, { nullable: true, description: 'A role within the agency.' })
  role?: string | null;

  @Field(() => String, { description: "Why (1-500 characters): minuted as the chair's decision (B.24, B.27)." })
  reason!: string;
}

@ObjectType({
  description:
    'One version of the minutes of a MAPP meeting (MAPPA B): drafted by the co-ordination unit, approved by the chair once the meeting is held, distributed by the co-ordinator. The chair and co-ordinator read every version; a recipient the chair decided on reads the distributed version after distribution; a withheld recipient and a part-attendee outside the information-sharing agreement never (they get the agreed actions only, B.25). Owner: mappa (MAPPA Co-ordination Unit).',
})
export class MeetingMinutes {
  @Access(mappaPolicies.meetingMinutes)
  @Field(() => ID, { description: 'The meeting minuted.' })
  meetingId!: string;

  @Access(mappaPolicies.meetingMinutes)
  @Field(() => Int, { description: 'The version, from 1; a correction is the next version.' })
  version!: number;

  @Access(mappaPolicies.meetingMinutes)
  @Field(() => MeetingMinutesStatus, { description: 'Draft, approved or superseded.' })
  status!: MeetingMinutesStatus;

  @Access(mappaPolicies.meetingMinutes)
  @Field(() => String, {
    description:
      'The date the minutes are due for distribution (B §6): the day the meeting was held plus 10 working days at level 2, 5 at level 3 (weekends skipped; bank holidays are not modelled).',
  })
  dueDate!: string;

  @Access(mappaPolicies.meetingMinutes)
  @Field(() => String, { description: 'The summary of the discussion.' })
  summary!: string;

  @Access(mappaPolicies.meetingMinutes)
  @Field(() => String, { nullable: true, description: 'The risk assessment the meeting agreed (B.40).' })
  riskAssessment!: string | null;

  @Access(mappaPolicies.meetingMinutes)
  @Field(() => String, { nullable: true, description: 'The risk management plan the meeting agreed.' })
  riskManagementPlan!: string | null;

  @Access(mappaPolicies.meetingMinutes)
  @Field(() => Boolean, {
    description: "Whether disclosure was considered (agenda item 3). The disclosure decision itself is the disclosure workflow's.",
  })
  disclosureConsidered!: boolean;

  @Access(mappaPolicies.meetingMinutes)
  @Field(() => String, { nullable: true, description: 'Notes on the disclosure consideration.' })
  disclosureNotes!: string | null;

  @Access(mappaPolicies.meetingMinutes)
  @Field(() => String, { description: 'Staff id of the co-ordinator who drafted the version.' })
  draftedByStaffId!: string;

  @Access(mappaPolicies.meetingMinutes)
  @Field(() => DateTimeISO, { description: 'When the version was drafted.' })
  draftedAt!: Date;

  @Access(mappaPolicies.meetingMinutes)
  @Field(() => String, { nullable: true, description: 'Staff id of the chair who approved it; null for a draft.' })
  approvedByStaffId!: string | null;

  @Access(mappaPolicies.meetingMinutes)
  @Field(() => DateTimeISO, { nullable: true, description: 'When the chair approved it; null for a draft.' })
  approvedAt!: Date | null;

  @Access(mappaPolicies.meetingMinutes)
  @Field(() => [MinutesRecipient], {
    nullable: true,
    description: 'Who receives the minutes, as the chair decided on approval (B.23, B.24); null before.',
  })
  recipients!: MinutesRecipient[] | null;

  @Access(mappaPolicies.meetingMinutes)
  @Field(() => [MinutesRecipient], {
    nullable: true,
    description:
      'Who is withheld the minutes and why (B.24; B.25: part-attendees outside the information-sharing agreement, who get the agreed actions only); null before approval.',
  })
  withheldFrom!: MinutesRecipient[] | null;

  @Access(mappaPolicies.meetingMinutes)
  @Field(() => DateTimeISO, { nullable: true, description: 'When the co-ordinator distributed this version; null before.' })
  distributedAt!: Date | null;
}

@InputType({ description: 'A new version of the minutes (MAPPA B) of a meeting.' })
export class DraftMinutesInput {
  @Field(() => ID, { description: 'The meeting (as declared in x-mappa-case).' })
  meetingId!: string;

  @Field(() => String, { description: 'The summary of the discussion (1-20000 characters).' })
  summary!: string;

  @Field(() => String, { nullable: true, description: 'The agreed risk assessment (up to 20000 characters).' })
  riskAssessment?: string | null;

  @Field(() => String, { nullable: true, description: 'The agreed risk management plan (up to 20000 characters).' })
  riskManagementPlan?: string | null;

  @Field(() => Boolean, { description: 'Whether disclosure was considered.' })
  disclosureConsidered!: boolean;

  @Field(() => String, { nullable: true, description: 'Notes on the disclosure consideration (up to 5000 characters).' })
  disclosureNotes?: string | null;
}

@InputType({
  description:
    "The chair's approval of a draft version, with the distribution decision (B.24): the default recipients (B.23) less those withheld, plus any others, each with why.",
})
export class ApproveMinutesInput {
  @Field(() => ID, { description: 'The meeting (as declared in x-mappa-case).' })
  meetingId!: string;

  @Field(() => Int, { description: 'The draft version approved: the latest.' })
  version!: number;

  @Field(() => [MinutesRecipientInput], {
    defaultValue: [],
    description: 'Default recipients the chair withholds the minutes from, each as the default names them, with why (B.24).',
  })
  withhold!: MinutesRecipientInput[];

  @Field(() => [MinutesRecipientInput], {
    defaultValue: [],
    description: "Recipients beyond the defaults, with why (B.24, B.27: sharing outside the agency needs the chair's agreement).",
  })
  additionalRecipients!: MinutesRecipientInput[];
}
