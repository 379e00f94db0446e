import type { Caller, RecordConditions, RecordPredicate } from '@mappa/shared';
import { factsOf } from './probation-record-facts';
import type { ProbationRecordFacts } from './probation-record-facts';

/*
 * Probation's per-record conditions (the names are shared/src/authorization/record-condition.ts's).
 * Each one decides on the facts a probation record carries (probation-record-facts.ts), all from
 * probation's own records: no condition asks another agency. Deny by default: a record carrying no
 * facts, or a reader with no probation staff id, answers false.
 */

/** The reader is probation staff (their staff id as probation issues it) holding `role`. */
function readerIs(
  caller: Caller,
  facts: ProbationRecordFacts,
  role: 'victim_liaison_officer' | 'senior_probation_officer',
): facts is ProbationRecordFacts & { readerStaffId: string } {
  return facts.readerStaffId !== null && caller.principal.agency === 'probation' && caller.principal.roles.includes(role);
}

/** The reader is the VLO allocated to one of the case's victims. */
function liaisesForCase(caller: Caller, facts: ProbationRecordFacts): boolean {
  return (
    readerIs(caller, facts, 'victim_liaison_officer') && facts.victimLiaison.some((victim) => victim.vloStaffId === facts.readerStaffId)
  );
}

/** A licence condition's wording that neither names a victim nor maps an exclusion zone (both flags strictly false). */
function namesNoVictim(record: unknown): boolean {
  if (typeof record !== 'object' || record === null) return false;
  const { identifiesVictim, isExclusionZone } = record as { identifiesVictim?: unknown; isExclusionZone?: unknown };
  return identifiesVictim === false && isExclusionZone === false;
}

/**
 * `offenderManagerOrLineManager` (B.15, C.29, principle 4): the reader is the case's allocated community
 * offender manager, or the senior probation officer who line-manages them (the case's line manager).
 * An unallocated case has no offender manager, so only its line manager reads it.
 *
 * Not to be confused with `allocatedOffenderManager`, which probation does not register: that one is
 * how the prison and the police decide on probation's allocation without reading it (the caller's own
 * `ALLOCATED_OFFENDER_MANAGER` relationship, answered by `myCaseRelationships` and vouched by the
 * gateway), and it holds for the offender manager alone. Here probation decides on the very case row it
 * serves, and the line manager is in (record-condition.ts has the two side by side).
 */
export const offenderManagerOrLineManager: RecordPredicate = (record, caller) => {
  const facts = factsOf(record);
  if (facts === null || facts.readerStaffId === null || caller.principal.agency !== 'probation') return false;
  if (facts.allocatedStaffCode !== null && facts.readerStaffId === facts.allocatedStaffCode) return true;
  return (
    readerIs(caller, facts, 'senior_probation_officer') &&
    facts.lineManagerStaffCode !== null &&
    facts.readerStaffId === facts.lineManagerStaffCode
  );
};

/** `victimLiaisonForCase` (B.57, C.34): the case has a victim allocated to the reader as VLO. */
export const victimLiaisonForCase: RecordPredicate = (record, caller) => {
  const facts = factsOf(record);
  return facts !== null && liaisesForCase(caller, facts);
};

/**
 * `victimLiaisonForVictim` (B.15, C.29, C.32): a record about one victim (a victim contact, a licence
 * condition that victim asked for) is read by that victim's VLO only; a licence condition naming no
 * victim and mapping no zone, by the VLO of any of the case's victims. A condition that names a
 * victim or maps a zone without saying whose it is, is no VLO's.
 */
export const victimLiaisonForVictim: RecordPredicate = (record, caller) => {
  const facts = factsOf(record);
  if (facts === null || !readerIs(caller, facts, 'victim_liaison_officer')) return false;
  if (facts.victimReference) {
    return facts.victimLiaison.some(
      (victim) => victim.victimReference === facts.victimReference && victim.vloStaffId === facts.readerStaffId,
    );
  }
  return namesNoVictim(record) && liaisesForCase(caller, facts);
};

/** `withoutVictimDetail` (principle 3, B.15): a licence condition whose wording neither identifies a victim nor maps an exclusion zone. */
export const withoutVictimDetail: RecordPredicate = (record) => namesNoVictim(record);

/** `approvedPremisesResident` (C.8, C.11): the person lives at, or is booked into, an approved premises the reader works at. */
export const approvedPremisesResident: RecordPredicate = (record, caller) => {
  const facts = factsOf(record);
  return (
    facts !== null &&
    facts.readerStaffId !== null &&
    caller.principal.agency === 'probation' &&
    facts.approvedPremisesStaff.includes(facts.readerStaffId)
  );
};

/** An address row's type and status, or null for anything that is not an address (a condition then answers false). */
function addressKindOf(record: unknown): { readonly type: unknown; readonly status: unknown } | null {
  if (typeof record !== 'object' || record === null || !('status' in record) || !('addressLine1' in record)) return null;
  const { type, status } = record as { type?: unknown; status?: unknown };
  return { type, status };
}

/** Where the person lives now (MAIN) or is to live on release (PROPOSED): the addresses MAPPA work needs (B.1, principle 3). */
const isCurrentOrProposed = (status: unknown): boolean => status === 'MAIN' || status === 'PROPOSED';

/**
 * `currentOrProposedAddress` (B.1, principle 3): the Responsible Authority assessing or managing MAPPA risk needs
 * where the person lives now and where they are to live on release (the MAPPA A referral carries both), not
 * where they lived before: a previous address is dropped from the list, as if probation held none.
 */
export const currentOrProposedAddress: RecordPredicate = (record) => isCurrentOrProposed(addressKindOf(record)?.status);

/**
 * `approvedPremisesAddressOfResident` (C.8, C.11): approved premises staff read, of a resident's or proposed
 * resident's addresses, only the premises' own row (current or proposed), never a home or a previous address.
 * A person has one live placement, so that row is the premises of the placement that makes them the reader's.
 */
export const approvedPremisesAddressOfResident: RecordPredicate = (record, caller, today) => {
  const kind = addressKindOf(record);
  return (
    kind !== null &&
    kind.type === 'APPROVED_PREMISES' &&
    isCurrentOrProposed(kind.status) &&
    approvedPremisesResident(record, caller, today)
  );
};

/**
 * `electronicallyMonitored` (A.R37): a licence condition the electronic monitoring provider monitors
 * (a tagged curfew, a GPS exclusion zone), or a licence holding one. Never a condition that names a
 * victim: the provider needs the zone, not who it protects (B.15, C.29).
 */
export const electronicallyMonitored: RecordPredicate = (record) => {
  if (typeof record !== 'object' || record === null) return false;
  const { electronicMonitoring, identifiesVictim } = record as { electronicMonitoring?: unknown; identifiesVictim?: unknown };
  return electronicMonitoring === true && identifiesVictim !== true;
};

/**
 * `coManagedCategoryOne` (A.R6, A.R23): probation's own MAPPA registration on the case says
 * category 1, which the police and probation co-manage. Who in the police may ask is the grant's.
 */
export const coManagedCategoryOne: RecordPredicate = (record) => factsOf(record)?.mappaCategory === 1;

/** The record conditions probation's grants name, with their predicates. */
export const PROBATION_RECORD_CONDITIONS: RecordConditions = {
  offenderManagerOrLineManager,
  victimLiaisonForCase,
  victimLiaisonForVictim,
  withoutVictimDetail,
  approvedPremisesResident,
  currentOrProposedAddress,
  approvedPremisesAddressOfResident,
  electronicallyMonitored,
  coManagedCategoryOne,
};
