import type { DisclosureHolderRules } from '@mappa/shared';
import {
  disclosureConsiderationTable,
  disclosureConsultationTable,
  disclosureDecisionTable,
  disclosureItemAgreementTable,
  disclosureItemTable,
  disclosureTransitionTable,
} from './disclosure.table';

/**
 * The MAPPA unit's disclosure tables, which the shared disclosure workflow (shared/src/disclosure)
 * builds its statements over: handed to it by `mappaDisclosureRules`, so the rules name no table.
 */
export const MAPPA_DISCLOSURE_TABLES: DisclosureHolderRules['tables'] = {
  disclosureDecisionTable,
  disclosureItemTable,
  disclosureItemAgreementTable,
  disclosureConsultationTable,
  disclosureTransitionTable,
  disclosureConsiderationTable,
};
