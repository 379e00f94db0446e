import { purposeEvidenceType } from '@mappa/shared';
import { mappaPolicies } from '../mappa.policies';

/**
 * The MAPPA unit's `PurposeEvidence`: the shared flat shape (`purposeEvidenceType`), which the level 1
 * holders of disclosure decisions answer too, under the unit's own evidence policy.
 */
export const PurposeEvidence = purposeEvidenceType(mappaPolicies.ownPurposeEvidence);
