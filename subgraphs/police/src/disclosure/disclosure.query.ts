import type { DisclosureTables } from '@mappa/shared';
import {
  disclosureConsiderationTable,
  disclosureConsultationTable,
  disclosureDecisionTable,
  disclosureItemAgreementTable,
  disclosureItemTable,
  disclosureTransitionTable,
} from './disclosure.table';

/**
 * The tables the shared disclosure queries (shared/src/disclosure/*.query.ts) run against for the level 1
 * decisions police holds: the workflow and the evidence lookup are the same for every holder and are
 * given the holder's own tables, so this agency's resolvers hand this on and build no SQL themselves.
 */
export const policeDisclosureTables: DisclosureTables = {
  disclosureDecisionTable,
  disclosureItemTable,
  disclosureItemAgreementTable,
  disclosureConsultationTable,
  disclosureTransitionTable,
  disclosureConsiderationTable,
};
