import type { SubgraphSeed, Database, SyntheticDatasetOptions, SyntheticPerson, SyntheticSentence } from '@mappa/shared';
import {
  addDays,
  addMonths,
  daysBetween,
  homeOfficeNotificationDateOf,
  insertInChunks,
  isNotifiedForeignNational,
  Random,
} from '@mappa/shared';
import { adjudicationTable } from '../adjudication/adjudication.table';
import { prisonAlertTable } from '../alert/prison-alert.table';
import { CLOSED_ESTABLISHMENTS, establishmentName, OPEN_ESTABLISHMENTS } from '../custody/custody-establishments';
import { prisonerTable } from '../custody/custody-prisoner.table';
import type { MOVEMENT_REASONS, MOVEMENT_TYPES, SECURITY_CATEGORIES } from '../custody/custody-prisoner.table';
import { homeOfficeNotificationTable } from '../home-office-notification/home-office-notification.table';
import { mappaFReportTable } from '../mappa-f-report/mappa-f-report.table';
import { offenceTable, sentenceTable } from '../sentence/sentence.table';
import { temporaryReleaseTable } from '../temporary-release/temporary-release.table';

type SecurityCategory = (typeof SECURITY_CATEGORIES)[number];
type AlertInsert = typeof prisonAlertTable.$inferInsert;

/** The prison confirms a release date 8 months before release (MAPPA Guidance ch. 15). */
const RELEASE_CONFIRMATION_MONTHS = 8;

const MAPPA_ALERT_TYPE = { type: 'P', typeDescription: 'MAPPA Case' } as const;
const SECURITY_ALERT_TYPE = { type: 'X', typeDescription: 'Security' } as const;
// Offences whose victims are children: these people get a child contact restriction alert.
const CHILD_VICTIM_OFFENCES = new Set(['SX03005', 'SX03020', 'SX03031']);
const FEMALE_VICTIM_OFFENCES = new Set(['SX03001', 'SX03014']);

const RULE_51_CHARGES = [
  ['51:1', 'Commits any assault'],
  ['51:4', 'Fights with any person'],
  ['51:9', 'Administers a controlled drug to himself or fails to prevent its administration by another'],
  ['51:12', 'Has in his possession any unauthorised article'],
  ['51:17', 'Intentionally or recklessly destroys or damages any part of a prison or any other property'],
  ['51:20', 'Uses threatening, abusive or insulting words or behaviour'],
  ['51:22', 'Disobeys any lawful order'],
  ['51:23', 'Disobeys or fails to comply with any rule or regulation applying to him'],
] as const;

const PROGRAMMES: Record<SyntheticPerson['category'], readonly string[]> = {
  1: ['Kaizen', 'Horizon', 'iHorizon', 'Healthy Sex Programme', 'New Me Strengthening'],
  2: ['Kaizen', 'Thinking Skills Programme', 'Resolve', 'Building Choices'],
  3: ['Building Better Relationships', 'Resolve', 'Thinking Skills Programme'],
  4: ['Healthy Identity Intervention', 'Thinking Skills Programme'],
};

const BEHAVIOUR_TEXTS = [
  'Synthetic: settled on the wing, works in the prison laundry and complies with the regime.',
  'Synthetic: attends education daily; staff describe polite but guarded engagement.',
  'Synthetic: holds a trusted orderly role; no security reports in the period.',
  'Synthetic: periods of non-compliance with the regime, managed through the incentives scheme.',
  'Synthetic: isolates himself from peers; keyworker sessions attended but superficial.',
] as const;

const CONTACT_CONCERN_TEXTS = [
  'Synthetic: social visits requested by a person not on the approved contact list.',
  'Synthetic: PIN-phone calls to a number linked to a previous victim were blocked.',
  'Synthetic: letters received from an associate named in the index offence.',
  'Synthetic: attempts to contact a child through a third party on the phone system.',
] as const;

const RISK_FACTOR_TEXTS = [
  'Synthetic: minimises the index offence; hostile attitudes to women seen in wing interactions.',
  'Synthetic: impulsive reactions to frustration; two verbal confrontations with staff.',
  'Synthetic: continued interest in extremist material noted by security.',
  'Synthetic: seeks control in relationships with vulnerable peers.',
  'Synthetic: substance misuse in custody suggests a return to use on release.',
] as const;

const ROTL_PURPOSES = [
  'Synthetic: unpaid work placement at a community project',
  'Synthetic: accommodation appointment ahead of release',
  'Synthetic: job interview arranged by the employment hub',
  'Synthetic: appointment with the community offender manager',
] as const;

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

/** A day in [from, to]; `from` itself when the window is empty. */
function dateBetween(random: Random, from: string, to: string): string {
  return to <= from ? from : addDays(from, random.int(0, daysBetween(from, to)));
}

function atUtc(day: string, hour: number): Date {
  return new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);
}

function securityCategoryFor(
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

function releaseReason(sentence: SyntheticSentence): (typeof MOVEMENT_REASONS)[number] {
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

/**
 * Writes HM Prison Service's rows for a batch of synthetic people. Only people with a prison number
 * (in custody, or released on licence) are held, and never an under-18. Everything other agencies
 * also know (prison number, establishment, sentence and key dates, offence, MAPPA level) comes from
 * the SyntheticPerson; only prison-internal detail comes from the prison's own random stream.
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
    const arrival = { date: movement.date, previousEstablishment: movement.from };

    // Adjudications over the period in custody.
    const adjudicationCount = random.weighted([
      [0, 50],
      [1, 25],
      [2, 15],
      [3, 10],
    ] as const);
    let provedAssault = false;
    for (let n = 0; n < adjudicationCount; n += 1) {
      const incidentDate = dateBetween(random, receptionDate, addDays(custodyEnd, -2));
      const [chargeCode, charge] = random.pick(RULE_51_CHARGES);
      const finding = random.weighted([
        ['PROVED', 65],
        ['NOT_PROVED', 15],
        ['DISMISSED', 20],
      ] as const);
      if (finding === 'PROVED' && chargeCode === '51:1') provedAssault = true;
      adjudications.push({
        adjudicationNumber: 1_500_000 + person.index * 4 + n,
        prisonNumber,
        establishmentCode:
          incidentDate >= arrival.date || arrival.previousEstablishment === null ? lastEstablishment : arrival.previousEstablishment,
        incidentDate,
        hearingDate: minDate(addDays(incidentDate, random.int(1, 14)), addDays(custodyEnd, -1)),
        chargeCode,
        charge,
        finding,
        punishment:
          finding !== 'PROVED'
            ? null
            : random.pick([
                `Loss of privileges for ${random.int(7, 42)} days`,
                `Stoppage of earnings (50%) for ${random.int(7, 42)} days`,
                `Cellular confinement for ${random.int(3, 14)} days`,
                'Caution',
              ]),
      });
    }

    // Release on temporary licence: only from custody, and mostly from open conditions.
    const rotlEligible =
      inCustody &&
      (securityCategory === 'D' ? random.chance(0.85) : securityCategory === 'C' && crd <= addMonths(asOf, 12) && random.chance(0.1));
    if (rotlEligible) {
      const maxEvents = securityCategory === 'D' ? random.int(1, 6) : random.int(1, 2);
      let cursor = addDays(maxDate(movement.date, addDays(asOf, -365)), random.int(14, 40));
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
        temporaryReleases.push({
          prisonNumber,
          type,
          approvedDate: maxDate(addDays(cursor, -random.int(7, 28)), movement.date),
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
      if (lastReturn !== null && lastReturn > movement.date) {
        movement = { type: 'TEMPORARY_ABSENCE_RETURN', reason: 'ROTL_RETURN', date: lastReturn, from: null, to: lastEstablishment };
      }
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

    // MAPPA F: one per level 2 or 3 meeting while the person is in custody. Meetings are taken to
    // fall on the next review date minus whole review intervals (8 weeks at level 3, 16 at level 2).
    if (inCustody && person.level >= 2) {
      const interval = person.level === 3 ? 56 : 112;
      const earliest = maxDate(person.mappaStartDate, receptionDate);
      const authorStaffId = `POM${random.int(10000, 99999)}`;
      const programmes = PROGRAMMES[person.category]
        .filter(() => random.chance(0.35))
        .map((name) => ({ name, completed: dateBetween(random, receptionDate, asOf) }));
      const reportCount = random.int(1, 4);
      for (let k = 1; k <= reportCount; k += 1) {
        const meetingDate = addDays(person.nextReviewDate, -k * interval);
        if (meetingDate < earliest) break;
        const onTime = maxDate(addDays(meetingDate, -random.int(3, 10)), earliest);
        // About one in fifteen is late, written on the meeting day or after it (C §7.2 KPI 7), drawn from
        // the report's own stream so that nothing else the seed draws changes.
        const lateness = new Random('mappa-f-late', prisonNumber, meetingDate);
        const lateDay = addDays(meetingDate, lateness.int(0, 4));
        const reportDate = lateness.chance(0.07) && lateDay <= asOf ? lateDay : onTime;
        mappaFReports.push({
          prisonNumber,
          establishmentCode:
            meetingDate >= arrival.date || arrival.previousEstablishment === null ? lastEstablishment : arrival.previousEstablishment,
          reportDate,
          meetingDate,
          authorStaffId,
          prisonAttending: random.chance(person.level === 3 ? 0.85 : 0.5),
          behaviourInCustody: random.pick(BEHAVIOUR_TEXTS),
          programmesCompleted: programmes.filter((programme) => programme.completed <= reportDate).map((programme) => programme.name),
          contactConcerns: random.chance(0.4) ? random.pick(CONTACT_CONCERN_TEXTS) : null,
          riskFactorsObserved: random.pick(RISK_FACTOR_TEXTS),
        });
      }
    }
  }

  // C.70: each sentenced foreign national notified to the Home Office within 5 days of sentencing, by
  // the establishment that first received them, with the MAPPA nominal answer (seed 000 §7: every MAPPA
  // offence; category 3 is decided later by the lead agency, so not known at sentencing). The day is the
  // one the Home Office's seed records as received (`homeOfficeNotificationDateOf`).
  const prisonerOf = new Map(prisoners.map((prisoner) => [prisoner.pncId, prisoner]));
  const notifications = people.flatMap((person) => {
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

/** NOMIS alerts for one prisoner: the MAPPA level first, then offence, security and welfare flags. */
function pushAlerts(
  alerts: AlertInsert[],
  random: Random,
  person: SyntheticPerson,
  context: {
    prisonNumber: string;
    receptionDate: string;
    custodyEnd: string;
    securityCategory: SecurityCategory;
    provedAssault: boolean;
    asOf: string;
  },
): void {
  const { prisonNumber, receptionDate, custodyEnd, asOf } = context;
  const alert = (fields: Omit<AlertInsert, 'prisonNumber' | 'expired' | 'active' | 'expiryDate'> & { expiryDate?: string | null }) => {
    const expiryDate = fields.expiryDate ?? null;
    const expired = expiryDate !== null && expiryDate <= asOf;
    alerts.push({ prisonNumber, ...fields, expiryDate, expired, active: !expired });
  };

  // The prison records the level the lead agency gives it; a level change expires the old alert.
  const previousLevel = person.level >= 2 ? (random.chance(0.3) ? person.level - 1 : null) : random.chance(0.1) ? 2 : null;
  let levelSince = person.mappaStartDate;
  if (previousLevel !== null) {
    const changed = dateBetween(random, addDays(person.mappaStartDate, 30), addDays(asOf, -7));
    alert({
      ...MAPPA_ALERT_TYPE,
      code: `P${previousLevel}`,
      codeDescription: `MAPPA Level ${previousLevel}`,
      comment: `Synthetic: MAPPA level ${previousLevel} notified by the lead agency.`,
      createdDate: person.mappaStartDate,
      expiryDate: changed,
    });
    levelSince = changed;
  }
  alert({
    ...MAPPA_ALERT_TYPE,
    code: `P${person.level}`,
    codeDescription: `MAPPA Level ${person.level}`,
    comment: `Synthetic: MAPPA category ${person.category}, level ${person.level}, confirmed by the lead agency.`,
    createdDate: levelSince,
  });

  if (person.category === 4) {
    alert({
      ...SECURITY_ALERT_TYPE,
      code: 'XTACT',
      codeDescription: 'Terrorism Act or Related Offence',
      comment: 'Synthetic: convicted under terrorism legislation; counter-terrorism unit informed.',
      createdDate: receptionDate,
    });
  }
  if (CHILD_VICTIM_OFFENCES.has(person.offence.code)) {
    alert({
      type: 'C',
      typeDescription: 'Child Communication Measures',
      code: 'C1',
      codeDescription: 'L1 Restriction No contact with any child',
      comment: 'Synthetic: no contact with any child by visits, mail or phone.',
      createdDate: addDays(receptionDate, random.int(0, 14)),
    });
  }
  if (FEMALE_VICTIM_OFFENCES.has(person.offence.code) && random.chance(0.3)) {
    alert({
      ...SECURITY_ALERT_TYPE,
      code: 'XRF',
      codeDescription: 'Risk to Females',
      comment: 'Synthetic: risk to female staff and visitors.',
      createdDate: addDays(receptionDate, random.int(0, 60)),
    });
  }
  if (context.securityCategory === 'A' && random.chance(0.5)) {
    alert({
      ...SECURITY_ALERT_TYPE,
      code: 'XEL',
      codeDescription: 'Escape List',
      comment: 'Synthetic: placed on the escape list after a security review.',
      createdDate: dateBetween(random, receptionDate, custodyEnd),
    });
  } else if (context.securityCategory === 'B' && random.chance(0.1)) {
    alert({
      ...SECURITY_ALERT_TYPE,
      code: 'XER',
      codeDescription: 'Escape Risk',
      comment: 'Synthetic: intelligence suggests escape planning.',
      createdDate: dateBetween(random, receptionDate, custodyEnd),
    });
  }
  if (context.provedAssault && random.chance(0.5)) {
    alert({
      ...SECURITY_ALERT_TYPE,
      code: 'XSA',
      codeDescription: 'Staff Assaulter',
      comment: 'Synthetic: proven assault on a member of staff.',
      createdDate: dateBetween(random, receptionDate, custodyEnd),
    });
  }
  if (random.chance(0.06)) {
    // An ACCT plan closes when the risk of self-harm has reduced, or at release.
    const opened = dateBetween(random, receptionDate, addDays(custodyEnd, -1));
    const closed = addDays(opened, random.int(14, 90));
    alert({
      type: 'H',
      typeDescription: 'Self Harm',
      code: 'HA',
      codeDescription: 'ACCT Open (HMPS)',
      comment: 'Synthetic: ACCT opened after concerns raised by wing staff.',
      createdDate: opened,
      expiryDate: closed <= custodyEnd ? closed : custodyEnd === asOf ? null : custodyEnd,
    });
  }
}

/** How the prison's synthetic data is written, cleared (children go with their prisoner) and recognised. */
export const prisonSeed: SubgraphSeed = { write: seedPrison, tables: [prisonerTable], seededWhenRowsIn: prisonerTable };
