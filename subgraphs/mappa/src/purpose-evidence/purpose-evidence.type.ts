import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Access, DateTimeISO } from '@mappa/shared';
import { mappaPolicies } from '../mappa.policies';

/** Which record makes the declared purpose true (shared `PurposeEvidence['kind']`). */
export enum PurposeEvidenceKind {
  MEETING = 'MEETING',
  REFERRAL = 'REFERRAL',
}

registerEnumType(PurposeEvidenceKind, {
  name: 'PurposeEvidenceKind',
  description: 'The record that makes a declared purpose true.',
  valuesConfig: {
    MEETING: { description: 'A MAPP meeting (MAPPA_MEETING), named in x-mappa-case.' },
    REFERRAL: { description: 'A MAPPA A referral (MAPPA_SCREENING), named in x-mappa-case.' },
  },
});

/** How the caller stands to a meeting (shared `MEETING_STANDINGS`). */
export enum MeetingStanding {
  COORDINATOR = 'COORDINATOR',
  CHAIR = 'CHAIR',
  INVITEE = 'INVITEE',
}

registerEnumType(MeetingStanding, {
  name: 'MeetingStanding',
  description: 'How the caller stands to a MAPP meeting.',
  valuesConfig: {
    COORDINATOR: { description: 'The MAPPA co-ordinator of the meeting\'s area.' },
    CHAIR: { description: 'The meeting\'s chair.' },
    INVITEE: { description: 'Invited (a live invitation or meeting grant).' },
  },
});

@ObjectType({
  description:
    'The caller\'s own evidence for the declared MAPPA_MEETING or MAPPA_SCREENING: what the gateway vouches for to every agency, which bound their row scope by it. Meeting fields are null for a referral and the other way round. Owner: mappa (MAPPA Co-ordination Unit).',
})
export class PurposeEvidence {
  @Access(mappaPolicies.ownPurposeEvidence)
  @Field(() => PurposeEvidenceKind, { description: 'Meeting or referral.' })
  kind!: PurposeEvidenceKind;

  @Access(mappaPolicies.ownPurposeEvidence)
  @Field(() => ID, { nullable: true, description: 'The meeting (MEETING only).' })
  meetingId!: string | null;

  @Access(mappaPolicies.ownPurposeEvidence)
  @Field(() => ID, { nullable: true, description: 'The referral (REFERRAL only).' })
  referralId!: string | null;

  @Access(mappaPolicies.ownPurposeEvidence)
  @Field(() => ID, { description: 'PNC ID of the meeting\'s or referral\'s subject: the only person it reaches.' })
  pncId!: string;

  @Access(mappaPolicies.ownPurposeEvidence)
  @Field(() => MeetingStanding, { nullable: true, description: 'How the caller stands to the meeting (MEETING only).' })
  standing!: MeetingStanding | null;

  @Access(mappaPolicies.ownPurposeEvidence)
  @Field(() => ID, { nullable: true, description: 'The invitation the caller holds (an INVITEE by invitation only).' })
  invitationId!: string | null;

  @Access(mappaPolicies.ownPurposeEvidence)
  @Field(() => Boolean, { nullable: true, description: 'B.25, B.54: the chair and co-ordinator always; an invitee from signing attendance until leaving (MEETING only).' })
  attending!: boolean | null;

  @Access(mappaPolicies.ownPurposeEvidence)
  @Field(() => Boolean, { nullable: true, description: 'A.R25, B.10: the YOT and children\'s services are invited and attending or consulted (MEETING only).' })
  childSafeguardsMet!: boolean | null;

  @Access(mappaPolicies.ownPurposeEvidence)
  @Field(() => DateTimeISO, { description: 'When the evidence stops holding.' })
  validUntil!: Date;
}
