import type { SubgraphSeed, Database, SyntheticDatasetOptions, SyntheticPerson } from '@mappa/shared';
import { addDays, addMonths, insertInChunks, Random } from '@mappa/shared';
import { adjudicationTable } from '../adjudication/adjudication.table';
import { prisonAlertTable } from '../alert/prison-alert.table';
import { CLOSED_ESTABLISHMENTS, establishmentName, OPEN_ESTABLISHMENTS } from '../custody/custody-establishments';
import { prisonerTable } from '../custody/custody-prisoner.table';
import type { MOVEMENT_REASONS, MOVEMENT_TYPES } from '../custody/custody-prisoner.table';
import { homeOfficeNotificationTable } from '../home-office-notification/home-office-notification.table';
import { mappaFReportTable } from '../mappa-f-report/mappa-f-report.table';
import { offenceTable, sentenceTable } from '../sentence/sentence.table';
import { temporaryReleaseTable } from '../temporary-release/temporary-release.table';
import { buildAdjudications } from './adjudication.builder';
import type { CustodyPeriod } from './adjudication.builder';
import { pushAlerts } from './alert.builder';
import type { AlertInsert } from './alert.builder';
import { releaseReason, securityCategoryFor } from './custody.builder';
import { homeOfficeNotificationsOf } from './home-office-notification.builder';
import { buildMappaFReports } from './mappa-f-report.builder';
import { dateBetween, maxDate, minDate, RELEASE_CONFIRMATION_MONTHS } from './prison-catalogue';
import { buildTemporaryReleases } from './temporary-release.builder';

/**
 * Writes HM Prison Service's rows for a batch of synthetic people. Only people with a prison number
 * (in custody, or released on licence) are held, and never an under-18. Everything other agencies
 * also know (prison number, establishment, sentence and key dates, offence, MAPPA level) comes from
 * the SyntheticPerson; only prison-internal detail comes from the prison's own random stream. Each
 * record kind has its builder (`*.builder.ts`); this calls them in the order they draw from that stream
 * (the order is the data) and writes the tables.
 */
export async function seedPrison(db: Database, people: readonly SyntheticPerson[], dataset: SyntheticDatasetOptions): Promise<void> {
  const { asOf } = dataset;
  const prisoners: (typeof prisonerTable.$inferInsert)[] = [];
  const sentences: (typeof sentenceTable.$inferInsert)[] = [];
  const offences: (typeof offenceTable.$inferInsert)[] = [];
  const alerts: AlertInsert[] = [];
  const temporaryReleases: (typeof temporaryReleaseTable.$inferInsert)[] = [];
  const adjudications: (typeof adjudicationTable.$inferInsert)[] = [];
  const mappaFReports: (typeof mappaFReportTable.$inferInsert)[] = [];

  for (const person of people) {
    const { prisonNumber, sentence } = person;
    // Under-18s are never placed in an adult prison; people never sentenced to custody have no prison number.
    if (prisonNumber === null || sentence === null || person.isYouth) continue;
    if (person.supervision !== 'CUSTODY' && person.supervision !== 'LICENCE') continue;

    // A stream of its own per agency: adding a prison field never changes another agency's data.
    const random = new Random(dataset.seed, person.index, 'prison');
    const inCustody = person.supervision === 'CUSTODY';
    const indeterminate = sentence.type === 'LIFE' || sentence.type === 'IPP';
    const crd = sentence.conditionalReleaseDate;

    let receptionDate = addDays(person.offence.convictionDate, -(random.chance(0.6) ? random.int(14, 300) : 0));
    // The shared sentence can start after a past release date; a reception never follows the release.
    if (receptionDate >= crd) receptionDate = addDays(crd, -random.int(90, 400));
    // The custody period this record covers: until today for those inside, until release for the released.
    const custodyEnd = inCustody ? asOf : crd;

    const securityCategory = securityCategoryFor(random, person, sentence, inCustody, asOf);
    const currentEstablishment = inCustody ? (person.establishmentCode ?? random.pick(CLOSED_ESTABLISHMENTS)) : null;
    const lastEstablishment =
      currentEstablishment ?? (securityCategory === 'D' ? random.pick(OPEN_ESTABLISHMENTS) : random.pick(CLOSED_ESTABLISHMENTS));
    const otherClosed = CLOSED_ESTABLISHMENTS.filter((code) => code !== lastEstablishment);

    // Arrival at the establishment that holds (or released) the person: a transfer or the admission itself.
    let movement: {
      type: (typeof MOVEMENT_TYPES)[number];
      reason: (typeof MOVEMENT_REASONS)[number];
      date: string;
      from: string | null;
      to: string | null;
    };
    if (securityCategory === 'D' || random.chance(0.6)) {
      movement = {
        type: 'TRANSFER',
        reason:
          securityCategory === 'D' ? 'RECATEGORISATION' : random.pick(['ACCREDITED_PROGRAMME', 'RESETTLEMENT', 'ADMINISTRATIVE'] as const),
        date: dateBetween(random, addDays(receptionDate, 30), addDays(custodyEnd, -30)),
        from: random.pick(otherClosed),
        to: lastEstablishment,
      };
    } else {
      movement = { type: 'ADMISSION', reason: 'NEW_ADMISSION', date: receptionDate, from: null, to: lastEstablishment };
    }
    const period: CustodyPeriod = {
      prisonNumber,
      receptionDate,
      custodyEnd,
      lastEstablishment,
      arrival: { date: movement.date, previousEstablishment: movement.from },
    };

    const adjudicated = buildAdjudications(random, person, period);
    adjudications.push(...adjudicated.rows);
    const { provedAssault } = adjudicated;

    const released = buildTemporaryReleases(random, person, {
      prisonNumber,
      inCustody,
      securityCategory,
      conditionalReleaseDate: crd,
      arrivedOn: movement.date,
      asOf,
    });
    temporaryReleases.push(...released.rows);
    if (released.lastReturn !== null && released.lastReturn > movement.date) {
      movement = { type: 'TEMPORARY_ABSENCE_RETURN', reason: 'ROTL_RETURN', date: released.lastReturn, from: null, to: lastEstablishment };
    }

    if (!inCustody) {
      movement = { type: 'RELEASE', reason: releaseReason(sentence), date: crd, from: lastEstablishment, to: null };
    }

    // An indeterminate sentence has no release date until the Parole Board directs release.
    const releaseDateConfirmed = crd <= addMonths(asOf, RELEASE_CONFIRMATION_MONTHS);
    const releaseDate = indeterminate && !releaseDateConfirmed ? null : crd;
    const releaseDateConfirmedDate = releaseDateConfirmed
      ? minDate(maxDate(addDays(addMonths(crd, -RELEASE_CONFIRMATION_MONTHS), -random.int(0, 28)), receptionDate), minDate(crd, asOf))
      : null;

    prisoners.push({
      prisonNumber,
      pncId: person.pncId,
      bookingId: 1_200_000 + person.index,
      inOutStatus: inCustody ? 'IN' : 'OUT',
      establishmentCode: currentEstablishment,
      establishmentName: currentEstablishment === null ? null : establishmentName(currentEstablishment),
      lastEstablishmentCode: lastEstablishment,
      lastEstablishmentName: establishmentName(lastEstablishment),
      cellLocation: inCustody
        ? `${random.pick(['A', 'B', 'C', 'D', 'E', 'F'])}-${random.int(1, 4)}-${String(random.int(1, 40)).padStart(3, '0')}`
        : null,
      securityCategory,
      incentiveLevel: inCustody
        ? random.weighted([
            ['BASIC', provedAssault ? 40 : 8],
            ['STANDARD', 55],
            ['ENHANCED', 37],
          ] as const)
        : null,
      receptionDate,
      legalStatus: indeterminate ? 'INDETERMINATE_SENTENCE' : 'SENTENCED',
      lastMovementType: movement.type,
      lastMovementReason: movement.reason,
      lastMovementDate: movement.date,
      lastMovementFromEstablishmentCode: movement.from,
      lastMovementToEstablishmentCode: movement.to,
      counterTerrorismRestricted: person.category === 4 || person.restrictedAccess,
      mappaArea: person.area,
    });

    sentences.push({
      prisonNumber,
      sentenceType: sentence.type,
      indeterminate,
      lengthMonths: sentence.lengthMonths,
      startDate: sentence.startDate,
      // Key dates are the shared ones, unchanged: probation, police and MAPPA see the same dates.
      sentenceExpiryDate: sentence.sentenceExpiryDate,
      conditionalReleaseDate: crd,
      // For EDS and SOPC, release at the end of the custodial term no longer needs the Parole Board.
      automaticReleaseDate: sentence.type === 'EDS' || sentence.type === 'SOPC' ? crd : null,
      licenceExpiryDate: sentence.licenceExpiryDate,
      paroleEligibilityDate: sentence.paroleEligibilityDate,
      tariffDate: sentence.tariffDate,
      homeDetentionCurfewEligibilityDate: sentence.homeDetentionCurfewEligibilityDate,
      topUpSupervisionExpiryDate: sentence.topUpSupervisionExpiryDate,
      releaseDate,
      releaseDateConfirmed,
      releaseDateConfirmedDate,
    });

    offences.push({ prisonNumber, ...person.offence, mostSerious: true });

    pushAlerts(alerts, random, person, { prisonNumber, receptionDate, custodyEnd, securityCategory, provedAssault, asOf });

    if (inCustody && person.level >= 2) mappaFReports.push(...buildMappaFReports(random, person, period, asOf));
  }

  const notifications = homeOfficeNotificationsOf(people, prisoners);

  await insertInChunks(db, prisonerTable, prisoners);
  await Promise.all([
    insertInChunks(db, homeOfficeNotificationTable, notifications),
    insertInChunks(db, sentenceTable, sentences),
    insertInChunks(db, offenceTable, offences),
    insertInChunks(db, prisonAlertTable, alerts),
    insertInChunks(db, temporaryReleaseTable, temporaryReleases),
    insertInChunks(db, adjudicationTable, adjudications),
    insertInChunks(db, mappaFReportTable, mappaFReports),
  ]);
}

/** How the prison's synthetic data is written, cleared (children go with their prisoner) and recognised. */
export const prisonSeed: SubgraphSeed = { write: seedPrison, tables: [prisonerTable], seededWhenRowsIn: prisonerTable };
