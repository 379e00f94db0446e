import type { ProbationContext } from '../probation.context';
import type { LoadedProbationCase, VictimLiaison } from '../case/probation-case.loader';
import { isAllocated } from '../case/probation-case.resolver';

/**
 * What probation's per-record conditions decide on (probation-record.conditions.ts), carried by each
 * record a resolver hands out under a symbol key, so GraphQL never serialises it. The facts are the
 * case's own (who it names: its offender manager and their line manager, its victims' liaison
 * officers, the staff of the approved premises the person lives at, its MAPPA registration) plus the
 * reader's staff id as probation names its staff: the id only when the caller's identity provider
 * is one probation's staff ids come from (`RowScope.ownStaffId`), else null and no record names them.
 */
export interface ProbationRecordFacts {
  readonly readerStaffId: string | null;
  readonly allocatedStaffCode: string | null;
  readonly lineManagerStaffCode: string | null;
  readonly victimLiaison: readonly VictimLiaison[];
  readonly approvedPremisesStaff: readonly string[];
  readonly mappaCategory: number | null;
  /** Set on a record about one victim (a victim contact, a licence condition asked for by them): that victim. */
  readonly victimReference?: string | null;
}

/** The key probation's record facts travel under on a record. */
export const RECORD_FACTS: unique symbol = Symbol('probation.recordFacts');

/** A record with the facts its conditions are decided on. */
export type WithFacts<Record extends object> = Record & { readonly [RECORD_FACTS]: ProbationRecordFacts };

/** A copy of `record` carrying `facts` (the row is not changed: the loader's cache keeps the plain row). */
export function withFacts<Record extends object>(record: Record, facts: ProbationRecordFacts): WithFacts<Record> {
  return { ...record, [RECORD_FACTS]: facts };
}

/** `items` each carrying `facts`, or null for null ("not held" stays "not held"). */
export function allWithFacts<Record extends object>(
  items: readonly Record[] | null | undefined,
  facts: ProbationRecordFacts,
): WithFacts<Record>[] | null {
  return items ? items.map((item) => withFacts(item, facts)) : null;
}

/** The facts a record of `probationCase` is decided on, for this request's reader. */
export function caseFactsOf(probationCase: LoadedProbationCase, context: ProbationContext): ProbationRecordFacts {
  return {
    readerStaffId: context.rowScope.ownStaffId,
    allocatedStaffCode: isAllocated(probationCase.managerStaffCode) ? probationCase.managerStaffCode : null,
    lineManagerStaffCode: probationCase.lineManagerStaffCode,
    victimLiaison: probationCase.victimLiaison,
    approvedPremisesStaff: probationCase.approvedPremisesStaff,
    mappaCategory: probationCase.mappaCategory,
  };
}

/** The facts of the person's case (read by the request's case loader, so usually already cached), or null when probation holds none. */
export async function caseFactsFor(context: ProbationContext, pncId: string): Promise<ProbationRecordFacts | null> {
  const probationCase = await context.loaders.probationCase.load(pncId);
  return probationCase ? caseFactsOf(probationCase, context) : null;
}

/** The facts a record carries, or null for anything that carries none (a condition then answers false). */
export function factsOf(record: unknown): ProbationRecordFacts | null {
  if (typeof record !== 'object' || record === null || !(RECORD_FACTS in record)) return null;
  return (record as { [RECORD_FACTS]: ProbationRecordFacts })[RECORD_FACTS];
}

/** `to`, carrying the facts `from` carries (a shaped sub-object of a record is decided like the record); `to` as it is when `from` carries none. */
export function carryFacts<Record extends object>(from: unknown, to: Record): Record {
  const facts = factsOf(from);
  return facts ? withFacts(to, facts) : to;
}
