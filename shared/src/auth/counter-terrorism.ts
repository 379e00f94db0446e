import type { Caller } from './caller';
import { CLEARANCES } from './principal';

/**
 * Principle 7: category 4 and restricted-access cases are visible only to counter-terrorism cleared
 * principals: Counter-Terrorist Check or above (CTC, SC, DV). For anyone else such a person does not
 * exist, in every subgraph (principle 9).
 */
export function mayKnowRestrictedSubject(caller: Caller): boolean {
  return CLEARANCES.indexOf(caller.principal.clearance) >= CLEARANCES.indexOf('CTC');
}

/** Whether a subject an agency holds is in the caller's row scope, given its restricted marker. */
export function subjectInScope(counterTerrorismRestricted: boolean, caller: Caller): boolean {
  return !counterTerrorismRestricted || mayKnowRestrictedSubject(caller);
}
