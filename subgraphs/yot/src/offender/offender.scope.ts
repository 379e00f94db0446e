import type { SubjectFacts } from '@mappa/shared';
import type { YouthCaseRow } from '../youth-case/youth-case.table';

/** What the YOT knows about a young person that decides the caller's row scope: the CT marker, the case's MAPPA area and council, and the date of birth. */
export function yotSubjectFacts(youthCase: YouthCaseRow): SubjectFacts {
  return {
    pncId: youthCase.pncId,
    counterTerrorismRestricted: youthCase.counterTerrorismRestricted,
    area: youthCase.area,
    localAuthority: youthCase.localAuthority,
    age: { dateOfBirth: youthCase.dateOfBirth },
  };
}
