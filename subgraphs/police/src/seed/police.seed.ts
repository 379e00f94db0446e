import { sql } from 'drizzle-orm';
import type {
  SubgraphSeed,
  FinishedDecisionRows,
  Level1ConsiderationInsert,
  Database,
  SyntheticDatasetOptions,
  SyntheticPerson,
} from '@mappa/shared';
import { insertInChunks, Random, insertFinishedDecisions } from '@mappa/shared';
import * as disclosureTables from '../disclosure/disclosure.table';
import { civilOrderBreachTable, civilOrderTable } from '../civil-order/civil-order.table';
import { aliasTable, personTable } from '../identity/identity-person.table';
import { intelligenceItemTable } from '../intelligence/intelligence-item.table';
import { intelligenceSharingAgreementTable } from '../intelligence/intelligence-sharing-agreement.table';
import { mappaJNotificationTable } from '../mappa-j/mappa-j.table';
import { notificationBreachTable, notificationTable } from '../notification/notification.table';
import { policeRiskTable } from '../police-risk/police-risk.table';
import { levelOnePartnerAgreementTable, visorNominalTable } from '../visor/visor-nominal.table';
import { warningMarkerTable } from '../warning-marker/warning-marker.table';
import { annualEvents } from './annual-events.builder';
import { buildOrderAtConviction, buildSexualRiskOrder } from './civil-order.builder';
import { buildAliases, buildPerson } from './identity.builder';
import { buildIntelligenceItems, originatorsOf } from './intelligence.builder';
import type { AgreementInsert, IntelligenceInsert } from './intelligence.builder';
import { buildLevel1Disclosure } from './level-1-disclosure.builder';
import { mappaJFor } from './mappa-j.builder';
import { buildNotification } from './notification.builder';
import { buildPoliceRisk } from './police-risk.builder';
import { buildVisorNominal, levelOneAgreementsOf } from './visor.builder';
import { buildWarningMarkers } from './warning-marker.builder';

/**
 * Writes the police's rows for a batch of synthetic people: identity first, then the rest. Each record
 * kind has its builder (`*.builder.ts`, one job each); this only calls them, person by person, in the
 * order they draw from the person's police stream (the order is the data: changing it changes the
 * dataset), and writes the rows table by table.
 */
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
    const disclosure = buildLevel1Disclosure(person, dataset);
    if (disclosure) {
      disclosures.push(disclosure.rows);
      considerations.push(disclosure.consideration);
    }
    const mappaJ = mappaJFor(person, dataset);
    if (mappaJ) mappaJs.push(mappaJ);
    // A stream of its own per agency: adding a police field never changes another agency's data.
    const random = new Random(dataset.seed, person.index, 'police');
    persons.push(buildPerson(person));
    aliases.push(...buildAliases(random, person));
    const visorNominal = buildVisorNominal(random, person);
    if (visorNominal) visorNominals.push(visorNominal);
    if (person.category === 1) {
      notifications.push(buildNotification(random, person, dataset.asOf));
      risks.push(buildPoliceRisk(random, person, dataset.asOf));
      const orderAtConviction = buildOrderAtConviction(random, person);
      const events = annualEvents(person, dataset, orderAtConviction ? [orderAtConviction] : []);
      if (orderAtConviction) civilOrders.push(orderAtConviction);
      breaches.push(...events.breaches);
      civilOrders.push(...events.orders);
      orderBreaches.push(...events.orderBreaches);
    }
    const sexualRiskOrder = buildSexualRiskOrder(random, person, dataset.asOf);
    if (sexualRiskOrder) civilOrders.push(sexualRiskOrder);
    markers.push(...buildWarningMarkers(random, person, dataset.asOf));
    const items = buildIntelligenceItems(random, person, dataset.asOf);
    sharingAgreements.push(...originatorsOf(person, items, dataset));
    intelligence.push(...items);
  }

  await insertInChunks(db, personTable, persons);
  const agreements = levelOneAgreementsOf(people);
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
