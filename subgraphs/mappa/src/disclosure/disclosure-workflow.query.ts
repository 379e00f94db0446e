import { disclosureStatementsOver } from '@mappa/shared';
import * as disclosureTables from './disclosure.table';

/**
 * The shared disclosure statements over the MAPPA unit's own disclosure tables: handed to the workflow by
 * `mappaDisclosureRules` and used by the unit's evidence lookup, so neither names a table.
 */
export const mappaDisclosureStatements = disclosureStatementsOver(disclosureTables);
