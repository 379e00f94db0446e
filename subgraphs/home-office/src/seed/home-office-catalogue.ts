import type { SyntheticPerson } from '@mappa/shared';

// The fixed vocabulary and the identifiers the Home Office's builders share.

// Immigration removal centres: invented names, never a real centre.
export const IRCS = [
  { code: 'BKM', name: 'Brookmere Immigration Removal Centre (synthetic)' },
  { code: 'CLN', name: 'Colnbrook Vale Immigration Removal Centre (synthetic)' },
  { code: 'HRW', name: 'Harrowfield Immigration Removal Centre (synthetic)' },
  { code: 'TNS', name: 'Tennisford Immigration Removal Centre (synthetic)' },
] as const;

/** The Criminal Casework case owner of a case: a few dozen staff, named by number. */
export function caseOwnerStaffIdOf(person: SyntheticPerson): string {
  return `HOCC${String((person.index % 40) + 1).padStart(4, '0')}`;
}

/** A Home Office decision's id: `HOD-<index>-<n>`. */
export const detentionDecisionIdOf = (person: SyntheticPerson, n: number): string => `HOD-${person.index}-${n}`;

/** A person with a sentence: the only ones the prison notifies and the Home Office holds a case on. */
export type SentencedPerson = SyntheticPerson & { readonly sentence: NonNullable<SyntheticPerson['sentence']> };

/** Whether the person has a sentence (narrows the person for the builders). */
export function isSentenced(person: SyntheticPerson): person is SentencedPerson {
  return person.sentence !== null;
}
