import { disclosureEvidenceResolver } from '@mappa/shared';
import { policePolicies } from '../police.policies';
import { policeDisclosureTables } from './disclosure.query';

/** `policeDisclosureEvidence`: the caller's standing to a level 1 disclosure decision police holds, as purpose evidence for the gateway. */
export const PoliceDisclosureEvidenceResolver = disclosureEvidenceResolver({
  holder: 'POLICE',
  tables: policeDisclosureTables,
  queryPolicy: policePolicies.ownDisclosureEvidence,
  answerPolicy: policePolicies.purposeEvidence,
});
