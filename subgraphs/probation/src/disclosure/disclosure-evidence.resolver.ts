import { disclosureEvidenceResolver } from '@mappa/shared';
import { probationPolicies } from '../probation.policies';
import { probationDisclosureTables } from './disclosure.query';

/** `probationDisclosureEvidence`: the caller's standing to a level 1 disclosure decision probation holds, as purpose evidence for the gateway. */
export const ProbationDisclosureEvidenceResolver = disclosureEvidenceResolver({
  holder: 'PROBATION',
  tables: probationDisclosureTables,
  queryPolicy: probationPolicies.ownDisclosureEvidence,
  answerPolicy: probationPolicies.purposeEvidence,
});
