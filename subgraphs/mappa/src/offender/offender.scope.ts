import type { SubjectFacts } from '@mappa/shared';
import type { MappaCaseRow } from '../mappa-case/mappa-case.table';

/**
 * What the MAPPA unit knows about a person that decides the caller's row scope: the CT marker, the
 * case's area (which follows a transfer, C.5) and the date of birth from the referral. The register
 * applies the same rules in SQL (register.query.ts).
 */
export function mappaSubjectFacts(mappaCase: MappaCaseRow): SubjectFacts {
  return {
    pncId: mappaCase.pncId,
    counterTerrorismRestricted: mappaCase.counterTerrorismRestricted,
    area: mappaCase.area,
    age: { dateOfBirth: mappaCase.subjectDateOfBirth },
  };
}
