import { disclosureStatementsOver } from '@mappa/shared';
import * as disclosureTables from './disclosure.table';

/**
 * The shared disclosure statements over the tables of the level 1 decisions police holds: the workflow and
 * the evidence lookup are the same for every holder, so this agency's resolvers hand these on and build no SQL.
 */
export const policeDisclosureStatements = disclosureStatementsOver(disclosureTables);
