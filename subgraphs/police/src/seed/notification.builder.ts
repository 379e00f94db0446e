import { addDays, addMonths } from '@mappa/shared';
import type { Random, SyntheticPerson } from '@mappa/shared';
import type { notificationTable } from '../notification/notification.table';
import { HOME_VISIT_WEEKS } from './police-catalogue';

/**
 * A registered sex offender's notification requirements (category 1): indefinite after a sentence of 30
 * months or more, else a fixed period (halved for a youth). Breaches come from their own stream
 * (`annualEvents`), but the draws that made the old ones are still taken here, so the rest of the
 * police stream is unchanged.
 */
export function buildNotification(random: Random, person: SyntheticPerson, asOf: string): typeof notificationTable.$inferInsert {
  const longSentence = person.sentence === null ? false : (person.sentence.lengthMonths ?? Infinity) >= 30;
  const periodYears = longSentence ? null : random.pick([5, 7, 10]) / (person.isYouth ? 2 : 1);
  const notification = {
    pncId: person.pncId,
    startDate: person.offence.convictionDate,
    periodYears: periodYears === null ? null : Math.ceil(periodYears),
    indefinite: periodYears === null,
    expiryDate: periodYears === null ? null : addMonths(person.offence.convictionDate, Math.ceil(periodYears) * 12),
    registeredAddressLine1: person.address.line1,
    registeredAddressTown: person.address.town,
    registeredAddressPostcode: person.address.postcode,
    lastVerifiedDate: addDays(asOf, -random.int(1, 360)),
    homeVisitFrequencyWeeks: HOME_VISIT_WEEKS[person.policeRiskLevel],
  };
  if (random.chance(0.1)) {
    random.int(10, 900);
    random.next();
    random.next();
  }
  return notification;
}
