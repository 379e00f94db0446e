import { addDays, addMonths } from '@mappa/shared';
import type { Random, SyntheticPerson } from '@mappa/shared';
import type { temporaryReleaseTable } from '../temporary-release/temporary-release.table';
import { atUtc, maxDate, ROTL_PURPOSES } from './prison-catalogue';
import type { SecurityCategory } from './prison-catalogue';

/**
 * Release on temporary licence: only from custody, and mostly from open conditions. Every event
 * recorded has ended; a failure to return suspends temporary release. `lastReturn`: the day of the last
 * completed return, which may be the prisoner's last movement.
 */
export function buildTemporaryReleases(
  random: Random,
  person: SyntheticPerson,
  context: {
    readonly prisonNumber: string;
    readonly inCustody: boolean;
    readonly securityCategory: SecurityCategory;
    readonly conditionalReleaseDate: string;
    readonly arrivedOn: string;
    readonly asOf: string;
  },
): { readonly rows: (typeof temporaryReleaseTable.$inferInsert)[]; readonly lastReturn: string | null } {
  const { prisonNumber, inCustody, securityCategory, conditionalReleaseDate: crd, arrivedOn, asOf } = context;
  const rows: (typeof temporaryReleaseTable.$inferInsert)[] = [];
  const rotlEligible =
    inCustody &&
    (securityCategory === 'D' ? random.chance(0.85) : securityCategory === 'C' && crd <= addMonths(asOf, 12) && random.chance(0.1));
  if (!rotlEligible) return { rows, lastReturn: null };
  const maxEvents = securityCategory === 'D' ? random.int(1, 6) : random.int(1, 2);
  let cursor = addDays(maxDate(arrivedOn, addDays(asOf, -365)), random.int(14, 40));
  let lastReturn: string | null = null;
  for (let n = 0; n < maxEvents; n += 1) {
    const type =
      securityCategory !== 'D'
        ? 'RDR'
        : random.weighted([
            ['RDR', 60],
            ['ROR', 30],
            ['CRL', person.category === 1 ? 0 : 10],
          ] as const);
    const nights = type === 'RDR' ? 0 : random.int(1, 3);
    const endDay = addDays(cursor, nights);
    // Every event recorded has ended: nothing is scheduled beyond today.
    if (endDay >= asOf) break;
    const outcome = random.weighted([
      ['COMPLETED', 88],
      ['CANCELLED', 9],
      ['FAILED_TO_RETURN', 3],
    ] as const);
    rows.push({
      prisonNumber,
      type,
      approvedDate: maxDate(addDays(cursor, -random.int(7, 28)), arrivedOn),
      start: atUtc(cursor, 8),
      end: atUtc(endDay, type === 'RDR' ? 18 : 17),
      purpose: type === 'CRL' ? 'Synthetic: childcare resettlement leave with approved family contact' : random.pick(ROTL_PURPOSES),
      // Levels 2 and 3 need the Governor to consult the MAPPA Co-ordinator first (MAPPA Guidance ch. 15).
      mappaCoordinatorConsulted: person.level >= 2,
      outcome,
    });
    if (outcome === 'COMPLETED') lastReturn = endDay;
    // A failure to return suspends temporary release: no further events follow it.
    if (outcome === 'FAILED_TO_RETURN') break;
    cursor = addDays(endDay, random.int(7, 40));
  }
  return { rows, lastReturn };
}
