import { eq, gt, isNull, or } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { RowScope, SubjectFacts } from '@mappa/shared';
import { mappaCaseTable } from '../mappa-case/mappa-case.table';
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

/**
 * The rules no case grant opens (rules 1 and 2 of `subjectInScope`: principle 7, R-5) in SQL, over a MAPPA case
 * row: true where the row hides its subject from the caller (counter-terrorism restricted for an
 * uncleared caller; under a disclosure decision, or a meeting that does not meet A.R25 / B.10, a subject under 18 or of unknown date of
 * birth). Undefined when nothing is hidden this way. Written as "hidden" rather than "visible" so an
 * unknown date of birth (NULL) counts as hidden, never as unknown.
 */
export function hiddenByGates(scope: RowScope): SQL | undefined {
  return or(
    scope.counterTerrorismCleared ? undefined : eq(mappaCaseTable.counterTerrorismRestricted, true),
    scope.latestDateOfBirth === null ? undefined : or(isNull(mappaCaseTable.subjectDateOfBirth), gt(mappaCaseTable.subjectDateOfBirth, scope.latestDateOfBirth)),
  );
}
