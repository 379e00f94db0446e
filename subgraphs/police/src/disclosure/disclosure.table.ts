import { disclosureTablesIn } from '@mappa/shared';
import { policeSchema } from '../police.schema';

/*
 * Disclosure decisions this agency holds (issue 11): the shape every holder shares, created in this
 * agency's own schema. This agency holds the decisions about its own level 1 cases as lead agency; the co-ordinator does not see them.
 */
export const {
  disclosureDecisionTable,
  disclosureItemTable,
  disclosureItemAgreementTable,
  disclosureConsultationTable,
  disclosureTransitionTable,
  disclosureConsiderationTable,
} = disclosureTablesIn(policeSchema);
