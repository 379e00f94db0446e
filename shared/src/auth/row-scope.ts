import type { MappaArea } from '../domain/mappa-area';
import { caseGrantsOf } from './caller';
import type { Caller } from './caller';
import { CLEARANCES } from './principal';
import type { Principal, PrincipalAgency } from './principal';
import type { Purpose } from './purpose';
import { isMappaCoordinator, purposeEvidenceOf } from './purpose-evidence';
import { calendarDateOf } from '../time/calendar-date';
import type { CalendarDate } from '../time/calendar-date';

/*
 * Row scope: whether the caller may know that a subject exists at all. Every owner applies it, with
 * the facts it holds itself, before any field policy, on every path (`__resolveReference`, its own
 * identifier lookups, the MAPPA register's SQL). Out of scope is answered exactly like an unknown
 * identifier (principle 9). The rules, in the order they apply:
 *
 *  1. Principle 7: category 4 and restricted-access people need counter-terrorism clearance,
 *     whatever grant or meeting the caller holds.
 *  2. R-5 (A.R25, B.10, C.52): under MAPPA_MEETING and DISCLOSURE_DECISION a subject under 18 on the
 *     request's date is out of scope for everyone unless the record's evidence shows the YOT and
 *     children's services brought in: invited to the meeting and attending or consulted
 *     (`MeetingEvidence.childSafeguardsMet`), or asked by the decision (`DisclosureEvidence.childSafeguardsMet`).
 *  3. The bound purposes (issue 10): the gateway vouches for the record that makes the declared
 *     purpose true (`purposeEvidenceOf`), and it replaces area scope:
 *     - MAPPA_MEETING: the only subject in scope is the meeting's, and only while the caller is
 *       attending it (chair and co-ordinator always; an invitee from signing MAPPA E until leaving,
 *       B.25, B.54). No area scope, for the co-ordinator neither, and no case grant besides: a grant
 *       for this meeting already makes its holder an invitee in the evidence, and a grant for a meeting
 *       about someone else counts for nothing. A made-up meeting id reaches no one (principle 9).
 *     - DISCLOSURE_DECISION (issue 11): the only subject in scope is the decision's, for its parties
 *       (proposer, decision maker, consulted agency, owner asked for agreement, the area's co-ordinator
 *       for a level 2/3 decision), while the decision is open (not yet made, withdrawn or decided not to
 *       disclose). No area scope and no case grant: a made-up decision id reaches no one.
 *     - IMMIGRATION_DETENTION_DECISION (issue 14, C.72): the only subject in scope is the open Home Office
 *       detention decision's, for its case owner; adults only (the adult estate). No area, no case grant.
 *     - MAPPA_SCREENING: the co-ordinator keeps area scope (and grants); anyone else reaches only the
 *       subject of the referral named in x-mappa-case (an open referral from their agency in their
 *       area, or a screening they are party to) and their live screening grants (the exceptions).
 *  4. Otherwise a live case grant for the subject (`caseGrantsOf`) brings it in scope, whatever the area.
 *  5. Duty-to-co-operate attendees are in scope only through such a grant or meeting (principle 5, A.R26).
 *  6. R-3 (principle 2, A.R9, C.5): otherwise the subject's responsible MAPPA area must be the
 *     principal's area. Information governance under AUDIT is national for its own agency's records
 *     and reaches no one else's (principle 10, see `areaScopeOf`). Over its owner's own records, a
 *     token's establishment replaces the area for a prison offender manager, and a token's council
 *     narrows it for YOT staff (`inAreaOf`).
 *  7. R-4 (probation only): a limited-access case is also limited to its allocated staff.
 *
 * All of it is decided here, once, from the signed caller (`rowScopeOf`): owners apply the result with
 * `subjectInScope` (or, for the register, the same rules in SQL) and need no purpose-specific code, so a
 * new owner gets the bound purposes by applying row scope at all.
 *
 * Staff ids are qualified by issuer (issue 9 §2): an owner's records name its own staff by the ids
 * its own identity provider(s) issue (probation's nDelius staff codes), so a staff id decides access
 * only when the caller's provider is one the owner's staff ids come from (`ownStaffIdOf`). The same
 * id presented by any other provider matches nobody.
 */

/** Counter-terrorism cleared: Counter-Terrorist Check or above (CTC, SC, DV). */
export function mayKnowRestrictedSubject(caller: Caller): boolean {
  return CLEARANCES.indexOf(caller.principal.clearance) >= CLEARANCES.indexOf('CTC');
}

/**
 * How far a principal's row scope reaches before grants: one MAPPA area, the whole country, nothing
 * but grants, or no one at all (not even through a grant).
 */
export type AreaScope =
  | { readonly kind: 'area'; readonly area: MappaArea }
  | { readonly kind: 'national' }
  /** Only the subjects named to the caller (`RowScope.grantedPncIds`): grants, or a bound purpose's evidence. */
  | { readonly kind: 'grantsOnly' }
  | { readonly kind: 'none' };

/**
 * The area scope of a principal under a purpose, as the data owner `owner` (the agency whose
 * records are being asked about) applies it. Deny by default: everyone is scoped to their own area
 * except
 * - duty-to-co-operate attendees, who reach a subject only through a live case grant (principle 5),
 *   even when they hold another role too, so the stricter rule always wins;
 * - information governance under AUDIT, which audits its own agency's records (principle 10, owner
 *   control; R-8) and is granted only audit metadata under that purpose, never case content: national
 *   for the owner's own information governance, and no one at all for anyone else's. Otherwise the
 *   information governance of an agency that owns no records (housing, health…) could ask about any
 *   PNC ID and learn who is a MAPPA offender, and one owner's information governance could learn
 *   which people another owner holds; for them every subject answers as an unknown PNC ID
 *   (principle 9). An unknown owner (undefined) is nobody's own: deny. Under any other purpose
 *   information governance is area-scoped like everyone else.
 * A prison offender manager whose token names their establishment is scoped, over the prison's own
 * records, by custody instead of area (A.R5, inventory OQ 14): see `subjectInScope` and
 * `SubjectFacts.heldAt`. Without one they stay area-scoped.
 */
export function areaScopeOf(principal: Principal, purpose: Purpose, owner?: PrincipalAgency): AreaScope {
  if (principal.roles.includes('dtc_attendee')) return { kind: 'grantsOnly' };
  if (purpose === 'AUDIT' && principal.roles.includes('information_governance'))
    return owner !== undefined && principal.agency === owner ? { kind: 'national' } : { kind: 'none' };
  // Issue 14, principle 5: the Home Office's case owners are area-scoped over the Home Office's own
  // records only; another owner's subjects they reach only through a grant or a bound purpose's record
  // (their meeting, their open detention decision, C.72), so no owner's entry point tells them who else
  // is a MAPPA offender (principle 9).
  if (principal.roles.includes('immigration_case_owner') && principal.agency !== owner) return { kind: 'grantsOnly' };
  return { kind: 'area', area: principal.area };
}

/**
 * The latest date of birth of someone who is 18 or over on `onDate`: the same month and day 18 years
 * earlier. Compared as text, which also makes a 29 February birthday count from 1 March in other
 * years, as the law does.
 */
export function latestAdultDateOfBirth(onDate: string): string {
  return `${String(Number(onDate.slice(0, 4)) - 18).padStart(4, '0')}${onDate.slice(4)}`;
}

/** Whether someone born on `dateOfBirth` is under 18 on `onDate` (both `YYYY-MM-DD`). */
export function isUnder18(dateOfBirth: string, onDate: string): boolean {
  return dateOfBirth > latestAdultDateOfBirth(onDate);
}

/** A caller's row scope for one request, worked out once and applied to each subject. */
export interface RowScope {
  /** The calendar date (England and Wales) the scope was worked out on: an owner's own date-dependent rules use it too. */
  readonly today: CalendarDate;
  /** Principle 7: whether counter-terrorism restricted subjects may be known. */
  readonly counterTerrorismCleared: boolean;
  readonly areaScope: AreaScope;
  /**
   * PNC IDs in scope whatever the area: the caller's live grants for this purpose (and case), and the
   * subject of the purpose evidence that holds for the request. Under MAPPA_MEETING only the
   * meeting's subject (when the caller is attending), with `areaScope` 'grantsOnly'.
   */
  readonly grantedPncIds: readonly string[];
  /** when set, only subjects born on or before this date (18 or over today) are in scope; an unknown date of birth is out. */
  readonly latestDateOfBirth: string | null;
  /** whether a subject limited to its allocated staff (`SubjectFacts.limitedTo`) is so limited; false only in `unrestrictedRowScopeOf`. */
  readonly staffLimitsApply: boolean;
  readonly principal: Principal;
  /**
   * The caller's staff id as this owner names its staff: set only when the caller's identity
   * provider is one this owner's staff ids come from (`ownStaffIdOf`), else null, and then no
   * record naming a staff id (an allocated case, a victim's liaison officer) is the caller's.
   */
  readonly ownStaffId: string | null;
}

/**
 * The caller's staff id if `staffIdIssuers` (the identity providers whose staff ids this owner's
 * records use) include the caller's issuer; null otherwise (deny by default: none configured, none own).
 */
export function ownStaffIdOf(principal: Principal, staffIdIssuers: readonly string[]): string | null {
  return staffIdIssuers.includes(principal.issuer) ? principal.staffId : null;
}

/** How far the caller reaches under the declared purpose before the gates: area scope and the subjects named to them. */
function reachOf(
  caller: Caller,
  now: Date,
  owner: PrincipalAgency | undefined,
): Pick<RowScope, 'areaScope' | 'grantedPncIds' | 'latestDateOfBirth'> {
  const { principal, declaredPurpose } = caller;
  const evidence = purposeEvidenceOf(caller, now);
  const grantedPncIds = () => caseGrantsOf(caller, now).map((grant) => grant.pncId);
  const adultsOnly = latestAdultDateOfBirth(calendarDateOf(now));
  if (declaredPurpose.purpose === 'MAPPA_MEETING') {
    // The meeting's subject while attending, and nothing else: no area, no other grant.
    const meeting = evidence?.kind === 'MEETING' && evidence.attending ? evidence : null;
    return {
      areaScope: { kind: 'grantsOnly' },
      grantedPncIds: meeting ? [meeting.pncId] : [],
      latestDateOfBirth: meeting?.childSafeguardsMet ? null : adultsOnly,
    };
  }
  if (declaredPurpose.purpose === 'DISCLOSURE_DECISION') {
    // The decision's subject for its parties while the decision is open, and nothing else.
    const decision = evidence?.kind === 'DISCLOSURE' && evidence.decisionOpen ? evidence : null;
    return {
      areaScope: { kind: 'grantsOnly' },
      grantedPncIds: decision ? [decision.pncId] : [],
      latestDateOfBirth: decision?.childSafeguardsMet ? null : adultsOnly,
    };
  }
  if (declaredPurpose.purpose === 'IMMIGRATION_DETENTION_DECISION') {
    // C.72: the Home Office decision's subject for its case owner while the decision is open, and nothing else.
    const decision = evidence?.kind === 'DETENTION_DECISION' && evidence.decisionOpen ? evidence : null;
    return { areaScope: { kind: 'grantsOnly' }, grantedPncIds: decision ? [decision.pncId] : [], latestDateOfBirth: adultsOnly };
  }
  if (declaredPurpose.purpose === 'MAPPA_SCREENING' && !isMappaCoordinator(principal)) {
    const referral = evidence?.kind === 'REFERRAL' ? [evidence.pncId] : [];
    return { areaScope: { kind: 'grantsOnly' }, grantedPncIds: [...new Set([...referral, ...grantedPncIds()])], latestDateOfBirth: null };
  }
  return {
    areaScope: areaScopeOf(principal, declaredPurpose.purpose, owner),
    grantedPncIds: [...new Set(grantedPncIds())],
    latestDateOfBirth: null,
  };
}

/**
 * The caller's row scope at `now`, as the data owner `owner` applies it (see `areaScopeOf`), for an
 * owner whose staff ids come from `staffIdIssuers`: every rule at the top of this file, including the
 * bound purposes, from the signed caller alone.
 */
export function rowScopeOf(
  caller: Caller,
  now: Date = new Date(),
  owner?: PrincipalAgency,
  staffIdIssuers: readonly string[] = [],
): RowScope {
  return {
    today: calendarDateOf(now),
    counterTerrorismCleared: mayKnowRestrictedSubject(caller),
    ...reachOf(caller, now, owner),
    staffLimitsApply: true,
    principal: caller.principal,
    ownStaffId: ownStaffIdOf(caller.principal, staffIdIssuers),
  };
}

/**
 * BENCHMARK ONLY (`authorization: 'off'`, see `AuthorizationMode`): the row scope of a stack with
 * authorization switched off, so `npm run bench` measures what row scope costs. National, counter-
 * terrorism cleared, no age bar, no staff limits, no grants needed: every subject every owner holds
 * is in scope. Expressed as an ordinary `RowScope`, so every owner's checks (and the register's SQL)
 * run the same code path with nothing left to exclude. Never used when authorization is enforced.
 */
export function unrestrictedRowScopeOf(caller: Caller, now: Date = new Date()): RowScope {
  return {
    today: calendarDateOf(now),
    counterTerrorismCleared: true,
    areaScope: { kind: 'national' },
    grantedPncIds: [],
    latestDateOfBirth: null,
    staffLimitsApply: false,
    principal: caller.principal,
    // Nothing is limited to staff here, so whose staff the caller is decides nothing.
    ownStaffId: caller.principal.staffId,
  };
}

/**
 * How an owner knows the subject's age: the date of birth it holds (null when it holds none, which
 * fails closed where age matters), or that the owner serves adults only (probation's nDelius cases
 * and the adult prison estate: under-18s are the youth offending team's and the Youth Custody Service's).
 */
export type SubjectAge = { readonly dateOfBirth: string | null } | 'ADULTS_ONLY';

/** What an owner holds about a subject that decides whether it is in a caller's row scope. */
export interface SubjectFacts {
  readonly pncId: string;
  readonly counterTerrorismRestricted: boolean;
  /** The MAPPA area responsible for the person, as this owner records it; null when it cannot tell (then only a grant or national scope reaches the subject). */
  readonly area: MappaArea | null;
  readonly age: SubjectAge;
  /**
   * set when the owner limits the subject to the staff allocated to it (a limited-access
   * probation case): only that staff member of that agency (the owner's own staff id, so from one of
   * the owner's staff-id issuers: `RowScope.ownStaffId`), and grant holders, may know it. A null
   * staff id (an unallocated case) admits nobody but grant holders.
   */
  readonly limitedTo?: { readonly agency: Principal['agency']; readonly staffId: string | null };
  /**
   * The establishment holding the person now (NOMIS code), null when they are not in custody; set
   * only by the owner of custody (the prison). For a prison offender manager whose principal names an
   * establishment it replaces the area in area scope: prison scope follows custody (A.R5, OQ 14), so
   * the POM knows exactly the people held where they work, wherever their responsible area is, and no
   * longer knows someone released or moved elsewhere.
   */
  readonly heldAt?: string | null;
  /**
   * The local authority (council) whose youth offending team holds the case; set only by the YOT, over its
   * own records. For a YOT principal whose token names their council it narrows area scope to that
   * council's cases (principle 2: each council's YOT keeps its own case records); without one, the area.
   */
  readonly localAuthority?: string;
}

/**
 * Whether the subject lies in the caller's area scope of one area: custody for an establishment's prison offender
 * manager over the prison's records; the responsible area, and for YOT staff whose token names their council also
 * that council, over the YOT's records; else the responsible area.
 */
function inAreaOf(subject: SubjectFacts, area: MappaArea, principal: Principal): boolean {
  if (subject.heldAt !== undefined && principal.establishment !== undefined && principal.roles.includes('prison_offender_manager')) {
    return subject.heldAt !== null && subject.heldAt === principal.establishment;
  }
  const inArea = subject.area !== null && subject.area === area;
  if (subject.localAuthority !== undefined && principal.localAuthority !== undefined && principal.agency === 'yot') {
    return inArea && subject.localAuthority === principal.localAuthority;
  }
  return inArea;
}

/** Whether a subject an owner holds is in the caller's row scope (see the rules at the top of this file). */
export function subjectInScope(subject: SubjectFacts, scope: RowScope): boolean {
  if (subject.counterTerrorismRestricted && !scope.counterTerrorismCleared) return false;
  if (scope.latestDateOfBirth !== null && subject.age !== 'ADULTS_ONLY') {
    const { dateOfBirth } = subject.age;
    if (dateOfBirth === null || dateOfBirth > scope.latestDateOfBirth) return false;
  }
  // No one at all: not even a grant reaches a subject here (information governance of another agency under AUDIT).
  if (scope.areaScope.kind === 'none') return false;
  if (scope.grantedPncIds.includes(subject.pncId)) return true;
  const { areaScope, principal } = scope;
  const inArea = areaScope.kind === 'national' || (areaScope.kind === 'area' && inAreaOf(subject, areaScope.area, principal));
  if (!inArea) return false;
  if (subject.limitedTo && scope.staffLimitsApply) {
    return (
      subject.limitedTo.staffId !== null && principal.agency === subject.limitedTo.agency && scope.ownStaffId === subject.limitedTo.staffId
    );
  }
  return true;
}
