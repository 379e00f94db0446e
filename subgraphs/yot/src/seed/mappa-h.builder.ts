import { addDays, daysBetween, yearsBetween } from '@mappa/shared';
import type { Random, SyntheticPerson } from '@mappa/shared';
import type { mappaHNotificationTable } from '../mappa-h/mappa-h-notification.table';
import { orderLabel } from './youth-order.builder';
import type { YouthOrderDraft } from './youth-order.builder';

/** MAPPA H goes to the co-ordinator within 3 days of sentence, and before the MAPPA case starts. */
export function buildMappaHNotification(
  random: Random,
  person: SyntheticPerson,
  current: YouthOrderDraft,
  caseManagerStaffId: string,
): typeof mappaHNotificationTable.$inferInsert {
  const conviction = person.offence.convictionDate;
  const daysToMappaStart = Math.max(1, daysBetween(conviction, person.mappaStartDate));
  return {
    pncId: person.pncId,
    notifiedDate: addDays(conviction, random.int(1, Math.min(3, daysToMappaStart))),
    coordinatorArea: person.area,
    category: person.category,
    levelSought: person.level,
    reason: `Synthetic: category ${person.category} young person aged ${yearsBetween(person.dateOfBirth, conviction)} sentenced to a ${orderLabel(current.type)}; AssetPlus risk of serious harm ${person.roshLevel}; level ${person.level} management sought.`,
    notifiedByStaffId: caseManagerStaffId,
  };
}
