import { disclosureEvidenceResolver } from '@mappa/shared';
import { policePolicies } from '../police.policies';
import { disclosureConsultationTable, disclosureDecisionTable, disclosureItemTable } from './disclosure.table';

/** `policeDisclosureEvidence`: the caller's standing to a level 1 disclosure decision police holds, as purpose evidence for the gateway. */
export const PoliceDisclosureEvidenceResolver = disclosureEvidenceResolver({
  holder: 'POLICE',
  tables: { disclosureDecisionTable, disclosureItemTable, disclosureConsultationTable },
  queryPolicy: policePolicies.ownDisclosureEvidence,
  answerPolicy: policePolicies.purposeEvidence,
});
