import type { SQL } from 'drizzle-orm';
import { Agency, latestAdultDateOfBirth, subjectInScope, YOT_ROLES } from '@mappa/shared';
import type { RowScope, SubjectFacts } from '@mappa/shared';
import type { MappaCaseRow } from '../mappa-case/mappa-case.table';
import { mappaCaseHiddenByGates } from './offender-scope.sql';
import type { MappaCaseGates } from './offender-scope.sql';

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
 * Whether the caller reaches the MAPPA unit only for youth justice cases: a youth offending team
 * principal (its agency, or any YOT role it holds, so the stricter rule wins for a principal with
 * several roles). A.R26, principles 3 and 9: the YOT's interest in MAPPA is its own young people, so
 * an adult's MAPPA status (category, level, lead agency, case number) is not the YOT's to know.
 */
function reachesYouthJusticeCasesOnly(scope: RowScope): boolean {
  return scope.principal.agency === 'yot' || scope.principal.roles.some((role) => YOT_ROLES.includes(role));
}

/**
 * Whether the caller reaches the MAPPA unit only for foreign national offenders: the Home Office (A.R38,
 * C.71, C.72: UKBA's MAPPA SPOC reads MAPPA status and risk levels of the foreign national offenders it
 * has an interest in, never a British national's).
 */
function reachesForeignNationalCasesOnly(scope: RowScope): boolean {
  return scope.principal.agency === 'home_office';
}

/**
 * A.R26, principle 3: a case a YOT principal may know of, decided on the MAPPA unit's own record (no
 * read of the YOT's or the police's records): one the YOT leads (which covers a young person who
 * turned 18 still under the YOT, C §4.8), or whose subject is under 18 on the request's date by the
 * date of birth the MAPPA A gave. An unknown date of birth is not "under 18" (deny by default).
 */
export function yotMayKnowCase(mappaCase: Pick<MappaCaseRow, 'leadAgency' | 'subjectDateOfBirth'>, onDate: string): boolean {
  if (mappaCase.leadAgency === Agency.YOT) return true;
  return mappaCase.subjectDateOfBirth !== null && mappaCase.subjectDateOfBirth > latestAdultDateOfBirth(onDate);
}

/**
 * A.R31, A.R32, principle 5: a case Jobcentre Plus may be brought into, decided on the MAPPA unit's own
 * record: its subject is 18 or over on the request's date by the date of birth the MAPPA A gave. What
 * Jobcentre Plus reads is MAPPA J content, which is for adults only; an unknown date of birth is not
 * "18 or over" (deny by default).
 */
export function jobcentreMayKnowCase(mappaCase: Pick<MappaCaseRow, 'subjectDateOfBirth'>, onDate: string): boolean {
  return mappaCase.subjectDateOfBirth !== null && mappaCase.subjectDateOfBirth <= latestAdultDateOfBirth(onDate);
}

/**
 * Whether a person the MAPPA unit holds (by their case) is in the caller's row scope: the shared rules
 * (`subjectInScope`) and the MAPPA unit's own, that a YOT principal knows only YOT-led cases and
 * under-18s (`yotMayKnowCase`), and the Home Office only foreign national offenders (A.R38, C.72),
 * whatever grant, meeting or purpose it comes with. The one check
 * behind every per-person answer of this subgraph; the SQL routes apply the same with `hiddenByGates`.
 */
export function mappaSubjectInScope(mappaCase: MappaCaseRow, scope: RowScope): boolean {
  if (reachesYouthJusticeCasesOnly(scope) && !yotMayKnowCase(mappaCase, scope.today)) return false;
  if (reachesForeignNationalCasesOnly(scope) && !mappaCase.foreignNational) return false;
  return subjectInScope(mappaSubjectFacts(mappaCase), scope);
}

/**
 * The rules no case grant opens (rules 1 and 2 of `subjectInScope`: principle 7, R-5, and the MAPPA
 * unit's YOT rule of `mappaSubjectInScope`) in SQL, over a MAPPA case row: true where the row hides
 * its subject from the caller (counter-terrorism restricted for an uncleared caller; under a
 * disclosure decision, or a meeting that does not meet A.R25 / B.10, a subject under 18 or of unknown
 * date of birth; for a YOT principal, an adult's case another agency leads; for the Home Office, a case
 * not recorded as a foreign national offender's). Undefined when nothing is
 * hidden this way. Written as "hidden" rather than "visible" so an unknown date of birth (NULL) counts
 * as hidden, never as unknown.
 */
export function hiddenByGates(scope: RowScope): SQL | undefined {
  return mappaCaseHiddenByGates(gatesOf(scope));
}

/** Which of the gates no case grant opens apply to the caller: decided here, beside `mappaSubjectInScope`; offender-scope.sql.ts applies them in SQL. */
export function gatesOf(scope: RowScope): MappaCaseGates {
  return {
    counterTerrorismCleared: scope.counterTerrorismCleared,
    latestDateOfBirth: scope.latestDateOfBirth,
    youthJusticeOnlyAdultBornBy: reachesYouthJusticeCasesOnly(scope) ? latestAdultDateOfBirth(scope.today) : null,
    foreignNationalOnly: reachesForeignNationalCasesOnly(scope),
  };
}
