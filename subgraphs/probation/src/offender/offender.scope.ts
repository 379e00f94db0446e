import type { SubjectFacts } from '@mappa/shared';
import type { ProbationCaseRow } from '../case/probation-case.table';
import { isAllocated } from '../case/probation-case.resolver';

/**
 * What probation knows about a person that decides the caller's row scope: the CT marker and the
 * case's area. nDelius cases are adults' (under-18s are the YOT's), so the under-18 rule (R-5) never
 * applies here. R-4: a limited-access case (`currentRestriction`) is known only to the allocated
 * community offender manager (nDelius staff code = principal staff id) and grant holders; for anyone
 * else probation holds no case. An unallocated case (placeholder code) admits grant holders only.
 */
export function probationSubjectFacts(probationCase: ProbationCaseRow): SubjectFacts {
  return {
    pncId: probationCase.pncId,
    counterTerrorismRestricted: probationCase.counterTerrorismRestricted,
    area: probationCase.area,
    age: 'ADULTS_ONLY',
    ...(probationCase.currentRestriction
      ? { limitedTo: { agency: 'probation', staffId: isAllocated(probationCase.managerStaffCode) ? probationCase.managerStaffCode : null } }
      : {}),
  };
}
