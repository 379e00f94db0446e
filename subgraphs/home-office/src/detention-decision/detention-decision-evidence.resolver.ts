import { Ctx, Query, Resolver } from 'type-graphql';
import { Access, purposeEvidenceType, toPurposeEvidenceAnswer } from '@mappa/shared';
import type { PurposeEvidenceAnswer } from '@mappa/shared';
import type { HomeOfficeContext } from '../home-office.context';
import { homeOfficePolicies } from '../home-office.policies';
import { detentionDecisionOwnedBy } from './detention-decision.query';

/** Evidence is looked up afresh for every request; it is vouched for a minute at most. */
const EVIDENCE_VALID_MS = 60_000;

const PurposeEvidence = purposeEvidenceType(homeOfficePolicies.purposeEvidence);

@Resolver()
export class DetentionEvidenceResolver {
  @Access(homeOfficePolicies.detentionEvidence)
  @Query(() => PurposeEvidence, {
    nullable: true,
    description:
      "The caller's own standing to the Home Office detention decision (`HOD-…`) declared in x-mappa-case under IMMIGRATION_DETENTION_DECISION (C.72): its case owner, as purpose evidence, open until decided. Null otherwise; an unknown id and another's decision are answered alike. The gateway asks for it and vouches for it to every agency.",
  })
  async homeOfficeDetentionEvidence(@Ctx() context: HomeOfficeContext): Promise<PurposeEvidenceAnswer | null> {
    const { declaredPurpose } = context.caller;
    const decisionId = declaredPurpose.caseId;
    // The case owner's staff id counts only from an identity provider whose staff ids are the Home Office's.
    const staffId = context.rowScope.ownStaffId;
    if (declaredPurpose.purpose !== 'IMMIGRATION_DETENTION_DECISION' || decisionId === null || staffId === null) return null;
    const decision = await detentionDecisionOwnedBy(context.db, decisionId, staffId);
    if (!decision) return null;
    return toPurposeEvidenceAnswer({
      kind: 'DETENTION_DECISION',
      decisionId: decision.decisionId,
      pncId: decision.pncId,
      decisionOpen: decision.decidedDate === null,
      validUntil: new Date(Date.now() + EVIDENCE_VALID_MS).toISOString(),
    });
  }
}
