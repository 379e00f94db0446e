import { and, eq, gt, isNull, lte, ne, or } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { Agency } from '@mappa/shared';
import { mappaCaseTable } from '../mappa-case/mappa-case.table';

/** Which of the gates no case grant opens apply to the caller (decided in offender.scope.ts, `hiddenByGates`). */
export interface MappaCaseGates {
  /** Whether the caller may know a counter-terrorism restricted subject (principle 7). */
  readonly counterTerrorismCleared: boolean;
  /** The latest date of birth the caller may know (R-5, A.R25, B.10); null when no age rule applies. */
  readonly latestDateOfBirth: string | null;
  /** For a caller who reaches youth justice cases only (A.R26): the latest date of birth of an adult on the request's date; null otherwise. */
  readonly youthJusticeOnlyAdultBornBy: string | null;
  /** Whether the caller reaches foreign national offenders' cases only (A.R38, C.72). */
  readonly foreignNationalOnly: boolean;
}

/**
 * The gates over a MAPPA case row in SQL: true where the row hides its subject from the caller.
 * Undefined when nothing is hidden this way. Written as "hidden" rather than "visible" so an unknown
 * date of birth (NULL) counts as hidden, never as unknown.
 */
export function mappaCaseHiddenByGates(gates: MappaCaseGates): SQL | undefined {
  return or(
    gates.counterTerrorismCleared ? undefined : eq(mappaCaseTable.counterTerrorismRestricted, true),
    gates.latestDateOfBirth === null
      ? undefined
      : or(isNull(mappaCaseTable.subjectDateOfBirth), gt(mappaCaseTable.subjectDateOfBirth, gates.latestDateOfBirth)),
    gates.youthJusticeOnlyAdultBornBy !== null
      ? and(
          ne(mappaCaseTable.leadAgency, Agency.YOT),
          or(isNull(mappaCaseTable.subjectDateOfBirth), lte(mappaCaseTable.subjectDateOfBirth, gates.youthJusticeOnlyAdultBornBy)),
        )
      : undefined,
    gates.foreignNationalOnly ? eq(mappaCaseTable.foreignNational, false) : undefined,
  );
}
