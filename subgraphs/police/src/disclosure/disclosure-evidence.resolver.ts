import { disclosureEvidenceResolver } from '@mappa/shared';
import { policePolicies } from '../police.policies';
import { policeDisclosureStatements } from './disclosure.query';

/** `policeDisclosureEvidence`: the caller's standing to a level 1 disclosure decision police holds, as purpose evidence for the gateway. */
export const PoliceDisclosureEvidenceResolver = disclosureEvidenceResolver({
  holder: 'POLICE',
  statements: policeDisclosureStatements,
  queryPolicy: policePolicies.ownDisclosureEvidence,
  answerPolicy: policePolicies.purposeEvidence,
});
