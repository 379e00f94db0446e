import { Ctx, Query, Resolver } from 'type-graphql';
import { Access, holderOfDisclosureDecisionId, toPurposeEvidenceAnswer } from '@mappa/shared';
import type { PurposeEvidenceAnswer } from '@mappa/shared';
import type { MappaContext } from '../mappa.context';
import { mappaPolicies } from '../mappa.policies';
import { disclosureEvidenceFor } from '../disclosure/disclosure-evidence.query';
import { meetingEvidenceFor, referralEvidenceFor } from './purpose-evidence.query';
import { PurposeEvidence } from './purpose-evidence.type';

@Resolver(() => PurposeEvidence)
export class PurposeEvidenceResolver {
  @Access(mappaPolicies.ownPurposeEvidence)
  @Query(() => PurposeEvidence, {
    nullable: true,
    description:
      "The caller's own evidence for the declared purpose and x-mappa-case: under MAPPA_MEETING their standing to that meeting, under MAPPA_SCREENING the referral that makes their screening true, under DISCLOSURE_DECISION their standing to a level 2/3 disclosure decision (`DSC-MAPPA-…`). Null when there is none; an unknown id, a cancelled meeting and a meeting, referral or decision that is not theirs are answered alike. The gateway asks for it before any other agency and vouches for it to every agency.",
  })
  async myPurposeEvidence(@Ctx() context: MappaContext): Promise<PurposeEvidenceAnswer | null> {
    const { principal, declaredPurpose } = context.caller;
    const now = context.now;
    if (declaredPurpose.caseId === null) return null;
    const evidence =
      declaredPurpose.purpose === 'MAPPA_MEETING'
        ? await meetingEvidenceFor(context.db, principal, declaredPurpose.caseId, now)
        : declaredPurpose.purpose === 'MAPPA_SCREENING'
          ? await referralEvidenceFor(context.db, principal, declaredPurpose.caseId, now)
          : // The unit holds level 2/3 decisions only: a level 1 id is its lead agency's to answer.
            declaredPurpose.purpose === 'DISCLOSURE_DECISION' && holderOfDisclosureDecisionId(declaredPurpose.caseId) === 'MAPPA'
            ? await disclosureEvidenceFor(context.db, principal, declaredPurpose.caseId, now)
            : null;
    return evidence ? toPurposeEvidenceAnswer(evidence) : null;
  }
}
