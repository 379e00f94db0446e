import { addDays, addMonths, Random } from '@mappa/shared';
import type { SyntheticDatasetOptions, SyntheticPerson } from '@mappa/shared';
import { MAPPA_J_RESTRICTION_TYPES } from '../mappa-j/mappa-j.table';
import type { mappaJNotificationTable } from '../mappa-j/mappa-j.table';

/** Of the adults in the community the police manage (categories 1 and 4), the share with a MAPPA J sent. */
const MAPPA_J_SHARE = 0.3;

/**
 * A MAPPA J (A.R31–A.R35) for some adults the police manage in the community: sent by the police when
 * they manage the person alone, by probation when it supervises them too (A.R31); never about a child
 * (A.R31) or someone in custody. Restrictions end on dates either side of the dataset's day, so some
 * are over (A.R33); one hidden from the offender was always discussed with the JCP SPOC first (A.R35).
 * A stream of its own, so adding it changes no other police data.
 */
export function mappaJFor(person: SyntheticPerson, dataset: SyntheticDatasetOptions): typeof mappaJNotificationTable.$inferInsert | null {
  const policeManage = person.category === 1 || person.category === 4;
  const inCommunity = person.supervision === 'LICENCE' || person.supervision === 'COMMUNITY_ORDER' || person.supervision === 'NONE';
  if (person.isYouth || !policeManage || !inCommunity) return null;
  const random = new Random(dataset.seed, person.index, 'police-mappa-j');
  if (!random.chance(MAPPA_J_SHARE)) return null;
  const sentBy = person.supervision === 'NONE' ? 'POLICE' : 'PROBATION';
  const offenderInformed = random.chance(0.9);
  return {
    pncId: person.pncId,
    sentDate: addDays(dataset.asOf, -random.int(10, 700)),
    sentBy,
    senderStaffId: `${sentBy === 'POLICE' ? 'PPU' : 'NPS'}${random.int(10000, 99999)}`,
    restrictionType: random.pick(MAPPA_J_RESTRICTION_TYPES),
    restrictionEndDate: addMonths(dataset.asOf, random.int(-12, 48)),
    riskToJobcentreStaff: random.pick(['LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH'] as const),
    offenderInformed,
    jobcentreSpocConsulted: offenderInformed ? random.chance(0.5) : true,
  };
}
