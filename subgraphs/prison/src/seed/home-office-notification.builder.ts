import { homeOfficeNotificationDateOf, isNotifiedForeignNational } from '@mappa/shared';
import type { SyntheticPerson } from '@mappa/shared';
import type { prisonerTable } from '../custody/custody-prisoner.table';
import type { homeOfficeNotificationTable } from '../home-office-notification/home-office-notification.table';

/**
 * C.70: each sentenced foreign national notified to the Home Office within 5 days of sentencing, by
 * the establishment that first received them, with the MAPPA nominal answer (seed 000 §7: every MAPPA
 * offence; category 3 is decided later by the lead agency, so not known at sentencing). The day is the
 * one the Home Office's seed records as received (`homeOfficeNotificationDateOf`).
 */
export function homeOfficeNotificationsOf(
  people: readonly SyntheticPerson[],
  prisoners: readonly (typeof prisonerTable.$inferInsert)[],
): (typeof homeOfficeNotificationTable.$inferInsert)[] {
  const prisonerOf = new Map(prisoners.map((prisoner) => [prisoner.pncId, prisoner]));
  return people.flatMap((person) => {
    const prisoner = prisonerOf.get(person.pncId);
    if (!prisoner || !isNotifiedForeignNational(person) || person.sentence === null) return [];
    const nominal = person.category !== 3;
    return [
      {
        prisonNumber: prisoner.prisonNumber,
        sentDate: homeOfficeNotificationDateOf(person),
        sentencedDate: person.sentence.startDate,
        nationality: person.nationality,
        mappaNominal: nominal,
        mappaCategory: nominal ? person.category : null,
        sendingEstablishmentCode: prisoner.lastMovementFromEstablishmentCode ?? prisoner.lastEstablishmentCode,
      },
    ];
  });
}
