import type { SubjectFacts } from '@mappa/shared';
import type { PersonRow } from '../identity/identity-person.table';

/** What the police know about a person that decides the caller's row scope: the CT marker, the responsible MAPPA area and the date of birth. */
export function policeSubjectFacts(person: PersonRow): SubjectFacts {
  return {
    pncId: person.pncId,
    counterTerrorismRestricted: person.counterTerrorismRestricted,
    area: person.mappaArea,
    age: { dateOfBirth: person.dateOfBirth },
  };
}
