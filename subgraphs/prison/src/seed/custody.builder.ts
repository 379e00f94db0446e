import { addMonths } from '@mappa/shared';
import type { Random, SyntheticPerson, SyntheticSentence } from '@mappa/shared';
import type { MOVEMENT_REASONS } from '../custody/custody-prisoner.table';
import type { SecurityCategory } from './prison-catalogue';

/** The security category: at release for the released, otherwise by category, tariff and time to release. */
export function securityCategoryFor(
  random: Random,
  person: SyntheticPerson,
  sentence: SyntheticSentence,
  inCustody: boolean,
  asOf: string,
): SecurityCategory {
  const indeterminate = sentence.type === 'LIFE' || sentence.type === 'IPP';
  if (!inCustody) {
    // The category at release: most people leave from category C or open (D) conditions.
    return person.category === 4
      ? random.pick(['B', 'C'] as const)
      : random.weighted([
          ['C', 60],
          ['D', 40],
        ] as const);
  }
  if (person.category === 4)
    return random.weighted([
      ['A', 30],
      ['B', 70],
    ] as const);
  if (indeterminate && sentence.tariffDate !== null && sentence.tariffDate > asOf)
    return random.weighted([
      ['A', 10],
      ['B', 60],
      ['C', 30],
    ] as const);
  // Open conditions are for people nearing release.
  if (sentence.conditionalReleaseDate <= addMonths(asOf, 24))
    return random.weighted([
      ['B', 10],
      ['C', 45],
      ['D', 45],
    ] as const);
  return random.weighted([
    ['A', 3],
    ['B', 40],
    ['C', 57],
  ] as const);
}

export function releaseReason(sentence: SyntheticSentence): (typeof MOVEMENT_REASONS)[number] {
  switch (sentence.type) {
    case 'LIFE':
    case 'IPP':
      return 'PAROLE_BOARD_DIRECTION';
    case 'EDS':
    case 'SOPC':
      return 'AUTOMATIC_RELEASE';
    case 'SDS':
      return 'CONDITIONAL_RELEASE';
  }
}
