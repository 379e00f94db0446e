import { disclosureTablesIn } from '@mappa/shared';
import { mappaSchema } from '../mappa.schema';

/*
 * Disclosure decisions this agency holds (issue 11): the shape every holder shares, created in this
 * agency's own schema. The MAPPA unit holds the level 2 and 3 decisions, each the meeting's.
 */
export const {
  disclosureDecisionTable,
  disclosureItemTable,
  disclosureItemAgreementTable,
  disclosureConsultationTable,
  disclosureTransitionTable,
  disclosureConsiderationTable,
} = disclosureTablesIn(mappaSchema);
