import { Ctx, Query, Resolver } from 'type-graphql';
import type { ClassType } from 'type-graphql';
import { purposeEvidenceType, toPurposeEvidenceAnswer } from '../auth/purpose-evidence.type';
import type { PurposeEvidenceAnswer } from '../auth/purpose-evidence.type';
import { Access } from '../authorization/access-directive';
import type { FieldPolicy } from '../authorization/field-policy';
import type { SubgraphContext } from '../subgraph/subgraph-context';
import { holderOfDisclosureDecisionId } from './disclosure.model';
import type { DisclosureHolder } from './disclosure.model';
import { disclosureStandingOf } from './disclosure-standing';
import type { DisclosureStatements } from './disclosure-workflow.query';

/** What a level 1 holder's evidence query needs to know about the holder. */
export interface DisclosureEvidenceResolverOptions {
  readonly holder: Exclude<DisclosureHolder, 'MAPPA'>;
  /** The holder's disclosure statements (its `disclosure.query.ts`). */
  readonly statements: Pick<DisclosureStatements, 'standingFacts'>;
  /** The holder's evidence policy, on the query. */
  readonly queryPolicy: FieldPolicy;
  /** The holder's policy on every field of the shared answer type: granted as the MAPPA unit's (`PURPOSE_EVIDENCE_GRANTS`). */
  readonly answerPolicy: FieldPolicy;
}

/** The root field of a level 1 holder's evidence: `probationDisclosureEvidence`, `policeDisclosureEvidence` (root fields are unique across subgraphs). */
export function disclosureEvidenceQueryName(holder: Exclude<DisclosureHolder, 'MAPPA'>): string {
  return `${holder.toLowerCase()}DisclosureEvidence`;
}

/**
 * The resolver of a level 1 holder's DISCLOSURE evidence (issue 11): the caller's standing to the
 * decision named in x-mappa-case under DISCLOSURE_DECISION, from the holder's own rows, in the shared
 * flat `PurposeEvidence` shape the MAPPA unit's `myPurposeEvidence` answers, so the gateway reads both
 * alike. Null for any other purpose, any id that is not this holder's, an unknown decision, another
 * area's and one the caller is not party to, all alike (principle 9). Made once per subgraph, at module load.
 */
export function disclosureEvidenceResolver(options: DisclosureEvidenceResolverOptions): ClassType {
  const { holder, statements, queryPolicy, answerPolicy } = options;
  const PurposeEvidence = purposeEvidenceType(answerPolicy);

  @Resolver()
  class DisclosureEvidenceResolver {
    @Access(queryPolicy)
    @Query(() => PurposeEvidence, {
      name: disclosureEvidenceQueryName(holder),
      nullable: true,
      description:
        "The caller's own standing to the level 1 disclosure decision (`DSC-" +
        holder +
        "-…`) declared in x-mappa-case under DISCLOSURE_DECISION, as purpose evidence: proposer, decision maker, owner asked for agreement or consulted agency, in the decision's area. Null when there is none; an unknown id and a decision that is not theirs are answered alike. The gateway asks for it and vouches for it to every agency.",
    })
    async disclosureEvidence(@Ctx() context: SubgraphContext<object>): Promise<PurposeEvidenceAnswer | null> {
      const { principal, declaredPurpose } = context.caller;
      const decisionId = declaredPurpose.caseId;
      if (declaredPurpose.purpose !== 'DISCLOSURE_DECISION' || decisionId === null || holderOfDisclosureDecisionId(decisionId) !== holder)
        return null;
      const facts = await statements.standingFacts(context.db, decisionId);
      const evidence = facts ? disclosureStandingOf(principal, { ...facts, meetingChair: null }, new Date()) : null;
      return evidence ? toPurposeEvidenceAnswer(evidence) : null;
    }
  }
  return DisclosureEvidenceResolver;
}
