import { addDays } from '@mappa/shared';
import type { Random, SyntheticPerson } from '@mappa/shared';
import type { warningMarkerTable } from '../warning-marker/warning-marker.table';
import { WARNING_MARKERS } from './police-catalogue';

/** Up to three PNC warning markers; half the people have none. */
export function buildWarningMarkers(random: Random, person: SyntheticPerson, asOf: string): (typeof warningMarkerTable.$inferInsert)[] {
  const markers: (typeof warningMarkerTable.$inferInsert)[] = [];
  for (
    let n = random.weighted([
      [0, 50],
      [1, 30],
      [2, 15],
      [3, 5],
    ] as const);
    n > 0;
    n -= 1
  ) {
    markers.push({ pncId: person.pncId, code: random.pick(WARNING_MARKERS), createdDate: addDays(asOf, -random.int(30, 5000)) });
  }
  return markers;
}
