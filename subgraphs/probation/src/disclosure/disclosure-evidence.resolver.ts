import { disclosureEvidenceResolver } from '@mappa/shared';
import { probationPolicies } from '../probation.policies';
import { probationDisclosureStatements } from './disclosure.query';

/** `probationDisclosureEvidence`: the caller's standing to a level 1 disclosure decision probation holds, as purpose evidence for the gateway. */
export const ProbationDisclosureEvidenceResolver = disclosureEvidenceResolver({
  holder: 'PROBATION',
  statements: probationDisclosureStatements,
  queryPolicy: probationPolicies.ownDisclosureEvidence,
  answerPolicy: probationPolicies.purposeEvidence,
});
