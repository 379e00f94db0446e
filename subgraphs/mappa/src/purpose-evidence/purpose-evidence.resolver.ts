import { Ctx, Query, Resolver } from 'type-graphql';
import { Access } from '@mappa/shared';
import type { MeetingEvidence, ReferralEvidence } from '@mappa/shared';
import type { MappaContext } from '../mappa.context';
import { mappaPolicies } from '../mappa.policies';
import { meetingEvidenceFor, referralEvidenceFor } from './purpose-evidence.query';
import { MeetingStanding, PurposeEvidence, PurposeEvidenceKind } from './purpose-evidence.type';

function toGraphQL(evidence: MeetingEvidence | ReferralEvidence): PurposeEvidence {
  const validUntil = new Date(evidence.validUntil);
  if (evidence.kind === 'REFERRAL') {
    return { kind: PurposeEvidenceKind.REFERRAL, meetingId: null, referralId: evidence.referralId, pncId: evidence.pncId, standing: null, invitationId: null, attending: null, childSafeguardsMet: null, validUntil };
  }
  return {
    kind: PurposeEvidenceKind.MEETING,
    meetingId: evidence.meetingId,
    referralId: null,
    pncId: evidence.pncId,
    standing: MeetingStanding[evidence.standing],
    invitationId: evidence.invitationId,
    attending: evidence.attending,
    childSafeguardsMet: evidence.childSafeguardsMet,
    validUntil,
  };
}

@Resolver(() => PurposeEvidence)
export class PurposeEvidenceResolver {
  @Access(mappaPolicies.ownPurposeEvidence)
  @Query(() => PurposeEvidence, {
    nullable: true,
    description:
      'The caller\'s own evidence for the declared purpose and x-mappa-case: under MAPPA_MEETING their standing to that meeting, under MAPPA_SCREENING the referral that makes their screening true. Null when there is none; an unknown id, a cancelled meeting and a meeting or referral that is not theirs are answered alike. The gateway asks for it before any other agency and vouches for it to every agency.',
  })
  async myPurposeEvidence(@Ctx() context: MappaContext): Promise<PurposeEvidence | null> {
    const { principal, declaredPurpose } = context.caller;
    const now = new Date();
    if (declaredPurpose.caseId === null) return null;
    const evidence =
      declaredPurpose.purpose === 'MAPPA_MEETING'
        ? await meetingEvidenceFor(context.db, principal, declaredPurpose.caseId, now)
        : declaredPurpose.purpose === 'MAPPA_SCREENING'
          ? await referralEvidenceFor(context.db, principal, declaredPurpose.caseId, now)
          : null;
    return evidence ? toGraphQL(evidence) : null;
  }
}
