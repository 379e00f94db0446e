import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Access } from '@mappa/shared';
import { mappaPolicies } from '../mappa.policies';

/** How the meeting pack would give one field to one invitee (see `decidePackFields`). */
export enum MeetingPackFieldDecision {
  RECEIVED = 'RECEIVED',
  REFUSED = 'REFUSED',
  OWNER_DECIDES_PER_RECORD = 'OWNER_DECIDES_PER_RECORD',
}

registerEnumType(MeetingPackFieldDecision, {
  name: 'MeetingPackFieldDecision',
  description:
    'How the meeting pack would give one field of its subject to one invitee, by the field policies composed into the supergraph.',
  valuesConfig: {
    RECEIVED: { description: 'Served when the subject is served to them (or null without error where the owner holds no record).' },
    REFUSED: { description: 'Refused: null with a FORBIDDEN error at this path or an enclosing one, naming `policy`.' },
    OWNER_DECIDES_PER_RECORD: {
      description:
        'Allowed only by a grant with a per-record condition (`conditions`): the owner decides on its record, answering null without error where it fails.',
    },
  },
});

/** Why the subject would not be served to an invitee at all (row scope). */
export enum MeetingPackWithholding {
  MEETING_CANCELLED = 'MEETING_CANCELLED',
  NOT_ATTENDING = 'NOT_ATTENDING',
  COUNTER_TERRORISM_CLEARANCE_REQUIRED = 'COUNTER_TERRORISM_CLEARANCE_REQUIRED',
  CHILD_SAFEGUARDS_NOT_MET = 'CHILD_SAFEGUARDS_NOT_MET',
  ROLE_NOT_KNOWN_UNTIL_SIGNED = 'ROLE_NOT_KNOWN_UNTIL_SIGNED',
}

registerEnumType(MeetingPackWithholding, {
  name: 'MeetingPackWithholding',
  description: 'Why the meeting pack would not serve its subject to an invitee at all, whatever the field policies say.',
  valuesConfig: {
    MEETING_CANCELLED: { description: 'The meeting was cancelled.' },
    NOT_ATTENDING: {
      description: 'B.25: not signed in (MAPPA E), or left: nothing of the subject until they sign, only their own actions.',
    },
    COUNTER_TERRORISM_CLEARANCE_REQUIRED: {
      description:
        'Principle 7: the subject is counter-terrorism restricted and the invitee is previewed at baseline clearance; CTC or above would be served.',
    },
    CHILD_SAFEGUARDS_NOT_MET: {
      description:
        "A.R25, B.10: the subject is under 18 (or of unknown age) and the YOT and children's services are not both invited and attending or consulted.",
    },
    ROLE_NOT_KNOWN_UNTIL_SIGNED: {
      description: 'The invitation names a staff id without a role; the role they sign in with decides their fields.',
    },
  },
});

/** Where the invitee stands to the meeting. */
export enum MeetingPackStanding {
  CHAIR = 'CHAIR',
  INVITEE = 'INVITEE',
}

registerEnumType(MeetingPackStanding, { name: 'MeetingPackStanding', description: 'The chair, who holds the meeting, or an invitee.' });

@ObjectType({
  description:
    "One field of the meeting pack's subject, decided for one invitee: coordinates and decisions only, never a value. Owner: mappa.",
})
export class MeetingPackFieldPreview {
  @Access(mappaPolicies.meetingPackPreview)
  @Field(() => String, {
    description: "Its path in the pack's answer from the meeting, as the pack writes it (`subject.identity.firstName`).",
  })
  path!: string;

  @Access(mappaPolicies.meetingPackPreview)
  @Field(() => String, { description: 'The field as `Type.field` (`PoliceIdentity.firstName`).' })
  field!: string;

  @Access(mappaPolicies.meetingPackPreview)
  @Field(() => MeetingPackFieldDecision, { description: 'Received, refused, or decided by its owner per record.' })
  decision!: MeetingPackFieldDecision;

  @Access(mappaPolicies.meetingPackPreview)
  @Field(() => String, {
    description: "For REFUSED, the policy that refuses it (its own or an enclosing field's); otherwise the field's own policy.",
  })
  policy!: string;

  @Access(mappaPolicies.meetingPackPreview)
  @Field(() => [String], { description: 'For OWNER_DECIDES_PER_RECORD, the per-record conditions the owner decides; otherwise empty.' })
  conditions!: string[];
}

@ObjectType({ description: 'What the meeting pack would give one invitee (or the chair). Owner: mappa.' })
export class MeetingPackAttendeePreview {
  @Access(mappaPolicies.meetingPackPreview)
  @Field(() => MeetingPackStanding, { description: 'The chair or an invitee.' })
  standing!: MeetingPackStanding;

  @Access(mappaPolicies.meetingPackPreview)
  @Field(() => ID, { nullable: true, description: 'The invitation; null for the chair.' })
  invitationId!: string | null;

  @Access(mappaPolicies.meetingPackPreview)
  @Field(() => String, { description: "The invitee's agency (`police`, `housing`…)." })
  agency!: string;

  @Access(mappaPolicies.meetingPackPreview)
  @Field(() => String, {
    nullable: true,
    description: 'The role the invitee is previewed with; null when the invitation names a staff id only and they have not signed in.',
  })
  role!: string | null;

  @Access(mappaPolicies.meetingPackPreview)
  @Field(() => String, { nullable: true, description: "The invitee's staff id, when the invitation or attendance names one." })
  staffId!: string | null;

  @Access(mappaPolicies.meetingPackPreview)
  @Field(() => String, {
    description:
      'The clearance the invitee is previewed at: baseline (BPSS), since invitations record no vetting; a cleared invitee may receive more, never less.',
  })
  clearanceAssumed!: string;

  @Access(mappaPolicies.meetingPackPreview)
  @Field(() => Boolean, { description: 'Signed in (MAPPA E) and not left; the chair always.' })
  attending!: boolean;

  @Access(mappaPolicies.meetingPackPreview)
  @Field(() => Boolean, {
    description: 'Whether the subject would be served to them at all now; when false, nothing of `fields` is served.',
  })
  subjectServed!: boolean;

  @Access(mappaPolicies.meetingPackPreview)
  @Field(() => [MeetingPackWithholding], { description: 'Why the subject would not be served; empty when it would.' })
  subjectWithheldBecause!: MeetingPackWithholding[];

  @Access(mappaPolicies.meetingPackPreview)
  @Field(() => [MeetingPackFieldPreview], {
    description:
      "Each field of the pack's subject selection, in the pack's order, decided for them; empty when their role is not known yet.",
  })
  fields!: MeetingPackFieldPreview[];
}

@ObjectType({
  description: 'The meeting pack preview: what the one pack query would give each invitee of a meeting and its chair. Owner: mappa.',
})
export class MeetingPackPreview {
  @Access(mappaPolicies.meetingPackPreview)
  @Field(() => ID, { description: 'The meeting.' })
  meetingId!: string;

  @Access(mappaPolicies.meetingPackPreview)
  @Field(() => [MeetingPackAttendeePreview], {
    description: 'The chair first, then each live (not withdrawn) invitation in the order made.',
  })
  attendees!: MeetingPackAttendeePreview[];
}
