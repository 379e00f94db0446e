import type { SubjectFacts } from '@mappa/shared';
import type { PrisonerRow } from '../custody/custody-prisoner.table';

/**
 * What the prison knows about a person that decides the caller's row scope: the CT marker, the
 * responsible MAPPA area and where the person is held now (which scopes an establishment's prison
 * offender manager, A.R5, OQ 14). The adult estate holds no one under 18 (children are in the Youth Custody
 * Service's care), so the under-18 rule never applies to a prison record.
 */
export function prisonSubjectFacts(prisoner: PrisonerRow): SubjectFacts {
  return {
    pncId: prisoner.pncId,
    counterTerrorismRestricted: prisoner.counterTerrorismRestricted,
    area: prisoner.mappaArea,
    age: 'ADULTS_ONLY',
    heldAt: prisoner.inOutStatus === 'IN' ? prisoner.establishmentCode : null,
  };
}
