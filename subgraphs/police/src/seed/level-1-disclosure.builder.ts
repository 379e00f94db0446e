import { DEV_ISSUER, level1DisclosureHistory, Random } from '@mappa/shared';
import type { SyntheticDatasetOptions, SyntheticPerson } from '@mappa/shared';

/** Of the level 1 cases the police lead, the share with a disclosure proposed at a review. */
const LEVEL_1_DISCLOSURE_SHARE = 0.05;

/**
 * Issue 11: some of the police's own level 1 cases (adults it leads) had a disclosure proposed at a
 * review (its own stream): the finished decision's rows and the review's consideration, or null.
 */
export function buildLevel1Disclosure(
  person: SyntheticPerson,
  dataset: SyntheticDatasetOptions,
): ReturnType<typeof level1DisclosureHistory> | null {
  if (person.level !== 1 || person.leadAgency !== 'POLICE' || person.isYouth) return null;
  const random = new Random(dataset.seed, person.index, 'police-disclosure');
  if (!random.chance(LEVEL_1_DISCLOSURE_SHARE)) return null;
  return level1DisclosureHistory(random, {
    holder: 'POLICE',
    pncId: person.pncId,
    area: person.area,
    asOf: dataset.asOf,
    issuer: DEV_ISSUER,
    unique: `L1-${person.index}`,
  });
}
