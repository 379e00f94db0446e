import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { ClassType } from 'type-graphql';
import { Access } from '../authorization/access-directive';
import type { FieldPolicy } from '../authorization/field-policy';
import { DateTimeISO, LocalDate } from '../domain/scalars';
import type { PurposeEvidence } from './purpose-evidence';

/*
 * Purpose evidence as GraphQL (issues 10 and 11): one flat shape, answered by the MAPPA unit
 * (`myPurposeEvidence`: meetings, referrals and its level 2/3 disclosure decisions) and by the level 1
 * holders of disclosure decisions (`probationDisclosureEvidence`, `policeDisclosureEvidence`), so the
 * gateway reads every answer with one parser. Defined once here and `@shareable`, as the access-audit
 * answer is: each subgraph makes the class with its own policy, the grants being its own.
 */

/** Which record makes the declared purpose true (shared `PurposeEvidence['kind']`). */
export enum PurposeEvidenceKindValue {
  MEETING = 'MEETING',
  REFERRAL = 'REFERRAL',
  DISCLOSURE = 'DISCLOSURE',
  DETENTION_DECISION = 'DETENTION_DECISION',
}

registerEnumType(PurposeEvidenceKindValue, {
  name: 'PurposeEvidenceKind',
  description: 'The record that makes a declared purpose true.',
  valuesConfig: {
    MEETING: { description: 'A MAPP meeting (MAPPA_MEETING), named in x-mappa-case.' },
    REFERRAL: { description: 'A MAPPA A referral (MAPPA_SCREENING), named in x-mappa-case.' },
    DISCLOSURE: { description: 'A disclosure decision (DISCLOSURE_DECISION), named in x-mappa-case.' },
    DETENTION_DECISION: {
      description:
        'A Home Office decision on immigration detention, IRC transfer or bail (IMMIGRATION_DETENTION_DECISION), named in x-mappa-case.',
    },
  },
});

/** How the caller stands to a meeting (shared `MEETING_STANDINGS`). */
export enum MeetingStandingValue {
  COORDINATOR = 'COORDINATOR',
  CHAIR = 'CHAIR',
  INVITEE = 'INVITEE',
}

registerEnumType(MeetingStandingValue, {
  name: 'MeetingStanding',
  description: 'How the caller stands to a MAPP meeting.',
  valuesConfig: {
    COORDINATOR: { description: "The MAPPA co-ordinator of the meeting's area." },
    CHAIR: { description: "The meeting's chair." },
    INVITEE: { description: 'Invited (a live invitation or meeting grant).' },
  },
});

/** How the caller stands to a disclosure decision (shared `DISCLOSURE_STANDINGS`). */
export enum DisclosureStandingValue {
  PROPOSER = 'PROPOSER',
  DECISION_MAKER = 'DECISION_MAKER',
  CONSULTEE = 'CONSULTEE',
  OWNER = 'OWNER',
  COORDINATOR = 'COORDINATOR',
}

registerEnumType(DisclosureStandingValue, {
  name: 'DisclosureStanding',
  description: 'How the caller stands to a disclosure decision (a party to it).',
  valuesConfig: {
    PROPOSER: { description: 'Proposed it.' },
    DECISION_MAKER: { description: "Decides it: the chair of its meeting (levels 2 and 3) or the lead agency's manager (level 1)." },
    CONSULTEE: {
      description: "Of an agency whose consultation it requested (YOT, children's services, adult social care, the ACC, the press office).",
    },
    OWNER: {
      description: "Agrees to one of its live items for the item's owner, or as victim liaison officer for a victim-identifying item.",
    },
    COORDINATOR: { description: 'The MAPPA co-ordinator of its area (levels 2 and 3 only).' },
  },
});

/** The flat answer: the fields of the other kinds are null. */
export interface PurposeEvidenceAnswer {
  kind: PurposeEvidenceKindValue;
  meetingId: string | null;
  referralId: string | null;
  decisionId: string | null;
  pncId: string;
  standing: MeetingStandingValue | null;
  disclosureStanding: DisclosureStandingValue | null;
  invitationId: string | null;
  attending: boolean | null;
  childSafeguardsMet: boolean | null;
  decisionOpen: boolean | null;
  meetingDate: string | null;
  validUntil: Date;
}

/** Evidence as its GraphQL answer. */
export function toPurposeEvidenceAnswer(evidence: PurposeEvidence): PurposeEvidenceAnswer {
  const none = {
    meetingId: null,
    referralId: null,
    decisionId: null,
    standing: null,
    disclosureStanding: null,
    invitationId: null,
    attending: null,
    childSafeguardsMet: null,
    decisionOpen: null,
    meetingDate: null,
  };
  const validUntil = new Date(evidence.validUntil);
  switch (evidence.kind) {
    case 'REFERRAL':
      return { ...none, kind: PurposeEvidenceKindValue.REFERRAL, referralId: evidence.referralId, pncId: evidence.pncId, validUntil };
    case 'DETENTION_DECISION':
      return {
        ...none,
        kind: PurposeEvidenceKindValue.DETENTION_DECISION,
        decisionId: evidence.decisionId,
        pncId: evidence.pncId,
        decisionOpen: evidence.decisionOpen,
        validUntil,
      };
    case 'DISCLOSURE':
      return {
        ...none,
        kind: PurposeEvidenceKindValue.DISCLOSURE,
        decisionId: evidence.decisionId,
        pncId: evidence.pncId,
        disclosureStanding: DisclosureStandingValue[evidence.standing],
        childSafeguardsMet: evidence.childSafeguardsMet,
        decisionOpen: evidence.decisionOpen,
        validUntil,
      };
    case 'MEETING':
      return {
        ...none,
        kind: PurposeEvidenceKindValue.MEETING,
        meetingId: evidence.meetingId,
        pncId: evidence.pncId,
        standing: MeetingStandingValue[evidence.standing],
        invitationId: evidence.invitationId,
        attending: evidence.attending,
        childSafeguardsMet: evidence.childSafeguardsMet,
        meetingDate: evidence.meetingDate ?? null,
        validUntil,
      };
  }
}

/**
 * The `PurposeEvidence` object type, every field under `policy` (the subgraph's own evidence policy).
 * Made once per subgraph, at module load, never per schema build.
 */
export function purposeEvidenceType(policy: FieldPolicy): ClassType<PurposeEvidenceAnswer> {
  @Directive('@shareable')
  @ObjectType('PurposeEvidence', {
    description:
      "The caller's own evidence for the declared MAPPA_MEETING, MAPPA_SCREENING or DISCLOSURE_DECISION: what the gateway vouches for to every agency, which bound their row scope by it. The fields of the other kinds are null. Answered by the holder of the record: the MAPPA unit for meetings, referrals and level 2/3 disclosure decisions, probation and the police for their level 1 disclosure decisions.",
  })
  class PurposeEvidenceObject implements PurposeEvidenceAnswer {
    @Access(policy)
    @Field(() => PurposeEvidenceKindValue, { description: 'Meeting, referral or disclosure decision.' })
    kind!: PurposeEvidenceKindValue;

    @Access(policy)
    @Field(() => ID, { nullable: true, description: 'The meeting (MEETING only).' })
    meetingId!: string | null;

    @Access(policy)
    @Field(() => ID, { nullable: true, description: 'The referral (REFERRAL only).' })
    referralId!: string | null;

    @Access(policy)
    @Field(() => ID, { nullable: true, description: 'The disclosure decision (DISCLOSURE only).' })
    decisionId!: string | null;

    @Access(policy)
    @Field(() => ID, { description: "PNC ID of the record's subject: the only person it reaches." })
    pncId!: string;

    @Access(policy)
    @Field(() => MeetingStandingValue, { nullable: true, description: 'How the caller stands to the meeting (MEETING only).' })
    standing!: MeetingStandingValue | null;

    @Access(policy)
    @Field(() => DisclosureStandingValue, {
      nullable: true,
      description: 'How the caller stands to the disclosure decision (DISCLOSURE only).',
    })
    disclosureStanding!: DisclosureStandingValue | null;

    @Access(policy)
    @Field(() => ID, { nullable: true, description: 'The invitation the caller holds (an INVITEE by invitation only).' })
    invitationId!: string | null;

    @Access(policy)
    @Field(() => Boolean, {
      nullable: true,
      description: 'B.25, B.54: the chair and co-ordinator always; an invitee from signing attendance until leaving (MEETING only).',
    })
    attending!: boolean | null;

    @Access(policy)
    @Field(() => Boolean, {
      nullable: true,
      description:
        "A.R25, B.10, C.52: an adult subject, or the YOT and children's services invited and attending or consulted (MEETING), or both asked by the decision (DISCLOSURE). Null for a referral.",
    })
    childSafeguardsMet!: boolean | null;

    @Access(policy)
    @Field(() => Boolean, {
      nullable: true,
      description: "Whether the decision is still to be made (DISCLOSURE only): only then does it reach its subject's records.",
    })
    decisionOpen!: boolean | null;

    @Access(policy)
    @Field(() => LocalDate, {
      nullable: true,
      description: "The meeting's day in England and Wales (MEETING only): the date a MAPPA F report names its meeting by (B.49, OQ 4).",
    })
    meetingDate!: string | null;

    @Access(policy)
    @Field(() => DateTimeISO, { description: 'When the evidence stops holding.' })
    validUntil!: Date;
  }
  return PurposeEvidenceObject;
}
