import { addDays } from './dates';
import type { SyntheticPerson } from './person';

/**
 * Whether the prison notified the Home Office of this synthetic person as a sentenced foreign national
 * (C.70: form CCD/LIT, within 5 days of sentencing, with its MAPPA nominal question), so whether the
 * Home Office holds an immigration case for them. One rule for both agencies' seeds, which cannot read
 * each other: a foreign national (as the police record nationality) with an adult prison record (in
 * custody now, or released on licence, as the prison's custody says). About 8% of MAPPA offenders are
 * foreign nationals here (`syntheticPerson`), near the foreign nationals' share of the prison population.
 */
export function isNotifiedForeignNational(person: SyntheticPerson): boolean {
  return (
    person.nationality !== 'British' &&
    !person.isYouth &&
    person.prisonNumber !== null &&
    person.sentence !== null &&
    (person.supervision === 'CUSTODY' || person.supervision === 'LICENCE')
  );
}

/**
 * The day the prison sent the notification and the Home Office received it: within 5 days of sentencing
 * (C.70). Derived from the person alone, so both seeds agree on it without reading each other.
 */
export function homeOfficeNotificationDateOf(person: SyntheticPerson): string {
  if (person.sentence === null) throw new Error('a notified foreign national has a sentence');
  return addDays(person.sentence.startDate, person.index % 6);
}
