import { addDays, addMonths, yearsBetween } from '@mappa/shared';
import type { MappaArea, Random, SyntheticPerson } from '@mappa/shared';
import { YRO_REQUIREMENTS } from '../youth-order/youth-order.table';

// The fixed vocabulary and the helpers the YOT's builders share.

export type Requirement = (typeof YRO_REQUIREMENTS)[number];

// Staff names are invented: common first names with made-up place-like surnames, never a real person.
const STAFF_FIRST_NAMES = ['Alex', 'Sam', 'Jo', 'Priya', 'Tom', 'Hannah', 'Ravi', 'Nadia', 'Owen', 'Megan', 'Dev', 'Carys'] as const;
const STAFF_SURNAMES = [
  'Ashcombe',
  'Brindlewood',
  'Copperfold',
  'Dunmere',
  'Elmstead',
  'Fernleigh',
  'Glenholt',
  'Hollinsby',
  'Kestrelton',
  'Larchmont',
] as const;

export const SECURE_ESTABLISHMENTS = [
  'Ashbury Young Offender Institution (synthetic)',
  'Coldmere Secure Training Centre (synthetic)',
  "Harrowdene Secure Children's Home (synthetic)",
  'Kettleby Young Offender Institution (synthetic)',
] as const;

// Requirements drawn at random: the table's, in its order, but for these three. Supervision is always
// present, electronic monitoring only backs a curfew or exclusion, and local authority residence would
// make the child looked after, so it is left to children's social care data rather than drawn here.
const NOT_DRAWN: readonly Requirement[] = ['SUPERVISION', 'LOCAL_AUTHORITY_RESIDENCE', 'ELECTRONIC_MONITORING'];
export const OPTIONAL_REQUIREMENTS: readonly Requirement[] = YRO_REQUIREMENTS.filter((requirement) => !NOT_DRAWN.includes(requirement));

export const REFERRAL_ORDER_MONTHS = [3, 6, 9, 12] as const;
export const YRO_MONTHS = [6, 12, 18, 24, 36] as const;
// A DTO is 4, 6, 8, 10, 12, 18 or 24 months; the custodial part is half of it.
export const DTO_MONTHS = [4, 6, 8, 10, 12, 18, 24] as const;

/**
 * The 18th birthday, as the day `yearsBetween` first gives 18: someone born on 29 February turns
 * 18 on 1 March in a non-leap year, where `addMonths` alone would clamp to 28 February.
 */
export function eighteenthBirthday(dateOfBirth: string): string {
  const candidate = addMonths(dateOfBirth, 18 * 12);
  return yearsBetween(dateOfBirth, candidate) >= 18 ? candidate : addDays(candidate, 1);
}

/** Only under-18s on the dataset's day are YOT cases; at 18 the case belongs to probation. */
export function isHeldByYot(person: SyntheticPerson, asOf: string): person is SyntheticPerson & { readonly yotReference: string } {
  return person.yotReference !== null && yearsBetween(person.dateOfBirth, asOf) < 18;
}

/** A synthetic council name for a MAPPA area, e.g. `Avon and Somerset Council`. */
export function councilFor(area: MappaArea): string {
  const words = area
    .toLowerCase()
    .split('_')
    .map((word) => (word === 'and' ? word : `${word.charAt(0).toUpperCase()}${word.slice(1)}`));
  return `${words.join(' ')} Council`;
}

/** An invented member of YOT staff's name. */
export function staffName(random: Random): string {
  return `${random.pick(STAFF_FIRST_NAMES)} ${random.pick(STAFF_SURNAMES)}`;
}
