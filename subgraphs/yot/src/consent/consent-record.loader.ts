import { asc, inArray } from 'drizzle-orm';
import { loaderForMany } from '@mappa/shared';
import type { Database } from '@mappa/shared';
import { consentRecordTable } from './consent-record.table';

/** Consent records by PNC ID, oldest decision first. */
export const createConsentRecordsLoader = (db: Database) =>
  loaderForMany(
    'yot.consentRecordsByPncId',
    (pncIds) =>
      db
        .select()
        .from(consentRecordTable)
        .where(inArray(consentRecordTable.pncId, [...pncIds]))
        .orderBy(asc(consentRecordTable.decisionDate), asc(consentRecordTable.id)),
    (row) => row.pncId,
  );
