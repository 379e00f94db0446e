import { hasCaseRelationship } from '@mappa/shared';
import type { RecordConditions } from '@mappa/shared';

/**
 * The Home Office's record conditions (issue 14). `allocatedOffenderManager` (A.R38, C.73): the
 * caller is the allocated community offender manager of the person, as probation answers it and the
 * gateway vouches it; every record it guards carries the person's PNC ID. Anything else is false.
 */
export const HOME_OFFICE_RECORD_CONDITIONS: RecordConditions = {
  allocatedOffenderManager: (record, caller) =>
    typeof record === 'object' &&
    record !== null &&
    hasCaseRelationship(caller, 'ALLOCATED_OFFENDER_MANAGER', (record as { pncId?: unknown }).pncId),
};
