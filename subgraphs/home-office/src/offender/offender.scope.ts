import type { SubjectFacts } from '@mappa/shared';
import type { ImmigrationCaseRow } from '../immigration-case/immigration-case.table';

/**
 * What the Home Office knows about a person that decides the caller's row scope: the CT marker and the
 * MAPPA area the prison's notification gave. Its cases are adults from the adult prison estate (C.70).
 */
export function homeOfficeSubjectFacts(immigrationCase: ImmigrationCaseRow): SubjectFacts {
  return {
    pncId: immigrationCase.pncId,
    counterTerrorismRestricted: immigrationCase.counterTerrorismRestricted,
    area: immigrationCase.mappaArea,
    age: 'ADULTS_ONLY',
  };
}
