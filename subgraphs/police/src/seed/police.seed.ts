import { sql } from 'drizzle-orm';
import type {
  SubgraphSeed,
  FinishedDecisionRows,
  Level1ConsiderationInsert,
  Database,
  SyntheticDatasetOptions,
  SyntheticPerson,
} from '@mappa/shared';
import {
  addDays,
  addMonths,
  daysBetween,
  insertInChunks,
  MAPPA_AREAS,
  MappaArea,
  policeForceOf,
  NOTIFICATION_BREACH_YEARLY_SHARE,
  ORDER_YEARLY_SHARE,
  Random,
  RiskLevel,
  SOPO_CUSTODY_SHARE_OF_LEVELS_2_AND_3,
  yearlyWindows,
  DEV_ISSUER,
  insertFinishedDecisions,
  level1DisclosureHistory,
} from '@mappa/shared';
import * as disclosureTables from '../disclosure/disclosure.table';
import { civilOrderBreachTable, civilOrderTable } from '../civil-order/civil-order.table';
import { aliasTable, personTable } from '../identity/identity-person.table';
import { intelligenceItemTable } from '../intelligence/intelligence-item.table';
import { intelligenceSharingAgreementTable } from '../intelligence/intelligence-sharing-agreement.table';
import { MAPPA_J_RESTRICTION_TYPES, mappaJNotificationTable } from '../mappa-j/mappa-j.table';
import { notificationBreachTable, notificationTable } from '../notification/notification.table';
import { policeRiskTable } from '../police-risk/police-risk.table';
import { levelOnePartnerAgreementTable, visorNominalTable } from '../visor/visor-nominal.table';
import { warningMarkerTable } from '../warning-marker/warning-marker.table';

const WARNING_MARKERS = ['WE', 'VI', 'SH', 'DR', 'ES', 'FI', 'MH'] as const;
const HOME_VISIT_WEEKS: Record<RiskLevel, number> = {
  [RiskLevel.VERY_HIGH]: 6,
  [RiskLevel.HIGH]: 13,
  [RiskLevel.MEDIUM]: 26,
  [RiskLevel.LOW]: 52,
};
const SHPO_CONDITIONS = [
  "Not to have unsupervised contact with any child under 16 without the consent of the child's parent who knows of the conviction",
  'Not to use any device capable of accessing the internet unless it keeps a viewable history',
  'Not to enter the exclusion zone shown on the map attached to the order',
  'To notify the police of any new device within 3 days',
] as const;

/**
 * The areas whose Responsible Authority has a local agreement that makes probation a ViSOR partner on
 * category 1 nominals managed at level 1 (A.R6), and since when. A few areas, so that the synthetic
 * data has both kinds; every other area shares category 1 with probation only at level 2 or 3.
 */
const LEVEL_ONE_PROBATION_AGREEMENTS: ReadonlyMap<MappaArea, string> = new Map([
  [MappaArea.KENT, '2019-04-01'],
  [MappaArea.WEST_MIDLANDS, '2021-10-01'],
  [MappaArea.NORTHUMBRIA, '2023-01-16'],
]);

/**
 * The partner agencies the police list on a nominal, as the guidance has them: the prison while the
 * person is in custody (A.R5); probation on a category 1 nominal at level 2 or 3, and at level 1 only
 * where the area has a local agreement and probation supervises the person (A.R6); probation on every
 * level 2 or 3 nominal (named probation staff are partners on every live level 2/3 record, A.R7); and
 * on the other level 1 nominals (category 4: the police own it whatever the category and give the
 * offender manager all relevant information, C.63, C.64) while probation supervises the person.
 */
function visorPartnersOf(person: SyntheticPerson): string[] {
  const probationSupervises =
    person.supervision === 'CUSTODY' || person.supervision === 'LICENCE' || person.supervision === 'COMMUNITY_ORDER';
  const probation =
    person.level >= 2 || (probationSupervises && (person.category !== 1 || LEVEL_ONE_PROBATION_AGREEMENTS.has(person.area)));
  return [...(probation ? ['PROBATION'] : []), ...(person.supervision === 'CUSTODY' ? ['PRISON'] : [])];
}

/** The police force of an area, by the name its records carry: the one mapping tokens are read with too. */
const forceName = policeForceOf;

/** Of intelligence items, the share another force originated (the person lived or offended elsewhere; cross-border intelligence). */
const OTHER_FORCE_INTELLIGENCE_SHARE = 0.15;
/** Of those, the share whose originator agreed to share the full item with the force now managing the person. */
const OTHER_FORCE_AGREEMENT_SHARE = 0.4;
/** Of handling code C items, the share whose originator agreed to share the summary with MAPPA partners. */
const MAPPA_PARTNERS_AGREEMENT_SHARE = 0.3;

type IntelligenceInsert = typeof intelligenceItemTable.$inferInsert;
type AgreementInsert = typeof intelligenceSharingAgreementTable.$inferInsert;

/**
 * Originator control in the synthetic data (principle 4, B §1): a minority of a person's items come
 * from another force, some of them with that force's agreement to share them with the force of the
 * person's area; some handling code C items have their originator's agreement to share the summary
 * with MAPPA partners. A stream of its own, so it changes no other police data.
 */
function originatorsOf(person: SyntheticPerson, items: IntelligenceInsert[], dataset: SyntheticDatasetOptions): AgreementInsert[] {
  const random = new Random(dataset.seed, person.index, 'police-intelligence-origin');
  const otherAreas = MAPPA_AREAS.filter((area) => area !== person.area);
  const agreements: AgreementInsert[] = [];
  for (const item of items) {
    const agreement = (
      sharedWith: AgreementInsert['sharedWith'],
      sharedWithArea: MappaArea | null,
      rationale: string,
    ): AgreementInsert => ({
      itemReference: item.reference,
      sharedWith,
      sharedWithArea,
      agreedByStaffId: `PPU${random.int(10000, 99999)}`,
      agreedByIssuer: DEV_ISSUER,
      agreedByForce: item.originatorForce,
      agreedAt: new Date(`${[addDays(item.recordedDate, random.int(1, 30)), dataset.asOf].sort()[0]}T10:00:00Z`),
      rationale,
    });
    if (random.chance(OTHER_FORCE_INTELLIGENCE_SHARE)) {
      item.originatorForce = forceName(random.pick(otherAreas));
      if (random.chance(OTHER_FORCE_AGREEMENT_SHARE))
        agreements.push(
          agreement('POLICE_FORCE', person.area, 'Synthetic: the force now managing the subject needs the detail to manage the risk.'),
        );
    }
    if (item.handlingCode === 'C' && random.chance(MAPPA_PARTNERS_AGREEMENT_SHARE)) {
      agreements.push(agreement('MAPPA_PARTNERS', null, 'Synthetic: the summary may go to the MAPPA partners managing the case.'));
    }
  }
  return agreements;
}

/** Writes the police's rows for a batch of synthetic people: identity first, then the rest. */
export async function seedPolice(db: Database, people: readonly SyntheticPerson[], dataset: SyntheticDatasetOptions): Promise<void> {
  const persons: (typeof personTable.$inferInsert)[] = [];
  const aliases: (typeof aliasTable.$inferInsert)[] = [];
  const visorNominals: (typeof visorNominalTable.$inferInsert)[] = [];
  const notifications: (typeof notificationTable.$inferInsert)[] = [];
  const breaches: (typeof notificationBreachTable.$inferInsert)[] = [];
  const risks: (typeof policeRiskTable.$inferInsert)[] = [];
  const civilOrders: (typeof civilOrderTable.$inferInsert)[] = [];
  const markers: (typeof warningMarkerTable.$inferInsert)[] = [];
  const intelligence: IntelligenceInsert[] = [];
  const sharingAgreements: AgreementInsert[] = [];
  const mappaJs: (typeof mappaJNotificationTable.$inferInsert)[] = [];
  const orderBreaches: (typeof civilOrderBreachTable.$inferInsert)[] = [];

  const disclosures: FinishedDecisionRows[] = [];
  const considerations: Level1ConsiderationInsert[] = [];
  for (const person of people) {
    const ordersBefore = civilOrders.length;
    // Issue 11: some of the police's own level 1 cases (adults it leads) had a disclosure proposed at a review (its own stream).
    if (person.level === 1 && person.leadAgency === 'POLICE' && !person.isYouth) {
      const disclosureRandom = new Random(dataset.seed, person.index, 'police-disclosure');
      if (disclosureRandom.chance(LEVEL_1_DISCLOSURE_SHARE)) {
        const history = level1DisclosureHistory(disclosureRandom, {
          holder: 'POLICE',
          pncId: person.pncId,
          area: person.area,
          asOf: dataset.asOf,
          issuer: DEV_ISSUER,
          unique: `L1-${person.index}`,
        });
        disclosures.push(history.rows);
        considerations.push(history.consideration);
      }
    }
    const mappaJ = mappaJFor(person, dataset);
    if (mappaJ) mappaJs.push(mappaJ);
    // A stream of its own per agency: adding a police field never changes another agency's data.
    const random = new Random(dataset.seed, person.index, 'police');
    const { pncId } = person;
    persons.push({
      pncId,
      croNumber: person.croNumber,
      firstName: person.firstName,
      middleNames: person.middleName,
      lastName: person.lastName,
      dateOfBirth: person.dateOfBirth,
      gender: person.gender,
      ethnicityCode: person.ethnicityCode,
      nationality: person.nationality,
      counterTerrorismRestricted: person.category === 4 || person.restrictedAccess,
      mappaArea: person.area,
      localAuthority: person.localAuthority,
    });
    person.aliases.forEach((alias, ordinal) =>
      aliases.push({
        pncId,
        ...alias,
        dateOfBirth: random.chance(0.3) ? addDays(person.dateOfBirth, random.int(-400, 400)) : null,
        ordinal,
      }),
    );
    if (person.hasVisorRecord) {
      visorNominals.push({
        visorReference: `VN-${String(person.index).padStart(8, '0')}`,
        pncId,
        status: 'ACTIVE',
        recordManagerStaffId: `PPU${random.int(10000, 99999)}`,
        recordManagerForce: forceName(person.area),
        partnerAgencies: visorPartnersOf(person),
        restrictedAccess: person.restrictedAccess,
        createdDate: person.mappaStartDate,
        retentionReviewDate: addMonths(person.dateOfBirth, 1200),
        mappaCategory: person.category,
        mappaLevel: person.level,
      });
    }
    if (person.category === 1) {
      const longSentence = person.sentence === null ? false : (person.sentence.lengthMonths ?? Infinity) >= 30;
      const periodYears = longSentence ? null : random.pick([5, 7, 10]) / (person.isYouth ? 2 : 1);
      notifications.push({
        pncId,
        startDate: person.offence.convictionDate,
        periodYears: periodYears === null ? null : Math.ceil(periodYears),
        indefinite: periodYears === null,
        expiryDate: periodYears === null ? null : addMonths(person.offence.convictionDate, Math.ceil(periodYears) * 12),
        registeredAddressLine1: person.address.line1,
        registeredAddressTown: person.address.town,
        registeredAddressPostcode: person.address.postcode,
        lastVerifiedDate: addDays(dataset.asOf, -random.int(1, 360)),
        homeVisitFrequencyWeeks: HOME_VISIT_WEEKS[person.policeRiskLevel],
      });
      // Issue 13: breaches now come from their own stream at the annual report's rate (`annualEvents`).
      // The draws that made the old ones are still taken, so the rest of this stream is unchanged.
      if (random.chance(0.1)) {
        random.int(10, 900);
        random.next();
        random.next();
      }
      risks.push({
        pncId,
        tool: person.supervision === 'CUSTODY' ? 'RM2000' : random.pick(['RM2000', 'ARMS'] as const),
        level: person.policeRiskLevel,
        assessedDate: addDays(dataset.asOf, -random.int(10, 500)),
        assessorStaffId: `PPU${random.int(10000, 99999)}`,
      });
      if (random.chance(0.35)) {
        civilOrders.push({
          pncId,
          type: random.chance(0.85) ? 'SHPO' : 'SOPO',
          court: `${person.address.town} Crown Court`,
          madeDate: person.offence.convictionDate,
          startDate: person.offence.convictionDate,
          endDate: random.chance(0.5) ? null : addMonths(person.offence.convictionDate, 12 * random.int(5, 15)),
          conditions: SHPO_CONDITIONS.filter(() => random.chance(0.6)),
        });
      }
    }
    if (person.category === 1) {
      const events = annualEvents(person, dataset, civilOrders.slice(ordersBefore));
      breaches.push(...events.breaches);
      civilOrders.push(...events.orders);
      orderBreaches.push(...events.orderBreaches);
    }
    if (person.category === 3 && random.chance(0.2)) {
      civilOrders.push({
        pncId,
        type: 'SRO',
        court: `${person.address.town} Magistrates' Court`,
        madeDate: addDays(dataset.asOf, -random.int(30, 700)),
        startDate: addDays(dataset.asOf, -random.int(1, 29)),
        endDate: addMonths(dataset.asOf, 24),
        conditions: [SHPO_CONDITIONS[0]],
      });
    }
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
      markers.push({ pncId, code: random.pick(WARNING_MARKERS), createdDate: addDays(dataset.asOf, -random.int(30, 5000)) });
    }
    const itemCount = person.level >= 2 || person.category === 4 ? random.int(1, 4) : random.chance(0.2) ? 1 : 0;
    const items: IntelligenceInsert[] = [];
    for (let n = 0; n < itemCount; n += 1) {
      items.push({
        pncId,
        reference: `INT-${person.index}-${n}`,
        recordedDate: addDays(dataset.asOf, -random.int(5, 700)),
        sourceEvaluation: random.pick(['1', '2', '3'] as const),
        intelligenceAssessment: random.pick(['A', 'B', 'C', 'D', 'E'] as const),
        handlingCode: random.pick(['P', 'C'] as const),
        originatorForce: forceName(person.area),
        text: `Synthetic intelligence ${n + 1}: subject reported associating with a known offender near ${person.address.town}.`,
        sanitisedSummary: 'Information suggests association with another known offender; the originator can be contacted for detail.',
      });
    }
    sharingAgreements.push(...originatorsOf(person, items, dataset));
    intelligence.push(...items);
  }

  await insertInChunks(db, personTable, persons);
  // Seeded in batches: each batch records its areas' agreements, once per area.
  const agreements = [...new Set(people.map((person) => person.area))].flatMap((area) => {
    const agreedDate = LEVEL_ONE_PROBATION_AGREEMENTS.get(area);
    return agreedDate === undefined ? [] : [{ area, partnerAgency: 'PROBATION' as const, agreedDate }];
  });
  if (agreements.length > 0) await db.insert(levelOnePartnerAgreementTable).values(agreements).onConflictDoNothing();
  await Promise.all([
    insertInChunks(db, aliasTable, aliases),
    insertInChunks(db, visorNominalTable, visorNominals),
    insertInChunks(db, notificationTable, notifications),
    insertInChunks(db, policeRiskTable, risks),
    insertInChunks(db, civilOrderTable, civilOrders),
    insertInChunks(db, warningMarkerTable, markers),
    insertInChunks(db, intelligenceItemTable, intelligence),
    insertInChunks(db, mappaJNotificationTable, mappaJs),
  ]);
  await Promise.all([
    insertInChunks(db, notificationBreachTable, breaches),
    insertInChunks(db, civilOrderBreachTable, orderBreaches),
    insertInChunks(db, intelligenceSharingAgreementTable, sharingAgreements),
  ]);
  // Finished history, in its final state (the disclosure triggers let that through only for a history load).
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local mappa.loading_history = 'on'`);
    await tx.execute(sql`set local police.loading_history = 'on'`);
    await insertFinishedDecisions(tx, disclosureTables, disclosures);
    await insertInChunks(tx, disclosureTables.disclosureConsiderationTable, considerations);
  });
}

/** Of the adults in the community the police manage (categories 1 and 4), the share with a MAPPA J sent. */
const MAPPA_J_SHARE = 0.3;

/**
 * A MAPPA J (A.R31–A.R35) for some adults the police manage in the community: sent by the police when
 * they manage the person alone, by probation when it supervises them too (A.R31); never about a child
 * (A.R31) or someone in custody. Restrictions end on dates either side of the dataset's day, so some
 * are over (A.R33); one hidden from the offender was always discussed with the JCP SPOC first (A.R35).
 * A stream of its own, so adding it changes no other police data.
 */
function mappaJFor(person: SyntheticPerson, dataset: SyntheticDatasetOptions): typeof mappaJNotificationTable.$inferInsert | null {
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

/** Of breaches of notification, the share ending in a caution or conviction (the rest: no further action, or still charged or pending). */
const BREACH_CAUTIONED_OR_CONVICTED_SHARE = 0.8;
/**
 * Orders made at conviction (above: 35% of registered sex offenders, on their conviction date spread
 * over about ten years) already give about 3.4% a year; orders on a later police application make up
 * the rest of the annual report's yearly SOPO/SHPO share.
 */
const ORDERS_AT_CONVICTION_YEARLY_SHARE = (0.35 * 365) / (4000 - 200);
/** Of people with a civil order, the yearly share breaching it (an assumption: the report counts only custody for levels 2-3). */
const ORDER_BREACH_YEARLY_SHARE = 0.04;
/** Of order breaches, the share that end in custody at level 1; at levels 2-3 the rate follows table 5 (`SOPO_CUSTODY_SHARE_OF_LEVELS_2_AND_3`). */
const ORDER_BREACH_CUSTODY_SHARE = 0.3;

type AnnualEvents = {
  breaches: (typeof notificationBreachTable.$inferInsert)[];
  orders: (typeof civilOrderTable.$inferInsert)[];
  orderBreaches: (typeof civilOrderBreachTable.$inferInsert)[];
};

/**
 * Issue 13: a registered sex offender's dated events over the event history, each yearly window drawn
 * at the annual report's yearly rate (`@mappa/shared` annual-report: tables 3, 4 and 5), so any
 * reporting year in the history has the report's proportions. A stream of its own.
 */
function annualEvents(
  person: SyntheticPerson,
  dataset: SyntheticDatasetOptions,
  ordersAtConviction: readonly (typeof civilOrderTable.$inferInsert)[],
): AnnualEvents {
  const random = new Random(dataset.seed, person.index, 'police-annual');
  const events: AnnualEvents = { breaches: [], orders: [], orderBreaches: [] };
  const { pncId } = person;
  const court = `${person.address.town} Magistrates' Court`;
  // Active management at level 2 or 3 in the history (today, or an earlier episode) is when table 5 counts a custodial order breach.
  const atLevels2Or3 = person.level >= 2 || person.levelEpisode !== null;
  for (const window of yearlyWindows(dataset.asOf)) {
    const from = window.from > person.offence.convictionDate ? window.from : addDays(person.offence.convictionDate, 1);
    if (from > window.to) continue;
    const span = daysBetween(from, window.to);
    const dayIn = () => addDays(from, random.int(0, span));
    if (random.chance(NOTIFICATION_BREACH_YEARLY_SHARE / BREACH_CAUTIONED_OR_CONVICTED_SHARE)) {
      const breachDate = dayIn();
      const settled = random.chance(BREACH_CAUTIONED_OR_CONVICTED_SHARE);
      const outcomeDate = addDays(breachDate, random.int(7, 90));
      const decided = outcomeDate <= dataset.asOf;
      const outcome = !decided
        ? random.pick(['CHARGED', 'PENDING'] as const)
        : settled
          ? random.pick(['CAUTIONED', 'CONVICTED', 'CONVICTED'] as const)
          : 'NO_FURTHER_ACTION';
      events.breaches.push({
        pncId,
        breachDate,
        nature: random.pick([
          'FAILED_TO_NOTIFY_ADDRESS',
          'FAILED_TO_NOTIFY_TRAVEL',
          'FAILED_ANNUAL_VERIFICATION',
          'FALSE_INFORMATION',
        ] as const),
        outcome,
        outcomeDate: decided ? outcomeDate : null,
      });
    }
    for (const [type, share] of [
      ['SHPO', ORDER_YEARLY_SHARE.SOPO - ORDERS_AT_CONVICTION_YEARLY_SHARE],
      ['NOTIFICATION_ORDER', ORDER_YEARLY_SHARE.NOTIFICATION_ORDER],
      ['FOREIGN_TRAVEL_ORDER', ORDER_YEARLY_SHARE.FOREIGN_TRAVEL_ORDER],
    ] as const) {
      if (!random.chance(share)) continue;
      const madeDate = dayIn();
      events.orders.push({
        pncId,
        type,
        court,
        madeDate,
        startDate: madeDate,
        endDate:
          type === 'FOREIGN_TRAVEL_ORDER'
            ? addMonths(madeDate, 60)
            : random.chance(0.5)
              ? null
              : addMonths(madeDate, 12 * random.int(5, 15)),
        conditions: type === 'SHPO' ? SHPO_CONDITIONS.filter(() => random.chance(0.6)) : [],
      });
    }
  }
  // Breaches of an order in force (SOPO/SHPO), once the order exists.
  const preventionOrders = [...ordersAtConviction, ...events.orders].filter((order) => order.type === 'SHPO' || order.type === 'SOPO');
  const first = preventionOrders.map((order) => order.madeDate).sort()[0];
  if (first === undefined) return events;
  const order = preventionOrders.find((candidate) => candidate.madeDate === first);
  const custodyShare = atLevels2Or3
    ? Math.min(1, SOPO_CUSTODY_SHARE_OF_LEVELS_2_AND_3 / ORDER_HOLDER_SHARE_AT_LEVELS_2_AND_3 / ORDER_BREACH_YEARLY_SHARE)
    : ORDER_BREACH_CUSTODY_SHARE;
  for (const window of yearlyWindows(dataset.asOf)) {
    if (first > window.to || !random.chance(ORDER_BREACH_YEARLY_SHARE)) continue;
    const from = window.from > first ? window.from : addDays(first, 1);
    if (from > window.to) continue;
    const breachDate = addDays(from, random.int(0, daysBetween(from, window.to)));
    const outcomeDate = addDays(breachDate, random.int(14, 120));
    const decided = outcomeDate <= dataset.asOf;
    const outcome = !decided
      ? 'PENDING'
      : random.chance(custodyShare)
        ? 'CONVICTED_CUSTODY'
        : random.pick(['CAUTIONED', 'CONVICTED_NON_CUSTODIAL', 'NO_FURTHER_ACTION'] as const);
    events.orderBreaches.push({ pncId, orderType: order?.type ?? 'SHPO', breachDate, outcome, outcomeDate: decided ? outcomeDate : null });
  }
  return events;
}

/** Of the registered sex offenders at levels 2-3, about the share holding a SOPO/SHPO (35% at conviction, plus later applications). */
const ORDER_HOLDER_SHARE_AT_LEVELS_2_AND_3 = 0.4;

/** Of the level 1 cases the police lead, the share with a disclosure proposed at a review. */
const LEVEL_1_DISCLOSURE_SHARE = 0.05;

/** How the police's synthetic data is written, cleared (children go with their person) and recognised. */
export const policeSeed: SubgraphSeed = {
  write: seedPolice,
  tables: [
    disclosureTables.disclosureConsiderationTable,
    disclosureTables.disclosureTransitionTable,
    disclosureTables.disclosureConsultationTable,
    disclosureTables.disclosureItemAgreementTable,
    disclosureTables.disclosureItemTable,
    disclosureTables.disclosureDecisionTable,
    levelOnePartnerAgreementTable,
    personTable,
  ],
  seededWhenRowsIn: personTable,
};
